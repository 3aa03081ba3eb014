"""The command line and the build as a whole: exit codes, messages, and an output directory that is
replaced whole or not at all."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import settled
from mouarchive import config as config_module
from mouarchive import write
from mouarchive.build import build_site
from mouarchive.cli import main
from mouarchive.config import load_config
from mouarchive.errors import BuildError, ExitCode

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "site"

DOC = """\
---
title: FSDC and CAICT sign MOU
kind: press-release
published: 2023-09-11
topics: [fintech]
agreement:
  id: fsdc-caict-2023
  parties: [FSDC, CAICT]
  signed: 2023-09-06
---
The FSDC signed an MOU with CAICT.
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mouarchive", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60)


def run_here(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The command run in this process (much faster), for tests about the build, not the process."""
    code = main(list(args))
    return code, capsys.readouterr().err


def hashes(root: Path) -> dict[str, str]:
    """A hash of every file under root, by relative path."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def staging_left(root: Path) -> list[Path]:
    """A half-written site left behind (the spare site and the cache are meant to stay)."""
    return [p for p in root.iterdir() if p.name.startswith(".site.")
            and p.name not in (".site.spare", ".site.cache", ".site.spare.partial")]


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    return make_site({"content/2023/fsdc-caict-mou.md": DOC})


# --- success -------------------------------------------------------------------------------------


def test_build_exits_0_and_writes_the_site(site: Path) -> None:
    result = run("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    out = site / "site"
    for name in ("index.html", "agreements/fsdc-caict-2023/index.html",
                 "documents/2023/fsdc-caict-mou/index.html", "feed.xml", "sitemap.xml", "404.html",
                 "static/style.css"):
        assert (out / name).is_file(), name
    assert "built 1 document about 1 agreement" in result.stderr
    assert not staging_left(site)


def test_build_from_inside_the_site_directory(site: Path) -> None:
    result = run("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "site/index.html").is_file()


def test_output_and_base_url_options(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "elsewhere" / "public"
    code, err = run_here(capsys, "build", "--site", str(site), "--output", str(out),
                         "--base-url", "https://x.example/sub")
    assert code == 0, err
    assert b"https://x.example/sub/sitemap.xml" in (out / "robots.txt").read_bytes()
    assert not (site / "site").exists()


def test_warnings_are_printed_and_strict_makes_them_fail(make_site: Callable[..., Path],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    other = DOC.replace("published: 2023-09-11", "published: 2023-09-12").replace(
        "  signed: 2023-09-06", "  signed: 2023-09-07")
    site = make_site({"content/2023/a.md": DOC, "content/2023/b.md": other})
    result = run("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert ("content/2023/a.md:9: warning: agreement.signed: documents disagree on the signing date of "
            "agreement 'fsdc-caict-2023': content/2023/a.md:9 says 2023-09-06; content/2023/b.md:9 says "
            "2023-09-07") in result.stderr
    assert "0 errors, 1 warning in 1 file" in result.stderr
    assert run_here(capsys, "check", "--site", str(site), "--strict")[0] == ExitCode.CONTENT
    assert run_here(capsys, "build", "--site", str(site), "--strict")[0] == ExitCode.CONTENT


# --- content errors ------------------------------------------------------------------------------


def test_content_error_exits_1_and_leaves_the_previous_site_unchanged(site: Path) -> None:
    assert run("build", "--site", str(site)).returncode == 0
    before = hashes(site / "site")
    (site / "content/2023/bad.md").write_text("---\ntitle: Bad\nkind: news\npublished: 2023-02-30\n---\n")
    (site / "content/2023/fsdc-caict-mou.md").write_text(DOC.replace("The FSDC", "Changed: the FSDC"))
    result = run("build", "--site", str(site))
    assert result.returncode == ExitCode.CONTENT
    assert ("content/2023/bad.md:4: error: published: '2023-02-30' is not a real date: "
            "February 2023 has 28 days") in result.stderr
    assert "nothing was written; the previous site is unchanged" in result.stderr
    assert result.stdout == ""
    assert hashes(site / "site") == before
    assert not staging_left(site)


def test_the_collector_leaves_what_a_build_plans_alone_and_is_as_it_was_after(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading and planning make objects that live until the build ends, so the cyclic collector
    waits (build.paused_collector), then they are frozen while the site is written; after, even
    when the content has errors, it is on again and nothing is frozen (serve's process goes on)."""
    import gc

    from mouarchive import build

    seen: list[bool] = []
    plan_site = build.plan_site

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return plan_site(*args, **kwargs)  # type: ignore[arg-type]

    frozen: list[int] = []
    write_site = build.write_site

    def writing(*args: object, **kwargs: object) -> object:
        frozen.append(gc.get_freeze_count())
        return write_site(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "plan_site", spy)
    monkeypatch.setattr(build, "write_site", writing)
    gc.unfreeze()  # (an engine of an earlier test may have frozen its state)
    assert gc.isenabled()
    build_site(load_config(site), force=True)
    assert frozen[0] > 1000, "what the build planned was not out of the collector's sight"
    assert not gc.get_freeze_count()
    (site / "content/2023/bad.md").write_text("---\ntitle: Bad\nkind: news\npublished: 2023-02-30\n---\n")
    with pytest.raises(BuildError):
        build_site(load_config(site), force=True)
    assert seen == [False, False]
    assert gc.isenabled()


def test_every_error_is_reported_in_one_run_with_a_count(site: Path) -> None:
    (site / "content/a.md").write_text("---\nkind: news\n---\n")
    (site / "content/b.md").write_text("---\ntitle: B\nkind: newz\n---\n")
    result = run("check", "--site", str(site))
    assert result.returncode == ExitCode.CONTENT
    lines = [line for line in result.stderr.splitlines() if ": error:" in line]
    assert lines == [
        "content/a.md:2: error: the field 'title' is required",
        "content/b.md:3: error: kind: 'newz' is not one of the allowed values",
    ]
    assert "2 errors, 0 warnings in 2 files" in result.stderr


def test_check_writes_nothing(site: Path) -> None:
    before = listing(site)
    result = run("check", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert "checked 1 document about 1 agreement" in result.stderr
    assert listing(site) == before


def test_check_reports_errors_without_writing(site: Path) -> None:
    (site / "content/bad.md").write_text("no frontmatter\n")
    before = listing(site)
    result = run("check", "--site", str(site))
    assert result.returncode == ExitCode.CONTENT
    assert "content/bad.md:1: error: no frontmatter" in result.stderr
    assert listing(site) == before


# --- templates -----------------------------------------------------------------------------------


def test_missing_template_exits_3_naming_it(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC,
                      "templates/topics.html": '{% include "no-such-part.html" %}\n'})
    result = run("build", "--site", str(site))
    assert result.returncode == ExitCode.TEMPLATE
    assert "templates/no-such-part.html: error: template not found" in result.stderr
    assert not (site / "site").exists()


def test_missing_default_template_is_found_before_writing(site: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = tmp_path / "defaults"
    shutil.copytree(config_module.default_templates(), defaults)
    (defaults / "party.html").unlink()
    monkeypatch.setattr(config_module, "default_templates", lambda: defaults)
    with pytest.raises(BuildError) as caught:
        build_site(load_config(site))
    assert caught.value.code == ExitCode.TEMPLATE
    [problem] = caught.value.problems
    assert problem.path == "templates/party.html"
    assert problem.message.startswith("template not found (looked in ")
    assert not (site / "site").exists()


def test_template_that_fails_while_rendering_exits_3_naming_file_line_and_page(
        make_site: Callable[..., Path]) -> None:
    broken = ('{% extends "base.html" %}\n{% block main %}\n<h1>{{ page.title }}</h1>\n'
              '{{ page.nope.deeper }}\n{% endblock %}\n')
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "templates/document.html": broken})
    for cwd, site_arg in ((None, str(site)), (site, ".")):  # an absolute and a relative site path
        result = run("build", "--site", site_arg, cwd=cwd)
        assert result.returncode == ExitCode.TEMPLATE, result.stderr
        assert ("templates/document.html:4: error: while rendering /documents/2023/fsdc-caict-mou/ "
                "(from content/2023/fsdc-caict-mou.md): UndefinedError: ") in result.stderr
        assert "has no attribute 'nope'" in result.stderr
        assert not (site / "site").exists()


def test_template_syntax_error_exits_3_with_its_line(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC,
                      "templates/home.html": "line one\n{% if %}\n"})
    result = run("build", "--site", str(site))
    assert result.returncode == ExitCode.TEMPLATE
    assert "templates/home.html:2: error: template syntax: " in result.stderr


def test_a_template_error_leaves_the_previous_site_unchanged(site: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    before = hashes(site / "site")
    (site / "templates").mkdir()
    (site / "templates/agreement.html").write_text("{{ page.subject.nope.deeper }}\n")
    result = run("build", "--site", str(site))
    assert result.returncode == ExitCode.TEMPLATE
    assert "templates/agreement.html:1: error: while rendering /agreements/fsdc-caict-2023/" in result.stderr
    assert hashes(site / "site") == before


def test_a_site_template_overrides_the_default(make_site: Callable[..., Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC,
                      "templates/robots.txt": "User-agent: *\nDisallow: /\n"})
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    assert (site / "site/robots.txt").read_text() == "User-agent: *\nDisallow: /\n"


# --- configuration and usage ---------------------------------------------------------------------


@pytest.mark.parametrize(("toml", "message"), [
    ("per_page = \"two\"\n", "mouarchive.toml: error: per_page: expected a whole number, got 'two'"),
    ("per_page = 0\n", "mouarchive.toml: error: per_page: must be at least 1"),
    ("titel = \"x\"\n", "mouarchive.toml: error: titel: unknown setting"),
    ("base_url = \"example.org\"\n", "mouarchive.toml: error: base_url: 'example.org' is not an absolute "
                                     "http(s) URL"),
    ("timezone = \"Hong Kong\"\n", "mouarchive.toml: error: timezone: unknown time zone 'Hong Kong'"),
    ("title = \nsearch = false\n", "mouarchive.toml:1: error: not valid TOML: Invalid value (at line 1, "),
])
def test_bad_config_exits_2(make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str],
                            toml: str, message: str) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "mouarchive.toml": toml})
    code, err = run_here(capsys, "build", "--site", str(site))
    assert code == ExitCode.USAGE, err
    assert message in err
    assert not (site / "site").exists()


def test_bad_config_exits_2_from_the_command_line(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "mouarchive.toml": "per_page = -1\n"})
    result = run("build", "--site", str(site))
    assert result.returncode == ExitCode.USAGE
    assert "mouarchive.toml: error: per_page: must be at least 1" in result.stderr
    assert not (site / "site").exists()


def test_bad_config_stops_check_too(make_site: Callable[..., Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "mouarchive.toml": "search = 1\n"})
    code, err = run_here(capsys, "check", "--site", str(site))
    assert code == ExitCode.USAGE
    assert "mouarchive.toml: error: search: expected true or false, got 1" in err


def test_bad_base_url_option_exits_2(site: Path) -> None:
    result = run("build", "--site", str(site), "--base-url", "not a url")
    assert result.returncode == ExitCode.USAGE
    assert "base_url: 'not a url/' is not" in result.stderr or "base_url: 'not a url' is not" in result.stderr


def test_no_command_and_unknown_option_exit_2(site: Path) -> None:
    assert run().returncode == ExitCode.USAGE
    result = run("build", "--nope")
    assert result.returncode == ExitCode.USAGE
    assert "unrecognized arguments: --nope" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("mouarchive ")


def test_missing_content_is_a_content_error(tmp_path: Path) -> None:
    result = run("check", "--site", str(tmp_path))
    assert result.returncode == ExitCode.CONTENT
    assert "content: error: the content directory does not exist" in result.stderr


# --- the output directory ------------------------------------------------------------------------


def test_files_put_in_the_site_by_hand_are_kept_and_reported(site: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    (site / "site/CNAME").write_text("archive.example.org")
    (site / "site/agreements/old-2019").mkdir()
    (site / "site/agreements/old-2019/index.html").write_text("old")
    (site / "content/2023/second.md").write_text("---\ntitle: Second\nkind: speech\n---\n")
    code, err = run_here(capsys, "build", "--site", str(site))
    assert code == 0, err
    assert "left 2 files in" in err and "that no build wrote: CNAME, agreements/old-2019/index.html" in err
    assert (site / "site/CNAME").read_text() == "archive.example.org"
    assert (site / "site/agreements/old-2019/index.html").is_file()


def test_without_a_record_of_the_last_build_unknown_files_are_removed_and_reported(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    (site / "site/stale.html").write_text("from an older build")
    settled(site)
    shutil.rmtree(site / ".site.cache")
    code, err = run_here(capsys, "build", "--site", str(site))
    assert code == 0, err
    assert not (site / "site/stale.html").exists()
    assert "removed 1 file this build no longer makes (no record of the previous build" in err
    assert (site / "site/index.html").is_file()


def test_a_removed_document_disappears_from_the_site(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "content/2023/second.md").write_text("---\ntitle: Second\nkind: speech\n"
                                                 "published: 2023-10\nagreement: fsdc-caict-2023\n---\n")
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    assert (site / "site/documents/2023/second/index.html").is_file()
    (site / "content/2023/second.md").unlink()
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    assert not (site / "site/documents/2023/second").exists()


def test_an_output_path_that_is_a_file_exits_4(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "site").write_text("not a directory")
    code, err = run_here(capsys, "build", "--site", str(site))
    assert code == ExitCode.OUTPUT
    assert "could not write the site" in err
    assert (site / "site").read_text() == "not a directory"


def test_site_static_files_are_copied_to_the_root(make_site: Callable[..., Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "static/CNAME": "archive.example.org\n",
                      "templates/static/extra.css": "body{}\n"})
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    assert (site / "site/CNAME").read_text() == "archive.example.org\n"
    assert (site / "site/static/extra.css").read_text() == "body{}\n"
    assert (site / "site/static/style.css").is_file()  # the default theme is still there


# --- build.py ------------------------------------------------------------------------------------


def test_build_py_builds_the_site_it_sits_in(tmp_path: Path) -> None:
    site = tmp_path / "copy"
    shutil.copytree(FIXTURE, site)
    shutil.copy(REPO / "build.py", site / "build.py")
    result = subprocess.run([sys.executable, str(site / "build.py")], capture_output=True, text=True,
                            cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (site / "site/agreements/dtb-nda-2024/index.html").is_file()


def test_repository_build_py_builds_the_example_site(tmp_path: Path) -> None:
    out = tmp_path / "example"
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--output", str(out), "--no-search"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").is_file()
    assert (out / "agreements/fsdc-caict-2023/index.html").is_file()


def test_build_py_passes_its_exit_code_on(tmp_path: Path) -> None:
    site = tmp_path / "copy"
    shutil.copytree(FIXTURE, site)
    shutil.copy(REPO / "build.py", site / "build.py")
    (site / "content/undated/bad.md").write_text("---\ntitle: Bad\n---\n")
    result = subprocess.run([sys.executable, str(site / "build.py")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == ExitCode.CONTENT
    assert "content/undated/bad.md:2: error: the field 'kind' is required" in result.stderr


def test_dates_of_different_precision_for_one_agreement_build(make_site: Callable[..., Path],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A month from one source and a day from another are compared when sorting and in the feeds."""
    month = DOC.replace("  signed: 2023-09-06", "  signed: 2023-09").replace("published: 2023-09-11",
                                                                            "published: 2023-09")
    site = make_site({"content/2023/a.md": DOC, "content/2023/b.md": month})
    code, err = run_here(capsys, "build", "--site", str(site))
    assert code == 0, err
    assert "documents disagree on the signing date of agreement 'fsdc-caict-2023'" in err
    assert (site / "site/feed.xml").is_file()


def test_list_entries_are_shared_between_pages_with_their_links_right_for_each(
        make_site: Callable[..., Path]) -> None:
    """An agreement's entry is rendered once and reused: its links must still start from each
    page; and a title holding the marker the reuse relies on (a YAML escape can write one) must
    not be taken for it."""
    odd = DOC.replace("  id: fsdc-caict-2023", '  id: odd-2023\n  title: "An odd\\0 title"').replace(
        "published: 2023-09-11", "published: 2023-09-12")
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "content/2023/odd.md": odd})
    build_site(load_config(site))
    out = site / "site"
    for page, up in [("index.html", ""), ("topics/fintech/index.html", "../../"),
                     ("parties/fsdc/index.html", "../../"), ("agreements/index.html", "../")]:
        html = (out / page).read_text("utf-8")
        for agreement in ("fsdc-caict-2023", "odd-2023"):
            assert f'href="{up}agreements/{agreement}/"' in html, (page, agreement)
            assert f'href="{up}parties/caict/"' in html, page
        assert html.count("\x00") == html.count("An odd\x00 title") >= 1, page  # the title, as written


def test_files_put_by_hand_are_found_from_the_directories_times_and_kept_build_after_build(
        site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # No directory time counts as too recent, so the next build lists only the directories whose
    # time changed since (write.Listing), as it does a second after a build.
    monkeypatch.setattr(write, "RACY_NS", -10**18)
    assert run_here(capsys, "build", "--site", str(site))[0] == 0
    (site / "site/CNAME").write_text("archive.example.org")
    (site / "site/agreements/old-2019/pdf").mkdir(parents=True)
    (site / "site/agreements/old-2019/pdf/index.html").write_text("old")
    second = site / "content/2023/second.md"
    for build, title in enumerate(["Second", "Second, revised", "Second, again"]):
        second.write_text(f"---\ntitle: {title}\nkind: speech\n---\n")
        code, err = run_here(capsys, "build", "--site", str(site))
        assert code == 0, err
        assert "that no build wrote: CNAME, agreements/old-2019/pdf/index.html" in err, build
        assert (site / "site/CNAME").read_text() == "archive.example.org"
        assert (site / "site/agreements/old-2019/pdf/index.html").read_text() == "old"


def test_a_listing_lists_only_the_directories_whose_time_changed(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "RACY_NS", -10**18)
    for rel in ["index.html", "a/index.html", "b/index.html", "b/c/index.html"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    listing = write.Listing.of(tmp_path, ["index.html", "a/index.html", "b/index.html", "b/c/index.html"], ())
    assert listing.files_since(tmp_path) == []
    (tmp_path / "b/c/extra.txt").write_text("by hand")
    (tmp_path / "b/new/deep").mkdir(parents=True)
    (tmp_path / "b/new/deep/file.txt").write_text("by hand")
    # b/ and b/c/ changed and are listed (with what the build wrote there); a/ and the root are not.
    assert sorted(listing.files_since(tmp_path)) == [
        "b/c/extra.txt", "b/c/index.html", "b/index.html", "b/new/deep/file.txt"]
    # A time too recent to trust is always listed again.
    monkeypatch.setattr(write, "RACY_NS", 10**18)
    assert "index.html" in write.Listing.of(tmp_path, ["index.html"], ()).files_since(tmp_path)


def _listed_site(tmp_path: Path) -> tuple[object, list]:
    """A site of 120 documents, its lists five to a page: its plan, and its pages' chunks as a build
    renders them."""
    from mouarchive.build import inspect_site, list_place, render_chunks
    from test_incremental import make_site

    root = make_site(tmp_path / "site", count=120, workers=1)
    config_file = root / "mouarchive.toml"
    config_file.write_text(config_file.read_text() + "per_page = 5\nlanguages = ['en', 'zh-Hant']\n")
    plan = inspect_site(load_config(root))[0]
    return plan, render_chunks(plan.pages, size=5, place=list_place(plan.archive))


def test_a_languages_lists_render_apart_from_its_records_pages_in_the_order_of_their_agreements(
        tmp_path: Path) -> None:
    """build.render_chunks: each chunk is one language's lists or its records' own pages, so that
    one worker renders a language's lists and makes each agreement's entry in them once
    (render.fragment); the lists come in the order of their first agreement, the archive's."""
    from mouarchive.pages import DATA_FILES, RECORD_PAGES

    plan, chunks = _listed_site(tmp_path)
    order = {ident: number for number, ident in enumerate(plan.archive.agreements)}
    for chunk in chunks:
        pages = [plan.pages[index] for index in chunk]
        assert len({(p.lang, p.kind in RECORD_PAGES, p.kind in DATA_FILES) for p in pages}) == 1
    for lang in ("en", "zh-Hant"):
        firsts = [order[p.items[0]] for chunk in chunks for p in (plan.pages[i] for i in chunk)
                  if p.lang == lang and p.kind not in RECORD_PAGES and p.items and p.items[0] in order]
        assert len(firsts) > 60 and firsts == sorted(firsts)


def test_rendered_in_that_order_each_agreements_entry_is_made_once_with_fewer_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """render.FRAGMENT_LIMIT: the lists rendered as a build deals them, a renderer that keeps fewer
    entries than the archive has agreements still makes each agreement's entry once, the one least
    recently used being dropped (and not every entry at once)."""
    import jinja2

    from mouarchive import render
    from mouarchive.pages import RECORD_PAGES

    plan, chunks = _listed_site(tmp_path)
    monkeypatch.setattr(render, "FRAGMENT_LIMIT", 30)  # of 90 agreements, 5 to a list's page
    made: list[tuple[str, str]] = []
    original = jinja2.Template.render

    def spy(self: jinja2.Template, *args: object, **values: object) -> str:
        if self.name == "card.html":
            made.append((values["agreement"].id, values["heading"]))  # type: ignore[attr-defined]
        return original(self, *args, **values)

    monkeypatch.setattr(jinja2.Template, "render", spy)
    renderer = render.Renderer(load_config(tmp_path / "site"), plan.archive, links=plan.links)
    for chunk in chunks:
        for page in (plan.pages[index] for index in chunk if plan.pages[index].lang == "en"):
            if page.kind not in RECORD_PAGES:
                renderer.render_files(page)
    assert len(plan.archive.agreements) == 90 and len(made) > 90
    assert len(made) == len(set(made))
