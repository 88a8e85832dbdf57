"""The one catalogue: every code in French and English, the .mo up to date, numbers, collation."""

from __future__ import annotations

import gettext
import io
import string
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from civicquest.text.catalog import LOCALE_DIR, pgettext
from civicquest.text.collation import collation_key, sorted_by_name
from civicquest.text.messages import CATALOG, OUTPUT_MESSAGES, render
from civicquest.text.numbers import format_decimal, format_percent

ROOT = Path(__file__).resolve().parent.parent
PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "civicquest.po"


def _french() -> dict[tuple[str | None, str], str]:
    with PO.open("rb") as file:
        catalog = read_po(file)
    return {(m.context, str(m.id)): str(m.string) for m in catalog if m.id and not m.fuzzy}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


CODES = [(code, CATALOG) for code in sorted(CATALOG)]
CODES += [(code, OUTPUT_MESSAGES) for code in sorted(OUTPUT_MESSAGES)]


@pytest.mark.parametrize(("code", "catalog"), CODES, ids=[code for code, _ in CODES])
def test_every_code_has_french_and_english_with_the_same_placeholders(
    code: str, catalog: dict[str, tuple[str, str]]
) -> None:
    french = _french()
    for context, english in zip(("issue", "hint"), catalog[code], strict=True):
        translated = french.get((f"{context}:{code}", english), "")
        assert english, (code, context)
        assert translated, (code, context)
        assert _fields(translated) == _fields(english), (code, context)
    params = {name: f"<{name}>" for text in catalog[code] for name in _fields(text)}
    fr, en = render(code, "fr", params, catalog), render(code, "en", params, catalog)
    assert en == tuple(text.format(**params) for text in catalog[code])
    assert fr != en or not params, code  # translated, not the English fallback
    assert all(f"<{name}>" in " ".join(fr) for name in params), code


def test_every_marked_string_is_in_the_po_and_translated() -> None:
    keywords = {"N_": ((1, "c"), 2), "translate": ((1, "c"), 2)}
    found: set[tuple[str | None, str]] = set()
    for folder in ("src", "plugins/civicquest-markdown/src", "plugins/civicquest-tabular/src"):
        for _, _, message, _, context in extract_from_dir(ROOT / folder, keywords=keywords):
            found.add((context, message))
    french = _french()
    missing = sorted((c or "", m) for c, m in found if not french.get((c, m)))
    assert missing == [], "run `make messages` and translate the new entries in the .po"
    for (context, english), translated in french.items():
        if context == "yaml":  # the parser's words, not format strings
            continue
        assert _fields(translated) == _fields(english), (context, english)


def test_the_committed_mo_is_compiled_from_the_po() -> None:
    with PO.open("rb") as file:
        catalog = read_po(file)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    fresh = gettext.GNUTranslations(buffer)
    with PO.with_suffix(".mo").open("rb") as file:
        committed = gettext.GNUTranslations(file)
    assert committed._catalog == fresh._catalog, "run `make messages` to recompile the .mo"  # type: ignore[attr-defined]


def test_translations_follow_the_context() -> None:
    assert pgettext("status", "answered", "fr") == "a répondu"
    assert pgettext("status", "answered", "en") == "answered"
    assert pgettext("status", "answered", "de") == "answered"  # no catalogue: English
    problem = "an alias (*name) without its anchor (&name)"  # our words for the parser's
    assert render("syntax_error", "fr", {"problem": problem})[0] == (
        "syntaxe invalide : alias (*nom) sans ancre (&nom) correspondante"
    )
    assert "un nombre entier" in render("wrong_type", "fr", {"expected": "a whole number"})[0]


@pytest.mark.parametrize(
    ("code", "params", "catalog", "french", "english"),
    [
        ("ignored_file", {"kind": "fifo"}, CATALOG, "ignoré (tube nommé)", "ignored (named pipe)"),
        ("not_a_folder", {"kind": "device"}, CATALOG, "(périphérique)", "(device)"),
        ("output_special", {"kind": "socket"}, OUTPUT_MESSAGES, "c'est un socket", "a socket"),
        ("output_protected", {"what": "home"}, OUTPUT_MESSAGES, "votre dossier", "your home"),
        ("output_is_input", {"what": "input_file"}, OUTPUT_MESSAGES, "fichier d'entrée", "input"),
    ],
)
def test_words_put_into_messages_follow_the_language(
    code: str,
    params: dict[str, object],
    catalog: dict[str, tuple[str, str]],
    french: str,
    english: str,
) -> None:
    assert french in render(code, "fr", params, catalog)[0]
    assert english in render(code, "en", params, catalog)[0]


def test_an_unknown_word_key_is_shown_as_it_is() -> None:
    assert "(\\u2028x)" in render("ignored_file", "fr", {"kind": "\u2028x"})[0]


def test_scoring_and_matching_may_use_collation_and_no_other_text_module() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    [contract] = [c for c in contracts["contracts"] if c["name"].startswith("Scoring and matching")]
    assert "civicquest.text" in contract["forbidden_modules"]
    allowed = {rule.split(" -> ")[1] for rule in contract["ignore_imports"]}
    assert allowed == {"civicquest.text.collation"}
    # the exception stays narrow: collation itself imports nothing else of civicquest
    source = (ROOT / "src" / "civicquest" / "text" / "collation.py").read_text()
    assert "from ." not in source
    assert "import civicquest" not in source


@pytest.mark.parametrize(
    ("value", "digits", "lang", "shown"),
    [
        (1.5, 1, "fr", "1,5\u00a0%"),
        (62, 0, "fr", "62\u00a0%"),
        (61.5, 0, "fr", "62\u00a0%"),
        (1.5, 1, "en", "1.5%"),
        (62.49, 0, "en", "62%"),
        (2.5, 0, "en", "3%"),
    ],
)
def test_percentages_follow_cldr(value: float, digits: int, lang: str, shown: str) -> None:
    assert format_percent(value, lang, digits) == shown


def test_decimals_follow_cldr() -> None:
    assert format_decimal(0.8125, "fr", 3) == "0,813"  # an exact half goes up
    assert format_decimal(0.9125, "fr", 3) == "0,912"  # 0.9125 is stored just below the half
    assert format_decimal(0.0, "en", 3) == "0.000"
    assert format_decimal(1234.5, "fr", 1) == "1\u202f234,5"
    assert format_decimal(1234.5, "en", 1) == "1,234.5"
    assert format_decimal(None, "fr") == "–"


def test_names_sort_by_the_unicode_collation() -> None:
    names = ["Voix", "Zèbre", "Échirolles", "Œuvre", "Oasis", "Çà et là", "Cabane", "école", "Eole"]
    assert sorted_by_name(names, str) == [
        "Çà et là", "Cabane", "Échirolles", "école", "Eole", "Oasis", "Œuvre", "Voix", "Zèbre",
    ]  # fmt: skip
    assert sorted(names) != sorted_by_name(names, str)  # code points put É, Œ and Ç last
    assert collation_key("é") > collation_key("e")


def test_ties_on_the_first_key_are_broken_by_the_collation() -> None:
    items = [(2, "Zoé"), (1, "Élan"), (1, "Abri"), (1, "Zut")]
    ordered = sorted_by_name(items, lambda i: i[1], first=lambda i: i[0])
    assert ordered == [(1, "Abri"), (1, "Élan"), (1, "Zut"), (2, "Zoé")]


def _cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from civicquest.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("lang", "line"), [("fr", "Par statut : "), ("en", "By status: ")])
def test_the_summary_follows_the_language(lang: str, line: str) -> None:
    code, out, _ = _cli("summary", str(ROOT / "examples" / "aix2026"), "--lang", lang)
    assert code == 0
    assert out.splitlines()[-1].startswith(line)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "l'électeur n'a répondu à aucune"), ("en", "the voter answered none")],
)
def test_an_empty_voter_is_told_in_the_language(tmp_path: Path, lang: str, words: str) -> None:
    voter = tmp_path / "voter.yaml"
    voter.write_text("answers:\n  p01: {skip: true}\n", encoding="utf-8")
    project = str(ROOT / "examples" / "aix2026")
    code, _, err = _cli("match", project, "--answers", str(voter), "--lang", lang)
    assert code == 1
    assert words in err
    assert " / " not in err  # one language, not "français / English"
