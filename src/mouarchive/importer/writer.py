"""A draft as a document: YAML frontmatter with `# REVIEW:` comments, then the body."""

from __future__ import annotations

from pathlib import Path

from ..yaml_text import yaml_scalar
from .draft import Draft, DraftAgreement, DraftPerson, Note


def _person_yaml(person: DraftPerson) -> str:
    fields_ = [("name", person.name), ("honorific", person.honorific), ("suffix", person.suffix),
               ("title", person.title), ("party", person.party)]
    inner = ", ".join(f"{k}: {yaml_scalar(v, flow=True)}" for k, v in fields_ if v)
    line = f"- {{{inner}}}"
    return f"{line}  {_review(person.note)}" if person.note else line


def _one_line(text: object) -> str:
    """Text for a YAML comment: a line break would end the comment and break the YAML."""
    return " ".join(str(text).split())


def _review(note: Note | str) -> str:
    return f"# REVIEW: {_one_line(note)}"


def _agreement_lines(agreement: DraftAgreement) -> list[str]:
    """The agreement's fields as YAML lines (not yet indented), each followed by its notes."""
    by_field: dict[str, list[Note]] = {}
    for note in agreement.notes:
        by_field.setdefault(note.field, []).append(note)

    def notes_for(name: str) -> list[str]:
        return [f"{_review(n)}" for n in by_field.pop(name, [])]

    lines = [f"id: {agreement.id}  # permanent: the agreement's URL /agreements/{agreement.id}/"]
    lines += notes_for("id")
    if agreement.title:
        lines.append(f"title: {yaml_scalar(agreement.title)}")
    if agreement.instrument:
        lines.append(f"instrument: {yaml_scalar(agreement.instrument)}")
    lines += notes_for("instrument")
    if agreement.parties:
        lines.append(f"parties: [{', '.join(yaml_scalar(p, flow=True) for p in agreement.parties)}]")
    lines += notes_for("parties")
    if agreement.signed:
        lines.append(f"signed: {agreement.signed.iso}  # from '{_one_line(agreement.signed_from)}'"
                     if agreement.signed_from else f"signed: {agreement.signed.iso}")
        if agreement.signed_derived_from:
            lines.append(f"signed_derived_from: {yaml_scalar(agreement.signed_derived_from)}")
    lines += notes_for("signed")
    if agreement.place:
        lines.append(f"place: {yaml_scalar(agreement.place)}  # from '{_one_line(agreement.place_from)}'")
    lines += notes_for("place")
    for role in ("signatories", "witnesses"):
        people = getattr(agreement, role)
        if people:
            lines.append(f"{role}:")
            lines += ["  " + _person_yaml(p) for p in people]
        lines += notes_for(role)
    for rest in by_field.values():
        lines += [_review(n) for n in rest]
    return lines


def render_draft(draft: Draft) -> str:
    """The draft as a document: YAML frontmatter with `# REVIEW:` comments, then the body.

    An agreement none of whose parties is in parties.yaml yet is written commented out: without a
    party it would stop the build, and an unknown name in `parties:` would too.
    """
    by_field: dict[str, list[Note]] = {}
    for note in draft.notes:
        by_field.setdefault(note.field, []).append(note)

    def notes_for(name: str) -> list[str]:
        return [_review(n) for n in by_field.pop(name, [])]

    source = f" from {_one_line(draft.source_name)}" if draft.source_name else ""
    lines = ["---", f"# A draft made by `mouarchive import`{source}. Check every REVIEW comment, then "
                    "delete it.",
             _review("the body is the source's own text: summarise it in your own words before "
                     "publishing" + ("" if draft.source_url else
                                     ", and add `source:` with the original's URL if it has one"))]
    lines += notes_for("agreement")
    lines.append(f"title: {yaml_scalar(draft.title)}" if draft.title else "title: untitled")
    lines += notes_for("title")
    lines.append(f"kind: {draft.kind}")
    lines += notes_for("kind")
    if draft.published:
        how = f"  # {_one_line(draft.published_from)}" if draft.published_from else ""
        lines.append(f"published: {draft.published.iso}{how}")
    lines += notes_for("published")
    if draft.publisher:
        lines.append(f"publisher: {yaml_scalar(draft.publisher)}")
    lines += notes_for("publisher")
    if draft.place:
        lines.append(f"place: {yaml_scalar(draft.place)}  # the dateline, not where it was signed")
    lines += notes_for("place")
    if draft.source_url:
        lines.append(f"source: {yaml_scalar(draft.source_url)}")
    if draft.lang:
        lines.append(f"lang: {draft.lang}")
    lines += notes_for("lang")
    if draft.topics:
        lines.append(f"topics: [{', '.join(yaml_scalar(t, flow=True) for t in draft.topics)}]")
    lines += notes_for("topics")
    for rest in by_field.values():
        lines += [_review(n) for n in rest]
    live = [a for a in draft.agreements if a.parties]
    commented = ("no party of this agreement is in parties.yaml yet: add the proposed entries "
                 "there, then uncomment it")
    if draft.agreements:
        many = len(draft.agreements) > 1
        if not live:
            lines.append(_review(f"agreement: {commented}"))
        lines.append("agreement:" if live else "# agreement:")
        for agreement in draft.agreements:
            block = _agreement_lines(agreement)
            if many:
                block = ["- " + block[0]] + ["  " + line for line in block[1:]]
            block = ["  " + line for line in block]
            if not agreement.parties:
                if live:
                    lines.append(_review(f"agreement {agreement.id}: {commented}"))
                block = ["# " + line for line in block]
            lines += block
    lines.append("---")
    return "\n".join(lines) + "\n" + draft.body + "\n"


def default_path(draft: Draft, content_dir: Path) -> Path:
    """content/<year of publication>/<slug of the title>.md; undated drafts go in content/undated/."""
    year = str(draft.published.year) if draft.published else "undated"
    return content_dir / year / f"{draft.slug}.md"
