"""Golden files of the exact text `civicquest validate` prints for broken copies of the example.

Each case breaks the example the way a volunteer might; the output is compared byte for byte
in French and English. Regenerate on purpose with ``pytest --update-golden``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from civicquest.cli import cli
from golden_files import assert_golden

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aix2026"
GOLDEN = Path(__file__).parent / "golden" / "errors"

# case name -> (file, text to find, replacement, occurrences to replace)
BREAKAGES: dict[str, list[tuple[str, str, str, int]]] = {
    "typos_in_questionnaire": [
        ("questionnaire.yaml", "theme: inclusion", "theme: inclusoin", 1),
        ("questionnaire.yaml", 'insee_code: "13001"', "insee_code: 13001", 1),
        ("questionnaire.yaml", "kind: position", "kind: opinion", 1),
    ],
    "broken_yaml_syntax": [
        ("respondents.yaml", "status: pending", "status: [pending", 1),
    ],
    "wrong_answers": [
        ("responses/aix-avenir.yaml", "choice: engagement_minimal", "choice: engagement_moyen", 1),
        ("responses/aix-avenir.yaml", "choice: niveau_2", "choices: [niveau_2]", 1),
        ("respondents.yaml", "merged_into: aix-ensemble", "merged_into: aix-ensembel", 1),
    ],
    "status_without_response": [
        ("respondents.yaml", "status: pending", "status: partial", 1),
    ],
}


def break_example(target: Path, name: str) -> None:
    shutil.copytree(EXAMPLE, target)
    for file, old, new, count in BREAKAGES[name]:
        path = target / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}: update the breakage"
        path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_validate_output_is_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool, name: str, lang: str
) -> None:
    break_example(tmp_path / "aix2026", name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "aix2026", "--lang", lang])
    assert result.exit_code == 1
    assert_golden(result.output, GOLDEN / f"{name}.{lang}.txt", update_golden)
