"""A release's text -> a draft; pure: no files are touched."""

from __future__ import annotations

from dataclasses import replace

from ..model import PartialDate
from ..vocabularies import Vocabularies
from .agreements import Reading, read_agreements
from .chinese import ChineseFacts, ChinesePerson, read_chinese
from .dates import by_the_weekday_of_today, dispatch_day, merge_dates, resolve_date, year_from_the_same_day
from .draft import Draft, DraftAgreement, DraftPerson, Note
from .earlier import looks_back
from .lexicon import SIGN_VERB
from .parties import Parties
from .people import complete_person, full_names_of, titled_people
from .roles import role_clauses
from .text import CJK, Text, cut_text, facts_text, mask_quotes, sentences
from .topics import find_topics


def draft_from_text(text: str, vocab: Vocabularies, source_name: str = "",
                    existing: dict[str, str] | None = None) -> Draft:
    """Read a press release or news item into a draft document; pure: no files are touched.

    `existing` maps agreement ids already in the archive to a document that describes them, so a
    draft whose id is taken says so.
    """
    cut = cut_text(text)
    notes: list[Note] = []
    if cut.title is None:
        notes.append(Note("title", "no headline found at the top of the text"))
    published, published_from = publication(cut, notes)
    if cut.place is None:
        notes.append(Note("place", "no dateline with a place found"))
    elif cut.place_recased:
        notes.append(Note("place", f"written in capitals in the dateline; check the spelling '{cut.place}'"))

    full = facts_text(cut)
    facts = mask_quotes(full)  # a quotation is someone's words, not the release's statement
    spans = sentences(facts)
    parties = Parties.build(vocab, facts, cut.title)
    roles = role_clauses(facts, spans, parties)
    # (and whom a role clause named in full: "signed by Ms Ana Silva ... signed by Ms Silva")
    registry = titled_people(facts, spans, parties) + \
        [p for role in roles for p in role.people if len(p.name.split()) > 1]
    for role in roles:
        # ("Mr Lam; ...; and Mr Fred Lam witnessed", after "Mr Lam Sai-hung" was introduced: a
        # surname alone that two people named in full share is either of them, so it is left out,
        # with a note, rather than proposed as a name the text gives no one)
        kept = []
        for person in role.people:
            if len(both := full_names_of(person, registry)) > 1:
                named = sorted({r.name for r in registry if r.key in both})
                notes.append(Note(role.role, f"'{person.name}' is the name of {' and of '.join(named)}; "
                                             f"which one the text means is left to you"))
            else:
                kept.append(complete_person(person, registry))
        role.people = kept
    reading = Reading(facts=facts, spans=spans, parties=parties, roles=roles, published=published,
                       signing_sentences=[i for i, (s, e) in enumerate(spans)
                                          if SIGN_VERB.search(facts[s:e])
                                          and not looks_back(facts[s:e], published)],
                       earlier={i for i, (s, e) in enumerate(spans) if looks_back(facts[s:e], published)},
                       headline_end=len(cut.title) if cut.title and facts.startswith(cut.title) else 0,
                       dateline_place=cut.place, dispatch=dispatch_day(cut.dateline, published))
    agreements = read_agreements(reading, vocab, existing or {}, notes)

    kind = cut.kind_hint or "press-release"
    if cut.kind_hint is None:
        notes.append(Note("kind", "not stated; press-release assumed (news is for a news report)"))
    publisher = None
    if cut.publisher_hint:
        ident = vocab.party_names.resolve(cut.publisher_hint)
        publisher = parties.labels.get(ident, cut.publisher_hint) if ident else cut.publisher_hint
    else:
        notes.append(Note("publisher", "not stated: add the party or outlet that published it"))
    letters = [ch for ch in full if ch.isalpha()]
    lang: str | None = "en"
    if letters and sum(bool(CJK.match(ch)) for ch in letters) > len(letters) / 5:
        lang = None
        notes.append(Note("lang", "the text is Chinese: set lang to zh-Hant or zh-Hans"))
    if lang is None:
        chinese = read_chinese(facts, published)
        agreements = [_in_chinese(a, chinese, vocab) for a in agreements[:1]]
        agreements = _several(agreements, chinese, vocab)
    topics = find_topics(full, vocab)
    if not topics:
        notes.append(Note("topics", "no topic of topics.yaml found in the text"))
    body = "\n\n".join("\n".join(line.rstrip() for line in block) for block in cut.blocks).strip()
    if not body:
        notes.append(Note("body", "no text left after the headline"))
    return Draft(
        title=cut.title, kind=kind, published=published, published_from=published_from,
        place=cut.place, publisher=publisher, lang=lang, topics=topics, agreements=tuple(agreements),
        body=body, notes=tuple(notes),
        proposed_parties=tuple(p for ident, p in parties.proposals.items() if ident in reading.used),
        removed=tuple(cut.removed), source_name=source_name,
    )


def _in_chinese(agreement: DraftAgreement, found: ChineseFacts, vocab: Vocabularies) -> DraftAgreement:
    """The agreement with what the Chinese reader found in place of what the English one missed;
    a person's party is left for the editor, who reads it from the title."""
    parties = [(name, vocab.party_names.resolve(name)) for name in found.parties]
    labels = {p.id: p.label for p in vocab.parties}
    filled = {field for field, value in (("instrument", found.instrument), ("parties", found.parties),
                                         ("signatories", found.signatories)) if value}

    def people(chinese: tuple[ChinesePerson, ...]) -> tuple[DraftPerson, ...]:
        return tuple(DraftPerson(name=p.name, title=p.title, note="party not stated: see the title")
                     for p in chinese)

    return replace(
        agreement,
        instrument=found.instrument or agreement.instrument,
        parties=tuple(labels[i] for _, i in parties if i) or agreement.parties,
        unknown_parties=tuple(n for n, i in parties if not i) or agreement.unknown_parties,
        signatories=people(found.signatories) or agreement.signatories,
        witnesses=people(found.witnesses) or agreement.witnesses,
        notes=tuple(n for n in agreement.notes if n.field not in filled),
    )


def _several(agreements: list[DraftAgreement], found: ChineseFacts,
             vocab: Vocabularies) -> list[DraftAgreement]:
    """"簽署了《A與B……協議》、《C與D……備忘錄》": one agreement for each title, with the parties its
    title names and the first's date and place. Who signed which, the text does not say: the people
    stay with the first, and each other says so."""
    if not agreements or len(found.several) < 2:
        return agreements
    first = list(agreements[:1])
    labels = {p.id: p.label for p in vocab.parties}
    note = Note("signatories", "the text names several agreements and does not say who signed this one")
    if found.several[0].parties:  # the first is its own title's, not every title's
        known = [(name, vocab.party_names.resolve(name)) for name in found.several[0].parties]
        first[0] = replace(first[0], instrument=found.several[0].instrument,
                           parties=tuple(labels[i] for _, i in known if i),
                           unknown_parties=tuple(name for name, i in known if not i))
    more = []
    for n, titled in enumerate(found.several[1:], start=2):
        known = [(name, vocab.party_names.resolve(name)) for name in titled.parties]
        more.append(replace(
            first[0], id=f"{first[0].id}-{n}", title=None, instrument=titled.instrument,
            parties=tuple(labels[i] for _, i in known if i),
            unknown_parties=tuple(name for name, i in known if not i),
            signatories=(), witnesses=(), notes=(note,)))
    return first + more


def publication(cut: Text, notes: list[Note]) -> tuple[PartialDate | None, str | None]:
    """The publication date, and the words it was read from, if every date line agrees."""
    stated = []
    for phrase, how in cut.published:
        resolved = resolve_date(phrase)
        # (a dateline's "Nov 28", and "November 28, 2019" in a caption; else, in English, the
        # page's time line of the day after, as a page posts a wire's dispatch: a Chinese page's
        # date line is its own publication's)
        if isinstance(resolved, str) and (same := year_from_the_same_day(phrase, facts_text(cut)) or (
                not CJK.search(phrase) and
                year_from_the_same_day(phrase, facts_text(cut), days_after=1))):
            resolved = same
        # ("Date 09/04/2019" and "signed ... today (Tuesday)": the reading that is a Tuesday)
        if isinstance(resolved, str) and (weekday := by_the_weekday_of_today(phrase, facts_text(cut))):
            resolved = weekday
        if isinstance(resolved, str):
            notes.append(Note("published", f"{how}: {resolved}"))
        else:
            stated.append(replace(resolved, phrase=f"{how}: {resolved.derived}" if resolved.derived else how))
    merged, clashes = merge_dates(stated)
    if clashes:
        notes.append(Note("published", "the text gives different publication dates: " + "; ".join(clashes)))
        return None, None
    if merged is None:
        if not cut.published:
            notes.append(Note("published", "publication date not found"))
        return None, None
    return merged.date, merged.phrase
