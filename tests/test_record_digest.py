"""freshness.record_digest: a record's fingerprint, from its fields' values and nothing else."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from mouarchive.freshness import record_digest


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True, slots=True)
class Leaf:
    name: str
    colour: Colour
    day: date | None = None


@dataclass(frozen=True, slots=True)
class Empty:
    pass


@dataclass(frozen=True)
class Branch:  # not slotted, with a cached property, as model.Agreement
    leaves: tuple[Leaf, ...]
    tag: Empty
    count: int

    @cached_property
    def names(self) -> list[str]:
        return [leaf.name for leaf in self.leaves]


@dataclass(frozen=True, slots=True)
class Tree:
    branch: Branch


def branch(**changes: object) -> Branch:
    made = Branch((Leaf("a", Colour.RED, date(2024, 3, 2)), Leaf("b", Colour.BLUE)), Empty(), 2)
    return replace(made, **changes)


def test_equal_records_have_one_digest_however_their_objects_are_made() -> None:
    assert record_digest(branch()) == record_digest(branch())


def test_every_value_nested_in_a_record_counts() -> None:
    digests = {record_digest(record) for record in (
        branch(),
        branch(count=3),
        branch(leaves=(Leaf("a", Colour.RED, date(2024, 3, 2)), Leaf("b", Colour.RED))),
        branch(leaves=(Leaf("a", Colour.RED, date(2024, 3, 3)), Leaf("b", Colour.BLUE))),
        branch(leaves=(Leaf("a", Colour.RED, date(2024, 3, 2)), Leaf("c", Colour.BLUE))),
        branch(leaves=(Leaf("b", Colour.BLUE), Leaf("a", Colour.RED, date(2024, 3, 2)))),
    )}
    assert len(digests) == 6


def test_a_nested_record_counts_by_its_fields_not_the_cached_properties_read() -> None:
    read = branch()
    assert read.names == ["a", "b"]  # now kept in the object's __dict__, beside its fields
    assert record_digest(read) == record_digest(branch())
    assert record_digest(Tree(read)) == record_digest(Tree(branch()))
    assert record_digest(Tree(read)) != record_digest(Tree(branch(count=3)))
