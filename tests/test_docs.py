"""Every link in README.md and docs/*.md leads somewhere: a relative link to a file that exists in
the repository, and an anchor (`#...`) to a heading of its target, by GitHub's slug rules.

External links (http, https, mailto) are not followed: no test uses the network. Links inside code
(fenced blocks and `inline code`) are examples, not links, and are not checked.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTATION = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXPECTED_DOCS = {"editing.md", "reading.md", "deployment.md", "architecture.md", "contributing.md",
                 "messages.md"}

FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
HTML_ANCHOR = re.compile(r"<a\s[^>]*\b(?:id|name)=[\"']([^\"']+)[\"']", re.IGNORECASE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A code span: a run of backticks, then anything up to the same run, within one paragraph.
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
# An inline link or image: [text](target "title"); the target may be in <angle brackets>.
INLINE_LINK = re.compile(
    r"(?<!\\)!?\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"\([ \t\n]*(?P<target><[^<>\n]*>|(?:\\.|[^\s()\\]|\([^\s()]*\))*)"
    r"(?:[ \t\n]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t\n]*\)"
)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*(?P<target><[^<>]*>|\S+)",
                                  re.MULTILINE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
EXTERNAL_SCHEMES = {"http", "https", "mailto"}
LINE_ANCHOR = re.compile(r"^L\d+(?:-L\d+)?$")  # GitHub's anchors to the lines of a file that is not Markdown


def _blank(match: re.Match[str]) -> str:
    """The matched text as spaces, its line breaks kept, so that offsets and line numbers stay."""
    return re.sub(r"[^\n]", " ", match.group(0))


def prose(markdown: str) -> str:
    """The Markdown with its code (fenced blocks, code spans) and HTML comments blanked out."""
    lines = markdown.split("\n")
    fence: str | None = None
    for n, line in enumerate(lines):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match["fence"]
            lines[n] = " " * len(line)
        elif fence is not None:
            closing = (match is not None and match["fence"][0] == fence[0]
                       and len(match["fence"]) >= len(fence) and not line[match.end():].strip())
            if closing:
                fence = None
            lines[n] = " " * len(line)
    text = HTML_COMMENT.sub(_blank, "\n".join(lines))
    return CODE_SPAN.sub(_blank, text)


def heading_text(markdown: str) -> str:
    """A heading's text as GitHub renders it: links and images by their text, code without its ticks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = text.replace("`", "")
    return re.sub(r"(\*+)(.+?)\1", r"\2", text)


def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, each
    space a '-'."""
    return re.sub(r"[^\w\- ]", "", heading_text(text).strip().lower()).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    """Every anchor a Markdown file has: one per heading (a repeated one gets -1, -2 ... as on
    GitHub), and the ids of HTML anchors."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    lines = prose(markdown).split("\n")
    original = markdown.split("\n")
    for n, line in enumerate(lines):
        text = None
        match = ATX_HEADING.match(original[n]) if line.lstrip().startswith("#") else None
        if match:
            text = match["text"] or ""
        elif n > 0 and SETEXT_UNDERLINE.match(line) and lines[n - 1].strip() and "|" not in lines[n - 1] \
                and not lines[n - 1].lstrip().startswith(("-", "*", "+", "#", ">")):
            text = original[n - 1].strip()
        if text is None:
            continue
        base = slug(text)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    found.update(HTML_ANCHOR.findall(markdown))
    return found


def links(markdown: str) -> list[tuple[int, str]]:
    """Every link target in a Markdown file's prose, with its line: inline links, images and
    reference definitions."""
    text = prose(markdown)
    found = []
    for pattern in (INLINE_LINK, REFERENCE_DEFINITION):
        for match in pattern.finditer(text):
            target = match["target"]
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1]
            found.append((match.start("target"), target))
    return [(text.count("\n", 0, offset) + 1, target) for offset, target in sorted(found)]


def check_link(source: Path, target: str, root: Path) -> str | None:
    """Why the link `target` in the file `source` leads nowhere, or None when it leads somewhere."""
    scheme = SCHEME.match(target)
    if scheme:
        if scheme.group(0)[:-1].lower() in EXTERNAL_SCHEMES:
            return None  # not followed: no network in tests
        return "neither a relative link nor an http(s) link"
    if not target:
        return "an empty link"
    address, _, fragment = target.partition("#")
    address = unquote(address.split("?", 1)[0])
    if not address:
        path = source
    elif address.startswith("/"):
        path = root / address.lstrip("/")
    else:
        path = source.parent / address
    path = path.resolve()
    if not path.is_relative_to(root.resolve()):
        return f"{address} is outside the repository"
    if not path.exists():
        return f"there is no file {path.relative_to(root.resolve())}"
    if not fragment:
        return None
    if path.is_dir():
        return "an anchor in a directory"
    if path.suffix.lower() not in (".md", ".markdown"):
        return None if LINE_ANCHOR.match(fragment) else f"an anchor in {path.name}, which is not Markdown"
    if unquote(fragment) not in anchors(path.read_text(encoding="utf-8")):
        return f"{path.relative_to(root.resolve())} has no heading with the anchor #{fragment}"
    return None


def broken_links(source: Path, root: Path = ROOT) -> list[str]:
    """Every link in `source` that leads nowhere, as `path:line: target: why`."""
    problems = []
    for line, target in links(source.read_text(encoding="utf-8")):
        why = check_link(source, target, root)
        if why is not None:
            problems.append(f"{source.relative_to(root)}:{line}: {target}: {why}")
    return problems


# --- the repository's documentation -------------------------------------------------------------

def test_the_docs_are_all_there() -> None:
    assert {path.name for path in DOCUMENTATION[1:]} >= EXPECTED_DOCS


@pytest.mark.parametrize("document", DOCUMENTATION, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_link_leads_somewhere(document: Path) -> None:
    assert broken_links(document) == []


def test_the_docs_link_to_each_other() -> None:
    readme = {target.partition("#")[0] for _line, target in links((ROOT / "README.md").read_text("utf-8"))}
    assert {f"docs/{name}" for name in EXPECTED_DOCS} <= readme


# --- the checker itself -------------------------------------------------------------------------

@pytest.mark.parametrize(("heading", "anchor"), [
    ("Drafts and embargoes", "drafts-and-embargoes"),
    ("An editor's workflow: from a press release to the rebuilt site",
     "an-editors-workflow-from-a-press-release-to-the-rebuilt-site"),
    ("Agreement fields (under `agreement:`)", "agreement-fields-under-agreement"),
    ("`content/parties.yaml` and `content/topics.yaml`", "contentpartiesyaml-and-contenttopicsyaml"),
    ("Sources that no longer answer: `mouarchive check --external`",
     "sources-that-no-longer-answer-mouarchive-check---external"),
    ("Redirects: `_redirects`", "redirects-_redirects"),
    ("Where this departs from `design.md`, and why", "where-this-departs-from-designmd-and-why"),
    ("Issue 13: import accuracy on real releases", "issue-13-import-accuracy-on-real-releases"),
    ("**Bold** and [a link](x.md)", "bold-and-a-link"),
    ("網站 in 中文", "網站-in-中文"),
])
def test_slugs_follow_githubs_rules(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


def test_a_broken_link_or_anchor_is_reported(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text(
        "# Guide\n\n## Drafts and embargoes\n\n## Drafts and embargoes\n\n```md\n# Not a heading\n```\n",
        encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"")
    readme = tmp_path / "README.md"
    readme.write_text(
        "Fine: [guide](docs/guide.md), [a section](docs/guide.md#drafts-and-embargoes),\n"
        "[the second](docs/guide.md#drafts-and-embargoes-1), [here](#top), ![a picture](picture.png),\n"
        "[the web](https://example.org/missing#nowhere) and `[code](missing.md)`.\n\n"
        "```\n[in a block](missing.md)\n```\n\n"
        "# Top\n\n"
        "Broken: [a file](docs/missing.md), [an anchor](docs/guide.md#drafts),\n"
        "[a heading in code](docs/guide.md#not-a-heading), [here](#nowhere),\n"
        "[a scheme](agreement:fsdc-caict-2023), [outside](../elsewhere.md) and\n"
        "[a reference].\n\n[a reference]: docs/gone.md\n",
        encoding="utf-8")
    assert broken_links(readme, tmp_path) == [
        "README.md:11: docs/missing.md: there is no file docs/missing.md",
        "README.md:11: docs/guide.md#drafts: docs/guide.md has no heading with the anchor #drafts",
        "README.md:12: docs/guide.md#not-a-heading: docs/guide.md has no heading with the anchor "
        "#not-a-heading",
        "README.md:12: #nowhere: README.md has no heading with the anchor #nowhere",
        "README.md:13: agreement:fsdc-caict-2023: neither a relative link nor an http(s) link",
        "README.md:13: ../elsewhere.md: ../elsewhere.md is outside the repository",
        "README.md:16: docs/gone.md: there is no file docs/gone.md",
    ]
