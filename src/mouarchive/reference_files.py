"""A citation as a file a reference manager imports: CSL-JSON, BibTeX and RIS, written from the
CSL-JSON item that citations.py makes. Pure functions: item in, text out.

BibTeX and RIS are written here rather than by a library: both are a few lines of text per item, and
what matters is the escaping, which the writers we looked at leave to the caller (bibtexparser
writes a value as it is given, and pybtex does not escape LaTeX's special characters). The tests
read every file back with independent readers (bibtexparser with pylatexenc, rispy, citeproc-py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from .citations import ITEM_TYPES, item_authors, item_date

# LaTeX's special characters as text. A brace is written as a command, not `\{`, because BibTeX
# counts every brace, escaped or not, and a title with one brace would end its field early.
_LATEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
          "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
          "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")
# Pairs TeX typesets as one character ("--" an en dash, "``" an opening quote, "?`" an inverted
# question mark): kept as two by an empty group between them.
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[!?])(?=`)")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def csl_json(items: Iterable[dict[str, Any]]) -> bytes:
    """CSL-JSON: a list of items, one a line."""
    return ("[\n" + ",\n".join(json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items)
            + "\n]\n").encode("utf-8")


def latex_text(text: str) -> str:
    """Text as LaTeX reads it back as the same text: its special characters escaped, on one line."""
    escaped = _SPECIAL.sub(lambda m: _LATEX[m.group()], " ".join(text.split()))
    return _LIGATURE.sub("{}", escaped)


def bibtex(item: dict[str, Any]) -> bytes:
    """One BibTeX entry. Authors are organisations, each braced whole so that BibTeX reads no first
    and last name into them (nor an "and"); the title is braced whole so that a style keeps its
    capitals (acronyms, names)."""
    fields = [("title", "{" + latex_text(item["title"]) + "}")]
    authors = item_authors(item)
    if authors:
        fields.append(("author", " and ".join("{" + latex_text(a) + "}" for a in authors)))
    if "issued" in item:
        fields.append(("date", item_date(item)))
        fields.append(("year", item_date(item)[:4]))
    for name, key in (("publisher", "publisher"), ("journal", "container-title"), ("type", "genre"),
                      ("language", "language")):
        if key in item:
            fields.append((name, latex_text(item[key])))
    # A URL field is read verbatim (url.sty, biblatex): only what would end the field is encoded.
    fields.append(("url", item["URL"].replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")))
    lines = [f"@{ITEM_TYPES[item['type']].bibtex}{{{item['id']},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    if "issued" in item and len(item["issued"]["date-parts"][0]) > 1:
        lines.append(f"  month = {MONTHS[item['issued']['date-parts'][0][1] - 1]},")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def ris(item: dict[str, Any]) -> bytes:
    """One RIS record: a tag a line (`TAG  - value`), values on one line, ended by `ER  - `."""
    lines = [("TY", ITEM_TYPES[item["type"]].ris), ("TI", item["title"]),
             *(("AU", a) for a in item_authors(item))]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        lines.append(("PY", str(parts[0])))
        # RIS dates are YYYY/MM/DD/other, with the parts not known left empty.
        lines.append(("DA", "/".join([*(f"{p:02d}" for p in parts[:3]), *[""] * (3 - len(parts))]) + "/"))
    for tag, key in (("PB", "publisher"), ("T2", "container-title"), ("M3", "genre"), ("LA", "language")):
        if key in item:
            lines.append((tag, item[key]))
    lines.append(("UR", item["URL"]))
    text = "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)
    return (text + "ER  - \r\n").encode("utf-8")
