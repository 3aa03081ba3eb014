"""No script runs from content: OWASP's XSS filter-evasion vectors, in bodies and in frontmatter."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from htmlaudit import Audit
from mouarchive.cli import main
from mouarchive.config import MarkdownEngine
from mouarchive.csp import HEADER_ONLY, META_ALLOWS, header_policy, meta_policy
from mouarchive.markup import render_markdown

# From the OWASP XSS Filter Evasion Cheat Sheet, plus Markdown-specific forms.
VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
    "&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;"
    "&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<iframe src=http://xss.rocks/scriptlet.html <",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+"
    "YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
    "<a href=\"java&#x0A;script:alert(1)\">x</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "[x](http://example.org \"onmouseover=alert(1)\")",
    "[x](http://example.org\" onmouseover=\"alert(1))",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<img srcset=\"javascript:alert(1) 1x\">",
    "<video poster=javascript:alert(1)></video>",
    "<p style=\"x:expression(alert(1))\">x</p>",
]

# Frontmatter strings end up in titles, attributes, JSON, feeds: each must arrive as text.
HOSTILE = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;"

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    content.mkdir()
    (root / "mouarchive.toml").write_text('title = "Hostile"\nbase_url = "https://example.org/"\n')
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    (content / "parties.yaml").write_text(
        f'- {{id: evil, name: "Evil {quoted}", acronym: "E{quoted}", kind: "{quoted}"}}\n'
        '- {id: good, name: Good Council, acronym: GC}\n', encoding="utf-8")
    (content / "topics.yaml").write_text(
        f'- {{id: evil-topic, name: "Topic {quoted}", description: "{quoted}"}}\n', encoding="utf-8")
    body = "\n\n".join(f"Vector {i}: {vector}" for i, vector in enumerate(VECTORS))
    (content / "hostile.md").write_text(
        f'---\ntitle: "{quoted}"\nkind: news\npublished: 2024-01-02\npublisher: "{quoted}"\n'
        f'place: "{quoted}"\nsource: "https://evil.example/{quoted}"\n'
        f'archived: {{url: "https://web.archive.org/web/2024/{quoted}", date: 2024-01-02}}\n'
        f'topics: [evil-topic]\nagreement:\n  id: evil-good-2024\n'
        f'  title: "{quoted}"\n  instrument: "{quoted}"\n  parties: [evil, good]\n'
        f'  signed: 2024-01-01\n  occasion: "{quoted}"\n  notes: "{quoted}"\n'
        f'  signatories:\n    - {{name: "{quoted}", title: "{quoted}", party: evil}}\n---\n{body}\n',
        encoding="utf-8")
    for i, vector in enumerate(VECTORS):  # each vector alone too, where it cannot lean on the others
        (content / f"vector-{i:02d}.md").write_text(
            f"---\ntitle: Vector {i}\nkind: news\n---\n{vector}\n", encoding="utf-8")
    assert main(["build", "--site", str(root)]) == 0
    return root / "site"


def test_no_page_can_run_script(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > len(VECTORS)
    for page in pages:
        if page == hostile_site / "search" / "index.html":
            continue  # the site's own form and script: checked below to show no content
        audit = Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert audit.findings == [], f"{page.relative_to(hostile_site)}: {audit.findings}"


def test_search_page_shows_no_content(hostile_site: Path) -> None:
    page = (hostile_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "alert" not in page and "Evil" not in page
    assert page.count("<script") == 2
    assert page.count('<script type="application/ld+json">') == 1
    assert '<script type="module" src="../static/search.js">' in page


def test_frontmatter_strings_arrive_as_text(hostile_site: Path) -> None:
    page = (hostile_site / "agreements" / "evil-good-2024" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_feeds_stay_well_formed_and_escaped(hostile_site: Path) -> None:
    feeds = sorted(hostile_site.rglob("*.xml"))
    assert feeds
    for feed in feeds:
        root = ET.parse(feed).getroot()  # raises if an unescaped '<' or '&' broke the XML
        for element in root.iter():
            assert element.tag.split("}")[-1] not in ("script", "img"), feed


def test_markdown_body_keeps_its_text(hostile_site: Path) -> None:
    page = (hostile_site / "documents" / "undated" / "vector-42" / "index.html").read_text(encoding="utf-8")
    assert ">click</a>" in page or "click" in page


# Python-Markdown (`markdown = "python-markdown"`) passes raw HTML through as cmark-gfm does, and its
# extensions can write attributes (attr_list) and parse Markdown inside HTML (md_in_html): its output
# goes through the same allow-list, so no vector survives it either.
PYTHON_MARKDOWN = MarkdownEngine("python-markdown", ("extra", "smarty", "toc", "attr_list", "md_in_html"))
PYTHON_MARKDOWN_VECTORS = [
    "[x](https://example.org/){: onclick=\"alert(1)\" style=\"color:red\" }",
    "## Heading {: onmouseover=\"alert(1)\" }",
    "<div markdown=\"1\" onclick=\"alert(1)\">*x* <script>alert(1)</script></div>",
    "*[XSS]: <script>alert(1)</script>\n\nXSS here.",
    "Text[^1].\n\n[^1]: <script>alert(1)</script> [y](javascript:alert(1))",
    "```\n</code></pre><script>alert(1)</script>\n```",
]


@pytest.mark.parametrize("vector", VECTORS + PYTHON_MARKDOWN_VECTORS)
def test_no_vector_survives_python_markdown(vector: str) -> None:
    body = render_markdown(f"Before.\n\n{vector}\n\nAfter.\n", PYTHON_MARKDOWN)
    audit = Audit()
    audit.feed(body)
    assert audit.findings == [], body
    assert "<script" not in body.lower()


def test_every_page_carries_the_policy_before_anything_it_governs(hostile_site: Path) -> None:
    """Hosts that send no header (GitHub Pages) still give the policy: in a <meta> that comes right
    after the charset, before any script, style or link, with what only a header can carry left out."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy()}">'
    for page in sorted(hostile_site.rglob("*.html")):
        head = page.read_text(encoding="utf-8").split("<head>\n", 1)[1]
        assert head.startswith(f'<meta charset="utf-8">\n{meta}\n'), page.relative_to(hostile_site)
        assert head.count("Content-Security-Policy") == 1
    assert f"Content-Security-Policy: {header_policy()}\n" in (hostile_site / "_headers").read_text()


def test_the_meta_policy_is_the_headers_as_far_as_a_meta_tag_can_hold_it() -> None:
    def directives(policy: str) -> dict[str, list[str]]:
        return {name: sources for name, *sources in (part.split() for part in policy.split("; "))}

    header, meta = directives(header_policy()), directives(meta_policy())
    assert set(header) - set(meta) == {"frame-ancestors"} and set(meta) <= set(header)
    assert not set(meta) & set(HEADER_ONLY)
    for name, sources in meta.items():
        assert sources == header[name] + META_ALLOWS.get(name, "").split(), name
    # What the meta allows beyond the header never reaches an event handler or another site.
    assert meta["script-src-attr"] == ["'none'"] and meta["object-src"] == ["'none'"]
    assert meta["base-uri"] == ["'self'"] and meta["default-src"] == ["'self'"]
