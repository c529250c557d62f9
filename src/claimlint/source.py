"""Reading and decoding drafts, and turning offsets into 1-based line/column positions."""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass

from claimlint.errors import InputError


# Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF8, "utf-8"))


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8, or UTF-16 or UTF-32 with a byte-order mark (the mark is dropped), and
    normalise line endings to LF.

    Normalising CR LF and lone CR to LF keeps every line number and every column
    unchanged, so positions computed on the normalised text are positions in the file.
    """
    bom, encoding = encoding_of(data)
    if not bom and b"\x00" in data:
        raise InputError(path, _nul_problem(data))
    try:
        text = data[len(bom):].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = len(bom) + exc.start
        line = exc.object[: exc.start].decode(encoding).count("\n") + 1  # everything before it decodes
        name = encoding[:6].upper()  # UTF-8, UTF-16 or UTF-32
        raise InputError(path, f"not valid {name} (byte 0x{data[offset]:02x} at offset {offset}) on line {line}: "
                               "save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encoding_of(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark `data` starts with (b"" for none) and the encoding it stands for."""
    return next(((bom, name) for bom, name in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def _nul_problem(data: bytes) -> str:
    head = data[:4096]
    for order, zeros, others in (("little-endian", head[1::2], head[0::2]), ("big-endian", head[0::2], head[1::2])):
        if zeros.count(0) >= 0.7 * len(zeros) > 0 and others.count(0) <= 0.1 * len(others):
            return f"looks like {order} UTF-16 without a byte-order mark; save it as UTF-8"
    return "looks like a binary file (it contains NUL bytes)"


def read_source(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    return decode(data, path)


def excerpt_lines(text: str, findings, whole: bool = False) -> dict[int, str]:
    """The lines the findings start on, by number: all that a run keeps of a draft for excerpts
    (with `whole`, every line of a draft with findings, for reports that show whole drafts)."""
    if whole:
        return dict(enumerate(text.split("\n"), 1)) if findings else {}
    wanted = {finding.line for finding in findings}
    return {number: line for number, line in enumerate(text.split("\n"), 1) if number in wanted} if wanted else {}


@dataclass
class LineIndex:
    """Maps offsets in a normalised text to 1-based (line, column) in code points."""

    text: str

    def __post_init__(self):
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
