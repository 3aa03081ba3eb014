"""An HTML audit shared by the security tests: every way a page could run script or load a plugin."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from mouarchive.csp import meta_policy

FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "style", "base", "form", "input", "button",
                  "svg", "math", "frame", "frameset", "applet", "noscript", "video", "audio", "template"}
C0_AND_SPACE = "".join(map(chr, range(0x21)))
SITE_POLICY = {"http-equiv": "Content-Security-Policy", "content": meta_policy()}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "data", "poster", "srcset",
                  "xlink:href", "cite", "longdesc"}


class Audit(HTMLParser):
    """Collects every way a page could run script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.in_json = False

    def handle_data(self, data: str) -> None:
        if self.in_json:
            if "<" in data:
                self.findings.append("'<' inside JSON-LD")
            try:
                json.loads(data)
            except ValueError:
                self.findings.append("JSON-LD that does not parse")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and _site_script(dict(attrs)):
            return  # the search page's own module, from the site's static files
        if tag == "script" and dict(attrs) == {"type": "application/ld+json"}:
            self.in_json = True
            return  # structured data: a data block that browsers never run; its text is checked
        if tag == "svg" and (dict(attrs).get("class") or "").startswith("chart "):
            return  # the site's own pictures (charts.py); what is inside them is still audited
        if tag in FORBIDDEN_TAGS:
            self.findings.append(f"<{tag}> at line {self.getpos()[0]}")
        if tag == "meta" and any(k == "http-equiv" for k, _v in attrs) and dict(attrs) != SITE_POLICY:
            self.findings.append("<meta http-equiv>")  # anything but the site's own policy (csp.py)
        if tag == "link" and dict(attrs).get("rel") not in ("stylesheet", "icon", "canonical", "alternate"):
            self.findings.append(f"<link rel={dict(attrs).get('rel')}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name == "style":
                self.findings.append(f"<{tag} style=...>")
            if name in URL_ATTRIBUTES and value is not None:
                # As a browser's URL parser does: trim C0 controls and spaces, drop tabs and newlines.
                plain = re.sub(r"[\t\n\r]", "", html.unescape(value).strip(C0_AND_SPACE)).lower()
                if plain.startswith(("javascript:", "vbscript:", "data:")):
                    self.findings.append(f"<{tag} {name}={value!r}>")


def _site_script(attrs: dict[str, str | None]) -> bool:
    src = attrs.get("src") or ""
    return set(attrs) == {"type", "src"} and attrs["type"] == "module" and \
        re.fullmatch(r"(\.\./)*static/search\.js", src) is not None
