"""document-requirement: a draft whose content calls for some wording (a disclaimer) lacks it.

The finding sits on the draft's first line of prose. A draft that does not match `applies_when`
at least `min_matches` times (distinct words), or misses one of `applies_only_with`, needs nothing.
A required wording that names the draft's own profession (`own_professions`: a chiropractor's page
sending the reader to a chiropractor) sells the practice and does not count.
"""

from __future__ import annotations

import re

from claimlint.fixes import SourceFix
from claimlint.folded_regex import compile_folded
from claimlint.kinds.base import Hit, Kind, Spec, compile_patterns
from claimlint.nlp import plain_quotes

_MARKUP = re.compile(r"<[^>]+>|[*_`]+")
# Where a practice names itself: the front matter's author, site, address or images ("author: Northgate
# Chiropractic", "link: https://sydneychiropractor.example/..."), a title's site-name suffix ("8 Tips for Headaches
# | Anttz Chiropractic"), and its images' file names ("dentist-fairfield-ca.jpg", as local SEO names them). A title's
# topic ("When to see a dermatologist") is not one.
_IDENTITY_KEYS = re.compile(r"^\s*(?:author|authors|site|site_?name|business|organi[sz]ation|publisher|company|brand|clinic"
                            r"|practice|link|url|permalink|canonical(?:_?url)?|thumbnail|image|featured_?image|cover)\s*[:=]\s*(.+)$",
                            re.IGNORECASE | re.MULTILINE)
_SITE_SUFFIX = re.compile(r"^\s*(?:title|seo_?title|meta_?title)\s*[:=].*?\s[|–—]\s+([^|–—\n]+)$", re.IGNORECASE | re.MULTILINE)
_IMAGE_TARGETS = re.compile(r"!\[[^\]]{0,500}\]\(\s*<?([^)\s>]{1,500})|<img\b[^>]{0,500}?\bsrc\s*=\s*[\"']?([^\"'\s>]{1,500})",
                            re.IGNORECASE)

# Where "our <profession>" may stand: its literal first, for a fast scan (the lookbehind is the word boundary).
_OUR = compile_folded(r"our(?<=\bour)\s", re.IGNORECASE)


def _plain(source: str) -> str:
    """The source without tags and emphasis markers, for finding required wording anywhere."""
    return _MARKUP.sub("", source)


class DocumentRequirement(Kind):
    name = "document-requirement"
    level = "document"
    reports = "One finding per draft, on its first line of prose."
    fields = {
        "requires": Spec(list, required=True, help="regexes: any match satisfies the requirement"),
        "applies_when": Spec(list, required=True, help="regexes marking content that needs it"),
        "applies_only_with": Spec(list, default=[], help="regexes that must each match too for it to apply"),
        "terms": Spec(dict, default={}, help="named lists of regexes usable as {name} in patterns"),
        "own_professions": Spec(list, default=[], help="regexes, each naming a profession and its field "
                                "('chiropract\\w*'): where the draft names one as its own (in its front matter, its "
                                "images' file names, or as 'our ...'), a required wording naming it does not count"),
        "fix": Spec(str, default="", help="wording that meets the requirement, appended to the draft as a safe fix "
                    "(it must match `requires`)"),
    }
    options = {
        "patterns": Spec(list, default=[], help="extra regexes that satisfy the requirement"),
        "min_matches": Spec(int, default=2, help="distinct content matches before the requirement applies"),
    }

    def __init__(self, fields: dict, options: dict):
        super().__init__(fields, options)
        self.requires = compile_patterns(fields["requires"] + list(options["patterns"]), fields["terms"])
        self.applies = compile_patterns(fields["applies_when"], fields["terms"])
        self.also = [compile_patterns([p], fields["terms"]) for p in fields["applies_only_with"]]
        self.own_professions = [(compile_folded(p, re.IGNORECASE),
                                 compile_folded(rf"\bour\s+(?:[\w-]+\s+){{0,2}}?(?:{p})", re.IGNORECASE))
                                for p in fields["own_professions"]]
        self.fix = fields["fix"].strip()
        if self.fix and not self.requires.search(self.fix):
            raise ValueError("field 'fix': the wording does not meet the rule's own `requires`")

    def check_document(self, document):
        if not document.segments:
            return
        prose = plain_quotes("\n".join(segment.text for segment in document.segments))
        # Cheapest question first: each can clear the draft alone.
        if any(not pattern.search(prose) for pattern in self.also) or not self._applies(prose) \
                or self._met(document, prose):
            return
        first = document.segments[0]
        source_line_end = document.text.find("\n", first.starts[0])
        end = next((i for i, offset in enumerate(first.starts)
                    if source_line_end >= 0 and offset >= source_line_end), len(first.text))
        yield Hit(0, max(end, 1), first, fixes=self._append(document.text))

    def _applies(self, prose: str) -> bool:
        """Does the prose match `applies_when` at least `min_matches` times (distinct words)?"""
        distinct = set()
        for match in self.applies.finditer(prose):
            distinct.add(match.group().lower())
            if len(distinct) >= self.option["min_matches"]:
                return True
        return len(distinct) >= self.option["min_matches"]

    def _met(self, document, prose: str) -> bool:
        """Does the draft hold the required wording, anywhere (prose, an HTML block, a footnote), in
        words that name no profession the draft names as its own (asked only of a match)?"""
        def texts():
            yield prose
            yield plain_quotes(_plain(document.text))  # only when the prose holds none

        own = None
        for text in texts():
            for match in self.requires.finditer(text):
                own = self._own(document, prose) if own is None else own
                if not any(profession.search(match.group()) for profession in own):
                    return True
        return False

    def _own(self, document, prose: str) -> list[re.Pattern]:
        """The professions the draft names as its own: in its front matter's author or site, a title's site-name
        suffix, its images' file names, or as "our ..." in its prose."""
        if not self.own_professions:
            return []
        front = document.front_matter or ""
        identity = " ".join([*_IDENTITY_KEYS.findall(front), *_SITE_SUFFIX.findall(front),
                             *(a or b for a, b in _IMAGE_TARGETS.findall(document.text))])
        said = [match.start() for match in _OUR.finditer(prose)]  # where each "our ..." pattern can match
        return [profession for profession, ours in self.own_professions
                if profession.search(identity) or any(ours.match(prose, at) for at in said)]

    def _append(self, text: str) -> tuple:
        """The fix: the required wording as a paragraph of its own at the end of the draft."""
        if not self.fix:
            return ()
        separator = "" if not text or text.endswith("\n\n") else "\n" if text.endswith("\n") else "\n\n"
        summary = self.fix if len(self.fix) <= 60 else self.fix[:57].rstrip() + "..."
        return (SourceFix(f'Append "{summary}"', ((len(text), len(text), f"{separator}{self.fix}\n"),), safe=True),)
