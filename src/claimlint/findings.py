"""Findings are plain data; reporters only format them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source text from (line, column) up to (end_line, end_column) with `text`:
    1-based, end exclusive, columns in code points, like a finding's own span; an insertion
    has an empty span."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that, applied together, remove the finding they belong to. `safe` fixes change no
    claim (a disclaimer appended) and are the only ones `check --fix` applies."""

    description: str
    edits: tuple[Edit, ...]
    safe: bool = False

    @classmethod
    def from_dict(cls, data: dict) -> Fix:
        return cls(data["description"], tuple(Edit(**edit) for edit in data["edits"]), data.get("safe", False))


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    match: str  # the prose the rule matched: markup removed, line breaks as spaces
    pattern: str = ""  # which of the rule's named patterns fired ("" where the rule names none)
    # The sentence the finding sits in, whitespace-normalised: baseline fingerprints use it.
    context: str = field(default="", compare=False, repr=False)
    # Set only on a suppressed finding kept for SARIF's `suppressions`: the reason given ("" for none).
    suppressed: str | None = field(default=None, compare=False, repr=False)
    fixes: tuple[Fix, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict:
        """Every field but `context` (and `suppressed` when unset), in order, its fixes as mappings:
        what `dataclasses.asdict` gives, built directly (its generic deep copy took most of a warm run)."""
        data = dict(self.__dict__)
        del data["context"]
        if self.suppressed is None:
            del data["suppressed"]
        data["fixes"] = tuple({"description": fix.description,
                               "edits": tuple({"line": edit.line, "column": edit.column, "end_line": edit.end_line,
                                               "end_column": edit.end_column, "text": edit.text} for edit in fix.edits),
                               "safe": fix.safe} for fix in self.fixes)
        return data

    @classmethod
    def from_dict(cls, data: dict, path: str | None = None) -> Finding:
        """A finding from `to_dict`'s fields (and `context`), with `path` replacing the stored one."""
        fields = {**data, "fixes": tuple(Fix.from_dict(fix) for fix in data.get("fixes", ()))}
        if path is not None:
            fields["path"] = path
        return cls(**fields)

    @property
    def identity(self) -> str:
        """What the finding is about, wherever it sits: its sentence and match, lower-cased and
        whitespace-folded, or "" for a finding about the whole document."""
        return " ".join(f"{self.context} {self.match}".lower().split()) if self.context else ""

    @property
    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)


class Problem(NamedTuple):
    """Why a file's findings are missing or incomplete: a one-line message naming the file, and,
    for a bug met in it, the traceback (printed with --debug)."""

    path: str
    message: str
    detail: str | None = None


@dataclass
class FileResult:
    """One file's outcome: the unit a run streams, in output order, from whatever lints the files
    (this process, worker processes, a Dask cluster) to the reporters."""

    path: str  # as reported
    findings: list[Finding] | None  # sorted; None when the file could not be read or linted
    excerpts: dict[int, str] = field(default_factory=dict)  # the lines findings start on (or all), by number
    problem: Problem | None = None
    suppressed: list[Finding] = field(default_factory=list)  # kept apart for SARIF, when it is asked for
