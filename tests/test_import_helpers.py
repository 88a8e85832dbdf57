"""The helpers importers share (public in civicquest.plugins): encodings, labels, dates, numbers,
the GC pause for bulk building."""

from __future__ import annotations

import codecs
import datetime as dt
import gc

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicquest import example_path, load_project
from civicquest.models import Project
from civicquest.plugins import (
    closest,
    decode_text,
    gc_paused,
    match_label,
    match_option,
    normalise_label,
    option_labels,
    parse_date,
    parse_number,
)

AIX = load_project(example_path("aix2026"))
french_text = st.text(
    st.characters(codec="cp1252", exclude_characters="\ufeff\x00"), min_size=1, max_size=60
)
any_text = st.text(st.characters(codec="utf-8", exclude_characters="\ufeff\x00"), max_size=60)


# --- encodings -----------------------------------------------------------------------------


@given(any_text, st.sampled_from(["utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]))
def test_a_bom_decides_the_encoding(text: str, encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        content = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        content = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        content = text.encode(encoding)
    assert decode_text(content).text == text


@given(any_text)
def test_utf8_without_bom_is_read_as_utf8(text: str) -> None:
    decoded = decode_text(text.encode("utf-8"))
    assert decoded.text == text


#: cp1252 texts whose bytes begin like a byte-order mark (þÿ, ÿþ, ï»¿): a BOM decides, by design
_LOOKS_LIKE_A_BOM = ("\u00fe\u00ff", "\u00ff\u00fe", "\u00ef\u00bb\u00bf")


@given(french_text.filter(lambda t: not t.isascii() and not t.startswith(_LOOKS_LIKE_A_BOM)))
def test_windows_1252_when_not_utf8(text: str) -> None:
    content = text.encode("cp1252")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_text(content) == type(decode_text(content))(text, "windows-1252")
    else:  # a few cp1252 byte runs are also valid UTF-8: then UTF-8 wins, by design
        assert decode_text(content).encoding == "utf-8"


def test_french_excel_export_in_windows_1252() -> None:
    content = "Liste;Réponse;Remarque\r\nAix d’abord;Tout à fait d'accord;€ 12\r\n".encode("cp1252")
    decoded = decode_text(content)
    assert decoded.encoding == "windows-1252"
    assert "Tout à fait d'accord" in decoded.text
    assert "d’abord" in decoded.text


@given(st.binary(max_size=200))
def test_any_bytes_without_bom_decode_and_lose_nothing(content: bytes) -> None:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return
    try:
        decoded = decode_text(content)
    except UnicodeDecodeError:  # only a UTF-16 guess may fail
        return
    if decoded.encoding == "windows-1252":  # one character per byte, none dropped
        back = b"".join(_cp1252_byte(character) for character in decoded.text)
    else:
        back = decoded.text.encode(decoded.encoding)
    assert back == content


def _cp1252_byte(character: str) -> bytes:
    try:
        return character.encode("cp1252")
    except UnicodeEncodeError:  # one of the five bytes Windows-1252 leaves undefined
        return bytes([ord(character)])


def test_utf16_le_without_bom_is_recognised() -> None:
    assert decode_text("Réponse;oui".encode("utf-16-le")).text == "Réponse;oui"


# --- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("D’ACCORD", "d'accord"),
        ("  tout   à\u00a0fait  ", "tout a fait"),
        ("Écologie", "ecologie"),
        ("pas\tdu\ntout", "pas du tout"),
        ("ﬁn", "fin"),  # NFKD compatibility forms
    ],
)
def test_normalise_label(variant: str, expected: str) -> None:
    assert normalise_label(variant) == expected


def _scaled_question(project: Project) -> str:
    return next(q.id for q in project.questionnaire.questions if getattr(q, "scale", None))


def test_match_label_by_label_in_every_language_and_code() -> None:
    question = _scaled_question(AIX)
    for code, labels in option_labels(AIX, question).items():
        assert match_label(AIX, question, code).code == code
        for label in labels:
            messy = "  " + label.upper().replace("'", "\u2019") + " "
            assert match_label(AIX, question, messy).code == code


@given(st.data())
def test_misspelt_label_is_not_matched_but_suggested(data: st.DataObject) -> None:
    question = _scaled_question(AIX)
    labels = option_labels(AIX, question)
    code = data.draw(st.sampled_from(sorted(labels)))
    label = data.draw(st.sampled_from(labels[code]).filter(lambda t: len(t) > 6))
    position = data.draw(st.integers(1, len(label) - 2))
    misspelt = label[:position] + label[position + 1 :]  # one letter dropped
    found = match_label(AIX, question, misspelt)
    if found.matched:  # dropping a doubled letter or a space of a run changes nothing
        assert found.code == code
    else:
        assert found.suggestion == code


def test_unrelated_text_gets_no_suggestion() -> None:
    assert match_option("zzzzzzzz", {"yes": ("oui",), "no": ("non",)}).suggestion is None
    assert match_option("", {"yes": ("oui",)}).code is None


def test_same_label_for_two_codes_is_ambiguous() -> None:
    found = match_option("Oui", {"yes": ("oui",), "ja": ("Oui",)})
    assert found.code is None
    assert found.ambiguous == ("yes", "ja")


def test_suggestion_is_the_closest_code() -> None:
    labels = {"tout_a_fait": ("Tout à fait d'accord",), "pas_du_tout": ("Pas du tout d'accord",)}
    assert match_option("Tout a fai d'acord", labels).suggestion == "tout_a_fait"
    assert closest("Écologi", ["economie", "écologie"]) == "écologie"


def test_option_labels_refuses_unscaled_and_unknown_questions() -> None:
    unscaled = next(q.id for q in AIX.questionnaire.questions if not getattr(q, "scale", None))
    with pytest.raises(ValueError, match="no scale"):
        option_labels(AIX, unscaled)
    with pytest.raises(KeyError):
        option_labels(AIX, "no-such-question")


# --- dates ---------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@given(dates, st.sampled_from(["{d:02}/{m:02}/{y}", "{d}/{m}/{y}", "{d:02}.{m:02}.{y}"]))
def test_french_dates(date: dt.date, pattern: str) -> None:
    text = pattern.format(d=date.day, m=date.month, y=date.year)
    assert parse_date(text) == date


@given(dates)
def test_iso_dates_and_datetimes(date: dt.date) -> None:
    assert parse_date(date.isoformat()) == date
    assert parse_date(f" {date.isoformat()}T10:12:00.000+01:00") == date
    assert parse_date(dt.datetime(date.year, date.month, date.day, 8)) == date


@pytest.mark.parametrize("text", ["31/02/2026", "03/05/26", "mars 2026", "", "2026-13-01"])
def test_unreadable_dates_raise(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date(text)


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1 234,5", 1234.5),
        ("1\u202f234,5", 1234.5),
        ("1\u00a0234", 1234.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1,234,567", 1234567.0),
        ("12,5", 12.5),
        ("-3", -3.0),
        (",5", 0.5),
        ("1e3", 1000.0),
    ],
)
def test_numbers_as_people_write_them(text: str, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12 34,5", "1.2.3", "inf", "nan", "1,5,"])
def test_unreadable_numbers_raise(text: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        parse_number(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3))
def test_decimal_comma_round_trip(value: object) -> None:
    number = float(str(value))
    whole, _, fraction = f"{abs(number):.3f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u202f")
    text = ("-" if number < 0 else "") + f"{grouped},{fraction}"
    assert parse_number(text) == pytest.approx(number)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_python_numbers_as_is(number: float) -> None:
    assert parse_number(number) == number
    assert parse_number(repr(number)) == number


def test_booleans_and_infinities_are_not_numbers() -> None:
    for value in (True, float("inf"), float("nan")):
        with pytest.raises(ValueError, match="not a"):
            parse_number(value)


def _build_in_bulk() -> None:
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not resume the outer one
        raise RuntimeError("boom")


def test_gc_paused_pauses_the_collector_and_restores_it_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"):
        _build_in_bulk()
    assert gc.isenabled()


def test_gc_paused_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
