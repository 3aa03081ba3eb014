"""Property tests over hostile input: random frontmatter and Markdown end in records or content
errors, never in an exception; no string, wherever it goes, comes out as a live <script>."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from htmlaudit import Audit
from mouarchive.archive import build_archive
from mouarchive.config import SiteConfig
from mouarchive.documents import DOCUMENT_FIELDS, read_document
from mouarchive.errors import Problems
from mouarchive.markup import render_markdown
from mouarchive.model import Content, Party, Topic
from mouarchive.pages import plan_pages
from mouarchive.render import Renderer
from mouarchive.vocabularies import Names

PARTIES = (Party("alpha", "Alpha Council", acronym="AC"), Party("beta", "Beta Academy", acronym="BA"))
TOPICS = (Topic("fintech", "Fintech"),)
PARTY_NAMES = Names("party", "content/parties.yaml", {"alpha": ("alpha", "AC", "Alpha Council"),
                                                     "beta": ("beta", "BA", "Beta Academy")})
TOPIC_NAMES = Names("topic", "content/topics.yaml", {"fintech": ("fintech", "Fintech")})

KEYS = st.sampled_from([*DOCUMENT_FIELDS, "id", "parties", "signed", "signatories", "name", "party",
                        "x", "title ", "agreement"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=40), st.dates().map(str),
                    st.sampled_from(["NO", "12:30", "2023-09", "2023-02-30", "AC", "beta", "fintech",
                                     "<script>alert(1)</script>", "javascript:alert(1)", "press-release"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=20)
MAPPINGS = st.dictionaries(KEYS, VALUES, max_size=8)
MARKDOWN = st.lists(st.one_of(
    st.text(max_size=60),
    st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                     "[x](javascript:alert(1))", "# Heading", "```\ncode\n```", "> quote", "- item",
                     "<svg onload=alert(1)>", "<!--", "<style>", "<iframe src=//x>", "&lt;script&gt;",
                     "\x00", "\ufeff", "|a|b|\n|-|-|\n|1|2|"])),
    max_size=12).map("\n\n".join)

UNESCAPED_SCRIPT = re.compile(r"<\s*/?\s*script", re.IGNORECASE)


JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.DOTALL)


def live_script(output: str) -> list[str]:
    """What in `output` could run: an unescaped <script outside the page's own JSON-LD block (whose
    text cannot hold a '<', the audit checks), or anything the HTML audit finds."""
    audit = Audit()
    audit.feed(output)
    return audit.findings + UNESCAPED_SCRIPT.findall(JSON_LD.sub("", output))


def _document_text(mapping: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(mapping, allow_unicode=True) + "---\n" + body


@settings(max_examples=120, deadline=None)
@given(MAPPINGS, MARKDOWN)
def test_random_frontmatter_is_a_record_or_content_errors(mapping: dict, body: str) -> None:
    problems = Problems()
    document = read_document(_document_text(mapping, body), "content/x.md", "en", PARTY_NAMES,
                             TOPIC_NAMES, problems)
    assert (document is None) == bool(problems.errors)
    for problem in problems.items:
        assert problem.path == "content/x.md"
        assert problem.line >= 1
        assert problem.message


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_file_is_a_record_or_content_errors(text: str) -> None:
    problems = Problems()
    document = read_document(text, "content/x.md", "en", PARTY_NAMES, TOPIC_NAMES, problems)
    assert (document is None) == bool(problems.errors)


@settings(max_examples=150, deadline=None)
@given(MARKDOWN)
def test_rendered_markdown_never_carries_a_live_script(body: str) -> None:
    assert live_script(render_markdown(body)) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=80).filter(str.strip), other=st.text(max_size=80),
       body=MARKDOWN)
def test_no_string_becomes_a_live_script_on_any_page(title: str, other: str, body: str) -> None:
    mapping = {"title": title, "kind": "news", "place": other, "publisher": other,
               "agreement": {"id": "alpha-beta-2024", "title": other, "instrument": other,
                             "parties": ["alpha", "beta"], "occasion": other, "notes": other,
                             "signatories": [{"name": other if other.strip() else "x", "title": title,
                                              "party": "alpha"}]}}
    problems = Problems()
    document = read_document(_document_text(mapping, body), "content/x.md", "en", PARTY_NAMES,
                             TOPIC_NAMES, problems)
    assert document is not None, problems.items
    archive = build_archive(Content(PARTIES, TOPICS, (document,)), problems)
    pages = plan_pages(archive, 50, problems)
    renderer = Renderer(SiteConfig(root=Path("/nonexistent")), archive)
    for page in pages:
        # The search page is the site's own form and script; it shows no content (test_xss checks).
        if page.url != "search/" and (page.is_html or page.output.endswith(".xml")):
            output = renderer.render(page).decode("utf-8")
            if page.is_html:
                assert live_script(output) == [], page.url
            else:
                assert not UNESCAPED_SCRIPT.search(output), page.url
