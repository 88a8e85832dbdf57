"""The wheel ships the typed package and the shipped examples; plugins declare their entry point."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from civicquest.loading.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_the_example_and_py_typed(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("civicquest-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "civicquest/py.typed" in names
    for name in EXAMPLES:
        example = ROOT / "examples" / name
        files = [path for path in example.rglob("*") if path.is_file()]
        assert files, name
        for path in files:
            assert f"civicquest/examples/{name}/{path.relative_to(example).as_posix()}" in names


@pytest.mark.parametrize(
    "project", sorted(ROOT.glob("plugins/*/pyproject.toml")), ids=lambda p: p.parent.name
)
def test_every_plugin_distribution_declares_its_entry_point(project: Path) -> None:
    data = tomllib.loads(project.read_text())
    assert data["project"]["entry-points"]["civicquest"], project
    assert any(dep.startswith("civicquest") for dep in data["project"]["dependencies"])
    package = project.parent / "src" / data["project"]["name"].replace("-", "_")
    assert (package / "py.typed").exists()
