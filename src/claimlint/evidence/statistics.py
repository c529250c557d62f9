"""Statistic detection: percentages, ratios, multipliers and counts, but not dates or numbering."""

from __future__ import annotations

import re
from bisect import bisect_right

from claimlint.folded_regex import compile_folded

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# Every English number word below a hundred, and "a hundred"/"a thousand". The look-ahead on the first letter
# lets the regex engine skip most words without trying each alternative.
_NUMBER_WORDS = (rf"(?=[otfsenha])(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-(?:{_UNITS}))?"
                 rf"|(?:thir|four|fif|six|seven|eigh|nine)teen|{_UNITS}|ten|eleven|twelve|hundred|a\s+(?:hundred|thousand))")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_RANGE = rf"(?:{_NUM})(?:\s*(?:-|–|—|to)\s*(?:{_NUM}))?"
# A span of time, a mass or an energy.
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|g|grams?|kg|kilos?|lbs?|pounds?|calories|kcal)\b"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# What a count of people or of events among them counts: "480 people ... every day", "47,000 cases a year".
_COUNTED = r"(?:people|adults|children|kids|women|men|patients|deaths|cases|colds|infections)"
# What a probiotic's count counts: "10 billion CFU", "(5 billion cultures)": a dose, never a finding. A count of people or
# cells in parentheses is a finding ("(over 37 million Americans)", "(about 100 trillion bacteria)").
_CULTURES = r"(?:CFUs?|cultures|strains|spores)\b"
_AMOUNT = rf"(?:(?:{_RANGE})(?:\s+{_SCALE})?|(?:{_NUMBER_WORDS})\s+{_SCALE})"
# An indefinite count of thousands or more is a figure when it counts people or the units of a body ("influences
# thousands of genes", the policy's own example; "trillions of gut microbes"), not objects ("thousands of tiny
# spikes") or years of tradition; "hundreds of ..." is a manner of speaking.
_BODY_UNITS = r"(?:americans|britons|europeans|lives|cells|genes|neurons|microbes|bacteria|microorganisms|receptors|synapses)"

# Every alternative starts at the start of a word (a figure, or a word before one): said once, in front, it lets
# `re` pass each position inside a word at one test instead of trying every alternative there.
STATISTIC = compile_folded(
    rf"""
    (?<!\w)(?:
      (?:\bup\s+to\s+|\bover\s+|\bnearly\s+|\balmost\s+|\babout\s+)?
      (?<![\w.])(?:{_RANGE})\s?(?:%|\s?percent\b|\s?per\s?cent\b)               # 70%, 70–80%, 12 percent
    | \b(?:{_NUM}|{_NUMBER_WORDS})\s+(?:in|out\s+of)\s+(?:{_NUM}|{_NUMBER_WORDS})\b
        (?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?)\b)                # one in five, 3 in 10
    | (?<![\w.])(?:{_NUM}|{_NUMBER_WORDS})(?:\s+times\s+(?:more|less|higher|lower|greater|as|the)\b
        |(?:\s+|-)fold\b)                                                      # 3 times more likely, 2-fold
    | (?<![\w.])(?:{_RANGE})\s?[×x]\s+(?:higher|lower|greater|increased|decreased|(?:more|less)\s+likely)\b
                                                                               # 2-3× higher risk (not "2x the water")
    | \b(?:twice|(?:a\s+)?half|a\s+third|a\s+quarter)(?:\s+to\s+(?:a\s+)?(?:half|third|quarter))?
        \s+as\s+(?!(?:a|an|the|well|soon|part|such|if|though|to)\b)[a-z]+\b  # half as likely, twice as effectively
    | \baverage\s+[a-z]+(?:\s+[a-z]+){{0,6}}?\s+(?:{_AMOUNT})\s*
        (?:%|percent\b|years?\s+old\b|{_UNIT})
                                                                               # the average American sleeps 6.5 hours
    | \b(?:doubles?|doubled|doubling|triples?|tripled|tripling|quadruples?|quadrupled|halves|halved|halving)
        \s+(?:the\s+|your\s+|their\s+|a\s+person's\s+)?(?:risk|odds|chances?|rate|likelihood)\b
    | (?<![\w.])(?:{_AMOUNT})\s+(?:extra|more|fewer|additional|excess)\s+[a-z]+   # 300–400 extra calories
    | \b(?:an?\s+)?(?:extra|additional)\s+(?:{_AMOUNT})\s+[a-z]+                  # an extra 300 calories
    | (?<![\w.])(?:{_AMOUNT})\s+(?:[a-z]+\s+)?(?:faster|slower|younger|longer|shorter)\b
    | (?<![\w.])(?:(?:{_AMOUNT})\s+(?:[a-z]+\s+)?|(?:{_NUMBER_WORDS})\s+(?:days?|weeks?|months?|years?|hours?|minutes?|times
        |points?|percent)\s+)(?:sooner|later|earlier|older|better|worse|faster|slower|shorter|longer)\s+than\b
                                                                               # 23 minutes faster, 4 years later than
    | \b(?:an\s+)?average\s+of\s+(?:{_AMOUNT})(?:\s+[a-z]+)?                    # an average of 5 kg
    | \bby\s+(?:about\s+|up\s+to\s+|nearly\s+)?(?:{_AMOUNT})\s+(?:days?|weeks?|months?|years?|hours?|minutes?
        |kg|kilos?|kilograms?|pounds?|lbs?|points?|mmhg|cm|inches)\b          # shortens colds by 4 days
    | (?<![\w.])(?:{_AMOUNT})\s+{_COUNTED}
        \b(?:\s+[\w,]+){{0,8}}?\s+(?:a|per|each|every)\s+(?:year|day|week|month)\b    # 480 people ... every day
    | (?<![\w.])(?:{_RANGE}|{_NUMBER_WORDS})\s+{_SCALE}\b(?!\s+(?:[a-z]+\s+)?(?:{_CULTURES}|colony[-\s]forming)
        |\s+years\b(?!\s+of\s+(?:healthy\s+)?life))(?:\s+[a-z]+)?                # 100 trillion bacteria
                             # (not a probiotic's dose, "10 billion active cultures", nor "2 billion years" of the earth)
    | \b(?:thousand|million|billion|trillion)s\s+of\s+(?:[a-z-]+\s+){{0,2}}?(?:{_COUNTED}|{_BODY_UNITS})\b  # thousands of genes
    | \b(?:over|more\s+than|nearly|almost)\s+(?:\d{{1,3}}(?:,\d{{3}})+|\d{{4,}})\s+(?:[a-z]+\s+)?
        (?:customers|users|people|patients|clients|members|families|buyers)\b    # over 40,000 customers
    | (?<![\w.])\d+\+?\s+(?:[a-z]+\s+)?(?:enzymatic|enzyme|biochemical|metabolic|chemical|bodily|cellular)
        \s+(?:reactions|processes|functions|pathways|systems)\b                 # over 300 enzymatic reactions
    | \b(?:half|a\s+third|a\s+quarter|a\s+fifth|two[-\s]thirds|three[-\s]quarters|one[-\s]third)\s+of\s+(?:all\s+)?
        (?:[a-z]+\s+){{0,2}}?(?:adults|people|americans|britons|children|kids|teens|teenagers|women|men|patients
        |smokers|seniors|users|cases|deaths)\b                                  # half of all adults
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A span of time, a mass or an energy that a body takes, needs or loses, stated as a fact about bodies
# with an approximation or a range ("1-6 weeks for your body to adapt", "around 3 weeks without food",
# "up to 3 hours"), is a quantitative fact that needs a source, as the policy counts it. The same
# quantity as advice, a dose, a habit or a study's protocol is not (see _NOT_A_FACT).
_APPROXIMATE = r"(?:about|around|approximately|roughly|nearly|almost|up\s+to|between|as\s+(?:many|long|much)\s+as)"
_SPAN = rf"(?:{_NUM}|{_NUMBER_WORDS})\s*(?:-|–|—|to|and)\s*(?:{_NUM}|{_NUMBER_WORDS})"
_BODY_QUANTITY = compile_folded(
    rf"\b{_APPROXIMATE}\s+(?:{_SPAN}|{_NUM}|{_NUMBER_WORDS})\s*{_UNIT}|(?<![\w.]){_SPAN}\s*{_UNIT}", re.IGNORECASE)
# What a remedy's time to work is said of: its effects, not a test's results ("biopsy results take 7-10 days").
_EFFECTS = (r"(?<!test\s)(?<!lab\s)(?<!blood\s)(?<!biopsy\s)(?<!scan\s)(?<!mri\s)(?<!pathology\s)(?<!x-ray\s)"
            r"(?:results?|effects?|benefits?|relief|improvements?)")
# How long a remedy or a change takes to work is one too, stated with its effect ("takes 2-12 weeks to treat acne",
# "about 90 days to see improvement"): the time to an effect in a body. Minutes and hours count only after a verb of
# working ("Works within 30-60 minutes"); before a purpose they are mostly the reader's ("wait 30 minutes to see how
# you feel"). A span after "for" is how long the reader does something ("Use it for 8 weeks to see a difference").
_TIME_TO_EFFECT = compile_folded(  # each alternative starts a word, as STATISTIC's do
    rf"(?<!\w)(?:(?<!\bfor\s)(?:\b{_APPROXIMATE}\s+(?:{_SPAN}|{_NUM}|{_NUMBER_WORDS})|(?<![\w.]){_SPAN}|(?<![\w.]){_NUM})\s*(?:days?|weeks?|months?)\b"
    r"(?=\W{0,3}(?:\s+(?!(?:no|some|any)thing\b)[\w'’]+){0,4}?\s+to\s+(?:treat|reduce|heal|work|improve|clear|take\s+(?:full\s+)?effect"
    r"|have\s+(?:a\s+|its\s+)?(?:full\s+)?effect|show|see|notice|fade"
    r"|lighten|resolve|become\s+(?:noticeable|apparent|visible)|kick\s+in)\b)"
    # ... or as what results take: "results take 3-6 months", "benefits typically take 4-8 weeks" (not a test's) ...
    rf"|\b{_EFFECTS}\s+(?:(?:will|can|may)\s+)?(?:usually\s+|typically\s+|often\s+|generally\s+|normally\s+)?take\s+"
    rf"(?:{_APPROXIMATE}\s+)?(?:{_SPAN}|{_NUM}|{_NUMBER_WORDS})\s*(?:days?|weeks?|months?)\b"
    r"(?!\s+to\s+(?:come\s+back|arrive|be\s+(?:ready|processed|available|posted)))"
    # ... or after a verb of working: "Works within 30-60 minutes", "effects apparent within 1-2 weeks", "relief appears within".
    rf"|\b(?:works?|kicks?\s+in|{_EFFECTS}\s+(?:(?:are|is|become|becomes)\s+)?"
    rf"(?:apparent|noticeable|visible|felt|appears?))\s+within\s+(?:the\s+first\s+)?"
    rf"(?:{_APPROXIMATE}\s+)?(?:{_SPAN}|{_NUM}|{_NUMBER_WORDS})\s*(?:minutes?|hours?|days?|weeks?|months?)\b)", re.IGNORECASE)
# The fact must be about bodies: "your body will adapt", "humans can live".
_ABOUT_BODIES = compile_folded(
    r"\b(?:body|bodies|humans|(?:the|an?)\s+average\s+(?:\w+\s+)?(?:person|adult|man|woman|american|briton))\b",
    re.IGNORECASE)
# Advice ("should", "give it", "at least"), the writer's own report ("I", "we"; not "Type I") and a study's or a course's
# report take a time or a quantity out of the facts about bodies ...
_ADVICE_OR_REPORT = (r"should|must|recommend\w*|advise[sd]?|aim|give\s+it|wait|at\s+(?:least|most)|no\s+more\s+than|"
                     r"(?<!type\s)(?<!phase\s)(?<!stage\s)(?-i:I)|my|me|we|study|studies|trial|participants|volunteers|"
                     r"subjects|course")
# ... and so do doses and habits ("a day", "doses", "3-6 mg/kg") and treatments, except for the time to an effect, which
# names the effect itself ("typically take two to three weeks of daily use to become noticeable").
_NOT_A_FACT = compile_folded(
    rf"\b(?:{_ADVICE_OR_REPORT}|need(?:s|ed)?|try|our|us|(?:a|per|each|every)\s+(?:day|night|week)|daily|nightly|weekly|"
    r"doses?|dosages?|servings?|guide\w*|per|patients|given|recipe|treatments?|therapy|sessions?|programm?e)\b"
    r"|\d\s?(?:mg|mcg|µg|iu)\s?/\s?kg\b",  # a dose by body weight: "3-6 mg/kg"
    re.IGNORECASE)
_NOT_A_TIME_TO_EFFECT = compile_folded(rf"\b(?:{_ADVICE_OR_REPORT})\b", re.IGNORECASE)

# Every statistic holds a digit or one of these words: the cheap test rules use as a trigger.
TRIGGER = compile_folded(rf"\d|%|\b(?:twice|doubl|tripl|halv|half|third|quarter|fifth|{_NUMBER_WORDS}|"
                     r"thousand|million|billion|trillion)", re.IGNORECASE)


# A quantity a product or recipe specifies is not a finding: "each gummy contains 2 billion CFU",
# "a bar with at least 70% cocoa solids", "contains a low concentration (1-2%)", "at concentrations of 5% or below" (not
# the body's: "cortisol concentrations (up to 50% higher)").
_SPECIFICATION = compile_folded(r"\b(?:contains?|containing|provides?|providing|delivers?|with|(?:at|in|contains?|containing|with)\s+"
                                r"(?:an?\s+)?(?:[\w-]+\s+)?concentrations?\s+(?:\(|of))\s*(?:about\s+|at\s+(?:least|most)\s+|up\s+to\s+"
                                r"|over\s+|(?:an?\s+)?(?:guaranteed\s+)?(?:minimum|maximum)\s+of\s+)?$", re.IGNORECASE)
# A percentage that names a share of a food or an effort is a composition or a target, not a finding:
# "50% saturated", "75% fat, 20% protein and 5% carbs", "30% core engagement".
_COMPOSITION = compile_folded(
    r"\+?\s*(?:of\s+(?:your\s+)?(?:calories|energy|max\w*)\b|(?:\w+\s+)?(?:fat|fats|protein|carbs?|carbohydrates?"
    r"|saturated|monounsaturated|polyunsaturated|omega-?\d+|fib(?:re|er)|sugars?|cocoa|cacao|alcohol|abv|lean"
    r"|effort|intensity|engagement)\b)", re.IGNORECASE)
_PERCENTAGE = compile_folded(r"(?:%|percent|per\s?cent)$", re.IGNORECASE)
# Money back, not a finding: "10-30% back in product credits", "5% cashback", "20% off".
_COMMERCE = compile_folded(r"\s*(?:additional\s+|extra\s+)?(?:off|back(?!\s+(?:pain|problems?|injur\w*|ache\w*|muscles?|of)\b)"
                           r"|cash\s*back|discount|rebate|store\s+credit)\b", re.IGNORECASE)
# Money is a price or a budget, never a finding: "$2 million", "EUR 13.1 million", "one hundred dollars".
# A cost per year or per person is a finding again ("Diabetes costs the US $327 billion a year").
_CURRENCY_CODES = r"usd|eur|gbp|aud|cad|nzd|chf|inr"
_CURRENCY_BEFORE = compile_folded(rf"(?:[$€£¥₹]|\b(?:{_CURRENCY_CODES}|us\$)\s?)$", re.IGNORECASE)
_CURRENCY_WORD = compile_folded(rf"\s*(?:dollars?|euros?|bucks|cents|{_CURRENCY_CODES})\b", re.IGNORECASE)
_PER_PERIOD = compile_folded(r"[\w\s]{0,12}?\b(?:a|per|each|every)\s+(?:year|month|week|day|person|patient|capita)\b"
                             r"|[\w\s]{0,12}?\b(?:annually|yearly)\b", re.IGNORECASE)
# "save 20%", "a discount of 15%": a price cut.
_SAVE = compile_folded(r"\b(?:save|(?:discount|saving|savings|rebate)\s+of)\s+(?:up\s+to\s+|an?\s+extra\s+)?$",
                       re.IGNORECASE)
# Words for a change, a chance or a comparison after a percentage: it is then a finding ("30% lower risk",
# "at least 30% more likely"), never a share or a threshold.
_CHANGE_WORDS = (r"of|risk|chance|odds|increase|decrease|reduction|drop|rise|fall|decline|gain|loss|improvement|success"
                 r"|more|less|fewer|lower|higher|greater|smaller|better|worse")
# A threshold a product or choice should meet, not a finding: "at least 30% EPA" (but "at least 30% of adults",
# "at least 30% more likely", "cuts pain by at least 50%").
_THRESHOLD = compile_folded(r"(?<!\bby\s)\b(?:at\s+least|at\s+most|no\s+(?:more|less)\s+than|a\s+minimum\s+of|a\s+maximum\s+of)\s+$",
                            re.IGNORECASE)
_NOT_A_THRESHOLD = compile_folded(rf"\s*(?:{_CHANGE_WORDS}|likely|safe|accurate|successful|\w+(?:ive|ful|able|ible|ous))\b",
                                  re.IGNORECASE)
# A split: percentages of one-word shares coordinated in a list ("5% carbs, 30% protein and 65% fat")
# share a reading, so one composition makes every share a composition, whatever the others' words.
_SPLIT = compile_folded(r"(?<![\w.])\d+(?:\.\d+)?\s?%\+?\s+[a-z][\w-]*"
                        r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)\d+(?:\.\d+)?\s?%\+?\s+[a-z][\w-]*)+",
                        re.IGNORECASE)
# A product's specification in parentheses after its name: "dark chocolate (70%+ cacao)", "an extract
# (2.5-5% withanolides)", "Lactobacillus acidophilus (10 billion CFU)". One noun follows the percentage or the
# count, and it names no change or chance.
_SPECIFIED = compile_folded(rf"\w\s*\(\s*(?:about\s+|over\s+|at\s+least\s+)?(?:{_RANGE})(?:\s?%|\s+{_SCALE}(?=\s+{_CULTURES}))\+?\s+"
                            rf"(?!(?:{_CHANGE_WORDS})\b)[a-z][\w-]*\s*\)", re.IGNORECASE)
# The writer's own measurement: a figure in a clause whose subject is "I" ("I have lost about 2%"), with no
# report or finding ("I read that ...", "I've found it works 90% of the time"), question word or conditional
# between them, which would make it a fact the writer reports or the writer's arithmetic ("I worked out that it
# would be 10% slower").
_WRITERS_OWN = compile_folded(r"(?<!type )(?<!phase )(?<!stage )(?<!class )(?<!grade )(?<!level )(?-i:\bI\b)(?!\s+(?-i:[A-Z]))"
                              r"(?:['’](?:m|ve|d))?"
                              r"(?!(?:[^.;:,]|,\s*(?:and|but|so)\b)*?\b(?:that|how|what|whether|would|could|if|f(?:ind|inds|ound)|see|seen|saw)\b)"
                              r"(?:[^.;:,]|,\s*(?:and|but|so)\b)*$", re.IGNORECASE)
# "100% safe", "100% natural": an intensifier; "100% of patients" is a figure.
_HUNDRED_PERCENT = compile_folded(r"100\s?(?:%|percent|per\s?cent)", re.IGNORECASE)
_OF = compile_folded(r"\s+of\b", re.IGNORECASE)
# Lead-ins that take the figure after them out of the statistics, each with how far back it is looked for:
# a price cut, a product's specification, and the writer's own measurement (its clause's subject).
_LEAD_INS = ((_SAVE, 24), (_WRITERS_OWN, 200))
# A count of the people a study took is its sample, a protocol the policy does not count, when it is what the study
# took, tracked or compared ("researchers tracked over 12,000 people", "a study of more than 60,000 women"), not what
# it found ("a survey of GPs found over 20,000 children are prescribed ...").
_SAMPLE = compile_folded(r"\b(?:study|studies|trial|trials|survey|review|analysis|cohort|researchers|scientists|investigators)"
                         r"(?:\s+[\w,'’-]+){0,6}?\s+(?:of|among|followed|tracked|compared|enrolled|recruited|included"
                         r"|involved|surveyed|analy[sz]ed|studied|examined|assessed|observed)"
                         r"(?:\s+(?!(?:that|and|found|finds?|shows?|showed|shown|suggests?|suggested|reveals?|revealed|reports?"
                         r"|reported|concluded|estimates?|estimated|says?|said)\b)[\w'’-]+){0,3}?\s+$", re.IGNORECASE)
# A count of people or cases after "with" is no specification: "common in men, with over 47,000 cases a year".
_COUNTS_PEOPLE = compile_folded(rf"\b{_COUNTED}\b", re.IGNORECASE)
_COMPARED = compile_folded(r"\btimes\b|fold\b", re.IGNORECASE)


def find_statistics(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of statistics in `text`."""
    if not TRIGGER.search(text):
        return []
    shares = _Spans([(m.start(), m.end()) for m in _SPECIFIED.finditer(text)]
                    + [(m.start(), m.end()) for m in _SPLIT.finditer(text)
                       if any(_composition(text, share) for share in STATISTIC.finditer(text, m.start(), m.end()))])
    spans = [(m.start(), m.end()) for m in STATISTIC.finditer(text) if m.group().strip()
             and not _intensifier(text, m) and not _composition(text, m) and not shares.cover(m.start())
             and not _COMMERCE.match(text, m.end()) and not _money(text, m) and not _threshold(text, m)
             and not any(_led_in(lead_in, reach, text, m.start()) for lead_in, reach in _LEAD_INS)
             and not _specified(text, m) and not _sampled(text, m)]
    facts = [] if _NOT_A_TIME_TO_EFFECT.search(text) else list(_TIME_TO_EFFECT.finditer(text))
    if not _NOT_A_FACT.search(text) and _ABOUT_BODIES.search(text):
        facts += _BODY_QUANTITY.finditer(text)
    for m in facts:
        if not any(start < m.end() and m.start() < end for start, end in spans):
            spans.append((m.start(), m.end()))
    return sorted(spans)


class _Spans:
    """Spans of text, merged where they overlap, asked whether they cover a position in log time."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def cover(self, position: int) -> bool:
        found = bisect_right(self.starts, position) - 1
        return found >= 0 and position < self.ends[found]


def _led_in(lead_in, reach: int, text: str, start: int) -> bool:
    """Does `lead_in` end right before `start`, within `reach` characters?"""
    return lead_in.search(text, max(0, start - reach), start) is not None


def _specified(text: str, match: re.Match) -> bool:
    """Is the figure what a product contains or provides ("each gummy contains 2 billion CFU"), not a count of
    people or cases, nor a comparison ("providing 100 times more nutrients", "contains 10 times more")?"""
    return _led_in(_SPECIFICATION, 48, text, match.start()) \
        and _COUNTS_PEOPLE.search(text, match.start(), match.end()) is None \
        and _COMPARED.search(text, match.start(), match.end()) is None


def _sampled(text: str, match: re.Match) -> bool:
    """Is the figure a count of the people a study took (its sample), not a finding about them?"""
    return _COUNTS_PEOPLE.search(text, match.start(), match.end()) is not None and _led_in(_SAMPLE, 80, text, match.start())


def _threshold(text: str, match: re.Match) -> bool:
    return _PERCENTAGE.search(text, match.start(), match.end()) is not None \
        and not _NOT_A_THRESHOLD.match(text, match.end()) and _led_in(_THRESHOLD, 24, text, match.start())


def _money(text: str, match: re.Match) -> bool:
    """Is the figure an amount of money ("$2 million", "one hundred dollars", "5 million euros"), and no cost per
    period or person?"""
    last_word = match.start() + match.group().rstrip().rfind(" ") + 1  # the figure may have taken the currency
    currency = _led_in(_CURRENCY_BEFORE, 5, text, match.start()) \
        or any(_CURRENCY_WORD.match(text, at) for at in (last_word, match.end()))
    return currency and not _per_period(text, match)


def _per_period(text: str, match: re.Match) -> bool:
    return _PER_PERIOD.match(text, match.end()) is not None or _PER_PERIOD.match(text, match.start()) is not None


def _composition(text: str, match: re.Match) -> bool:
    return _PERCENTAGE.search(text, match.start(), match.end()) is not None and _COMPOSITION.match(text, match.end()) is not None


def _intensifier(text: str, match: re.Match) -> bool:
    # Searched in `text` itself, not a copy of the match: the folded text is kept for one string at a time.
    start, end = match.start(), match.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _HUNDRED_PERCENT.fullmatch(text, start, end) is not None and not _OF.match(text, match.end())
