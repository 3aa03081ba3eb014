"""`mouarchive import`: read the source, report what was found, write the draft."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from ..config import SiteConfig, load_config
from ..errors import BuildError, ExitCode, Problem, Problems
from ..load import load_content
from ..sources import PARTIES_FILE
from ..vocabularies import Vocabularies, load_vocabularies
from .draft import Draft, ProposedParty
from .read import draft_from_text
from .source import read_source
from .writer import default_path, render_draft


def write_new(path: Path, text: str) -> None:
    """Write a new file; raise FileExistsError rather than replace one (the check and the creation
    are one step, so nothing written in between is lost either)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:
        out.write(text)


def create_file(path: Path, text: str, command: str) -> None:
    """`write_new` for a command: an existing file is a usage error, an unwritable one an output one."""
    try:
        write_new(path, text)
    except FileExistsError as exc:
        raise BuildError([Problem(str(path), 0, "", f"already exists; {command} never overwrites a file",
                                  "choose another path with --output, or move the file away first")],
                         ExitCode.USAGE) from exc
    except OSError as exc:
        raise BuildError([Problem(str(path), 0, "", f"cannot be written: {exc.strerror}",
                                  "check the directory's permissions")], ExitCode.OUTPUT) from exc


def describe(draft: Draft) -> list[str]:
    """What the importer found and what needs a look, as lines for the terminal."""
    lines = ["found:"]

    def add(label: str, value: object) -> None:
        if value:
            lines.append(f"  {label}: {value}")

    add("title", draft.title)
    add("kind", draft.kind)
    add("published", draft.published and f"{draft.published.iso} (from {draft.published_from})")
    add("place", draft.place)
    add("publisher", draft.publisher)
    add("topics", ", ".join(draft.topics))
    for agreement in draft.agreements:
        lines.append(f"  agreement {agreement.id}:")
        add("  instrument", agreement.instrument)
        add("  parties", ", ".join((*agreement.parties, *(f"{u} (new)" for u in agreement.unknown_parties))))
        add("  signed", agreement.signed and agreement.signed.iso +
            (f" ({agreement.signed_derived_from})" if agreement.signed_derived_from else ""))
        add("  place", agreement.place)
        for role in ("signatories", "witnesses"):
            add(f"  {role}", "; ".join(
                ", ".join(filter(None, (" ".join(filter(None, (p.honorific, p.name, p.suffix))),
                                        p.title, p.party))) for p in getattr(agreement, role)))
    if draft.removed:
        lines.append(f"left out of the body ({len(draft.removed)} lines of site chrome and boilerplate):")
        lines += [f"  {line[:100]}" for line in draft.removed]
    notes = draft.all_notes
    lines.append(f"needs a look ({len(notes) + 1}):")
    lines.append("  body: the source's own text; summarise it in your own words before publishing")
    lines += [f"  {note}" for note in notes]
    if draft.proposed_parties:
        lines.append("not in parties.yaml: add these entries to it (nothing was written there), then to "
                     "the document:")
        lines += [line for p in draft.proposed_parties for line in p.yaml().split("\n")]
    return lines


def site_vocabularies(config: SiteConfig) -> Vocabularies:
    """parties.yaml and topics.yaml of the site; their errors stop the command (exit 1)."""
    problems = Problems()
    vocab = load_vocabularies(config.content, problems, config.content_dir)
    if problems.errors:
        raise BuildError(problems.errors, ExitCode.CONTENT)
    return vocab


def existing_agreements(config_content: Path, language: str, label: str) -> dict[str, str]:
    """Agreement ids the archive already has, each with a document that describes it."""
    content = load_content(config_content, language, Problems(), label)
    found: dict[str, str] = {}
    for document in content.documents:
        for facts in document.states:
            found.setdefault(facts.id, document.path)
    return found


def run_import(source: str, site: Path, output: str | None, dry_run: bool, console: Console,
               add_parties: bool = False) -> int:
    """`mouarchive import`: read FILE, an http(s) URL or standard input ('-'), report, write the
    draft; with `add_parties`, append the parties it proposes to parties.yaml, marked for review.

    Raises BuildError for what the command line's caller reports: an unreadable source (usage),
    errors in parties.yaml or topics.yaml (content), a file that already exists (usage).
    """
    config = load_config(site)
    read = read_source(source)
    vocab = site_vocabularies(config)
    existing = existing_agreements(config.content, config.language, config.content_dir)
    draft = draft_from_text(read.text, vocab, read.name, existing)
    if read.url:
        draft = replace(draft, source_url=read.url)
    added = draft.proposed_parties if add_parties else ()
    if added:
        draft = with_parties(draft, added)
    document = render_draft(draft)
    for line in describe(draft):
        console.print(line, markup=False)
    if dry_run:
        sys.stdout.write(document)
        return ExitCode.OK
    path = Path(output) if output else default_path(draft, config.content)
    create_file(path, document, "import")
    console.print(f"wrote {path}", markup=False)
    if added:
        parties_file = config.content / PARTIES_FILE
        append_parties(parties_file, added, read.name)
        console.print(f"added to {parties_file}: {', '.join(p.id for p in added)} (each marked "
                      "# REVIEW:)", markup=False)
    console.print(next_step(draft, path, added), markup=False)
    return ExitCode.OK


def with_parties(draft: Draft, added: tuple[ProposedParty, ...]) -> Draft:
    """The draft with the parties now in parties.yaml named by id in its agreements."""
    ids = {p.name: p.id for p in added}
    agreements = tuple(replace(
        a, parties=(*a.parties, *(ids[n] for n in a.unknown_parties if n in ids)),
        unknown_parties=tuple(n for n in a.unknown_parties if n not in ids),
        # The note asking for each added party (agreements._agreement_parties), and only those.
        notes=tuple(n for n in a.notes
                    if not (n.field == "parties" and any(n.message.startswith(f"'{name}' is not in")
                                                         for name in ids))),
    ) for a in draft.agreements)
    return replace(draft, agreements=agreements, proposed_parties=())


def append_parties(path: Path, parties: tuple[ProposedParty, ...], source: str) -> None:
    """Add the entries at the end of parties.yaml, each marked for review; the file is replaced
    whole (written beside it, then renamed), so a failure leaves it as it was."""
    try:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        entries = "\n".join(f"# REVIEW: added by `mouarchive import` from {source}: check the name, then "
                            f"fill in kind, jurisdiction and url\n{p.yaml()}" for p in parties)
        text = before + ("" if before.endswith("\n") or not before else "\n") + "\n" + entries + "\n"
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as exc:
        raise BuildError([Problem(str(path), 0, "", f"cannot be written: {exc.strerror}",
                                  "check the file's permissions")], ExitCode.OUTPUT) from exc


def next_step(draft: Draft, path: Path, added: tuple[ProposedParty, ...]) -> str:
    """The one command to run next, and what to do before it."""
    if draft.proposed_parties and not added:
        return (f"next: add the proposed parties to parties.yaml (or import again with --add-parties), "
                f"uncomment the agreement in {path}, check its REVIEW comments, then run: mouarchive check")
    return f"next: check the REVIEW comments in {path}, then run: mouarchive check"
