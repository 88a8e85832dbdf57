"""The house's import rules hold, and breaking one fails the build."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import civicquest

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = {"civicquest", "civicquest.models", "civicquest.plugins", "civicquest.testing"}
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    paths = [str(src), *(str(p) for p in sorted(ROOT.glob("plugins/*/src")))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    return subprocess.run(
        [str(LINT_IMPORTS), str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_contracts_hold() -> None:
    result = _lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("models/base.py", "import civicquest.cli", "Data flows one way"),
        ("models/base.py", "import yaml", "Models know no I/O"),
        ("scoring/kernels.py", "import csv", "Scoring and matching compute"),
        ("validation/issues.py", "import civicquest.loading.project", "Data flows one way"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(
    tmp_path: Path, module: str, forbidden_import: str, contract: str
) -> None:
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / "civicquest" / module
    target.write_text(target.read_text() + f"\n{forbidden_import}  # scratch\n")
    result = _lint_imports(copy)
    assert result.returncode == 1
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert len(broken) >= 1
    assert any(line.startswith(contract) for line in broken)


def _civicquest_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "civicquest" or name.startswith("civicquest.")}


@pytest.mark.parametrize(
    "path", sorted(ROOT.glob("plugins/*/**/*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_first_party_plugins_and_their_tests_use_only_public_modules(path: Path) -> None:
    assert _civicquest_imports(path) <= PUBLIC


def test_every_public_name_has_a_home() -> None:
    for name in civicquest.__all__:
        assert getattr(civicquest, name) is not None
    with pytest.raises(AttributeError):
        _ = civicquest.not_a_public_name  # type: ignore[attr-defined]
