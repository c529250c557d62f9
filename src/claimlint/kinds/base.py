"""The contract between a rule kind and the engine.

A kind declares the YAML fields that define a rule of its kind and the options a user may tune,
each with a type and a default. Sentence kinds inspect one sentence at a time and expose a cheap
`trigger` regex: segments it cannot match never reach spaCy. Document kinds see the whole draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable


@dataclass(frozen=True)
class Spec:
    """One field or option: its type, default, and a check of its value."""

    type: type | tuple
    default: Any = None
    required: bool = False
    choices: tuple = ()
    help: str = ""


@dataclass(frozen=True)
class Hit:
    """A span a kind reports: prose positions [start, end) in a segment.

    Sentence kinds may leave `segment` unset: the engine fills in the sentence's own.
    """

    start: int
    end: int
    segment: object = None
    pattern: str = ""  # the name of the pattern that fired, where the kind names them
    fixes: tuple = ()  # claimlint.fixes.SourceFix: rewrites that remove the finding


class Kind:
    name: ClassVar[str]
    level: ClassVar[str] = "sentence"  # or "document"
    fields: ClassVar[dict[str, Spec]] = {}
    options: ClassVar[dict[str, Spec]] = {}
    reports: ClassVar[str] = "At most one finding per sentence: the first match, since one hedge or citation answers it."

    def __init__(self, fields: dict, options: dict):
        self.field = fields
        self.option = options

    trigger: re.Pattern | WordTrigger | None = None  # anything with .search(text)
    # The fields whose entries may be named patterns ({name, description, regex}): `explain` lists them.
    pattern_fields: ClassVar[tuple[str, ...]] = ()

    def check_sentence(self, sentence) -> Iterable[Hit]:
        return ()

    def check_document(self, document) -> Iterable[Hit]:
        return ()


class WordTrigger:
    """A cheap trigger for a large vocabulary: a set lookup over the text's words, plus an
    optional regex for multi-word phrases. Python's `re` scans a long alternation of words
    slowly; splitting into words once and probing a set is several times faster."""

    WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")

    def __init__(self, words, phrases: re.Pattern | None = None):
        self.words = frozenset(word.lower() for word in words)
        self.phrases = phrases

    def search(self, text: str) -> bool:
        return bool(self.words.intersection(self.WORD.findall(text.lower()))) or bool(
            self.phrases and self.phrases.search(text))


@dataclass(frozen=True)
class NamedPattern:
    """One entry of a rule's `patterns`: a bare regex, or a mapping {name, regex, description}."""

    regex: str
    name: str = ""
    description: str = ""

    @classmethod
    def of(cls, entry) -> NamedPattern:
        if isinstance(entry, NamedPattern):
            return entry
        if isinstance(entry, str):
            return cls(entry)
        if isinstance(entry, dict) and isinstance(entry.get("regex"), str) and set(entry) <= {"name", "regex", "description"}:
            return cls(entry["regex"], str(entry.get("name", "")), str(entry.get("description", "")))
        raise ValueError(f"a pattern must be a regex or a mapping with 'regex' (and 'name', 'description'), not {entry!r}")


_TERM = re.compile(r"(?<!\\)\{([^\W\d]\w*)\}")  # `{name}`: a term list in a pattern


def compile_patterns(patterns: Iterable, terms: dict[str, list[str]] | None = None) -> re.Pattern:
    r"""Join regex fragments (or NamedPattern entries) into one case-insensitive, word-bounded pattern.

    `{name}` in a fragment expands to the alternation of `terms[name]`; a name starts with a letter
    or `_`, so a repetition (`\d{2}`, `x{1,3}`) and an escaped brace (`\{name}`) stay regex.
    """
    terms = terms or {}

    def expand(fragment: str) -> str:
        return _TERM.sub(lambda m: "(?:" + "|".join(terms[m.group(1)]) + ")", fragment)

    entries = [NamedPattern.of(p) for p in patterns]
    alternatives = "|".join(f"(?:{expand(entry.regex)})" for entry in entries)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
