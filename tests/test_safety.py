"""Nothing is lost: a failed, broken or killed build leaves the previous site exactly as it was."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mouarchive import write as write_module
from mouarchive.cli import main

PARTIES = """\
- {id: alpha, name: Alpha Council, acronym: AC, jurisdiction: HK}
- {id: beta, name: Beta Academy, acronym: BA, jurisdiction: CN}
"""
TOPICS = """\
- {id: fintech, name: Fintech}
- {id: data, name: Data}
"""


def document(n: int, extra: str = "") -> str:
    return f"""---
title: Agreement number {n}
kind: press-release
published: 20{10 + n % 15}-0{1 + n % 9}-1{n % 10}
topics: [fintech{', data' if n % 2 else ''}]
agreement:
  id: alpha-beta-{n}
  parties: [AC, BA]
  signed: 20{10 + n % 15}-0{1 + n % 9}-0{1 + n % 9}
{extra}---
Body of document {n}. {"Some words about cooperation. " * 40}
"""


def write_site(root: Path, count: int, extra: str = "") -> Path:
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    config = 'title = "Test"\nbase_url = "https://example.org/"\nsearch = false\n'
    (root / "mouarchive.toml").write_text(config)
    (content / "parties.yaml").write_text(PARTIES)
    (content / "topics.yaml").write_text(TOPICS)
    for n in range(count):
        (content / f"doc-{n:04d}.md").write_text(document(n, extra))
    return root


def snapshot(site: Path) -> dict[str, str]:
    """Every file of the site with the hash of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*")) if p.is_file()
    }


def leftovers(root: Path) -> list[Path]:
    """Half-written sites of failed or killed builds (the spare site and the cache belong there)."""
    return [p for p in root.glob(".site.*")
            if p.name not in (".site.spare", ".site.cache", ".site.spare.partial")]


def build(root: Path, *args: str) -> int:
    return main(["build", "--site", str(root), *args])


def test_content_error_leaves_previous_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_site(tmp_path, 5)
    assert build(root) == 0
    before = snapshot(root / "site")
    broken = "---\ntitle: broken\nkind: news\npublished: 2023-02-30\n---\n"
    (root / "content" / "doc-0002.md").write_text(broken)
    assert build(root) == 1
    err = capsys.readouterr().err
    assert "content/doc-0002.md:4: error: published: '2023-02-30' is not a real date" in err
    assert snapshot(root / "site") == before
    assert not leftovers(tmp_path)


def test_template_exception_leaves_previous_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_site(tmp_path, 3)
    assert build(root) == 0
    before = snapshot(root / "site")
    (root / "templates").mkdir()
    (root / "templates" / "document.html").write_text("<p>\n{{ page.subject.no_such_field.deeper }}\n</p>\n")
    assert build(root) == 3
    err = capsys.readouterr().err
    assert "templates/document.html:2:" in err
    assert "while rendering /documents/" in err
    assert snapshot(root / "site") == before
    assert not leftovers(tmp_path)


def test_full_disk_leaves_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = write_site(tmp_path, 5)
    assert build(root) == 0
    before = snapshot(root / "site")
    write_site(root, 6)  # a different site, so a partial write would show
    written = 0
    real_put = write_module.Staging.put

    def fill_up(self: write_module.Staging, rel: str, data: bytes) -> bool:
        nonlocal written
        written += 1
        if written > 10:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_put(self, rel, data)

    monkeypatch.setattr(write_module.Staging, "put", fill_up)
    assert build(root) == 4
    assert "No space left on device" in capsys.readouterr().err
    monkeypatch.undo()
    assert snapshot(root / "site") == before
    assert not leftovers(tmp_path)


def test_good_build_after_bad_equals_clean_build(tmp_path: Path) -> None:
    clean = write_site(tmp_path / "clean", 6)
    assert build(clean) == 0
    repaired = write_site(tmp_path / "repaired", 4)
    assert build(repaired) == 0
    (repaired / "content" / "doc-0001.md").write_text("---\ntitle: [unclosed\n---\n")
    assert build(repaired) == 1
    write_site(repaired, 6)
    assert build(repaired) == 0
    assert snapshot(repaired / "site") == snapshot(clean / "site")


def test_new_site_replaces_old_completely(tmp_path: Path) -> None:
    root = write_site(tmp_path, 4)
    assert build(root) == 0
    (root / "content" / "doc-0003.md").unlink()
    assert build(root) == 0
    assert not (root / "site" / "agreements" / "alpha-beta-3").exists()
    assert (root / "site" / "agreements" / "alpha-beta-2" / "index.html").exists()


def test_swap_without_atomic_exchange(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where renameat2 is missing, the two-rename fallback still ends with only the new site."""
    root = write_site(tmp_path, 3)
    assert build(root) == 0
    monkeypatch.setattr(write_module, "_exchange", lambda a, b: False)
    write_site(root, 2)
    assert build(root) == 0
    assert not (root / "site" / "agreements" / "alpha-beta-2").exists()
    assert not leftovers(tmp_path)


def test_site_lost_between_renames_is_restored(tmp_path: Path) -> None:
    """A build killed between the fallback's two renames left '.site.old-PID': the next build puts it back."""
    root = write_site(tmp_path, 2)
    assert build(root) == 0
    before = snapshot(root / "site")
    dead_pid = 2**22 + 12345  # above the kernel's default pid_max, so never a live process
    os.rename(root / "site", tmp_path / f".site.old-{dead_pid}")
    (tmp_path / f".site.new-{dead_pid}").mkdir()
    write_module._remove_leftovers(root / "site")
    assert snapshot(root / "site") == before
    assert not leftovers(tmp_path)


def test_killed_build_never_leaves_a_mixed_site(tmp_path: Path) -> None:
    """SIGKILL at many moments of a real build: the site is always wholly old or wholly new."""
    root = write_site(tmp_path, 150)
    assert build(root) == 0
    old = snapshot(root / "site")
    write_site(root, 150, extra="  place: Hong Kong\n")  # every agreement page changes
    command = [sys.executable, "-m", "mouarchive", "build", "--site", str(root)]

    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.perf_counter() - started
    new = snapshot(root / "site")
    assert new != old

    # Go back to the old site, then kill builds of the new content at moments spread over a build.
    write_site(root, 150)
    assert build(root) == 0
    assert snapshot(root / "site") == old
    write_site(root, 150, extra="  place: Hong Kong\n")
    outcomes = set()
    for fraction in (0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.95, 1.0):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = snapshot(root / "site")
        assert after in (old, new), f"mixed site after a kill at {fraction:.0%} of a build"
        outcomes.add("new" if after == new else "old")
        if after == new:  # put the old site back so the next kill can catch a build mid-way
            write_site(root, 150)
            assert build(root) == 0
            write_site(root, 150, extra="  place: Hong Kong\n")
    assert "old" in outcomes  # at least one kill landed before the swap
    # The next build clears what killed builds left behind and completes.
    assert build(root) == 0
    assert snapshot(root / "site") == new
    assert not leftovers(tmp_path)
