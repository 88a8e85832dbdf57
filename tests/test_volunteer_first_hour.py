"""A volunteer's first hour (issue 13): each mistake, made on a copy of the example for a new
city, and exactly what the command line then says, in French and in English.

Each golden file under ``tests/golden/volunteer/`` holds the commands run and everything they
printed (standard output and error) with their exit status; ``pytest --update-golden``
rewrites them, on purpose only (read the diff: it is what a volunteer will read).
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from civicquest.cli import cli
from fake_plugins import broken_plugin, fake_distribution, install
from golden_files import assert_golden

__all__ = ["fake_distribution"]  # the fixture, for the broken plugin case

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"
GOLDEN = Path(__file__).parent / "golden" / "volunteer"
CITY = "maville2026"

Mistake = Callable[[Path], None]


def _edit(name: str, old: str, new: str, count: int = 1) -> Mistake:
    """Replace ``old`` by ``new`` in one file of the copy (``count`` times, -1 for all)."""

    def mistake(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: the example changed, update the case"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return mistake


def _both(*mistakes: Mistake) -> Mistake:
    def mistake(folder: Path) -> None:
        for one in mistakes:
            one(folder)

    return mistake


def _rename(old: str, new: str) -> Mistake:
    def mistake(folder: Path) -> None:
        (folder / old).rename(folder / new)

    return mistake


def _rename_organisers(folder: Path) -> None:
    """'atd' becomes 'secours' in organisers only; one question names 'agir' twice."""
    _edit("questionnaire.yaml", "  - id: atd\n", "  - id: secours\n")(folder)
    _edit("questionnaire.yaml", "asked_by: [agir, entraide]", "asked_by: [agir, agir]")(folder)


def _no_mistake(folder: Path) -> None:
    """Nothing broken: what is checked is how the output reads."""


def _two_files_and_a_stray(folder: Path) -> None:
    """The rules of docs/project-layout.md: two files for one role, and stray files."""
    shutil.copy(folder / "scoring.yaml", folder / "scoring.json")
    (folder / "responses" / "notes.txt").write_text("à relire\n", encoding="utf-8")
    (folder / "brouillon.yaml").write_text("id: x\n", encoding="utf-8")


#: name -> (the mistake, the commands run after it; {p} is the copy's folder)
CASES: dict[str, tuple[Mistake, tuple[str, ...]]] = {
    "2-over-indented-key": (
        _edit(
            "respondents.yaml",
            "    name: Aix Ensemble (liste fictive)",
            "      name: Aix Ensemble (liste fictive)",
        ),
        ("validate {p}",),
    ),
    "2-over-indented-first-key": (
        _edit(
            "respondents.yaml",
            "      name: Équipe de campagne Aix Ensemble",
            "        name: Équipe de campagne Aix Ensemble",
        ),
        ("validate {p}",),
    ),
    "3-unquoted-yes": (
        _edit("questionnaire.yaml", 'label: {fr: "Oui", en: "Yes"}', "label: {fr: Oui, en: Yes}"),
        ("validate {p}",),
    ),
    "4-renamed-organiser": (_rename_organisers, ("validate {p}",)),
    "5-misnamed-respondents": (_rename("respondents.yaml", "respondent.yaml"), ("validate {p}",)),
    "5-misnamed-folder-and-file": (
        _both(_rename("responses", "réponses"), _rename("scoring.yaml", "Scoring.yml")),
        ("validate {p}",),
    ),
    "6-english-dropped": (
        _edit("questionnaire.yaml", "languages: [fr, en]", "languages: [fr]"),
        ("validate {p}", "score {p} --lang en"),
    ),
    "6-missing-translation": (
        _edit(
            "questionnaire.yaml",
            "      fr: Oui ou non\n      en: Yes or no\n",
            "      fr: Oui ou non\n",
        ),
        ("validate {p}",),
    ),
    "7-version-as-number": (
        _edit("questionnaire.yaml", 'version: "1.0.0"', "version: 1.1"),
        ("validate {p}",),
    ),
    "7-tab": (_edit("questionnaire.yaml", "  - id: agir\n", "\t- id: agir\n"), ("validate {p}",)),
    "7-no-raw-codes": (
        _no_mistake,  # the output must read as words, never as codes
        ("score {p} --method unranked", "sensitivity {p}"),
    ),
    "8-two-files-and-strays": (_two_files_and_a_stray, ("validate {p}",)),
}


def run(commands: tuple[str, ...], lang: str) -> str:
    """Every command, in ``lang``, as a volunteer would read it in a terminal."""
    transcript = []
    for command in commands:
        args = [*shlex.split(command.format(p=CITY)), "--lang", lang]
        if "--lang en" in command:
            args = args[:-2]
        result = CliRunner().invoke(cli, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        transcript += [f"$ civicquest {shlex.join(args)}", result.output.rstrip("\n")]
        transcript.append(f"[exit {result.exit_code}]")
    return "\n".join(transcript) + "\n"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_is_told_in_the_volunteers_words(
    case: str,
    lang: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    update_golden: bool,
) -> None:
    mistake, commands = CASES[case]
    shutil.copytree(EXAMPLE, tmp_path / CITY)
    mistake(tmp_path / CITY)
    monkeypatch.chdir(tmp_path)
    transcript = run(commands, lang)
    assert_golden(transcript, GOLDEN / f"{case}.{lang}.txt", update_golden)
    _assert_readable(transcript)


def _assert_readable(transcript: str) -> None:
    """No Python in what a volunteer reads: no repr of a dict, list or bool, no traceback."""
    assert "Traceback" not in transcript
    assert not re.search(r"\{'|\['|': (True|False|None)\b|constrained-str|missing:", transcript)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("kind", "command"),
    [
        ("exporters", "export {p} -f brokenfmt -o out.brk"),
        ("importers", "import {p} answers.brk --format brokenimp --dry-run"),
        ("scoring_methods", "score {p} --method brokenscore"),
    ],
)
def test_9_a_format_of_a_plugin_that_failed_to_load(
    kind: str,
    command: str,
    lang: str,
    fake_distribution: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    update_golden: bool,
) -> None:
    install(fake_distribution, f"civicquest-broken-{kind.replace('_', '-')}", _import_fails(kind))
    shutil.copytree(EXAMPLE, tmp_path / CITY)
    (tmp_path / "answers.brk").write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    transcript = run((command,), lang)
    assert_golden(transcript, GOLDEN / f"9-broken-plugin-{kind}.{lang}.txt", update_golden)
    assert "civicquest plugins" in transcript
    assert "[exit 1]" in transcript


def _import_fails(kind: str) -> str:
    return broken_plugin(kind, "import", "raise")


def test_6_leftover_english_is_not_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / CITY
    shutil.copytree(EXAMPLE, folder)
    _edit("questionnaire.yaml", "languages: [fr, en]", "languages: [fr]")(folder)
    monkeypatch.chdir(tmp_path)
    for lang in ("en", "fr"):
        result = CliRunner().invoke(cli, ["export", CITY, "-f", "json", "--lang", lang])
        assert result.exit_code == 0, result.output
        assert "What place for solidarity" not in result.output
        assert "Quelle place pour la solidarité" in result.output
    english = CliRunner().invoke(cli, ["export", CITY, "-f", "json", "--lang", "en"])
    assert english.output.count("not published in 'en'") == 1


def test_the_goldens_are_all_used() -> None:
    expected = {f"{case}.{lang}.txt" for case in CASES for lang in ("fr", "en")}
    expected |= {
        f"9-broken-plugin-{kind}.{lang}.txt"
        for kind in ("exporters", "importers", "scoring_methods")
        for lang in ("fr", "en")
    }
    assert {path.name for path in GOLDEN.glob("*.txt")} == expected


def _over_indentable_keys(lines: list[str]) -> list[int]:
    """Indexes of ``key: value`` lines that follow another key with a value on its line (a
    block scalar's key and content are left out: over-indenting them is another mistake)."""
    found = []
    for index, line in enumerate(lines):
        above = next(
            (lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()[:1] not in ("", "#")),
            "",
        )
        # a key opening a block scalar (|-, >-) and the text inside one are not plain keys
        block_above = above.rstrip().endswith((":", ">-", "|-", "|", ">"))
        if re.match(r"^ +[a-z_]+: [^\s|>]", line) and not block_above:
            found.append(index)
    return found


def test_2_any_over_indented_key_of_respondents_yaml_is_pointed_at(tmp_path: Path) -> None:
    from civicquest.loading.documents import SourceError, read_document

    lines = (EXAMPLE / "respondents.yaml").read_text(encoding="utf-8").split("\n")
    keys = _over_indentable_keys(lines)
    assert len(keys) > 40
    for index in keys:
        broken = [*lines[:index], "  " + lines[index], *lines[index + 1 :]]
        path = tmp_path / "respondents.yaml"
        path.write_text("\n".join(broken), encoding="utf-8")
        with pytest.raises(SourceError) as caught:
            read_document(path)
        assert caught.value.code == "bad_indentation", lines[index]
        assert caught.value.position is not None
        assert caught.value.position.line == index + 1, lines[index]
