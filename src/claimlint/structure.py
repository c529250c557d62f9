"""Document structure as evidence: prose that states no claim of the draft's own.

A claim rule reads what the writer asserts. Some prose asserts nothing the writer stands behind,
whatever its wording, and the annotation policy says so:
- a blockquote, or a heading that is one quotation end to end, quotes someone else (an abstract,
  an expert, a motto);
- an entry of a reference list names a cited work, and a cited paper's title is not a claim;
- a heading, paragraph or list item labelled as the claim a text debunks ("Myth 2: Eggs raise
  cholesterol", "**The claim:** detox teas flush out toxins") reports what others say;
- so does each heading of a myth list: the headings at the level of a heading that announces myths
  ("## Common misconceptions") or one below it, up to a heading that outranks it, or the top-level
  headings of a draft whose title announces them ("10 Diet Myths"). A myth label ("Myth 1: ...")
  names one myth and announces no list;
- a disclaimer ("Disclaimer: ...", or the prose under a "Disclaimer" heading) limits what the draft
  claims; it states none;
- style sheet rules left in the text by a publishing system (".video { padding-bottom: 56.25%; }") are
  code, not prose;
- the items of a list that completes a lead-in ending in a condition ("See a doctor if:", "Stop when
  you notice:") are the conditions of that sentence, hypothetical rather than asserted;
- so are the items of a list that completes a lead-in whose open verb a hedge or a negation governs
  ("What oil pulling probably does:", "It may help:", "What it does not do:"): each item is hedged or
  denied by it, as it would be written out in one sentence;
- a row of a log, a table whose row opens with a date or a day count ("July 4 | 81.8kg | 21%"), records
  measurements, as a diary does: the writer's own figures, not statistics about anyone else.
`unclaimed(document)` names, per segment, why it states no claim; the engine offers those segments
to no sentence rule (document rules such as missing-disclaimer still read them).

The items of a list whose unhedged lead-in announces benefits ("Benefits of yoga:", "## Physical
benefits", "This technique helps with:") are claims completed by it: `unclaimed` marks them (Segment.lead
"benefits"), and a rule may read an item that is a noun phrase ("- Decreased pain levels") as the benefit it
names. A lead-in of the writer's own experience ("benefits that I experienced"), one that names harms beside the
benefits ("Benefits and risks"), or asks or denies, announces no such claims.
"""

from __future__ import annotations

import re

from claimlint.evidence.hedges import has_hedge
from claimlint.markdown import Document, Segment

# Headings that open a list of cited works.
_REFERENCE_HEADING = re.compile(
    r"^\W*(?:references?|sources?|bibliography|citations?|works\s+cited|literature(?:\s+cited)?|further\s+reading"
    r"|notes\s+and\s+references|studies\s+cited|research)\W*$",
    re.IGNORECASE,
)
# The shape of a bibliography entry: it opens with authors ("Smith J, Lee K.", "Smith, J. A.,") and has a
# year, or it carries a journal's volume and pages ("2019;12(3):45-67"), a DOI or a PMID.
# (Past the start, every match starts with a digit, or the "d" or "P" of "doi" or "PMID": said first, as in
# citations.CITATION, it lets `re` pass every other character at one test.)
_REFERENCE_ENTRY = re.compile(
    r"^\W*(?:\[?\d{1,3}[\].)]\s*)?[A-Z][\w'’-]+,?\s+(?:[A-Z]{1,3}|(?:[A-Z]\.\s?){1,3})(?:,|\.|\s+(?:and|&))"
    r".*?\b(?:19|20)\d\d\b"
    r"|(?=[\ddP])(?:\b(?:19|20)\d\d\s*[;:]\s*\d+|\b\d+\s*\(\d+\)\s*:\s*\d+|\bdoi:\s*10\.\d{4,}|\bPMID:?\s*\d+|\bdoi\.org/)",
)
# A heading that is one quotation from end to end, apart from markup and punctuation around it. (A paragraph
# in quotation marks may be the writer's own claim set off for emphasis, or a quoted line of a dataset.)
_QUOTED_WHOLE = re.compile(r"^[\W_]*[\"“”][^\"“”]+[\"“”][\W_]*$")
_ENTRY_WORDS = 80  # an entry is a line or two; a long paragraph that cites a paper still makes claims
# A title or heading announcing a list of myths: "10 Diet Myths That Keep You Heavy", "Misconceptions about fat".
_MYTH_LIST = re.compile(r"\b(?:myths|misconceptions|misbeliefs|debunked)\b", re.IGNORECASE)
_TITLE = re.compile(r"^title\s*[:=]\s*(.*)$", re.MULTILINE)  # YAML or TOML front matter
# A label naming what follows as the claim being debunked: "Myth #2:", "The claim:", "Misconception 3 -".
_MYTH_LABEL = re.compile(
    r"^\W*(?:the\s+)?(?:myths?|claims?|misconceptions?|fiction|rumou?rs?|fallacy)(?:\s*(?:#|no\.?)?\s*\d+)?\s*[:—–-]",
    re.IGNORECASE)
# A disclaimer, labelled as one: "Disclaimer: ...", "## Medical disclaimer".
_DISCLAIMER = re.compile(r"^\W*(?:(?:medical|legal|health|important)\s+)?disclaimers?\b(?:\W*$|\s*[:.—–-])", re.IGNORECASE)
# The declarations of a style sheet rule, in braces ("{ padding-bottom: 56.25%; }").
_DECLARATIONS = re.compile(r"\{\s*[\w-]+\s*:[^{}]*\}")
# A lead-in whose last clause is a condition its list completes, left open for the items: the conjunction
# right before the colon ("See a doctor if:"), or the reader noticing or having something ("Stop when you notice:",
# "Call us if you have any of these:").
_CONDITION_LEAD = re.compile(
    r"\b(?:if|when|whenever|unless)\s*:\s*$"
    r"|\b(?:if|when|whenever)\s+(?:you|your\s+\w+|they|he|she)\s+(?:\w+\s+){0,2}?(?:notice|have|has|experience|develop|get|feel"
    r"|see|show)s?\b(?:\s+(?:any|one|all)\s+of\s+(?:these|the\s+following))?(?:\s+(?:signs|symptoms))?\s*:\s*$",
    re.IGNORECASE)

# A lead-in whose verb its list completes, governed by a hedge or a negation: a modal, an epistemic adverb or a
# negated auxiliary, then at most a light verb of effect and its open preposition or object ("may:", "can help
# with:", "probably doesn't do:", "It may help you:"). A full verb there is the lead-in's own ("Why you can't
# sleep:", "Don't forget:", "Things your doctor won't tell you:") and leaves the items asserted.
_HEDGED_LEAD = re.compile(
    r"\b(?:may|might|could|can|probably|possibly|likely|potentially|(?:appears?|seems?)\s+to"
    r"|(?:does|do|did|will|would|can)\s*(?:not|n[’']t)|won[’']t|cannot)(?:\s+(?:also|not|n[’']t))?"
    r"(?:\s+(?:help|do|does|did|be|offer|provide|bring|give|cause|include|lead\s+to|result\s+in))?"
    r"(?:\s+(?:you|with|to|in|for|by))?\s*:\s*$",
    re.IGNORECASE)
# A sentence or a labelled clause inside a list item: "Fatigue. Most people ...", "COVID-19: evidence shows ...".
_SENTENCE_INSIDE = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bapprox)(?<!\bca)[.:;!?]\s+\S",
                              re.IGNORECASE)  # not after an abbreviation: "e.g. at night"
# The first cell of a log's row: a date ("July 4", "4 Jul 2021", "2021-07-04", "7/4") or a day count ("Day 3").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_LOG_DATE = re.compile(
    rf"^\W*(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:day|week)\s+\d{{1,3}})\W*$",
    re.IGNORECASE)
# A lead-in announcing benefits, as a heading or as a sentence its list completes (ending in a colon or an
# ellipsis): "Benefits include:", "## Physical Benefits of Microdosing", "This technique helps with:". (A list of
# effects names symptoms as often as findings: "## Short-term effects" of screens, "- Reduced blinking".)
_BENEFIT_WORDS = re.compile(r"\b(?:benefits?|beneficial|advantages?|helps\s+with)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[!?]|\.(?![.\w])")  # not inside an ellipsis or a number
# What keeps a lead-in from announcing benefits its items claim: the writer's own experience ("benefits that I
# experienced"), harms beside them ("Benefits and risks", "Side effects that outweigh the benefits"), what the
# reader needs to get them, benefits that are no health effect (insurance, employees'), a question or a denial.
_NOT_ANNOUNCED = re.compile(
    r"\b(?:I|I['’]ve|me|my|we|our|us|risks?|side[-\s]effects?|drawbacks?|cons|downsides?|disadvantages?|harms?"
    r"|need|needs|get\s+the\s+(?:full\s+)?benefits?|insurance|employees?|staff|no|not|without|never)\b|n['’]t\b|\?",
    re.IGNORECASE)
# What the items of a list completing a lead-in are, by the lead-in's form.
_LEAD_INS = (("condition", _CONDITION_LEAD), ("hedged", _HEDGED_LEAD))


def unclaimed(document: Document) -> dict[int, str]:
    """Index in `document.segments` -> why that segment states no claim of the draft's own."""
    reasons: dict[int, str] = {}
    in_references = False
    in_disclaimer = 0  # the level of a "Disclaimer" heading whose section this is, else 0
    title = _TITLE.search(document.front_matter or "")
    myth_level = 1 if title and _MYTH_LIST.search(title.group(1)) else None  # the level of the list's heading
    completing = ""  # inside a list that completes a conditional or hedged lead-in: what its items are
    announcing: list[tuple[int, bool]] = []  # each open list level's column and whether its lead-in announces benefits
    logged = False  # inside a row of a log table
    previous_cell = -1  # the source offset of the table cell before, to tell a new row by a line break
    for index, segment in enumerate(document.segments):
        if segment.kind == "table_cell" and segment.starts:
            start = segment.starts[0]
            if previous_cell < 0 or document.text.find("\n", previous_cell, start) >= 0:
                logged = bool(_LOG_DATE.match(segment.text))  # a new row: its first cell says what it is
            previous_cell = start
            if logged:
                reasons[index] = "record"
                continue
        elif segment.kind != "table_cell":
            previous_cell = -1
        if segment.kind != "list_item":
            completing = ""
        elif index > 0 and document.segments[index - 1].kind != "list_item":
            completing = _lead_in(document.segments[index - 1].text)
            announcing = [(_column(document, segment), not completing and _announces_benefits(document.segments[index - 1]))]
        elif index > 0:
            announcing = _list_levels(announcing, _column(document, segment), document.segments[index - 1])
        if segment.kind == "list_item":
            segment.lead = "benefits" if announcing and announcing[-1][1] and not completing else ""
        if completing and not _SENTENCE_INSIDE.search(segment.text.strip()):
            reasons[index] = completing  # an item that is one phrase completes the lead-in; one with
            continue  # sentences of its own ("Poor sleep. It costs you 30% ...") asserts them
        if segment.kind == "heading":
            in_references = bool(_REFERENCE_HEADING.match(segment.text.strip()))
            if in_disclaimer and segment.level <= in_disclaimer:
                in_disclaimer = 0  # a heading at its level or above ends the disclaimer's section
            if _DISCLAIMER.match(segment.text):
                in_disclaimer = segment.level or 1
                reasons[index] = "disclaimer"
                continue
            if myth_level is not None and segment.level < myth_level:
                myth_level = None  # a heading that outranks the list ends it
            if _MYTH_LIST.search(segment.text) and not _MYTH_LABEL.match(segment.text):
                myth_level = segment.level if myth_level is None else myth_level
                continue  # the announcing heading itself names no myth
            if myth_level is not None and segment.level <= myth_level + 1:
                reasons[index] = "myth"  # a myth at the list's level or one below; deeper headings are the writer's
                continue
        reason = "disclaimer" if in_disclaimer or _DISCLAIMER.match(segment.text) else _reason(segment, in_references)
        if reason:
            reasons[index] = reason
    return reasons


def _lead_in(text: str) -> str:
    """What the items of a list that this lead-in opens are ("condition", "hedged"), or "" for asserted."""
    return next((items for items, lead in _LEAD_INS if lead.search(text)), "")


def _column(document: Document, segment: Segment) -> int:
    """The column of the source line where the segment's prose begins: how deep a list item is nested."""
    offset = segment.starts[0] if segment.starts else 0
    return offset - (document.text.rfind("\n", 0, offset) + 1)


def _list_levels(levels: list[tuple[int, bool]], column: int, previous: Segment) -> list[tuple[int, bool]]:
    """The list levels open at an item whose prose begins at `column`, each with whether its lead-in announces
    benefits: deeper levels close; an item deeper than the one before opens a sub-list, which that item leads in
    when it ends in a colon ("- Drawbacks:") and otherwise inherits its announcement."""
    levels = [level for level in levels if level[0] <= column]
    if not levels or column > levels[-1][0]:
        opened = previous.text.rstrip(" \t*_").endswith(":")
        levels.append((column, _announces_benefits(previous) if opened else bool(levels) and levels[-1][1]))
    return levels


def _announces_benefits(lead: Segment) -> bool:
    """Does this heading, or this sentence left open for its list, announce benefits, unhedged and not of the
    writer's own experience?"""
    text = lead.text.rstrip()
    core = text.rstrip(" \t*_")  # markup around "**Benefits:**"
    if not (lead.kind == "heading" or core.endswith((":", "...", "…"))):
        return False
    start = 0  # the sentence its list completes: after the last sentence end before its own
    for end in _SENTENCE_END.finditer(core):
        if end.end() < len(core):
            start = end.end()
    sentence = core[start:]
    return _BENEFIT_WORDS.search(sentence) is not None and not _NOT_ANNOUNCED.search(sentence) \
        and not has_hedge(sentence, can_is_hedge=True)


def _reason(segment: Segment, in_references: bool) -> str:
    if _MYTH_LABEL.match(segment.text):
        return "myth"
    if segment.kind == "heading" and _QUOTED_WHOLE.match(segment.text):
        return "quotation"  # a heading that is all one quotation: '### "It's only 10%"'
    if segment.kind == "heading":
        return ""
    if segment.quoted:
        return "quotation"
    entry = len(segment.text.split()) <= _ENTRY_WORDS and _REFERENCE_ENTRY.search(segment.text)
    if in_references and segment.kind in ("list_item", "paragraph") or entry:
        return "reference"
    if "{" in segment.text and 2 * _style_rules_length(segment.text) >= len(segment.text.strip()):
        return "code"  # mostly style sheet rules
    return ""


def _style_rules_length(text: str) -> int:
    """How many characters of `text` are style sheet rules: each set of declarations in braces with the
    selector before it (back to the previous rule's closing brace)."""
    length, previous_end = 0, 0
    for match in _DECLARATIONS.finditer(text):
        length += match.end() - max(previous_end, text.rfind("}", 0, match.start()) + 1)
        previous_end = match.end()
    return length
