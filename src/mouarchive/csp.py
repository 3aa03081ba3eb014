"""The site's Content-Security-Policy, declared once: sent as a header where the host can send one
(`_headers`, `mouarchive serve`), and carried by every page in a `<meta http-equiv>` for hosts that
cannot (GitHub Pages, a plain file server), as far as a meta tag can hold it.

Only the site's own scripts and styles run; WebAssembly for the search index (Pagefind); images
from the site, data: and https:; no plugins, no `<base>` elsewhere, forms to the site only; no
framing by other sites.
"""

from __future__ import annotations

POLICY: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("script-src-attr", "'none'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data: https:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)

# What a browser ignores in a policy delivered by a <meta> element (CSP Level 3, 'Delivery via
# meta'; Chromium says so in the console, which costs a page its Lighthouse best-practices score).
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")

# What the meta tag adds, and why: audit tools put their script into the page as an inline
# <script> element (the shared acceptance checks add axe-core with Playwright's add_script_tag),
# which a policy in the page itself would block, where a header is the server's and the tools can
# be told to bypass it. So the meta allows inline <script> elements; inline event handlers
# (script-src-attr) and scripts from anywhere else stay refused, and where a host sends the header
# too, the browser enforces both policies, so the header's stricter script-src still holds. Were the
# tools to add their script as tests/test_browser.py adds axe (page.evaluate, which no policy
# governs), this could go.
META_ALLOWS = {"script-src": "'unsafe-inline'"}


def header_policy() -> str:
    """The policy as the Content-Security-Policy header carries it: all of it."""
    return "; ".join(f"{name} {value}" for name, value in POLICY)


def meta_policy() -> str:
    """The policy as a page's <meta http-equiv="Content-Security-Policy"> carries it: the
    directives a meta element can hold (not HEADER_ONLY), with META_ALLOWS."""
    return "; ".join(f"{name} {value} {META_ALLOWS[name]}" if name in META_ALLOWS else f"{name} {value}"
                     for name, value in POLICY if name not in HEADER_ONLY)


CONTENT_SECURITY_POLICY = header_policy()
