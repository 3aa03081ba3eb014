"""Pelican peer configuration for the mouarchive benchmark (benchmarks/bench.py).

The corpus comes from make_corpus.py --flavor pelican: `Tags:` are the topics and `Authors:` the
parties, so Pelican's tag and author pages and feeds are mouarchive's topic and party pages and feeds.
URLs follow mouarchive's layout (pretty URLs, `page/N/` for later pages of a list, 50 a page).
The `simple` theme that ships with Pelican renders every page.
"""

SITENAME = "MOU Archive"
SITEURL = "https://example.org"
FEED_DOMAIN = SITEURL
TIMEZONE = "Asia/Hong_Kong"
DEFAULT_LANG = "en"
THEME = "simple"

# Cold builds: no content cache is read or written (these are Pelican's defaults, stated here).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Same Markdown extensions as mouarchive's converter (extra, sane_lists, smarty); meta is Pelican's.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# One page per document.
ARTICLE_URL = "documents/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "documents/{date:%Y}/{slug}/index.html"
PAGE_URL = "pages/{slug}/"
PAGE_SAVE_AS = "pages/{slug}/index.html"

# Topics (tags) and parties (authors): a paginated page and an Atom feed each, plus an index page.
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAGS_SAVE_AS = "topics/index.html"
AUTHOR_URL = "parties/{slug}/"
AUTHOR_SAVE_AS = "parties/{slug}/index.html"
AUTHORS_SAVE_AS = "parties/index.html"
TAG_FEED_ATOM = "topics/{slug}/feed.xml"
AUTHOR_FEED_ATOM = "parties/{slug}/feed.xml"
AUTHOR_FEED_RSS = None
FEED_ALL_ATOM = "feed.xml"
FEED_MAX_ITEMS = 50

# The document kind is Pelican's category; mouarchive has no page or feed per kind, so none is written.
CATEGORY_SAVE_AS = ""
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None

# A page per year, as mouarchive's years/<year>/ (Pelican's period archives are not paginated).
YEAR_ARCHIVE_URL = "years/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "years/{date:%Y}/index.html"

# The home page lists every document, 50 a page, like mouarchive's documents/ list. No single page
# lists the whole archive (Pelican's `archives` and `categories` pages), since mouarchive has none.
DIRECT_TEMPLATES = ["index", "tags", "authors"]
DEFAULT_PAGINATION = 50
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]
