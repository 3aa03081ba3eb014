"""mouarchive: a static site generator for an archive of memoranda of understanding."""

__version__ = "0.1.0"
