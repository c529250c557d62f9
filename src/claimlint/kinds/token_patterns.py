"""Named token patterns: a rule's constructions as spaCy `Matcher` patterns declared in YAML, in the
spirit of Vale's `sequence` kind.

An entry's `tokens` is a list of spaCy token specs (`{LOWER: {IN: [is, are]}}`, `OP: '?'`), with
three additions that spaCy's Matcher lacks:

- `{ANY: [[...], [...], []]}`: one of these sub-sequences (`[]` is none of them): "the", "a" or
  "one of the";
- `{WORDS: [min, max]}`: min to max words between two parts, a word being a run of tokens with no
  space inside ("well-known" is one word); other keys of the spec constrain each token
  (`LOWER: {NOT_IN: [side]}`); with `LIST: true`, an "and" or "or" after a word is free ("safe,
  cheap and effective" has two words before "effective");
- `{..., CONTEXT: true}` on the last specs: what must follow the match, outside its span.

An entry may also name `unless`: exclusions, predicates the kind defines ("perfect": "has reduced
effects" is a perfect, not "has ... effects"), each asked of a match. A family of entries is
matched as a regex alternation would be: leftmost first, then the first entry declared that
matches there, with its shortest match; matches do not overlap. spaCy is imported at the first
match, so loading rules costs nothing.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass

from claimlint.nlp import memo, words

_WORD_TOKEN = r"^(?:[\w-]+|\s+)$"  # the default token of a WORDS window
_SPACE = {"IS_SPACE": True, "OP": "*"}  # runs of whitespace between tokens: "is  the cause"
_CONJUNCTIONS = ("and", "or")  # free in a LIST window
# The token attributes and predicates a spec may use (spaCy's, checked here so that a rule's mistake is
# reported when it loads, before spaCy is imported), and the quantifiers.
_ATTRIBUTES = frozenset("ORTH TEXT NORM LOWER LENGTH IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_UPPER IS_TITLE IS_PUNCT "
                        "IS_SPACE IS_STOP IS_BRACKET IS_QUOTE IS_CURRENCY LIKE_NUM LIKE_URL LIKE_EMAIL SPACY POS TAG "
                        "MORPH DEP LEMMA SHAPE PREFIX SUFFIX".split())
_PREDICATES = frozenset("IN NOT_IN REGEX FUZZY == != >= <= > <".split())
_OPS = re.compile(r"[!?*+1]|\{\d*,?\d*\}")


@dataclass(frozen=True)
class _Sequence:
    entry: int  # index of the entry in its family
    specs: list  # spaCy specs, whitespace runs between them
    context: int  # how many specs at the end are context
    windows: dict  # spec index -> (min, max, list) words


def expand(tokens: list) -> list[list[dict]]:
    """The plain sequences an entry's `tokens` stands for: each ANY replaced by each of its choices."""
    if not isinstance(tokens, list) or not tokens:
        raise ValueError(f"'tokens' must be a non-empty list of token specs, not {tokens!r}")
    choices = []
    for spec in tokens:
        if not isinstance(spec, dict) or not spec:
            raise ValueError(f"a token spec must be a mapping such as {{LOWER: cause}}, not {spec!r}")
        if "ANY" in spec:
            options = spec["ANY"]
            if set(spec) != {"ANY"} or not isinstance(options, list) or not all(isinstance(o, list) for o in options):
                raise ValueError(f"ANY takes a list of token lists and nothing else: {spec!r}")
            choices.append([sequence for option in options for sequence in (expand(option) if option else [[]])])
        else:
            _check(spec)
            choices.append([[spec]])
    return [[spec for part in combination for spec in part] for combination in itertools.product(*choices)]


def _check(spec: dict) -> None:
    """Raise ValueError naming what is wrong with a token spec."""
    for key, value in spec.items():
        if key == "OP":
            if not (isinstance(value, str) and _OPS.fullmatch(value)):
                raise ValueError(f"OP must be one of ! ? * + 1 or {{n,m}}, not {value!r}")
        elif key == "WORDS":
            if not (isinstance(value, list) and len(value) == 2 and all(type(n) is int and n >= 0 for n in value)):
                raise ValueError(f"WORDS takes [min, max], not {value!r}")
        elif key in ("CONTEXT", "LIST"):
            if not isinstance(value, bool):
                raise ValueError(f"{key} takes true or false, not {value!r}")
        elif key not in _ATTRIBUTES:
            raise ValueError(f"unknown token attribute {key!r} in {spec!r} (spaCy's are upper-case: LOWER, TEXT, ...)")
        elif isinstance(value, dict):
            for predicate, argument in value.items():
                if predicate not in _PREDICATES:
                    raise ValueError(f"unknown predicate {predicate!r} in {spec!r}")
                if predicate == "REGEX":
                    re.compile(argument)
                words = argument if predicate in ("IN", "NOT_IN") else [argument]
                if not isinstance(words, list) or any(isinstance(word, bool) for word in words):
                    raise ValueError(f"{key} {predicate} in {spec!r}: YAML read a word as true or false; quote it "
                                     f"('on', 'no')")
        elif isinstance(value, bool) and key not in ("SPACY",) and not key.startswith(("IS_", "LIKE_")):
            raise ValueError(f"{key} in {spec!r}: YAML read a word as true or false; quote it ('on', 'no')")
    if "LIST" in spec and "WORDS" not in spec:
        raise ValueError(f"LIST belongs to a WORDS window: {spec!r}")


def _sequence(entry: int, plain: list[dict]) -> _Sequence:
    context = 0
    while context < len(plain) and plain[len(plain) - 1 - context].get("CONTEXT"):
        context += 1
    if any(spec.get("CONTEXT") for spec in plain[: len(plain) - context]) or context == len(plain):
        raise ValueError("CONTEXT marks only the last token specs of a pattern, after its span")
    specs, windows = [], {}
    for spec in plain:
        spec = {key: value for key, value in spec.items() if key != "CONTEXT"}
        if "WORDS" in spec:
            low, high = spec.pop("WORDS")
            windows[len(specs) + (1 if specs else 0)] = (int(low), int(high), bool(spec.pop("LIST", False)))
            spec.setdefault("TEXT", {"REGEX": _WORD_TOKEN})
            spec["OP"] = "*"
        if specs:
            specs.append(dict(_SPACE))
        specs.append(spec)
    return _Sequence(entry, specs, context, windows)


class Family:
    """The named patterns of one field of a rule, regexes or token patterns, matched together."""

    def __init__(self, entries: list, exclusions: dict | None = None):
        self.entries = entries
        self.regexes = {i: re.compile(entry.regex, re.IGNORECASE) for i, entry in enumerate(entries) if entry.regex}
        self.sequences = [_sequence(i, plain) for i, entry in enumerate(entries) if entry.tokens
                          for plain in expand(list(entry.tokens))]
        exclusions = exclusions or {}
        for entry in entries:
            unknown = [name for name in entry.unless if name not in exclusions]
            if unknown:
                raise ValueError(f"pattern '{entry.name}': unknown exclusion {unknown}; known: {sorted(exclusions)}")
        self.unless = [[exclusions[name] for name in entry.unless] for entry in entries]
        # Of each token pattern, words one of which its every match holds: a sentence without any of them
        # is not matched against it (spaCy's Matcher tests word lists in Python, token by token).
        self.gates = {i: _anchor(list(entry.tokens)) for i, entry in enumerate(entries) if entry.tokens}
        self._matchers: dict[int, object] = {}
        self._vocab = None

    def anchors(self) -> set[str] | None:
        """Words one of which every match of a token pattern holds, for a rule's trigger (None when some
        pattern has none)."""
        if any(words is None for words in self.gates.values()):
            return None
        return set().union(*self.gates.values())

    def spans(self, tokens):
        """(token index, token count, entry) of each match in the sentence `tokens`, in order."""
        found = self._token_matches(tokens) if self.sequences else {}
        if not found and not self.regexes:
            return
        sentence = words(tokens) if self.regexes else None
        starts = range(len(tokens)) if self.regexes else sorted({start for start, _ in found})
        cursor = 0
        for start in starts:
            if start < cursor:
                continue
            for index, entry in enumerate(self.entries):
                end = found.get((start, index)) if index not in self.regexes \
                    else _regex_end(self.regexes[index], sentence.text, sentence.starts, start)
                if end and not any(excluded(tokens, start, end) for excluded in self.unless[index]):
                    yield start, end - start, entry
                    cursor = end
                    break

    def _token_matches(self, tokens) -> dict[tuple[int, int], int]:
        """{(start, entry index): end of its shortest match there}, context and whitespace left out."""
        if self._vocab is not tokens.vocab:
            self._matchers, self._vocab = {}, tokens.vocab
        remembered = memo(tokens)  # the sentence's words, read once for every family that gates on them
        if "words" not in remembered:
            remembered["words"] = set(words(tokens).lower)
        present = remembered["words"]
        found: dict[tuple[int, int], int] = {}
        for index, gate in self.gates.items():
            if gate is not None and gate.isdisjoint(present):
                continue
            if index not in self._matchers:
                self._matchers[index] = self._matcher(index, tokens.vocab)
            self._match(tokens, *self._matchers[index], found)
        return found

    def _matcher(self, index: int, vocab):
        from spacy.matcher import Matcher

        matcher = Matcher(vocab, validate=True)
        sequences = [sequence for sequence in self.sequences if sequence.entry == index]
        for key, sequence in enumerate(sequences):
            matcher.add(str(key), [sequence.specs])
        return matcher, {vocab.strings[str(key)]: sequence for key, sequence in enumerate(sequences)}

    @staticmethod
    def _match(tokens, matcher, keys: dict, found: dict) -> None:
        for key, start, end, alignment in matcher(tokens, with_alignments=True):
            sequence = keys[key]
            if sequence.windows and not _windows_hold(tokens, start, alignment, sequence.windows):
                continue
            if sequence.context:
                last = len(sequence.specs) - 1 - 2 * sequence.context  # the last spec of the span itself
                end = start + max(i for i, spec in enumerate(alignment) if spec <= last) + 1
            place = (start, sequence.entry)
            if place not in found or end < found[place]:
                found[place] = end


def _anchor(specs: list) -> set[str] | None:
    """The best word list that every match of `specs` holds one of: a required spec's words, or the union of
    the anchors of an ANY's choices."""
    lists = []
    for spec in specs:
        if "ANY" in spec:
            choices = [_anchor(choice) if choice else None for choice in spec["ANY"]]
            if all(choices):
                lists.append(set().union(*choices))
        elif spec.get("OP") in (None, "+", "1") and not spec.get("CONTEXT"):
            value = spec.get("LOWER")
            if isinstance(value, str):
                lists.append({value})
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                lists.append({str(word) for word in value["IN"]})
    return max(lists, key=lambda words: (min(map(len, words)), -len(words))) if lists else None


def _windows_hold(tokens, start: int, alignment: list[int], windows: dict) -> bool:
    """Does each WORDS window hold between min and max words, with space before, between and after them?"""
    for spec, (low, high, listing) in windows.items():
        places = [start + i for i, s in enumerate(alignment) if s == spec]
        if not places:
            if low:
                return False
            continue
        before = tokens[places[0] - 1]
        text = "".join(tokens[place].text_with_ws for place in places)
        if not (before.whitespace_ or before.is_space) or not text[-1].isspace():
            return False  # a word runs on into what stands around it: "be, and", "self-driver"
        words = text.split()
        if listing:
            words = words[:1] + [word for word in words[1:] if word.lower() not in _CONJUNCTIONS]
        if not low <= len(words) <= high:
            return False
    return True


def _regex_end(pattern: re.Pattern, text: str, offsets: list[int], start: int) -> int:
    """Token index after the match of `pattern` at the token `start`, or 0."""
    match = pattern.match(text, offsets[start])
    if match is None:
        return 0
    end = bisect_left(offsets, match.end())
    return end if end > start else 0
