"""parties.yaml and topics.yaml read into Party and Topic records, and the names that resolve to
them (`Names`): what the loader, `mouarchive new` and `mouarchive import` all read."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems
from .fields import Fields
from .frontmatter import Path_, Yaml, YamlValue, parse_yaml
from .model import (
    FormerName,
    Party,
    Topic,
)
from .slugs import is_slug, slugify
from .sources import PARTIES_FILE, TOPICS_FILE, read_text

PARTY_FIELDS = ("id", "name", "names", "name_zh", "acronym", "aliases", "former_names", "kind",
                "jurisdiction", "parent", "url")
TOPIC_FIELDS = ("id", "name", "names", "name_zh", "aliases", "parent", "description")


@dataclass(frozen=True)
class Vocabularies:
    """parties.yaml and topics.yaml, with the indexes that resolve a name to an id."""

    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    party_names: Names
    topic_names: Names


def load_vocabularies(content_dir: Path, problems: Problems, label: str = "content") -> Vocabularies:
    """Read parties.yaml and topics.yaml; `mouarchive import` resolves names through these too."""
    label = label.rstrip("/")
    parties = _load_parties(content_dir, label, problems)
    topics = _load_topics(content_dir, label, problems)
    party_names = Names("party", f"{label}/{PARTIES_FILE}", {p.id: names_of_party(p) for p in parties})
    topic_names = Names("topic", f"{label}/{TOPICS_FILE}",
                        {t.id: (t.id, t.name, *t.aliases) for t in topics})
    return Vocabularies(parties, topics, party_names, topic_names)


def load_yaml_file(content_dir: Path, label: str, name: str, problems: Problems) -> Yaml | None:
    path = content_dir / name
    shown = f"{label}/{name}"
    if not path.exists():
        problems.error(shown, 0, "", f"{name} is missing from the content directory",
                       "create it; docs/editing.md shows its format")
        return None
    text = read_text(path, shown, problems)
    return None if text is None else parse_yaml(text, shown, 1, problems)


class Names:
    """Resolves a name, acronym, alias or id to a party or topic id, case and spacing aside.

    Acronyms collide in real life (two councils may both be 'HKFSDC'), so a shared name is not an
    error where it is declared; using it is, with the candidates named. An id always wins.
    """

    def __init__(self, what: str, file: str, names_by_id: dict[str, tuple[str, ...]]) -> None:
        self.what = what
        self.file = file
        self.by_name: dict[str, list[str]] = {}
        self.label = {ident: names[1] if len(names) > 1 else ident for ident, names in names_by_id.items()}
        for ident, names in names_by_id.items():
            for name in names:
                owners = self.by_name.setdefault(normal_name(name), [])
                if ident not in owners:
                    owners.append(ident)

    def candidates(self, name: str) -> list[str]:
        key = normal_name(name)
        if key in self.label:
            return [key]
        return self.by_name.get(key, [])

    def resolve(self, name: str) -> str | None:
        """The one id this name leads to, or None when it leads to none or to several."""
        found = self.candidates(name)
        return found[0] if len(found) == 1 else None

    def suggest(self, name: str) -> str:
        """The nearest entries by any of their names, each shown by its main name."""
        close = difflib.get_close_matches(normal_name(name), list(self.by_name), n=6, cutoff=0.6)
        ids = list(dict.fromkeys(i for c in close for i in self.by_name[c]))[:3]
        if ids:
            return "did you mean " + " or ".join(f"'{self.label[i]}'" for i in ids) + \
                f"? otherwise add it to {self.file}"
        return f"add it to {self.file} first, or check the spelling"

    def read(self, fields: Fields, where: Path_, name: str) -> str | None:
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if found:
            fields.error(where, f"'{name}' could be any of {len(found)} {self.what} entries: "
                         + ", ".join(f"'{i}'" for i in found), "write the id of the one you mean")
        else:
            fields.error(where, f"unknown {self.what} '{name}'", self.suggest(name))
        return None


def normal_name(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def names_of_party(party: Party) -> tuple[str, ...]:
    former = [n for f in party.former_names for n in (f.name, f.acronym) if n]
    local = [name for _lang, name in party.names]
    return (party.id, party.label, party.name, *party.aliases, *local, *former)


def _read_names(fields: Fields, entry: dict[str, YamlValue], where: Path_) -> tuple[tuple[str, str], ...]:
    """Names in other languages: `names: {zh-Hant: ...}`, or `name_zh:` when the script is not given."""
    names = []
    value = entry.get("names")
    if value is not None:
        checked = fields.mapping(value, (*where, "names"), "write names: {zh-Hant: 香港金融發展局}")
        for lang in checked or {}:
            name = fields.text(checked or {}, (*where, "names"), lang)
            if name:
                names.append((lang, name))
    name_zh = fields.text(entry, where, "name_zh")
    if name_zh and name_zh not in (n for _lang, n in names):
        names.append(("zh", name_zh))
    return tuple(names)


def _read_id(fields: Fields, entry: dict[str, YamlValue], where: Path_) -> str | None:
    """The entry's id, or one made from its name when none is given."""
    ident = fields.text(entry, where, "id")
    if ident is None:
        name = fields.text(entry, where, "name")
        return slugify(name) if name else None
    if not is_slug(ident):
        fields.error((*where, "id"), f"'{ident}' is not a valid id",
                     f"use lowercase letters, digits and hyphens, e.g. '{slugify(ident)}'")
        return None
    return ident


def _load_parties(content_dir: Path, label: str, problems: Problems) -> tuple[Party, ...]:
    meta = load_yaml_file(content_dir, label, PARTIES_FILE, problems)
    if meta is None:
        return ()
    fields = Fields(f"{label}/{PARTIES_FILE}", meta, problems)
    parties: list[Party] = []
    positions: list[int] = []  # each party's index in the file, for the lines of later checks
    for where, entry in fields.entries(meta.value, "parties"):
        fields.check_keys(entry, where, PARTY_FIELDS)
        ident = _read_id(fields, entry, where)
        name = fields.text(entry, where, "name", required=True)
        jurisdiction = fields.text(entry, where, "jurisdiction")
        if jurisdiction is not None and not (len(jurisdiction) == 2 and jurisdiction.isupper()):
            fields.error((*where, "jurisdiction"), f"'{jurisdiction}' is not an ISO 3166 country code",
                         "use two capital letters: HK, MO, CN, GB ...")
            jurisdiction = None
        former: list[FormerName] = []
        raw_former = entry.get("former_names")
        if raw_former is not None:
            if not isinstance(raw_former, list):
                fields.error((*where, "former_names"), "expected a list",
                             "write former_names: [{name: Innovation and Technology Bureau, "
                             "acronym: ITB, until: 2022-06-30}]")
            else:
                for i, item in enumerate(raw_former):
                    at = (*where, "former_names", i)
                    checked = fields.mapping(item, at)
                    if checked is None:
                        continue
                    fields.check_keys(checked, at, ("name", "acronym", "until"))
                    former_name = fields.text(checked, at, "name", required=True)
                    if former_name:
                        former.append(FormerName(former_name, fields.text(checked, at, "acronym"),
                                                 fields.date(checked, at, "until")))
        if ident is None or name is None:
            continue
        positions.append(where[0])
        parties.append(Party(
            id=ident, name=name, names=_read_names(fields, entry, where),
            acronym=fields.text(entry, where, "acronym"),
            aliases=fields.texts(entry, where, "aliases") or (),
            former_names=tuple(former), kind=fields.text(entry, where, "kind"),
            jurisdiction=jurisdiction, parent=fields.text(entry, where, "parent"),
            url=fields.url(entry, where, "url"), line=fields.line(where),
        ))
    _check_vocabulary(fields, parties, positions, "party")
    return tuple(parties)


def _load_topics(content_dir: Path, label: str, problems: Problems) -> tuple[Topic, ...]:
    meta = load_yaml_file(content_dir, label, TOPICS_FILE, problems)
    if meta is None:
        return ()
    fields = Fields(f"{label}/{TOPICS_FILE}", meta, problems)
    topics: list[Topic] = []
    positions: list[int] = []
    for where, entry in fields.entries(meta.value, "topics"):
        fields.check_keys(entry, where, TOPIC_FIELDS)
        ident = _read_id(fields, entry, where)
        name = fields.text(entry, where, "name", required=True)
        if ident is None or name is None:
            continue
        positions.append(where[0])
        topics.append(Topic(
            id=ident, name=name, names=_read_names(fields, entry, where),
            aliases=fields.texts(entry, where, "aliases") or (),
            parent=fields.text(entry, where, "parent"),
            description=fields.text(entry, where, "description"), line=fields.line(where),
        ))
    _check_vocabulary(fields, topics, positions, "topic")
    return tuple(topics)


def _check_vocabulary(fields: Fields, items: list, positions: list[int], what: str) -> None:
    """Ids and full names unique, parents that exist and no parent cycles.

    Acronyms and aliases may be shared (see Names); a full name twice is a duplicate entry.
    `positions` holds each item's index in the file (entries with errors were left out of `items`).
    """
    owner: dict[str, str] = {}
    index = {item.id: i for i, item in reversed(list(enumerate(items)))}
    for i, item in enumerate(items):
        if index[item.id] != i:
            first = positions[index[item.id]]
            fields.error((positions[i], "id"), f"the id '{item.id}' is used twice (first at line "
                         f"{fields.line((first, 'id'))})", "give each entry its own id")
            continue
        key = normal_name(item.name)
        if owner.setdefault(key, item.id) != item.id:
            fields.error((positions[i], "name"),
                         f"the name '{item.name}' also belongs to {what} '{owner[key]}'",
                         "merge the two entries, or tell them apart in their names")
    ids = {item.id: item for item in items}
    for i, item in enumerate(items):
        if item.parent is None:
            continue
        if item.parent not in ids:
            fields.error((positions[i], "parent"), f"unknown {what} '{item.parent}'",
                         f"the parent must be the id of another {what} in this file")
            continue
        seen, current = {item.id}, item.parent
        while current is not None and current in ids:
            if current in seen:
                fields.error((positions[i], "parent"), f"the parents of '{item.id}' form a loop",
                             "one of the entries must have no parent")
                break
            seen.add(current)
            current = ids[current].parent
