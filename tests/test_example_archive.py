"""The example archive (content/) uses what it records: an agreement's life, from the renewal a
source states, in the lists by status; and the text copies of two sources, published as what they
are and checked against their recorded SHA-256."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from mouarchive.cli import main

REPO = Path(__file__).resolve().parents[1]
RENEWED = "hksar-gov-gd-gov-technology-exchange"  # "One renewed the existing cooperation agreement ..."
# Each text copy, with the SHA-256 of the seed it was copied from and the agreement its document is about.
COPIES = {
    "2023/fsdc-caict-mou": ("321b2690a99d84e878802fc2e26c7c04dda24617f66f7ffa863cf8a03c482224",
                            "fsdc-caict-2023"),
    "2026/cn-hk-ai-data-blockchain-mou": ("6bd9847089d37db84789b242969fb7bfca43b04a67e8b0952463610806bf51fe",
                                          "itib-cac-2026"),
}


def copy_of_the_example(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    shutil.copyfile(REPO / "mouarchive.toml", root / "mouarchive.toml")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_of_the_example(tmp_path_factory.mktemp("example"))
    assert main(["build", "--site", str(root), "--no-search"]) == 0
    return root / "site"


def listed(page: Path) -> list[str]:
    return re.findall(r'<h2 class="entry-title"><a href="(?:\.\./)+agreements/([a-z0-9-]+)/',
                      page.read_text())


def test_the_agreement_a_source_says_was_renewed_is_listed_in_force(site: Path) -> None:
    assert listed(site / "status" / "in-force" / "index.html") == [RENEWED]
    for party in ("hksar-gov", "gd-gov"):
        page = (site / "parties" / party / "index.html").read_text()
        start = page.index('id="party-statuses"')
        panel = page[start:page.index("</section>", start)]
        assert f"agreements/{RENEWED}/" in panel and "status/in-force/" in panel, party
    page = (site / "agreements" / RENEWED / "index.html").read_text()
    assert re.search(r'21 March 2023</time>: Renewed by <a href="../../agreements/hksar-gov-gd-gov-2023/">',
                     page)


@pytest.mark.parametrize("document", sorted(COPIES))
def test_a_text_copy_of_a_source_is_published_as_what_it_is(site: Path, document: str) -> None:
    year, slug = document.split("/")
    published = site / "originals" / year / f"{slug}.txt"
    sha256, agreement = COPIES[document]
    assert hashlib.sha256(published.read_bytes()).hexdigest() == sha256
    page = (site / "documents" / year / slug / "index.html").read_text()
    assert "<dt>Text as received</dt>" in page and "Original file" not in page
    assert "not its publisher’s own file" in page and sha256 in page
    assert f'href="../../../originals/{year}/{slug}.txt"' in page
    listing = (site / "agreements" / agreement / "index.html").read_text()
    assert f'<a href="../../originals/{year}/{slug}.txt">text as received<span' in listing


def test_check_reports_a_changed_copy_at_the_documents_line(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_of_the_example(tmp_path)
    with (root / "content" / "originals" / "2023" / "fsdc-caict-mou.txt").open("a") as copy:
        copy.write("edited\n")
    document = (root / "content" / "2023" / "fsdc-caict-mou.md").read_text().splitlines()
    line = next(n for n, text in enumerate(document, 1) if text.strip().startswith("sha256:"))
    assert main(["check", "--site", str(root)]) == 1
    err = capsys.readouterr().err
    assert (f"content/2023/fsdc-caict-mou.md:{line}: error: original.sha256: "
            "content/originals/2023/fsdc-caict-mou.txt is not the file recorded") in err
