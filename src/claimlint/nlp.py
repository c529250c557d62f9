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

    @property
    def text(self) -> str:
        """The sentence with plain quotes and apostrophes (as its tokens read)."""
        return self.tokens.doc.text[self.start : self.end]

    @property
    def paragraph(self) -> str:
        """Its whole segment, with plain quotes and apostrophes."""
        return self.tokens.doc.text

    def cited(self, scope: str = "sentence") -> bool:
        """Does a citation stand in the sentence (or, with scope "paragraph", in its segment)?"""
        if scope == "paragraph":
            return has_citation(self.paragraph, self.segment.evidence)
        return has_citation(self.text, self.evidence)

    @property
    def is_question(self) -> bool:
        """A question, or a heading worded as one ("How sleep affects your immune system", "Two years
        in: what finally calmed my skin")."""
        text = self.text.strip()
        if text.endswith("?"):
            return True
        if self.segment.kind != "heading":
            return False
        return any(part.split(maxsplit=1)[0].lower() in _QUESTION_WORDS
                   for part in re.split(r"[:—–]", text) if part.strip())


def sentences(segment: Segment, doc) -> list[Sentence]:
    """Split a segment's Doc into sentences and attach each evidence mark to its sentence.

    A mark standing at a boundary ("...gut.[^1] Next") belongs to the sentence it closes, and a
    "sentence" that is only a citation ("[1]." after a full stop) is folded into the one before.
    """
    result: list[Sentence] = []
    for span in doc.sents:
        start, end = span.start_char, span.end_char
        if result and _is_citation_only(span):
            previous = result[-1]
            result[-1] = Sentence(segment, previous.start, end, doc[previous.tokens.start : span.end], [])
            continue
        result.append(Sentence(segment, start, end, span, []))
    for mark in segment.evidence:
        for sentence in result:
            if mark.position <= sentence.end or sentence is result[-1]:
                sentence.evidence.append(mark)
                break
    return result


def _is_citation_only(span) -> bool:
    return all(token.is_punct or token.like_num or token.text in "[]()," for token in span)
