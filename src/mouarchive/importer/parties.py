"""Parties: the organisations a text names, from parties.yaml and from the text's own definitions
("Financial Services Development Council (FSDC)"), with new ones proposed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..load import Vocabularies
from ..model import Party
from ..slugs import slugify
from .draft import ProposedParty
from .lexicon import ORG_WORDS
from .text import normal

# "Financial Services Development Council (FSDC)", "Meridian Robotics Limited ("Meridian")". A name
# has at most thirteen words, which also bounds the regex's work on long runs of capitals.
_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.&-]*)(?:,? (?:(?:of|for|and|on|in|de|du|des|&|of the|for the) )?"
    r"[A-Z][\w'’.&-]*){0,12}) ?\((?:the\s+)?"
    r"(?:[\"“](?P<short>[^\"”]{2,40})[\"”]|(?P<acr>[A-Z][A-Za-z]*[A-Z]))\)")
PARTIES_TERM = re.compile(r"\((?:collectively|together|jointly)?,?\s*(?:the\s+)?[\"“]Parties[\"”]\)",
                          re.IGNORECASE)


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _trim_name(name: str, acronym: str | None) -> str:
    """The organisation's name in a definition, without what the pattern caught before it."""
    name = re.split(r"['’]s\s+", name)[-1]  # "Hong Kong's Innovation ... Bureau"
    name = re.sub(r"^(?:The|the)\s+", "", name.strip())
    words = name.split()
    if acronym:
        letters = "".join(ch for ch in acronym if ch.isupper())
        starts = [i for i, w in enumerate(words)
                  if w[:1] == letters[:1] and _is_subsequence(letters, _initials(words[i:]))]
        if starts:
            return " ".join(words[starts[-1]:]).rstrip(",")
    return name.rstrip(",")


@dataclass
class Parties:
    """Finds the parties a text names: from parties.yaml, and the ones it defines that are new."""

    vocab: Vocabularies
    labels: dict[str, str] = field(default_factory=dict)  # party id -> how the draft writes it
    surfaces: dict[str, str] = field(default_factory=dict)  # text -> "id" or "new:id"
    proposals: dict[str, ProposedParty] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    lookup: dict[str, str] = field(default_factory=dict)  # normalised surface -> key

    @classmethod
    def build(cls, vocab: Vocabularies, text: str) -> Parties:
        self = cls(vocab)
        by_id: dict[str, Party] = {p.id: p for p in vocab.parties}
        for party in vocab.parties:
            names = [party.name, party.acronym, *party.aliases, *(n for _, n in party.names)]
            names += [n for f in party.former_names for n in (f.name, f.acronym)]
            for name in names:
                if name and vocab.party_names.resolve(name) == party.id:
                    self.surfaces.setdefault(name, party.id)
            # An acronym that other parties share would not resolve: the id always does.
            label = party.label
            self.labels[party.id] = label if vocab.party_names.resolve(label) == party.id else party.id
        for m in _DEFINITION.finditer(text):
            short = m["short"] or m["acr"]
            if short.casefold() in ("parties", "party", "mou", "agreement"):
                continue
            name = _trim_name(m["name"], m["acr"])
            known = vocab.party_names.resolve(name) or vocab.party_names.resolve(short)
            if known:
                self.surfaces.setdefault(name, known)
                self.surfaces.setdefault(short, known)
                continue
            words = {w.casefold().rstrip(".,") for w in name.split()}
            if not words & ORG_WORDS or short in self.surfaces:
                continue  # "Internet of Things (IoT)": a term, not an organisation
            ident = slugify(short)
            if ident in by_id or ident in self.proposals:
                ident = slugify(name)
            self.proposals[ident] = ProposedParty(
                id=ident, name=name, acronym=m["acr"], aliases=(short,) if m["short"] else ())
            self.surfaces.setdefault(name, f"new:{ident}")
            self.surfaces.setdefault(short, f"new:{ident}")
        alternatives = []
        for surface in sorted(self.surfaces, key=len, reverse=True):
            escaped = re.escape(surface).replace("'", "['’]")
            # Acronyms match as written ("CAC", not "cac"); names in any case.
            short = " " not in surface and len(surface) <= 8 and any(c.isupper() for c in surface[1:])
            alternatives.append(escaped if short or surface.isupper() else f"(?i:{escaped})")
        if alternatives:
            self.pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")
        self.lookup = {normal(k): v for k, v in self.surfaces.items()}
        return self

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every party named in `text`; key is an id or 'new:<id>'."""
        if self.pattern is None:
            return []
        found = []
        for m in self.pattern.finditer(text):
            key = self.lookup.get(normal(m.group(0)))
            if key:
                found.append((m.start(), m.end(), key))
        return found

    def name_of(self, key: str) -> str:
        if key.startswith("new:"):
            return self.proposals[key[4:]].name
        return self.labels.get(key, key)
