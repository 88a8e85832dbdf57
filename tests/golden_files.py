"""Compare an output with its golden file; ``pytest --update-golden`` rewrites it on purpose."""

from __future__ import annotations

from pathlib import Path

__all__ = ["assert_golden"]


def assert_golden(actual: bytes | str, golden: Path, update: bool) -> None:
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(data)
        return
    assert golden.exists(), f"{golden} is missing: run pytest --update-golden once, then review it"
    expected = golden.read_bytes()
    assert data == expected, (
        f"output differs from {golden}; if intended, run pytest --update-golden"
    )
