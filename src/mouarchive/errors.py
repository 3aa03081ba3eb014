"""Problems found in content, templates or output, as values that name the file and line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .exits import ExitCode


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is, what it is and what to do about it.

    Ordered by file, then line, so a report reads top to bottom through each file.
    """

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    # "error" stops the build; "warning" is reported and the build goes on; "note" is for the
    # editor's information only (check --external: a source gone whose archived copy readers have).
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """Render as `path:line: field: message`, the hint on the next line."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        kind = "" if self.is_error else f" {self.severity}:"
        text = f"{where}:{kind}{field} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class Problems:
    """A collector that every stage appends to, so one run reports everything it finds."""

    def __init__(self) -> None:
        self._items: list[Problem] = []
        self.error_count = 0

    def error(self, path: str, line: int, field: str, message: str, hint: str = "") -> None:
        self._items.append(Problem(path, line, field, message, hint, "error"))
        self.error_count += 1

    def warning(self, path: str, line: int, field: str, message: str, hint: str = "") -> None:
        self._items.append(Problem(path, line, field, message, hint, "warning"))

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self._items.append(problem)
            self.error_count += problem.is_error

    @property
    def items(self) -> tuple[Problem, ...]:
        return tuple(sorted(set(self._items)))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.items if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.items if p.severity == "warning")


class BuildError(Exception):
    """Raised when a stage cannot go on; carries every problem found so far and the exit code."""

    def __init__(self, problems: Iterable[Problem], code: ExitCode = ExitCode.CONTENT) -> None:
        self.problems = tuple(sorted(set(problems)))
        self.code = code
        super().__init__("\n".join(p.format() for p in self.problems))
