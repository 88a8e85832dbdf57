"""Golden files: `civicquest export examples/aix2026 --format NAME` for every format.

`pytest --update-golden` rewrites them; review the diff before committing.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from civicquest.cli import cli
from civicquest.exporting.outputs import MARKER
from golden_files import assert_golden

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "aix2026"
GOLDEN = Path(__file__).parent / "golden" / "exports"

FILES = [
    ("json", [], "aix2026.json"),
    ("yaml", [], "aix2026.yaml"),
    ("jsonschema", [], "aix2026.schema.json"),
    ("csv", [], "aix2026-long.csv"),
    ("csv", ["--option", "variant=wide"], "aix2026-wide.csv"),
    ("markdown", [], "aix2026-answers.md"),
    ("markdown", ["--option", "document=questionnaire"], "aix2026-questionnaire.md"),
    ("html", [], "aix2026.html"),
    ("surveyjs", [], "aix2026.survey.json"),
]


def _export(tmp_path: Path, fmt: str, extra: list[str], name: str) -> Path:
    target = tmp_path / name
    args = ["export", str(EXAMPLE), "--format", fmt, "-o", str(target), *extra]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize(("fmt", "extra", "name"), FILES, ids=[f[2] for f in FILES])
def test_golden_file(
    tmp_path: Path, update_golden: bool, fmt: str, extra: list[str], name: str
) -> None:
    target = _export(tmp_path, fmt, extra, name)
    assert_golden(target.read_bytes(), GOLDEN / name, update_golden)


def test_golden_xlsx(tmp_path: Path, update_golden: bool) -> None:
    """The workbook's cells as text (a readable diff), and the same bytes on every run."""
    first = _export(tmp_path, "xlsx", [], "a.xlsx").read_bytes()
    assert first == _export(tmp_path, "xlsx", [], "b.xlsx").read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(first))
    lines = []
    for sheet in book.worksheets:
        lines.append(f"== {sheet.title} (freeze {sheet.freeze_panes})")
        lines += ["\t".join(repr(c.value or "") for c in row) for row in sheet.iter_rows()]
    assert_golden("\n".join(lines) + "\n", GOLDEN / "aix2026.xlsx.txt", update_golden)


def test_golden_frictionless(tmp_path: Path, update_golden: bool) -> None:
    target = _export(tmp_path, "frictionless", [], "package")
    (target / MARKER).unlink()  # civicquest's own marker, not part of the export
    names = sorted(p.name for p in target.iterdir())
    assert (
        names == sorted(p.name for p in (GOLDEN / "aix2026-datapackage").glob("*")) or update_golden
    )
    for path in sorted(target.iterdir()):
        assert_golden(path.read_bytes(), GOLDEN / "aix2026-datapackage" / path.name, update_golden)
