"""Real SIGKILLs: a ``civicquest export`` killed at random moments never loses its target.

Two versions of a large-ish project are exported in turn to the same file and the same folder;
each run is killed after a random delay (seeded): anywhere in the run, or within 20 ms (2 ms for
a file) of the moment its temporary file or folder appears (the write is a small part of a run).
After every kill the target is one of the two complete outputs; the next run removes what is left.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

CIVICQUEST = Path(sys.executable).with_name("civicquest")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_loading import write_project  # noqa: E402

KILLS = 10


def snapshot(path: Path) -> bytes | dict[str, bytes] | None:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return path.read_bytes() if path.exists() else None


def two_versions(tmp_path: Path) -> list[Path]:
    first, second = tmp_path / "v1", tmp_path / "v2"
    write_project(first, responses=300, questions=40)
    write_project(second, responses=300, questions=40)
    edited = second / "responses" / "l00000.json"
    data = json.loads(edited.read_text(encoding="utf-8"))
    data["answers"]["q00"]["comment"] = "Deuxième version"
    edited.write_text(json.dumps(data), encoding="utf-8")
    return [first, second]


def export(project: Path, fmt: str, target: Path) -> list[str | Path]:
    return [CIVICQUEST, "export", project, "-f", fmt, "-o", target]


def wait_for_temporary(folder: Path, writer: subprocess.Popen[bytes], deadline: float) -> None:
    """Until the writer's temporary entry appears (or it ends: a file's is brief, can be missed)."""
    while time.monotonic() < deadline and writer.poll() is None:
        if any(f".civicquest-tmp-{writer.pid}-" in entry for entry in os.listdir(folder)):
            return
    assert writer.poll() is not None, "the export never started writing"


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "name"), [("frictionless", "package"), ("csv", "answers.csv")])
def test_killed_exports_leave_the_old_or_the_new_output(
    tmp_path: Path, fmt: str, name: str
) -> None:
    projects = two_versions(tmp_path)
    out = tmp_path / "out"
    expected = []
    for index, project in enumerate(projects):
        reference = tmp_path / f"reference{index}" / name
        started = time.perf_counter()
        subprocess.run(export(project, fmt, reference), check=True, capture_output=True)
        duration = time.perf_counter() - started
        expected.append(snapshot(reference))
    assert expected[0] != expected[1]
    subprocess.run(export(projects[0], fmt, out / name), check=True, capture_output=True)
    chance = random.Random(f"{fmt}-kills")
    killed = 0
    for run in range(KILLS):
        command = export(projects[run % 2], fmt, out / name)
        writer = subprocess.Popen(command, stderr=subprocess.PIPE)
        if run % 2:  # anywhere in the run
            time.sleep(duration * chance.uniform(0.05, 1.1))
        else:  # while it writes: once its temporary entry appears
            wait_for_temporary(out, writer, deadline=time.monotonic() + 4 * duration)
            time.sleep(chance.uniform(0, 0.02 if fmt == "frictionless" else 0.002))
        writer.kill()
        writer.communicate()
        killed += writer.returncode == -9
        assert snapshot(out / name) in expected, f"after kill {run}"
    assert killed >= KILLS // 2, "most runs ended before their kill: the project is too small"
    # Whether a kill lands mid-write depends on timing; test_output_safety kills every step of
    # the write deterministically (forked SIGKILLs). Here: whatever the timing, old or new.
    subprocess.run(export(projects[1], fmt, out / name), check=True, capture_output=True)
    assert snapshot(out / name) == expected[1]
    assert os.listdir(out) == [name]
