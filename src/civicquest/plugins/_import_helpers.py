"""Helpers shared by importers: bytes to text whatever the encoding, option labels to codes
(forgiving case, accents, spaces and apostrophes, with the closest code suggested), French and
ISO dates, numbers written with a decimal comma.

Plugins depend only on the public API; these are part of it (``civicquest.plugins``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..models.project import Project

__all__ = [
    "DecodedText",
    "LabelMatch",
    "closest",
    "decode_text",
    "match_label",
    "match_option",
    "normalise_label",
    "option_labels",
    "parse_date",
    "parse_number",
]

# --- encodings ---------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WINDOWS_1252 = "windows-1252"


def _keep_undefined_byte(error: UnicodeError) -> tuple[str, int]:
    # Windows-1252 leaves five bytes undefined; like browsers (WHATWG), keep them as the
    # code point of the same number rather than failing or dropping them.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(map(chr, error.object[error.start : error.end])), error.end


codecs.register_error("civicquest-keep-byte", _keep_undefined_byte)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A file's text and the encoding it was read with (``utf-8``, ``utf-8-sig``,
    ``utf-16``, ``utf-16-le``, ``windows-1252``)."""

    text: str
    encoding: str


def _looks_like_utf16_le(content: bytes) -> bool:
    # Excel's "Unicode text" has a BOM; without one, ASCII-heavy UTF-16 LE shows as a NUL
    # after every character.
    head = content[:64]
    return len(head) >= 4 and not any(head[1::2]) and all(head[0::2])


def decode_text(content: bytes) -> DecodedText:
    """The text of ``content``: a BOM decides (UTF-8, UTF-16 LE/BE); else UTF-8 if it is
    valid; else Windows-1252 (what French Excel writes), which never fails.

    Raises :class:`UnicodeDecodeError` (a :class:`ValueError`) only for broken UTF-16.
    """
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return DecodedText(content.decode(encoding), encoding)
    if _looks_like_utf16_le(content):
        return DecodedText(content.decode("utf-16-le"), "utf-16-le")
    try:
        return DecodedText(content.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return DecodedText(content.decode(_WINDOWS_1252, "civicquest-keep-byte"), _WINDOWS_1252)


# --- labels ------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u00b4`\u2032", "'"))
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_SPACES = re.compile(r"\s+")


def normalise_label(text: str) -> str:
    """``text`` as compared with labels: case folded, accents removed (NFKD), apostrophes
    (’ ‘ ʼ) and dashes unified, runs of spaces (including non-breaking ones) as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    unified = bare.translate(_APOSTROPHES).translate(_DASHES).casefold()
    return _SPACES.sub(" ", unified).strip()


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """The option code a text stands for, or (``code is None``) the closest code to suggest.

    ``ambiguous`` lists the codes when the text is the label of more than one option.
    """

    code: str | None
    suggestion: str | None = None
    ambiguous: tuple[str, ...] = ()

    @property
    def matched(self) -> bool:
        return self.code is not None


def closest(text: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``text`` once both are normalised (difflib), or ``None`` when
    none is close enough."""
    by_normal: dict[str, str] = {}
    for candidate in candidates:
        by_normal.setdefault(normalise_label(candidate), candidate)
    found = difflib.get_close_matches(normalise_label(text), list(by_normal), 1, cutoff)
    return by_normal[found[0]] if found else None


def match_option(text: str, labels: Mapping[str, Iterable[str]]) -> LabelMatch:
    """The code whose code or one of whose ``labels`` equals ``text`` after normalising.

    ``labels`` maps each option code to the texts that stand for it (its labels in every
    language, or a mapping file's own words). A code is matched before a label.
    """
    wanted = normalise_label(text)
    if not wanted:
        return LabelMatch(None)
    for code in labels:
        if normalise_label(code) == wanted:
            return LabelMatch(code)
    found = tuple(
        code for code, texts in labels.items() if any(normalise_label(t) == wanted for t in texts)
    )
    if len(found) == 1:
        return LabelMatch(found[0])
    if found:
        return LabelMatch(None, ambiguous=found)
    words = {t: code for code, texts in labels.items() for t in (code, *texts)}
    nearest = closest(text, words)
    return LabelMatch(None, suggestion=words[nearest] if nearest is not None else None)


def option_labels(project: Project, question_id: str) -> dict[str, tuple[str, ...]]:
    """Each option code of a question's scale with its labels in every language.

    Raises :class:`KeyError` for an unknown question and :class:`ValueError` for a question
    answered without a scale (open text, number).
    """
    question = project.questions_by_id[question_id]
    scale_id = getattr(question, "scale", None)
    if scale_id is None or scale_id not in project.scales_by_id:
        raise ValueError(f"question {question_id!r} has no scale of options")
    return {
        option.code: (
            (option.label,) if isinstance(option.label, str) else tuple(option.label.values())
        )
        for option in project.scales_by_id[scale_id].options
    }


def match_label(project: Project, question_id: str, text: str) -> LabelMatch:
    """The option code of question ``question_id`` that ``text`` stands for (its code, or its
    label in any language, forgiving case, accents, spaces and apostrophes); when none, the
    closest code as a suggestion. Raises like :func:`option_labels`."""
    return match_option(text, option_labels(project, question_id))


# --- dates and numbers -------------------------------------------------------------------

_FRENCH_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_date(value: str | dt.date) -> dt.date:
    """A date written ``dd/mm/yyyy`` (also with ``.`` or ``-``), ``yyyy-mm-dd``, or an ISO
    date-time (its date); a :class:`datetime.date` or ``datetime`` as is (its date).

    Raises :class:`ValueError` when the text is not such a date or the date does not exist.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return _date_of(value.strip())
    except ValueError:
        raise ValueError(f"not a date (dd/mm/yyyy or yyyy-mm-dd): {value!r}") from None


def _date_of(text: str) -> dt.date:
    french = _FRENCH_DATE.fullmatch(text)
    if french:
        day, month, year = (int(part) for part in french.groups())
        return dt.date(year, month, day)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", text):
        return dt.datetime.fromisoformat(text).date()
    raise ValueError(text)


_GROUP_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _separators(text: str) -> tuple[str, str]:
    # (decimal mark, grouping mark). The last of "," and "." is the decimal mark when both
    # appear ("1.234,5", "1,234.5"); alone, either is a decimal mark once and a grouping mark
    # when repeated; spaces (and Swiss apostrophes) group otherwise.
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        return (",", ".") if text.rfind(",") > text.rfind(".") else (".", ",")
    if commas:
        return (",", " ") if commas == 1 else ("", ",")
    if dots:
        return (".", " ") if dots == 1 else ("", ".")
    return "", " "


def _plain_number(text: str) -> str:
    text = _GROUP_SPACES.sub(" ", text.strip())
    sign = ""
    if text[:1] in ("+", "-"):
        sign, text = text[0], text[1:].lstrip()
    decimal, group = _separators(text)
    whole, _, fraction = text.partition(decimal) if decimal else (text, "", "")
    if " " in text and group != " ":
        raise ValueError(text)
    if group in whole and not re.fullmatch(rf"\d{{1,3}}({re.escape(group)}\d{{3}})+", whole):
        raise ValueError(text)
    return sign + whole.replace(group, "") + ("." + fraction if decimal else "")


def parse_number(value: str | float) -> float:
    """A number as people type it: ``1 234,5`` (spaces, non-breaking or thin, as grouping,
    decimal comma), ``1.234,5``, ``1,234.5``, ``12.5``, ``-3``; an ``int`` or ``float`` as is.

    Raises :class:`ValueError` for anything else, and for infinities and NaN.
    """
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            plain = _plain_number(value)
        except ValueError:
            plain = ""
        if not _PLAIN_NUMBER.fullmatch(plain):
            raise ValueError(f"not a number: {value!r}")
        number = float(plain)
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {value!r}")
    return number
