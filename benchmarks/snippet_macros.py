"""Write a variant of the default templates in which an agreement page's citations, party links and
dates are Jinja macros instead of snippets.py's functions, to price that choice:

    python benchmarks/snippet_macros.py /tmp/macros
    cd SITE && python benchmarks/template_ab.py /tmp/macros

It copies macros.html and agreement.html from templates/ and makes the change in them, so the
variant follows the templates as they are (RESULTS.md, "Issue 14").
"""

from __future__ import annotations

import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

MACROS = """
{% macro cite_m(agreement, claim) %}<span class="cite" data-pagefind-ignore>{% for source in claim.sources %}\
{% set number = agreement.documents.index(source.document) + 1 %}<a href="#doc-{{ number }}" \
title="{{ archive.documents[source.document].title }}">[{{ number }}]</a>{% endfor %}</span>{% endmacro %}
{% macro party_link_m(party_id) %}{% set party = archive.parties[party_id] %}<a href="{{ link(party) }}">\
{% if party.acronym %}<abbr title="{{ party.name }}"{{ vocabulary_lang }}>{{ party.acronym }}</abbr>\
{% else %}{{ name(party) }}{% endif %}</a>{% endmacro %}
{% macro date_m(value) %}<time datetime="{{ value.iso }}">{{ date_text(value) }}</time>{% endmacro %}
"""
CALLS = {
    "{{ cite(a, claim) }}": "{{ m.cite_m(a, claim) }}",
    "{{ party_link(p) }}": "{{ m.party_link_m(p) }}",
    "{{ party_link(person.party) }}": "{{ m.party_link_m(person.party) }}",
    "{{ date(claim.value) }}": "{{ m.date_m(claim.value) }}",
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    (out / "macros.html").write_text((TEMPLATES / "macros.html").read_text(encoding="utf-8") + MACROS,
                                     encoding="utf-8")
    page = (TEMPLATES / "agreement.html").read_text(encoding="utf-8")
    for call, macro in CALLS.items():
        if call not in page:
            raise SystemExit(f"templates/agreement.html no longer has {call}: update this script")
        page = page.replace(call, macro)
    (out / "agreement.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
