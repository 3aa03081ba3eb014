"""Templates compiled ahead (render.compile_templates, run by a first build beside its planning):
what it leaves is what the renderers load, and the site is the one built without it."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest

from mouarchive import build
from mouarchive.build import build_site, inspect_site
from mouarchive.config import default_templates, load_config
from mouarchive.parallel import beside, can_fork
from mouarchive.render import Renderer, compile_templates

FIXTURE = Path(__file__).parent / "fixtures" / "bilingual"


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_work_beside_runs_in_another_process_and_is_waited_for(tmp_path: Path) -> None:
    mark = tmp_path / "pid"
    join = beside(lambda: mark.write_text(str(os.getpid())))
    join()
    assert int(mark.read_text()) != os.getpid()


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from here on (not those read back compiled)."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(name))
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return compiled


@pytest.mark.parametrize("ahead", [True, False])
def test_a_renderer_loads_the_templates_compiled_ahead_and_compiles_none(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead: bool) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    config = load_config(site)
    plan, _problems = inspect_site(config)
    compiled_dir = tmp_path / "compiled"
    compiled_dir.mkdir()
    if ahead:
        compile_templates(config, compiled_dir)
    compiled = _compiles(monkeypatch)
    renderer = Renderer(config, plan.archive, links=plan.links, compiled=compiled_dir)
    for page in plan.pages:
        renderer.render_files(page)
    if ahead:
        assert compiled == []
    else:  # the same renders compile the templates themselves: what compiling ahead spares them
        assert {"agreement.html", "base.html", "document.html"} <= set(compiled)


def _site_files(output: Path) -> dict[str, str]:
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(output.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_a_first_build_compiles_the_templates_beside_and_builds_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    started: list[Any] = []

    def spy(work: Any) -> Any:
        started.append(work)
        return beside(work)

    monkeypatch.setattr(build, "beside", spy)
    config = load_config(site, {"workers": 2, "output_dir": str(tmp_path / "two")})
    build_site(config)
    assert len(started) == 1
    templates = {p.name for p in (tmp_path / ".two.cache").glob("templates-*/*")}
    assert len(templates) >= len(jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(default_templates()))).list_templates()) > 0

    build_site(config, force=True)  # compiled already: nothing started
    assert len(started) == 1

    one = load_config(site, {"workers": 1, "output_dir": str(tmp_path / "one")})
    build_site(one)  # one process: nothing started, the templates compiled as they are needed
    assert len(started) == 1
    assert _site_files(tmp_path / "two") == _site_files(tmp_path / "one")


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_no_process_to_be_had_leaves_the_work_to_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_self: Any) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("multiprocessing.process.BaseProcess.start", refuse)
    ran: list[int] = []
    beside(lambda: ran.append(1))()  # nothing started, and waiting for it returns at once
    assert ran == []
