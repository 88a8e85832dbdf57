"""Golden file of the fill-in form's structure: `civicquest export examples/aix2026 --format
xlsx-form` as text (cells, validations, protection); `pytest --update-golden` rewrites it."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from civicquest.cli import cli
from golden_files import assert_golden

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "exports" / "aix2026-form.xlsx.txt"


def _export(target: Path) -> bytes:
    args = [
        "export",
        str(ROOT / "examples" / "aix2026"),
        "--format",
        "xlsx-form",
        "-o",
        str(target),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return target.read_bytes()


def test_golden_xlsx_form(tmp_path: Path, update_golden: bool) -> None:
    first = _export(tmp_path / "a.xlsx")
    assert first == _export(tmp_path / "b.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(first))
    lines = [f"defined names: {sorted(book.defined_names)}"]
    for sheet in book.worksheets:
        lines.append(f"== {sheet.title} ({sheet.sheet_state}, protected {sheet.protection.sheet})")
        for row in sheet.iter_rows():
            open_cells = [c.coordinate for c in row if not c.protection.locked]
            cells = "\t".join(repr(c.value or "") for c in row)
            lines.append(cells + (f"\t[to fill: {' '.join(open_cells)}]" if open_cells else ""))
        for rule in sheet.data_validations.dataValidation:
            lines.append(f"validation {rule.type} {rule.formula1} {rule.formula2}: {rule.sqref}")
    assert_golden("\n".join(lines) + "\n", GOLDEN, update_golden)
