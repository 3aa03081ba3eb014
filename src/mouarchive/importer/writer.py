"""A draft as a document: YAML frontmatter with `# REVIEW:` comments, then the body."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


class _Lines:
    """YAML lines written field by field, each field followed by the REVIEW notes about it."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.lines: list[str] = []
        self.notes: dict[str, list[Note]] = {}
        for note in notes:
            self.notes.setdefault(note.field, []).append(note)

    def notes_for(self, name: str) -> None:
        self.lines += [_review(n) for n in self.notes.pop(name, [])]

    def field(self, name: str, value: str | None, comment: str | None = None) -> None:
        """`name: value  # comment` where there is a value, then the notes about `name`."""
        if value is not None:
            self.lines.append(f"{name}: {value}" + (f"  # {comment}" if comment else ""))
        self.notes_for(name)

    def rest(self) -> list[str]:
        """The lines, then the notes about fields not written."""
        return self.lines + [_review(n) for notes in self.notes.values() for n in notes]


def _scalar(value: str | None) -> str | None:
    return yaml_scalar(value) if value else None


def _flow(values: Sequence[str]) -> str | None:
    return f"[{', '.join(yaml_scalar(v, flow=True) for v in values)}]" if values else None


def _from(words: str | None) -> str | None:
    return f"from '{_one_line(words)}'" if words else None


def _agreement_lines(agreement: DraftAgreement) -> list[str]:
    """The agreement's fields as YAML lines (not yet indented), each followed by its notes."""
    out = _Lines(agreement.notes)
    out.field("id", agreement.id, f"permanent: the agreement's URL /agreements/{agreement.id}/")
    if agreement.title:
        out.lines.append(f"title: {yaml_scalar(agreement.title)}")
    out.field("instrument", _scalar(agreement.instrument))
    out.field("parties", _flow(agreement.parties))
    if agreement.signed:
        out.lines.append(f"signed: {agreement.signed.iso}" +
                         (f"  # {_from(agreement.signed_from)}" if agreement.signed_from else ""))
        if agreement.signed_derived_from:
            out.lines.append(f"signed_derived_from: {yaml_scalar(agreement.signed_derived_from)}")
    out.notes_for("signed")
    out.field("place", _scalar(agreement.place), _from(agreement.place_from))
    for role in ("signatories", "witnesses"):
        people = getattr(agreement, role)
        if people:
            out.lines.append(f"{role}:")
            out.lines += ["  " + _person_yaml(p) for p in people]
        out.notes_for(role)
    return out.rest()


def render_draft(draft: Draft) -> str:
    """The draft as a document: YAML frontmatter with `# REVIEW:` comments, then the body.

    An agreement none of whose parties is in parties.yaml yet is written commented out: without a
    party it would stop the build, and an unknown name in `parties:` would too.
    """
    source = f" from {_one_line(draft.source_name)}" if draft.source_name else ""
    out = _Lines(draft.notes)
    out.lines = ["---", f"# A draft made by `mouarchive import`{source}. Check every REVIEW comment, "
                        "then delete it.",
                 _review("the body is the source's own text: summarise it in your own words before "
                         "publishing" + ("" if draft.source_url else
                                         ", and add `source:` with the original's URL if it has one"))]
    out.notes_for("agreement")
    out.field("title", _scalar(draft.title) or "untitled")
    out.field("kind", draft.kind)
    out.field("published", draft.published.iso if draft.published else None,
              _one_line(draft.published_from) if draft.published_from else None)
    out.field("publisher", _scalar(draft.publisher))
    out.field("place", _scalar(draft.place), "the dateline, not where it was signed")
    out.field("source", _scalar(draft.source_url))
    out.field("lang", draft.lang)
    out.field("topics", _flow(draft.topics))
    lines = out.rest()
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
