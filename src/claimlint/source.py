"""Reading and decoding drafts, and turning offsets into 1-based line/column positions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimlint.errors import InputError


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (a BOM is dropped) and normalise line endings to LF.

    Normalising CR LF and lone CR to LF keeps every line number and every column
    unchanged, so positions computed on the normalised text are positions in the file.
    """
    if b"\x00" in data:
        raise InputError(path, "looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


@dataclass
class LineIndex:
    """Maps offsets in a normalised text to 1-based (line, column) in code points."""

    text: str

    def __post_init__(self):
        self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end]
