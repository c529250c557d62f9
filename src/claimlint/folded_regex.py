"""Case-insensitive regexes, run as case-sensitive ones over lower-cased text.

Most of claimlint's time goes to regexes, nearly all case-insensitive. Python's `re` folds case
character by character as it matches, and gives up its fast scans (a literal prefix, a set of first
characters) for such patterns. Over text lower-cased once, the same pattern with its letters
lower-cased runs case-sensitively two to four times faster.

The rewrite keeps `re`'s own case-insensitive semantics exactly. Under IGNORECASE, `re` compares
each character of the text by its simple lower-case form, and treats a few more as equal (its
"fixes": 's' and 'ſ', 'i' and 'ı', 'σ' and 'ς', ...). So the text is lower-cased one character to
one (every position stays), each such class of equals written as one of them (the ASCII one where
there is one: ASCII text is only lower-cased), and the parsed pattern is rewritten the same way:
each cased literal becomes that form of itself, and each set with a cased member holds that form
of every member (a class whose members differ as word characters stays a set of its members).
Patterns the rewrite cannot vouch for (case-sensitive parts such as `(?-i:I)`, backreferences,
sets beyond the Basic Multilingual Plane or spanning thousands of characters) run as they are.

A pattern whose only obstacle is a case-sensitive part still gets a cheap first pass: the same
rewrite with that part matched case-insensitively, over folded text. It matches wherever the
pattern does, at least (the part then takes more texts, never fewer: it may stand nowhere a
wider match could exclude a match, such as in a negative lookaround or an atomic group, and holds
no negated set). Where the first pass finds nothing, neither can the pattern; else the pattern
runs as it is from where the first pass matched, since no match of it starts before that. A
search for a case-sensitive "Study" part over a sentence without "study" costs a folded scan.

A `Folded` pattern answers `search`, `match`, `fullmatch`, `finditer` and `findall` like the
pattern it stands for, with match objects over the original text (`group()` is the draft's own
text), and anything else by the original pattern. It is compiled when first used.
"""

from __future__ import annotations

import re

from claimlint.compiled_patterns import Arguments, compiled

try:  # the parser and compiler `re` uses (private: any surprise leaves patterns unfolded)
    import _sre
    from re import _compiler, _constants, _parser
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - Python 3.10 names them differently; patterns stay as they are
    _sre = None
    _EXTRA_CASES = {}


def _classes() -> tuple[dict[int, int], dict[int, tuple[int, ...]]]:
    """Classes of characters `re` treats as equal beyond lower-casing: those whose members agree on
    being word characters, digits and spaces are written as their first member (word boundaries
    read them alike); the one that does not (a combining iota among two iotas) stays as it is, its
    members matched as a set."""
    canonical, mixed = {}, {}
    for code, others in _EXTRA_CASES.items():
        members = (code, *others)
        kinds = {(chr(m).isalnum() or chr(m) == "_", chr(m).isdecimal(), chr(m).isspace()) for m in members}
        if len(kinds) > 1:
            mixed[code] = tuple(sorted(members))
        elif min(members) != code:
            canonical[code] = min(members)
    return canonical, mixed


_CANONICAL, _MIXED = _classes()
_NOT_CANONICAL = re.compile("[" + "".join(map(chr, sorted(_CANONICAL))) + "]") if _CANONICAL else None

_LARGEST_SET = 5000  # characters a set's ranges may span and still be rewritten
_END = 2**63 - 1  # where a search ends by default: the end of the text


class Folded:
    """A case-insensitive pattern run over lower-cased text (see the module's docstring), compiled
    when first used: a run that lints nothing (every draft cached) compiles no rule's pattern."""

    __slots__ = ("pattern", "flags", "_folded", "_wider", "_original")

    def __init__(self, source: str, flags: int, original: re.Pattern | None = None):
        self.pattern = source
        self.flags = flags
        self._folded = None  # the rewritten pattern, or False where the rewrite cannot vouch for it
        self._wider = False  # where it cannot: the first pass, rewritten with case-sensitive parts widened
        self._original = original

    @property
    def original(self) -> re.Pattern:
        """The pattern as `re` compiles it."""
        if self._original is None:
            self._original = compiled_as_re(self.pattern, self.flags)
        return self._original

    @property
    def folds(self) -> bool:
        """Does it run over lower-cased text (else it runs as `re` compiles it)?"""
        if self._folded is None:
            self._folded = compiled("folded", self.pattern, self.flags, lambda: _folded(self.pattern, self.flags)) or False
            if self._folded is False:
                self._wider = compiled("widened", self.pattern, self.flags,
                                       lambda: _folded(self.pattern, self.flags, widen=True)) or False
        return self._folded is not False

    def _first(self, text: str, pos: int, endpos: int) -> int | None:
        """For a pattern that runs as it is: where its first match can start at the earliest (None: it
        has none), as the first pass finds it."""
        if not self._wider:
            return pos
        found = self._wider.search(fold_text(text), pos, endpos)
        return None if found is None else found.start()

    def search(self, text: str, pos: int = 0, endpos: int = _END):
        if not (self._folded or self.folds):
            pos = self._first(text, pos, endpos)
            return None if pos is None else self.original.search(text, pos, endpos)
        found = self._folded.search(fold_text(text), pos, endpos)
        return found and _Match(found, text)

    def match(self, text: str, pos: int = 0, endpos: int = _END):
        if not (self._folded or self.folds):
            if self._wider and not self._wider.match(fold_text(text), pos, endpos):
                return None
            return self.original.match(text, pos, endpos)
        found = self._folded.match(fold_text(text), pos, endpos)
        return found and _Match(found, text)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = _END):
        if not (self._folded or self.folds):
            if self._wider and not self._wider.fullmatch(fold_text(text), pos, endpos):
                return None
            return self.original.fullmatch(text, pos, endpos)
        found = self._folded.fullmatch(fold_text(text), pos, endpos)
        return found and _Match(found, text)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END):
        if not (self._folded or self.folds):
            pos = self._first(text, pos, endpos)
            return iter(()) if pos is None else self.original.finditer(text, pos, endpos)
        return (_Match(found, text) for found in self._folded.finditer(fold_text(text), pos, endpos))

    def findall(self, text: str, pos: int = 0, endpos: int = _END):
        if not (self._folded or self.folds):
            pos = self._first(text, pos, endpos)
            return [] if pos is None else self.original.findall(text, pos, endpos)
        groups = self._folded.groups
        return [found.group() if not groups else found.group(1) if groups == 1 else found.groups()
                for found in self.finditer(text, pos, endpos)]

    def __getattr__(self, name: str):
        if name.startswith("__") or name in self.__slots__ or name in ("original", "folds"):
            raise AttributeError(name)  # not set yet (an object being copied): nothing to delegate
        return getattr(self.original, name)

    def __reduce__(self):
        return Folded, (self.pattern, self.flags)  # sent to a worker as its source, compiled there when used

    def __repr__(self) -> str:
        return f"Folded({self.pattern!r})"


class _Match:
    """A match of the folded pattern, read as a match of the original one over the original text."""

    __slots__ = ("_found", "string")

    def __init__(self, found: re.Match, text: str):
        self._found = found
        self.string = text

    def group(self, *groups):
        if len(groups) > 1:
            return tuple(self.group(group) for group in groups)
        start, end = self._found.span(*groups)
        return None if start < 0 else self.string[start:end]

    __getitem__ = group

    def groups(self, default=None):
        return tuple(default if self._found.span(i)[0] < 0 else self.group(i) for i in range(1, self._found.re.groups + 1))

    def groupdict(self, default=None):
        return {name: default if self._found.span(name)[0] < 0 else self.group(name)
                for name in self._found.re.groupindex}

    def start(self, group=0) -> int:
        return self._found.start(group)

    def end(self, group=0) -> int:
        return self._found.end(group)

    def span(self, group=0) -> tuple[int, int]:
        return self._found.span(group)

    def __getattr__(self, name: str):  # pos, endpos, lastindex, lastgroup, re
        if name in self.__slots__:
            raise AttributeError(name)
        return getattr(self._found, name)

    def __repr__(self) -> str:
        return f"<match span={self.span()} {self.group()!r}>"


_last = ("", "")  # the text folded last, and its folding: rules ask many patterns of one sentence


def fold_text(text: str) -> str:
    """The text lower-cased one character to one, and written with one member of each class of
    characters `re` treats as equal under IGNORECASE ('İ' lower-cases to two characters in Python,
    to 'i' in `re`)."""
    global _last
    if text is _last[0]:
        return _last[1]
    folded = (text.replace("İ", "i") if "İ" in text else text).lower()
    if not folded.isascii() and _NOT_CANONICAL and _NOT_CANONICAL.search(folded):
        folded = folded.translate(_CANONICAL)
    _last = (text, folded)
    return folded


def _canonical(code: int) -> int:
    """A character as `fold_text` writes it."""
    if not _sre.unicode_iscased(code):
        return code
    low = _sre.unicode_tolower(code)
    return _CANONICAL.get(low, low)


def _equals(code: int) -> tuple[int, ...]:
    """The folded characters `re` takes a pattern character to match under IGNORECASE."""
    folded = _canonical(code)
    return _MIXED.get(folded, (folded,))


_COMPILED: dict[tuple[str, int], Folded] = {}


def compile_folded(source: str, flags: int = 0) -> re.Pattern | Folded:
    """`re.compile(source, flags)`, or, where it is case-insensitive, a pattern that runs over
    lower-cased text where the rewrite can vouch for it (compiled when first used, once per run for
    each pattern and flags, as `re` caches its own)."""
    if not flags & re.IGNORECASE:
        return re.compile(source, flags)
    key = (source, flags)
    if key not in _COMPILED:
        _COMPILED[key] = Folded(source, flags)
    return _COMPILED[key]


def fold(pattern: re.Pattern | Folded) -> re.Pattern | Folded:
    """A compiled pattern as a `Folded` one where it is case-insensitive, else itself."""
    if isinstance(pattern, Folded) or not isinstance(pattern.pattern, str) or not pattern.flags & re.IGNORECASE:
        return pattern
    return Folded(pattern.pattern, pattern.flags, pattern)


def compiled_as_re(source: str, flags: int) -> re.Pattern:
    """`re.compile(source, flags)`, from the store of compiled patterns where it has it."""
    if _sre is None or not isinstance(flags, int):
        return re.compile(source, flags)
    return compiled("re", source, int(flags), lambda: _arguments(_parser.parse(source, flags), flags, source))


def _arguments(parsed, flags: int, source: str | None = None) -> Arguments:
    """What `re`'s compiler hands `_sre.compile` for a parsed pattern (re._compiler.compile, whose
    last step this is)."""
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return source, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _folded(source: str, flags: int, widen: bool = False) -> Arguments | None:
    """The pattern rewritten to run case-sensitively over folded text (what `_sre.compile` takes to
    compile it), or None where it cannot be. `widen`: its case-sensitive parts rewritten as if they
    were not, for the first pass (see the module's docstring), or None where that cannot vouch for it."""
    if _sre is None or not flags & re.IGNORECASE or flags & (re.LOCALE | re.ASCII):
        return None
    parsed = _parser.parse(source, flags)
    if parsed.state.flags & re.ASCII:  # an inline (?a)
        return None
    try:
        rewritten = _parser.SubPattern(parsed.state, _rewrite(parsed.data, _OPEN if widen else _EXACT))
    except _Unfoldable:
        return None
    parsed.state.flags &= ~re.IGNORECASE
    return _arguments(rewritten, flags & ~re.IGNORECASE)


class _Unfoldable(Exception):
    pass


# Where a part of a pattern stands, for widening its case-sensitive parts: no part may be widened
# (_EXACT: the rewrite proper, or where a wider part could exclude a match), a case-sensitive part may
# be (_OPEN), or within one that is (_WIDE: what it matches must only grow).
_EXACT, _OPEN, _WIDE = "exact", "open", "wide"
_CASE_FLAGS = re.IGNORECASE | re.LOCALE | re.ASCII


def _rewrite(items, where: str = _EXACT) -> list:
    c = _constants
    out = []
    for op, av in items:
        if where is _WIDE and (op is c.NOT_LITERAL or op is c.IN and any(item[0] is c.NEGATE for item in av)):
            raise _Unfoldable  # "[^A]" takes "a" case-sensitively, not once widened
        if op in (c.LITERAL, c.NOT_LITERAL):
            equals = _equals(av)
            if len(equals) == 1:
                out.append((op, equals[0]))
            else:
                negate = [(c.NEGATE, None)] if op is c.NOT_LITERAL else []
                out.append((c.IN, negate + [(c.LITERAL, code) for code in equals]))
        elif op is c.IN:
            out.append((c.IN, _charset(av)))
        elif op in (c.ANY, c.AT, c.CATEGORY):
            out.append((op, av))
        elif op is c.BRANCH:
            out.append((op, (av[0], [_sub(branch, where) for branch in av[1]])))
        elif op is c.SUBPATTERN:
            group, add_flags, del_flags, pattern = av
            if (add_flags | del_flags) & _CASE_FLAGS:  # a part with its own case rules: "(?-i:I)"
                if where is _EXACT or add_flags & _CASE_FLAGS or del_flags & _CASE_FLAGS != re.IGNORECASE:
                    raise _Unfoldable
                out.append((op, (group, add_flags, del_flags & ~re.IGNORECASE, _sub(pattern, _WIDE))))
            else:
                out.append((op, (group, add_flags, del_flags, _sub(pattern, where))))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            out.append((op, (av[0], av[1], _sub(av[2], where))))
        elif op is c.POSSESSIVE_REPEAT:  # it and an atomic group give up matches a wider part would block
            out.append((op, (av[0], av[1], _sub(av[2], _narrow(where)))))
        elif op is c.ATOMIC_GROUP:
            out.append((op, _sub(av, _narrow(where))))
        elif op is c.ASSERT:
            out.append((op, (av[0], _sub(av[1], where))))
        elif op is c.ASSERT_NOT:
            out.append((op, (av[0], _sub(av[1], _narrow(where)))))
        else:
            raise _Unfoldable  # backreferences and conditionals compare case-insensitively at match time
    return out


def _sub(pattern, where: str = _EXACT):
    return _parser.SubPattern(pattern.state, _rewrite(pattern.data, where))


def _narrow(where: str) -> str:
    """Where a part stands within a negative lookaround, an atomic group or a possessive repeat: a
    wider match there could exclude a match, so nothing in it may be widened."""
    if where is _WIDE:
        raise _Unfoldable
    return _EXACT


def _charset(items) -> list:
    """A set as `re` matches it case-insensitively: where any member is cased, `re` lower-cases the
    text's character and looks it up among its members' lower-case forms and their equals, so the
    set holds its members as folded and their equals; else it holds its members."""
    c = _constants
    members: set[int] = set()
    kept = []
    for op, av in items:
        if op is c.LITERAL:
            members.add(av)
        elif op is c.RANGE:
            if av[1] > 0xFFFF or av[1] - av[0] > _LARGEST_SET:
                raise _Unfoldable
            members.update(range(av[0], av[1] + 1))
        elif op in (c.NEGATE, c.CATEGORY):
            kept.append((op, av))
        else:
            raise _Unfoldable
    if any(code > 0xFFFF for code in members):
        raise _Unfoldable
    if any(_sre.unicode_iscased(code) for code in members):
        members = {equal for code in members for equal in _equals(code)}
    negate = [item for item in kept if item[0] is c.NEGATE]
    return negate + [(c.LITERAL, code) for code in sorted(members)] + [item for item in kept if item[0] is not c.NEGATE]
