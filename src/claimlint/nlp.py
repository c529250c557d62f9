"""The NLP pipeline: spaCy blank English plus a sentencizer, or a trained pipeline from config.

spaCy is imported lazily, so runs that need no sentence analysis (cache hits, drafts with no
rule triggers) never pay for it.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache

from claimlint.errors import ConfigError
from claimlint.evidence.citations import has_citation
from claimlint.markdown import Evidence, Segment


# Typographic quotes and apostrophes read as their plain forms by every rule and evidence helper
# ("won’t" is a negation like "won't"). Each maps one code point to one, so positions never shift;
# findings still quote the draft's own characters.
_PLAIN_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "′": "'", "＇": "'"})


def plain_quotes(text: str) -> str:
    return text.translate(_PLAIN_QUOTES)


# Abbreviations common in health and science writing: one token each, so that a sentence does
# not end inside "(Smith et al., 2019)" or "see Fig. 2".
ABBREVIATIONS = ("al.", "Fig.", "fig.", "Figs.", "figs.", "approx.", "Approx.", "ca.", "cf.", "resp.", "Ref.",
                 "Refs.", "Vol.", "vol.", "pp.", "Eq.", "Dr.", "Prof.", "St.", "Inc.", "Ltd.", "Jr.")


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None):
    import spacy

    from claimlint.models import pipeline_path

    if not model:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    else:
        try:  # loaded as data from the installed package, which is never imported
            nlp = spacy.load(pipeline_path(model), exclude=["ner", "lemmatizer", "textcat"])
        except (OSError, ValueError) as exc:
            raise ConfigError(f"model '{model}' could not be loaded: {exc}") from None
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    return nlp


_QUESTION_WORDS = frozenset("how why what when which where who whether does do is are can should will".split())


@dataclass
class Sentence:
    """A sentence of a segment: prose positions [start, end), its tokens and its evidence."""

    segment: Segment
    start: int
    end: int
    tokens: object  # spacy.tokens.Span
    evidence: list[Evidence]
    paragraph: str  # the whole segment as its tokens read it: plain quotes and apostrophes

    @property
    def text(self) -> str:
        """The sentence with plain quotes and apostrophes."""
        return self.paragraph[self.start : self.end]

    def cited(self, scope: str = "sentence") -> bool:
        """Does a citation stand in the sentence (or, with scope "paragraph", in its segment)?"""
        if scope == "paragraph":
            return has_citation(self.paragraph, self.segment.evidence)
        return has_citation(self.text, self.evidence)

    @property
    def is_question(self) -> bool:
        """A question, or a heading worded as one ("How sleep affects your immune system", "Two years
        in: what finally calmed my skin")."""
        text = self.text.rstrip(" \t\n_*–—-\"')]")
        if text.endswith("?"):
            return True  # also with markup or a dash after the mark: "Is a cleanse the right idea? _–_"
        if self.segment.kind != "heading":
            return False
        return any(part.split(maxsplit=1)[0].lower() in _QUESTION_WORDS
                   for part in re.split(r"[:—–]", text) if part.strip())


# The longest run of tokens read as one sentence. Hedge scope and clause starts look back within a
# sentence, so an unpunctuated 100,000-character line would cost time quadratic in its length; a
# longer "sentence" is cut at its last comma, semicolon or colon before the limit (or at the limit).
MAX_SENTENCE_TOKENS = 160
_SOFT_BREAKS = frozenset({",", ";", ":", "—", "–"})


def sentences(segment: Segment, doc) -> list[Sentence]:
    """Split a segment's Doc into sentences and attach each evidence mark to its sentence.

    A mark standing at a boundary ("...gut.[^1] Next") belongs to the sentence it closes, and a
    "sentence" that is only a citation ("[1]." after a full stop) is folded into the one before.
    """
    result: list[Sentence] = []
    paragraph = doc.text  # joined once: Doc.text rebuilds the string on every call
    for span in (piece for sent in doc.sents for piece in _bounded(doc, sent)):
        start, end = span.start_char, span.end_char
        if result and _is_citation_only(span):
            previous = result[-1]
            result[-1] = Sentence(segment, previous.start, end, doc[previous.tokens.start : span.end], [], paragraph)
            continue
        result.append(Sentence(segment, start, end, span, [], paragraph))
    current = 0
    for mark in segment.evidence:  # marks come in prose order, so one pass places them all
        while current < len(result) - 1 and mark.position > result[current].end:
            current += 1
        if result:
            result[current].evidence.append(mark)
    return result


def _bounded(doc, span):
    """The sentence `span`, cut into pieces of at most MAX_SENTENCE_TOKENS tokens."""
    start = span.start
    while span.end - start > MAX_SENTENCE_TOKENS:
        limit = start + MAX_SENTENCE_TOKENS
        cut = next((i + 1 for i in range(limit - 1, start + MAX_SENTENCE_TOKENS // 2, -1)
                    if doc[i].text in _SOFT_BREAKS), limit)
        yield doc[start:cut]
        start = cut
    yield doc[start : span.end]


def _is_citation_only(span) -> bool:
    return all(token.is_punct or token.like_num or token.text in "[]()," for token in span)
