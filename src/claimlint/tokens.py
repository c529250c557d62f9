"""A sentence's tokens as plain Python values, read from spaCy's arrays once.

Rules walk a sentence's tokens many times: each candidate looks at its neighbours, its clause and
the words before it. A spaCy Span builds a new Token object, and looks up its strings, on every
access; `Tokens` offers what rules read of a Span (indexing, slicing, iteration, `text`, `start`,
`start_char`) over objects built once per sentence, holding what rules read of a Token (`text`,
`lower_`, `idx`, `i`, `is_alpha`, `is_punct`, `like_num`, `is_space`, `is_title`, its length), and
remembers per sentence what evidence helpers compute over it (clause boundaries: `memo`). Anything
else (a trained pipeline's `pos_` or `lemma_`) is read from spaCy's own Token or Span.
"""

from __future__ import annotations

# The Doc attributes a Token is made from, in the order `doc.to_array` is asked for them (ORTH, the
# text's hash, last: the engine reads it to find sentences).
ATTRIBUTES = ("IDX", "LENGTH", "IS_ALPHA", "IS_PUNCT", "LIKE_NUM", "IS_SPACE", "ORTH")


class Token:
    """What rules read of a spaCy Token; like it, its length is its text's."""

    __slots__ = ("text", "lower_", "idx", "i", "is_alpha", "is_punct", "like_num", "is_space", "doc")

    def __init__(self, text: str, lower: str, idx: int, i: int, alpha: bool, punct: bool, number: bool, space: bool,
                 doc):
        self.doc = doc
        self.text = text
        self.lower_ = lower
        self.idx = idx  # character offset in the Doc's text
        self.i = i  # index in the Doc
        self.is_alpha = alpha
        self.is_punct = punct
        self.like_num = number
        self.is_space = space

    def __len__(self) -> int:
        return len(self.text)

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "doc":
            raise AttributeError(name)  # not set yet (a copy being made): nothing to ask spaCy
        return getattr(self.doc[self.i], name)

    @property
    def is_title(self) -> bool:
        return self.text.istitle()

    def __repr__(self) -> str:
        return self.text


def read_tokens(doc, rows: list[list[int]], text: str, first: int, end: int) -> list[Token]:
    """Tokens first..end-1 of `doc`, whose text is `text`, from its `rows` (ATTRIBUTES per token)."""
    tokens = []
    for i in range(first, end):
        idx, length, alpha, punct, number, space, _ = rows[i]
        word = text[idx : idx + length]
        tokens.append(Token(word, word.lower(), idx, i, alpha == 1, punct == 1, number == 1, space == 1, doc))
    return tokens


class Tokens:
    """Tokens of a Doc, as a Span of them reads: `start` is the first one's index in the Doc,
    `start_char` its character offset, `text` the Doc's text from the first to the end of the last."""

    __slots__ = ("_tokens", "_text", "start", "start_char", "memo", "doc")

    def __init__(self, tokens: list[Token], text: str, start: int, start_char: int, doc):
        self._tokens = tokens
        self._text = text
        self.start = start
        self.start_char = start_char
        self.memo: dict = {}
        self.doc = doc

    def __getattr__(self, name: str):
        if name.startswith("__") or name in self.__slots__:
            raise AttributeError(name)  # not set yet (a copy being made): nothing to ask spaCy
        return getattr(self.doc[self.start : self.start + len(self._tokens)], name)

    def __len__(self) -> int:
        return len(self._tokens)

    def __iter__(self):
        return iter(self._tokens)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self._tokens[key]
        if key.step not in (None, 1):
            raise ValueError("Tokens slices take no step")
        offset = range(len(self._tokens))[key].start  # where the slice starts, clipped as a list's
        part = self._tokens[key]
        start_char = part[0].idx if part else (self._tokens[offset].idx if offset < len(self._tokens)
                                               else self._end_char())
        return Tokens(part, self._text, self.start + offset, start_char, self.doc)

    @property
    def text(self) -> str:
        return self._text[self.start_char : self._end_char()] if self._tokens else ""

    def _end_char(self) -> int:
        if not self._tokens:
            return self.start_char
        last = self._tokens[-1]
        return last.idx + len(last.text)
