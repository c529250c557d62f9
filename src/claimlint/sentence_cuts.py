"""Where a segment's prose may be cut between sentences before spaCy reads it.

The cheap pass offers spaCy only the sentences some rule's trigger matches, so it must find
sentence ends without tokenizing everything. It cuts only where spaCy would end a sentence and
would tokenize both sides exactly as it tokenizes the whole: at a single space after a word whose
last token is a full stop, question or exclamation mark, before a word that opens a sentence of its
own (one starting with a letter, and not a number word: a "sentence" of numbers is a citation that
`nlp.sentences` folds into the one before). spaCy splits text at whitespace and tokenizes each
word alone, so each side of a cut is asked of the tokenizer once per distinct word.

Anywhere else (an abbreviation such as "e.g." or "Dr.", a stop inside a word, a quote or bracket
after the stop) no cut is made: a piece may hold several sentences, never part of one.

Most pieces are one sentence, and `alone` can vouch for many of them without tokenizing: then the
sentence is the whole piece, and it is tokenized only if a rule reads its tokens.
"""

from __future__ import annotations

import re
import unicodedata

# A stop, one space, a letter: each place a cut may be made (the rest is the tokenizer's to say).
_CANDIDATE = re.compile(r"[.!?] (?=[^\W\d_])")
_WORD = re.compile(r"\S+")
_STOPS = frozenset(".!?")
# What `alone` counts: runs of ASCII letters or digits (spaCy splits one only by a special case such as
# "gonna"), and any other character but a space.
_ALPHANUMERIC_RUN = re.compile(r"[A-Za-z]+|[0-9]+")
_OTHER = re.compile(r"[^A-Za-z0-9 ]")
_REMEMBERED_WORDS = 200_000  # the answers kept per side: a few MB, however long the run
_LONGEST_REMEMBERED = 40


class SentenceCuts:
    def __init__(self, tokenizer, punct_chars, max_tokens: int):
        """`max_tokens`: the most tokens a sentence may have before the engine cuts it (`alone`)."""
        self.tokenizer = tokenizer
        self.punct_chars = punct_chars
        self.max_tokens = max_tokens
        self._closing: dict[str, str | None] = {}
        self._opening: dict[str, str | None] = {}
        self._junctions = _junctions(tokenizer)
        self._stop = re.compile("[" + "".join(map(re.escape, sorted(punct_chars))) + "]")
        # The most tokens a special case makes of a run of ASCII letters or digits ("Cantve": 3).
        self._run_tokens = max((len(tokens) for string, tokens in tokenizer.rules.items()
                                if string.isascii() and string.isalnum()), default=1)

    def alone(self, text: str) -> bool:
        """Can `text` (a piece, with no space before or after it) be vouched for as one sentence, as
        the engine would find it in the piece's tokens, of at most `max_tokens` tokens?

        The sentencizer starts a sentence at a token that is neither punctuation nor a stop, after a
        stop: a token that is one of its characters. So there is one sentence when no such character
        stands before the last character that is neither punctuation (Unicode P*) nor white space,
        and only punctuation and single spaces follow that one (a line break or a second space is a
        token of its own, and no punctuation). Tokens cover the text, so the sentence spans it. Its
        tokens are at most: the number of runs of ASCII letters or digits times the most tokens a
        special case makes of one, plus one for every other character but single spaces."""
        if not text or text[0].isspace() or text[-1].isspace():
            return False
        last = len(text) - 1
        while last >= 0 and (text[last] == " " or unicodedata.category(text[last])[0] == "P"):
            last -= 1
        if last < 0 or "  " in text[last:] or self._stop.search(text, 0, last + 1):
            return False
        if len(text) <= self.max_tokens:
            return True
        runs = len(_ALPHANUMERIC_RUN.findall(text))
        return runs * self._run_tokens + len(_OTHER.findall(text)) + text.count("  ") <= self.max_tokens

    def pieces(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of consecutive pieces of `text`, each one or more whole sentences, the
        single space between two pieces in neither."""
        pieces, start = [], 0
        for candidate in _CANDIDATE.finditer(text):
            space = candidate.start() + 1
            word_start = space - 1
            while word_start > start and not text[word_start - 1].isspace():
                word_start -= 1
            stop = self._ask(self._closing, text[word_start:space], self._closes)
            if stop is None:
                continue
            opening = self._ask(self._opening, _WORD.match(text, space + 1).group(), self._opens)
            if opening is None or (stop, opening) in self._junctions:
                continue
            pieces.append((start, space))
            start = space + 1
        pieces.append((start, len(text)))
        return pieces

    @staticmethod
    def _ask(memory: dict, word: str, question):
        if len(word) > _LONGEST_REMEMBERED:
            return question(word)
        if word not in memory:
            if len(memory) >= _REMEMBERED_WORDS:
                memory.clear()
            memory[word] = question(word)
        return memory[word]

    def _closes(self, word: str) -> str | None:
        """The stop that is the word's last token, after which the sentencizer ends a sentence at the
        next word, else None ("e.g." and "Dr." are one token each: no stop of their own)."""
        last = self.tokenizer(word)[-1]
        return last.text if last.text in _STOPS and last.text in self.punct_chars else None

    def _opens(self, word: str) -> str | None:
        """The word's first token when a sentence it starts cannot be a citation folded into the one
        before (it is not punctuation or a number), else None."""
        first = self.tokenizer(word)[0]
        if first.is_punct or first.like_num or first.text in self.punct_chars or not first.text[:1].isalpha():
            return None
        return first.text


def _junctions(tokenizer) -> set[tuple[str, str]]:
    """(stop, token after) where a special case of the tokenizer holds a stop followed by a word
    ("Ph.D.", "o.O"): spaCy's matcher for such cases reads across spaces, so no cut is made between
    those tokens."""
    from spacy.tokenizer import Tokenizer

    inner = re.compile(r"[.!?][^\W\d_]")
    strings = [string for string in tokenizer.rules if inner.search(string)]
    if not strings:
        return set()
    plain = Tokenizer(tokenizer.vocab, rules={}, prefix_search=tokenizer.prefix_search,
                      suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                      token_match=tokenizer.token_match, url_match=tokenizer.url_match)
    junctions = set()
    for string in strings:
        words = [token.text for token in plain(string)]
        for i, word in enumerate(words[:-1]):
            if word in _STOPS and words[i + 1][:1].isalpha():
                junctions.add((word, words[i + 1]))
    return junctions
