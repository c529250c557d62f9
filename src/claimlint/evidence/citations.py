"""Is there a citation? Links, footnotes and superscripts come from the parse; the rest from text."""

from __future__ import annotations

import re

_NUMBERS = r"\d{1,3}(?:\s*[-–,]\s*\d{1,3})*"
_DATE_WORDS = ("(?:January|February|March|April|May|June|July|August|September|October|November|December"
               "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter|Updated|Published)")
# Every match starts with a bracket, a space, a superscript, a digit, a capital, or the "d", "h" or "w" of "doi:",
# "http" or "www.": said first, it lets `re` pass every other character (most letters) at one test instead of
# trying each alternative there.
CITATION = re.compile(
    rf"""
    (?=[\[(\s¹²³⁴⁵⁶⁷⁸⁹⁰\dA-Zdhw])(?:
      \[{_NUMBERS}\]                                         # [1]  [1-3]  [1, 2]
    | \[\^[^\]\s]+\]                                         # a footnote mark not yet defined
    | (?<=[\w.,;:!?)])\s?\({_NUMBERS}\)(?!\s*\w)            # gut (1, 2).  not "(1) Eat"
    | [¹²³⁴⁵⁶⁷⁸⁹⁰]+                                        # unicode superscripts
    | (?<=[a-z)][.,;])\d{{1,3}}(?:[-–,]\d{{1,3}})*(?=\s|$)     # a superscript lost with its markup: "goes away.19"
    | \(\s*(?:e\.g\.,?\s*)?(?!{_DATE_WORDS}\b)[A-Z][\w'’-]+     # (Smith et al., 2019) (Smith & Lee 2020), not (March 2021)
       (?:\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][\w'’-]+)?)?,?\s+(?:19|20)\d\d[a-z]?(?:\s*[;,][^)]*)?\)
    | \b[A-Z][\w'’-]+\s+et\s+al\.?,?\s+\(?(?:19|20)\d\d      # Smith et al. (2019)
    | \bdoi:\s*10\.\d{{4,9}}/\S+ | \b10\.\d{{4,9}}/[-._;()/:\w]+  # DOIs
    | \bPMID:?\s*\d{{5,}} | \bPMC\d{{5,}}                        # PubMed ids
    | \bNCT\d{{8}}\b | \bISRCTN\d{{8}}\b                          # trial registry numbers
    | \bhttps?://\S+ | \bwww\.[\w-]+\.\w\S*                   # bare URLs
    )""",
    re.VERBOSE,
)

# A named journal or institution with a year, as the policy counts a source: "the Journal of Sleep Research
# (2019)", "In 2016, the Centers for Disease Control reported ...", "according to the American Heart Association
# in 2017".
# A name of capitalised words (each at most 30 characters long, so a run such as "A.A.A." stays linear) before
# the institution's word ("the American Heart Association", "Harvard University"), or the word then "of/for
# <Name>" ("the Journal of Sleep Research"); not "our/my/your/this <Name> Center", the writer's own.
_BODY = (r"(?:Association|Cent(?:er|re)s?|Institutes?|Organi[sz]ation|Foundation|Society|Council|Agency|Department"
         r"|Academy|College|Ministry|Commission|University|Journal|Hospital)")
_INSTITUTION = re.compile(
    rf"(?<!\bour )(?<!\bmy )(?<!\byour )(?<!\bthis )\b(?:(?!(?:The|A|An|This|That|Our|My|Your)\b)[A-Z][\w'’.-]{{0,30}}\s+(?:(?:of|for|and|&|on)\s+)?){{1,6}}"
    rf"{_BODY}\b"
    rf"|\b{_BODY}\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")
# A year as a date: "in 2016", "(2016)", "a 2016 report", "a 2022 systematic review"; not "2000 patients".
_YEAR = re.compile(r"(?:\b(?:in|since|by|from|of|during)\s+|\(\s*)(?:19|20)\d\d\b"
                   r"|\b(?:19|20)\d\d\s+(?:[\w-]+\s+)?(?:study|report|survey|review|trial|guidelines?|data|statistics|figures"
                   r"|(?:meta-)?analysis)\b",
                   re.IGNORECASE)
# A journal named as where a study appeared. A title is a name of capitalised words; alone it may be a field or a
# heading's words ("Traditional Chinese Medicine", "## Time Spent in Nature"), so it names a journal only
# - by a title no field or place has: "the Lancet", "BMJ", "the Journal of Sleep Research", "Frontiers in Nutrition";
# - after "published/appeared in" or "in the journal", unless it is a date or a country ("published in Gut",
#   "published in Diabetes Care"; not "published in March" or "in the USA");
# - after a dated study ("a 2021 meta-analysis in Sports Medicine").
# Named authors ("Park et al.") name a study too.
_TITLE_WORDS = rf"(?:[A-Z][\w&'’-]{{0,30}}\s+(?:(?:of|and|&|for|in|on|the)\s+)?){{0,6}}"
_JOURNAL_WORD = (r"(?:Journal|Lancet|BMJ|JAMA|NEJM|Nature|Science|Sciences|PLOS|PLoS|Proceedings|Annals|Archives"
                 r"|Frontiers|Reviews?|Medicine|Nutrition|Nutrients|Research|Cell|Pediatrics|Circulation|Reports"
                 r"|Bulletin|Letters|Metabolism|Cochrane|Neurology)")
_PLACES = r"(?:USA?|UK|EU|United|America|Europe|Canada|Australia|England|Britain|Scotland|Ireland|China|Japan|India|Germany|France)"
_ET_AL = r"\b[A-Z][\w'’-]{0,30}\s+et\s+al\b"
_NAMED_SOURCE = re.compile(
    r"\b(?:[Tt]he\s+Lancet|BMJ|JAMA|NEJM|PNAS|PLo?S\s+(?:ONE|Medicine|Biology)|Cochrane|Journal\s+of\s+(?:the\s+)?[A-Z]"
    r"|(?:Annals|Archives|Proceedings)\s+of\s+(?:the\s+)?[A-Z]|Frontiers\s+in\s+[A-Z])"
    rf"|\b(?i:published|appeared)\s+in\s+(?:the\s+)?(?!{_DATE_WORDS}\b|{_PLACES}\b)[A-Z][\w&'’-]+"
    r"|\b(?i:in\s+the\s+journal)\s+[A-Z]"
    rf"|\b(?:19|20)\d\d\s+(?:[\w-]+\s+)?(?i:study|trial|review|(?:meta-)?analysis|survey)\s+(?i:in)\s+(?:the\s+)?{_TITLE_WORDS}"
    rf"{_JOURNAL_WORD}\b"
    rf"|{_ET_AL}")
_MARKS = ("link", "footnote", "superscript")


def has_citation(text: str, evidence) -> bool:
    """True when the text, or a mark removed from it, cites a source."""
    return any(mark.kind in _MARKS for mark in evidence) or CITATION.search(text) is not None \
        or _YEAR.search(text) is not None and (_INSTITUTION.search(text) is not None
                                               or _NAMED_SOURCE.search(text) is not None)  # (a year is the rarer)


def names_source(text: str) -> bool:
    """True when the text names where a study appeared or who wrote it, with or without a year: the policy's
    named source, which an appeal to evidence does not need linked to be specific."""
    return _NAMED_SOURCE.search(text) is not None
