"""The contract between a rule kind and the engine.

A kind declares the YAML fields that define a rule of its kind and the options a user may tune,
each with a type and a default. Sentence kinds inspect one sentence at a time and expose a cheap
`trigger` regex: segments it cannot match never reach spaCy. Document kinds see the whole draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Iterable

from claimlint.folded_regex import compile_folded, fold, fold_text
from claimlint.word_gate import text_words


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
    # Those of them whose entries may also be token patterns ({name, tokens, ...}: token_patterns.py).
    token_pattern_fields: ClassVar[tuple[str, ...]] = ()

    def named_patterns(self) -> list[tuple[str, NamedPattern]]:
        """(the `pattern` a finding carries, entry) of each named entry of the pattern fields."""
        return [(entry.name, entry) for field in self.pattern_fields
                for entry in (NamedPattern.of(e, field in self.token_pattern_fields) for e in self.field.get(field, []))
                if entry.name]

    def exclusions(self) -> list[tuple[str, str]]:
        """(name, description) of each named exclusion the kind asks of a match."""
        return []

    def check_sentence(self, sentence) -> Iterable[Hit]:
        return ()

    def check_document(self, document) -> Iterable[Hit]:
        return ()


class WordTrigger:
    """A cheap trigger for a large vocabulary: a set lookup over the text's words, plus an
    optional regex for multi-word phrases. Python's `re` scans a long alternation of words
    slowly; splitting into words once and probing a set is several times faster.

    `words` are looked up among the text's words as WORD reads them (letters, joined by hyphens and
    apostrophes); `whole_words`, each a run of word characters, among the text's runs of word
    characters (`text_words`): where `\bword\b` would match case-insensitively."""

    WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")

    def __init__(self, words, phrases: re.Pattern | None = None, whole_words=()):
        self.words = frozenset(word.lower() for word in words)
        self.whole_words = frozenset(fold_text(word) for word in whole_words)
        self.phrases = phrases if phrases is None else fold(phrases)

    def search(self, text: str) -> bool:
        return bool(self.words.intersection(self.WORD.findall(text.lower()))) \
            or not self.whole_words.isdisjoint(text_words(text)) or bool(self.phrases and self.phrases.search(text))


@dataclass(frozen=True)
class NamedPattern:
    """One entry of a rule's `patterns`: a bare regex, or a mapping {name, description, regex} or, where
    the kind matches token patterns, {name, description, tokens, unless, examples} (token_patterns.py)."""

    regex: str = ""
    name: str = ""
    description: str = ""
    tokens: tuple = ()  # spaCy Matcher token specs
    unless: tuple[str, ...] = ()  # names of the kind's exclusions
    examples: tuple[tuple[str, str], ...] = ()  # ("flag" or "pass", sentence)

    @classmethod
    def of(cls, entry, tokens: bool = False) -> NamedPattern:
        if isinstance(entry, NamedPattern):
            return entry
        if isinstance(entry, str):
            return cls(entry)
        keys = {"name", "regex", "description"} | ({"tokens", "unless", "examples"} if tokens else set())
        if isinstance(entry, dict) and set(entry) <= keys and \
                (isinstance(entry.get("regex"), str)) != (isinstance(entry.get("tokens"), list)):
            return cls(entry.get("regex", ""), str(entry.get("name", "")), str(entry.get("description", "")),
                       tuple(entry.get("tokens", ())), _names(entry.get("unless", [])), _examples(entry))
        form = "'regex' or 'tokens'" if tokens else "'regex'"
        raise ValueError(f"a pattern must be a regex or a mapping with {form} (and 'name', 'description'), "
                         f"not {entry!r}")


def _names(value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise ValueError(f"'unless' must be a list of exclusion names, not {value!r}")
    return tuple(value)


def _examples(entry: dict) -> tuple[tuple[str, str], ...]:
    examples = entry.get("examples", {})
    if not isinstance(examples, dict) or not set(examples) <= {"flag", "pass"} or not all(
            isinstance(texts, list) and all(isinstance(text, str) for text in texts) for texts in examples.values()):
        raise ValueError(f"pattern '{entry.get('name', '')}': 'examples' must map 'flag' and 'pass' to lists of "
                         f"sentences, not {examples!r}")
    return tuple((kind, text) for kind in ("flag", "pass") for text in examples.get(kind, []))


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
    return compile_folded(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
