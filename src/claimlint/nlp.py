"""The NLP pipeline: spaCy blank English plus a sentencizer, or a trained pipeline from config.

spaCy is imported lazily, so runs that need no sentence analysis (cache hits, drafts with no
rule triggers) never pay for it.
"""

from __future__ import annotations

import re
import sys
import types
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache, partial

from claimlint.errors import ConfigError
from claimlint.evidence.citations import has_citation
from claimlint.folded_regex import compiled_as_re
from claimlint.markdown import Evidence, Segment
from claimlint.sentence_cuts import SentenceCuts


# Typographic quotes and apostrophes read as their plain forms by every rule and evidence helper
# ("won’t" is a negation like "won't"). Each maps one code point to one, so positions never shift;
# findings still quote the draft's own characters.
_PLAIN_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("′", "'"), ("＇", "'"))


def plain_quotes(text: str) -> str:
    for typographic, plain in _PLAIN_QUOTES:  # six scans in C: `str.translate` walks non-ASCII text in Python's dict
        text = text.replace(typographic, plain)
    return text


# A long run of symbols with no letter, digit or space ("$$$$...", "=====...") holds no word, and spaCy's
# tokenizer splits it one prefix or suffix at a time, in time quadratic in its length: it is read as spaces.
_SYMBOL_RUN = re.compile(r"[^\w\s]{32,}")


def plain_text(text: str) -> str:
    """The text rules and the pipeline read: plain quotes, and long symbol runs as spaces (positions kept)."""
    return _SYMBOL_RUN.sub(lambda run: " " * len(run.group()), plain_quotes(text))


# Abbreviations common in health and science writing: one token each, so that a sentence does
# not end inside "(Smith et al., 2019)" or "see Fig. 2".
ABBREVIATIONS = ("al.", "Fig.", "fig.", "Figs.", "figs.", "approx.", "Approx.", "ca.", "cf.", "resp.", "Ref.",
                 "Refs.", "Vol.", "vol.", "pp.", "Eq.", "Dr.", "Prof.", "St.", "Inc.", "Ltd.", "Jr.")


# Hyphenated words kept whole, in any case and with a hyphen or an en dash, as their first part alone reads as
# another word ("so" as a conjunction): "prevents so-called jet lag" has an object.
WHOLE_WORDS = tuple(form.replace("-", dash) for word in ("so-called",)
                    for form in (word, word.capitalize(), word.title(), word.upper()) for dash in "-–")
# The tokenizer's special cases: each kept as one token.
SPECIAL_CASES = ABBREVIATIONS + WHOLE_WORDS


_LOADED: set[str | None] = set()


def pipeline_loaded(model: str | None = None) -> bool:
    return model in _LOADED


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    """The pipeline for `model` (None: the blank one), loaded once per process."""
    nlp = _load(model)
    _LOADED.add(model)
    return nlp


def _load(model: str | None):
    from claimlint.models import pipeline_path

    spacy = _import_spacy()

    if not model:
        from spacy.lang.en import English

        nlp = English(create_tokenizer=_tokenizer)  # spacy.blank("en") without resolving its config (0.02 s)
        nlp.add_pipe("sentencizer")
    else:
        try:  # loaded as data from the installed package, which is never imported
            nlp = spacy.load(pipeline_path(model), exclude=["ner", "lemmatizer", "textcat"])
        except (OSError, ValueError) as exc:
            raise ConfigError(f"model '{model}' could not be loaded: {exc}") from None
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer")
    for special in SPECIAL_CASES:
        nlp.tokenizer.add_special_case(special, [{"ORTH": special}])
    return nlp


def _tokenizer(nlp):
    """The blank pipeline's tokenizer, as spaCy's own factory makes it (`create_tokenizer` in
    spacy.language, whose affix regexes `spacy.util.compile_*_regex` write), with those three regexes
    compiled by way of the store of compiled patterns (compiled_patterns.py): `re` compiles their
    thousands of characters in Python, 0.02 s of a cold run."""
    from spacy.tokenizer import Tokenizer

    defaults = nlp.Defaults

    def affixes(pieces, before: str = "", after: str = ""):  # spacy.util's compile_prefix_regex and the others
        return compiled_as_re("|".join(before + piece + after for piece in pieces if piece.strip()), 0) if pieces else None

    prefix, suffix, infix = affixes(defaults.prefixes, before="^"), affixes(defaults.suffixes, after="$"), \
        affixes(defaults.infixes)
    return Tokenizer(nlp.vocab, rules=defaults.tokenizer_exceptions, prefix_search=prefix and prefix.search,
                     suffix_search=suffix and suffix.search, infix_finditer=infix and infix.finditer,
                     token_match=defaults.token_match, url_match=defaults.url_match)


def _import_spacy():
    """`import spacy`, without the command-line package it imports for one name.

    spaCy's `__init__` imports `info` from `spacy.cli.info`, and so all of `spacy.cli` (typer,
    weasel, requests, httpx, jinja2: about a third of `import spacy`, 0.13 s of a cold one-draft
    run), which linting never uses. While spaCy is imported, `spacy.cli.info` is a stand-in whose
    `info` imports the real one when called; it is then removed, so `spacy.cli` imports as usual
    for anyone who asks for it. Where spaCy is already imported, it is simply returned."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = _spacy_info
    sys.modules.setdefault("spacy.cli.info", stand_in)
    try:
        import spacy
    except ImportError:  # a spaCy that asks the stand-in for more than `info`: import it the usual way
        for name in [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")]:
            del sys.modules[name]
        sys.modules.pop("spacy.cli.info", None)
        import spacy
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]
    return spacy


def _spacy_info(*args, **kwargs):
    """`spacy.info`, imported from spaCy's command-line package when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class Analyser:
    """What the engine asks of a pipeline: where prose may be cut between sentences before any of it
    is tokenized, and the sentences of the pieces that are.

    The blank pipeline cuts at the sentence ends `SentenceCuts` can vouch for, only tokenizes, and
    finds sentences as its sentencizer would, from each Doc's arrays (the sentencizer walks every
    token in Python). A piece `SentenceCuts.alone` vouches for is one sentence, tokenized only when
    a rule first reads its tokens: many are read by rules of text alone (a statistic, a phrase that
    does not match). A trained pipeline tags and parses in context and ends sentences as it likes,
    so it reads whole segments.
    """

    def __init__(self, model: str | None = None):
        self.nlp = load_pipeline(model)
        self.blank = not model
        if self.blank:
            punct_chars = self.nlp.get_pipe("sentencizer").punct_chars
            self.cuts = SentenceCuts(self.nlp.tokenizer, punct_chars, MAX_SENTENCE_TOKENS)
            self.stops = frozenset(self.nlp.vocab.strings[char] for char in punct_chars)

    def pieces(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the pieces of a segment's prose, each one or more whole sentences."""
        return self.cuts.pieces(text) if self.blank else [(0, len(text))]

    def sentences(self, pieces):
        """(piece, its sentences) for each piece: anything with the segment, its prose `plain`, the
        piece's `start`, `text` and whether it is the segment's `last`."""
        if not self.blank:
            pieces = list(pieces)
            for piece, doc in zip(pieces, self.nlp.pipe(piece.tokenized for piece in pieces)):
                yield piece, sentences(piece.segment, doc, piece)
            return
        for piece in pieces:
            if self.cuts.alone(piece.text):
                tokens = partial(self._span, piece.tokenized)  # made when a rule first reads them
                sentence = Sentence(piece.segment, piece.start, piece.end, tokens, [], piece.plain)
                sentence.evidence = _marks(piece.segment, piece.start, piece.end, piece.last)
                yield piece, [sentence]
            else:
                yield piece, sentences(piece.segment, self.tokenize(piece.tokenized), piece, self.stops)

    def tokenize(self, text: str):
        """The Doc of a piece's text: all that reaches spaCy (benchmarks count its words here)."""
        return self.nlp.tokenizer(text)

    def _span(self, text: str):
        return self.tokenize(text)[:]


_ANALYSERS: dict[str | None, Analyser] = {}


def analyser(model: str | None = None) -> Analyser:
    if model not in _ANALYSERS:
        _ANALYSERS[model] = Analyser(model)
    return _ANALYSERS[model]


_QUESTION_WORDS = frozenset("how why what when which where who whether does do is are can should will".split())
# Words a question opens with, and a clause boundary after which a question begins (", but what happens if ...?").
_ASKING = _QUESTION_WORDS | {"did", "has", "have", "was", "were", "could", "would", "may", "might"}
_ASKED_CLAUSE = re.compile(rf"(?:,|;|\s[—–])\s*(?:(?:but|and|so|yet)\s+)?(?=(?:{'|'.join(sorted(_ASKING))})\b)",
                           re.IGNORECASE)


@dataclass
class Sentence:
    """A sentence of a segment: prose positions [start, end), its tokens and its evidence."""

    segment: Segment
    start: int
    end: int
    made: object  # its tokens (a spacy.tokens.Span), or a function that makes them when first read
    evidence: list[Evidence]
    paragraph: str  # the whole segment as its tokens read it: plain quotes and apostrophes
    _cited: dict = field(default_factory=dict, repr=False, compare=False)  # scope -> answer: rules ask in turn

    @property
    def tokens(self):
        """The sentence's tokens (a spacy.tokens.Span)."""
        if callable(self.made):
            self.made = self.made()
        return self.made

    @property
    def text(self) -> str:
        """The sentence with plain quotes and apostrophes."""
        return self.paragraph[self.start : self.end]

    def cited(self, scope: str = "sentence") -> bool:
        """Does a citation stand in the sentence (or, with scope "paragraph", in its segment)?"""
        if scope not in self._cited:
            self._cited[scope] = has_citation(self.paragraph, self.segment.evidence) if scope == "paragraph" \
                else has_citation(self.text, self.evidence)
        return self._cited[scope]

    @property
    def question_start(self) -> int | None:
        """Where the question in the sentence begins: 0 for a question, or a heading worded as one ("How
        sleep affects your immune system", "Two years in: what finally calmed my skin"); the start of the
        last clause when a statement runs into a question ("Science says we need 8 hours, but what happens
        if we don't?"), since the clauses before it assert; None for no question."""
        text = self.text.rstrip(" \t\n_*–—-\"')]")
        if text.endswith("?"):  # also with markup or a dash after the mark: "Is a cleanse the right idea? _–_"
            words = text.split(maxsplit=1)
            if not words or words[0].strip("*_\"'“(").lower() in _ASKING:
                return 0  # it opens as a question: "Does sugar cause acne, and what can you do?"
            asked = None
            for asked in _ASKED_CLAUSE.finditer(text):
                pass
            return asked.end() if asked else 0
        if self.segment.kind != "heading":
            return None
        return 0 if any(part.split(maxsplit=1)[0].lower() in _QUESTION_WORDS
                        for part in re.split(r"[:—–]", text) if part.strip()) else None


# The longest run of tokens read as one sentence. Hedge scope and clause starts look back within a
# sentence, so an unpunctuated 100,000-character line would cost time quadratic in its length; a
# longer "sentence" is cut at its last comma, semicolon or colon before the limit (or at the limit).
MAX_SENTENCE_TOKENS = 160
_SOFT_BREAKS = frozenset({",", ";", ":", "—", "–"})


def sentences(segment: Segment, doc, piece=None, stops: frozenset[int] | None = None) -> list[Sentence]:
    """Split a Doc of a segment's prose into sentences and attach each evidence mark to its sentence.

    The Doc may be of one `piece` of the prose (with the segment's prose `plain`, its `start`, the
    `tokenized` text and whether it is the `last` piece) that ends where a sentence ends. Its
    sentences are the pipeline's, or, given the sentencizer's `stops`, found as the sentencizer would
    find them. A mark standing at a boundary ("...gut.[^1] Next") belongs to the sentence it closes,
    and a "sentence" that is only a citation ("[1]." after a full stop) is folded into the one before.
    """
    paragraph, offset, last = (piece.plain, piece.start, piece.last) if piece else (doc.text, 0, True)
    rows = doc.to_array(_ATTRIBUTES).tolist()  # read once from the Doc's arrays, not token by token
    starts = [sent.start for sent in doc.sents] if stops is None else _sentence_starts(rows, stops)
    citation = _citation_texts(doc.vocab)
    result: list[Sentence] = []
    for first, end in (piece for first, end in zip(starts, starts[1:] + [len(rows)])
                       for piece in _bounded(doc, first, end)):
        if result and all(punct or number or orth in citation for _, _, orth, punct, number in rows[first:end]):
            previous = result[-1]
            result[-1] = Sentence(segment, previous.start, offset + _end_char(rows, end),
                                  doc[previous.tokens.start : end], [], paragraph)
            continue
        tail = _citation_tail(rows, first, end, citation) if result else first
        if tail > first:  # "... testosterone. [1] Many ...": the sentencizer began this sentence inside the mark
            previous = result[-1]
            result[-1] = Sentence(segment, previous.start, offset + _end_char(rows, tail),
                                  doc[previous.tokens.start : tail], [], paragraph)
            first = tail
        result.append(Sentence(segment, offset + rows[first][0], offset + _end_char(rows, end), doc[first:end], [],
                               paragraph))
    if not result:
        return result
    current = 0
    for mark in _marks(segment, offset, result[-1].end, last):
        while current < len(result) - 1 and mark.position > result[current].end:
            current += 1
        result[current].evidence.append(mark)
        following = current + 1
        while following < len(result) and result[following].start < mark.end:  # "[One claim. Another.](https://...)"
            result[following].evidence.append(mark)
            following += 1
    return result


def _marks(segment: Segment, start: int, end: int, last: bool) -> list[Evidence]:
    """The evidence marks of the piece of `segment` from `start` whose last sentence ends at `end`.
    Marks come in prose order. A piece's sentences take those after the end of the sentence before
    the piece (the space before its start) up to their own end, or all that follow if it is the last,
    and the source link whose text runs on into the piece."""
    marks = segment.evidence
    first = bisect_left(marks, start, key=lambda mark: mark.position) if start else 0
    stop = len(marks) if last else bisect_right(marks, end, key=lambda mark: mark.position)
    return _spanning_link(marks, first, start) + marks[first:stop]


# How many marks (superscripts, footnotes) a link's text may hold before the piece it still spans: bounded, so a
# paragraph of many marks and pieces costs no more per piece.
_MARKS_IN_A_LINK = 64


def _spanning_link(marks: list[Evidence], first: int, start: int) -> list[Evidence]:
    """The source link, if any, whose text began before `start` and runs on into the piece there ("[One claim.
    Another.](https://...)"): links do not nest, so it is the nearest link mark before the piece's own marks."""
    for index in range(first - 1, max(-1, first - 1 - _MARKS_IN_A_LINK), -1):
        if marks[index].kind == "link":
            return [marks[index]] if marks[index].end > start else []
    return []


# What `sentences` reads of each token: where it starts and how long it is, its text's hash, and
# whether it is punctuation or a number.
_ATTRIBUTES = ["IDX", "LENGTH", "ORTH", "IS_PUNCT", "LIKE_NUM"]


_MEMO: tuple = (None, {})


def memo(tokens) -> dict:
    """Where helpers keep what they compute over a sentence's tokens (clause boundaries, offsets),
    so no helper walks the sentence again per candidate: the sentence rules are reading now, and
    only it (rules read one sentence at a time)."""
    global _MEMO
    current = _MEMO
    if current[0] is not tokens:
        current = (tokens, {})
        _MEMO = current
    return current[1]


class Words:
    """A sentence's tokens as plain Python lists, read from spaCy once per sentence (`words`). Helpers
    index these: each `tokens[i]` makes a spaCy Token object, and each `tokens[a:b].text` a Span that
    joins its tokens' texts again (together some five million calls per million words of prose)."""

    __slots__ = ("lower", "starts", "ends", "text")

    def __init__(self, tokens):
        base = tokens.start_char
        self.lower: list[str] = []  # each token's lower-case form (`lower_`)
        self.starts: list[int] = []  # where each token starts in the sentence's text
        self.ends: list[int] = []  # and where it ends
        for token in tokens:
            self.lower.append(token.lower_)
            start = token.idx - base
            self.starts.append(start)
            self.ends.append(start + len(token))
        self.text: str = tokens.text

    def between(self, start: int, end: int) -> str:
        """The text of the tokens from `start` to `end` (`tokens[start:end].text`, slice bounds as a
        slice takes them)."""
        start, end, _ = slice(start, end).indices(len(self.lower))
        return self.text[self.starts[start] : self.ends[end - 1]] if start < end else ""


def words(tokens) -> Words:
    """The sentence's tokens as plain lists (Words), read once per sentence (memo)."""
    remembered = memo(tokens)
    found = remembered.get(Words)
    if found is None:
        found = remembered[Words] = Words(tokens)
    return found


def _citation_tail(rows: list[list[int]], first: int, end: int, citation: frozenset[int]) -> int:
    """Where a sentence opening with the rest of a numbered citation mark that the sentence before opened
    ("[" after its full stop, then "1]" or "2, 5]" here) really begins: after the mark's closing bracket.
    A mark after a full stop cites the sentence it follows, as a superscript does ("(1) Eat less" may be
    an enumeration: only square brackets). Else `first`."""
    opening, closing = _BRACKETS
    if rows[first - 1][2] not in opening:
        return first
    for index in range(first, min(end - 1, first + _LONGEST_MARK)):
        orth, punct, number = rows[index][2:]
        if orth in closing:
            return index + 1 if index > first else first
        if not (number or punct or orth in citation):
            return first
    return first


_LONGEST_MARK = 12  # tokens of a numbered citation mark's rest: "1, 3-5, 12]"


def _end_char(rows: list[list[int]], end: int) -> int:
    """Where the token before `end` ends, in the Doc's text."""
    return rows[end - 1][0] + rows[end - 1][1]


def _sentence_starts(rows: list[list[int]], stops: frozenset[int]) -> list[int]:
    """The tokens that open a sentence, as spaCy's sentencizer finds them: the first, and each token
    that is neither punctuation nor a stop (`stops`: hashes of the sentencizer's characters) with a
    stop since the token before it that was neither."""
    starts = [0] if rows else []
    seen_stop = False
    for index, (_, _, orth, punct, _) in enumerate(rows):
        if orth in stops:
            seen_stop = True
        elif seen_stop and not punct:
            if index:
                starts.append(index)
            seen_stop = False
    return starts


def _bounded(doc, start: int, end: int):
    """(first, end) of the pieces of at most MAX_SENTENCE_TOKENS tokens the sentence from token
    `start` to `end` is cut into."""
    while end - start > MAX_SENTENCE_TOKENS:
        limit = start + MAX_SENTENCE_TOKENS
        cut = next((i + 1 for i in range(limit - 1, start + MAX_SENTENCE_TOKENS // 2, -1)
                    if doc[i].text in _SOFT_BREAKS), limit)
        yield start, cut
        start = cut
    yield start, end


# Tokens a citation is made of besides punctuation and numbers: brackets and commas (the texts
# `in "[](),"` has always accepted, which include runs such as "()" and "],").
_CITATION_TEXTS = frozenset("[](),"[i:j] for i in range(5) for j in range(i + 1, 6))
_CITATION_HASHES: frozenset[int] = frozenset()


_BRACKETS: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())


def _citation_texts(vocab) -> frozenset[int]:
    global _CITATION_HASHES, _BRACKETS
    if not _CITATION_HASHES:
        _CITATION_HASHES = frozenset(vocab.strings[text] for text in _CITATION_TEXTS)
        _BRACKETS = (frozenset({vocab.strings["["]}), frozenset({vocab.strings["]"]}))
    return _CITATION_HASHES
