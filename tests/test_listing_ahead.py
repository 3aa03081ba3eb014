"""The helper process that checks a site listing's directories while the engine kept warm patches
(listing_ahead.py): its answer is what write.Listing finds itself, never an earlier one."""

from __future__ import annotations

import io
import marshal
from collections.abc import Iterator
from pathlib import Path

import pytest

from mouarchive import write
from mouarchive.listing_ahead import ListingAhead, answer_requests

FILES = ["index.html", "a/index.html", "b/index.html", "b/c/index.html"]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(write, "RACY_NS", -10**18)  # every directory time counts as settled
    for rel in FILES:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    return tmp_path


@pytest.fixture
def ahead() -> Iterator[ListingAhead]:
    helper = ListingAhead()
    helper.start()
    yield helper
    helper.close()


def test_the_helper_finds_what_the_listing_finds(tree: Path, ahead: ListingAhead) -> None:
    listing = write.Listing.of(tree, FILES, ())
    ahead.send(listing)
    ahead.ask(tree, listing)
    assert ahead.unchanged(tree, listing) == listing.unchanged(tree) == {"", "a", "b", "b/c"}
    (tree / "b/c/by-hand.txt").write_text("by hand")
    (tree / "a/index.html").unlink()
    ahead.ask(tree, listing)  # (sent already: only the question goes)
    assert ahead.unchanged(tree, listing) == listing.unchanged(tree) == {"", "b"}
    # What it found there is what files_since lists, as when it looks itself.
    ahead.ask(tree, listing)
    assert sorted(listing.files_since(tree, ahead.unchanged(tree, listing))) \
        == sorted(listing.files_since(tree)) == ["b/c/by-hand.txt", "b/c/index.html"]


def test_an_answer_to_an_earlier_build_is_never_taken(tree: Path, ahead: ListingAhead) -> None:
    listing = write.Listing.of(tree, FILES, ())
    other = write.Listing.of(tree / "b", ["index.html"], ())
    ahead.ask(tree, listing)
    ahead.ask(tree / "b", other)
    ahead.unchanged(tree / "b", other)  # answered after the first: the helper has looked at `tree`
    (tree / "a/by-hand.txt").write_text("made after the helper looked")
    ahead.forget_asked()  # a new build begins
    assert "a" not in ahead.unchanged(tree, listing)  # looked at again, not the old answer


def test_where_the_helper_is_gone_the_engine_looks_itself(tree: Path, ahead: ListingAhead) -> None:
    listing = write.Listing.of(tree, FILES, ())
    ahead.ask(tree, listing)
    ahead._process.kill()  # type: ignore[union-attr]
    ahead._process.wait()  # type: ignore[union-attr]
    (tree / "b/by-hand.txt").write_text("by hand")
    assert ahead.unchanged(tree, listing) == {"", "a", "b/c"}
    ahead.ask(tree, listing)  # no helper: nothing asked
    assert ahead.unchanged(tree, listing) == {"", "a", "b/c"}


def test_a_listing_the_helper_has_forgotten_is_looked_at_here(tree: Path, ahead: ListingAhead) -> None:
    listings = [write.Listing.of(tree, FILES, ()) for _ in range(6)]  # more than it holds
    for listing in listings:
        ahead.send(listing)
    (tree / "b/by-hand.txt").write_text("by hand")
    ahead.ask(tree, listings[0])  # the oldest went: sent again
    assert ahead.unchanged(tree, listings[0]) == {"", "a", "b/c"}


def test_the_helper_answers_nothing_of_a_listing_it_does_not_hold(tree: Path) -> None:
    # An answer of no changed directories would be an answer that all of them are unchanged.
    requests = io.BytesIO()
    directories = write.Listing.of(tree, FILES, ()).directories
    for message in [("listing", 1, directories), ("check", 1, 1, str(tree)), ("forget", 1),
                    ("check", 2, 1, str(tree)), ("check", 3, 7, str(tree))]:
        marshal.dump(message, requests)
    requests.seek(0)
    answers = io.BytesIO()
    answer_requests(requests, answers)
    answers.seek(0)
    assert [marshal.load(answers) for _ in range(3)] == [(1, []), (2, None), (3, None)]
