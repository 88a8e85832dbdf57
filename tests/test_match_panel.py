"""``match --voters``: a panel gives each voter's ``--answers`` numbers, streamed, safely."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civicquest.cli import cli
from civicquest.exporting.panel_csv import CHUNK_VOTERS, neutralise, write_panel_csv
from civicquest.loading.voter_check import EncodedVoter, RejectedVoter, VoterEncoder
from civicquest.loading.voter_files import read_voters
from civicquest.matching import match_voter
from civicquest.matching.panel import panel_for
from civicquest.models.voter import VoterAnswers
from test_scoring_support import project, question, questionnaire

CODES = ["agree", "neutral", "disagree"]
QUEST = questionnaire(
    [question(f"t{i}", "a" if i < 3 else "b", scale="pos") for i in range(5)]
    + [question("e1", "b"), {"id": "o1", "theme": "a", "kind": "open_text", "text": "o1"}]
)
LISTS = [
    ("l1", "answered", {"t0": {"choice": "agree"}, "t1": {"choice": "neutral"},
                        "t3": {"choice": "disagree"}, "e1": {"choice": "minimal"}}),
    ("l2", "answered", {"t0": {"choice": "disagree"}, "t2": {"choice": "agree"},
                        "t4": {"choice": "neutral"}, "e1": {"choice": "hc"}}),
    ("l3", "partial", {"t1": {"choice": "agree"}}),
]  # fmt: skip
PROJECT = project(QUEST, LISTS)
METHODS = ["wahl-o-mat", "city-block", "euclidean", "directional"]

ANSWER = st.one_of(
    st.builds(lambda c: {"choice": c}, st.sampled_from(CODES)),
    st.builds(lambda c: {"choice": c, "important": True}, st.sampled_from(CODES)),
    st.builds(lambda c, i: {"important": i, "choice": c}, st.sampled_from(CODES), st.booleans()),
    st.just({"skip": True}),
    st.builds(lambda c: {"choice": c, "skip": True}, st.sampled_from(CODES)),
)
VOTER = st.fixed_dictionaries(
    {"answers": st.dictionaries(st.sampled_from([f"t{i}" for i in range(5)]), ANSWER)},
    optional={"id": st.one_of(st.text(max_size=8), st.integers(-5, 10**6))},
)


def run_panel(path: Path, *, method: str = "wahl-o-mat", decimals: int = 6,
              themes: bool = True) -> tuple[list[list[str]], list[RejectedVoter]]:  # fmt: skip
    panel = panel_for(PROJECT, method, "max")
    rejected: list[RejectedVoter] = []
    out = io.StringIO(newline="")
    encoder = VoterEncoder(PROJECT.questionnaire, panel.questions)
    records = read_voters(path, encoder)
    write_panel_csv(panel, records, out, rejected.append, decimals=decimals, themes=themes)
    return list(csv.reader(io.StringIO(out.getvalue(), newline=""))), rejected


def answered_something(voter: dict[str, Any]) -> bool:
    return any("choice" in a and not a.get("skip") for a in voter["answers"].values())


@pytest.mark.parametrize("method", METHODS)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(voters=st.lists(VOTER, min_size=1, max_size=12))
def test_panel_gives_each_voters_own_numbers(
    method: str, voters: list[dict[str, Any]], tmp_path: Path
) -> None:
    path = tmp_path / "panel.jsonl"
    path.write_text("".join(json.dumps(v) + "\n" for v in voters), "utf-8")
    rows, rejected = run_panel(path, method=method)
    header, body = rows[0], rows[1:]
    assert [r.line for r in rejected] == [
        n for n, v in enumerate(voters, 1) if not answered_something(v)
    ]
    kept = [(n, v) for n, v in enumerate(voters, 1) if answered_something(v)]
    assert len(body) == len(kept)
    for row, (line, voter) in zip(body, kept, strict=True):
        assert row[0] == (neutralise(voter["id"]) if isinstance(voter.get("id"), str)
                          else str(voter.get("id", line)))  # fmt: skip
        report = match_voter(PROJECT, VoterAnswers.model_validate(voter), method)
        for item in report.lists:
            expected = [item.agreement] + [theme.agreement for theme in item.themes]
            columns = [item.respondent] + [f"{item.respondent}/{t.theme}" for t in item.themes]
            for column, value in zip(columns, expected, strict=True):
                cell = row[header.index(column)]
                if value is None or math.isnan(value):
                    assert cell == ""
                else:
                    assert float(cell) == pytest.approx(value, abs=1.5e-6)


@settings(max_examples=300, deadline=None)
@given(
    answers=st.dictionaries(
        st.sampled_from(["t0", "t1", "t4", "e1", "o1", "zz", "id"]),
        st.one_of(
            ANSWER,
            st.dictionaries(
                st.sampled_from(["choice", "important", "skip", "text", "comment", "weight"]),
                st.one_of(st.sampled_from([*CODES, "fort", "hc", "x y"]), st.booleans(),
                          st.integers(0, 2), st.none(), st.floats(0, 1), st.lists(st.just("a"))),
            ),
            st.sampled_from(["agree", 1, None, []]),
        ),
    ),
    extra=st.sampled_from([{}, {"id": 3}, {"id": True}, {"id": 2.0}, {"respondent": "x"}]),
)  # fmt: skip
def test_fast_path_accepts_and_encodes_exactly_like_the_full_check(
    answers: dict[str, Any], extra: dict[str, Any]
) -> None:
    """The fast path is a shortcut: whatever it accepts, the full check accepts identically."""
    encoder = VoterEncoder(PROJECT.questionnaire, panel_for(PROJECT).questions)
    data = {"answers": answers, **extra}
    fast = encoder.fast(data, 7)
    full = encoder.encode(data, lambda: _document(data), 7)
    if fast is not None:
        assert full == fast
    if isinstance(full, EncodedVoter) and all(len(a) == 1 for a in answers.values()):
        plain_keys = set(data) <= {"id", "answers"}
        plain = all(isinstance(a, dict) and a.get("choice") in CODES for a in answers.values())
        if plain_keys and plain and set(answers) <= {"t0", "t1", "t4"}:
            assert fast is not None  # the bulk of a panel does take the fast path


def _document(data: Any) -> Any:
    from civicquest.loading.voter_check import LineDocument

    return LineDocument(Path("p.jsonl"), data, json.dumps(data).encode(), first_line=7)


def test_a_duplicate_key_is_caught_even_on_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "panel.jsonl"
    path.write_text(
        '{"answers": {"t0": {"choice": "agree"}, "t0": {"choice": "neutral"}}}\n'
        '{"id": "12:30", "answers": {"t0": {"choice": "agree"}}}\n',
        "utf-8",
    )
    rows, rejected = run_panel(path, themes=False)
    assert [(r.line, [i.code for i in r.issues]) for r in rejected] == [(1, ["duplicate_key"])]
    assert [row[0] for row in rows[1:]] == ["12:30"]


def test_writer_holds_at_most_one_chunk_of_voters() -> None:
    """Bounded memory by construction: the writer never pulls a voter more than a chunk ahead."""
    panel = panel_for(PROJECT)
    written = 0
    pulled = 0
    total = 3 * CHUNK_VOTERS + 5

    class CountingOut(io.StringIO):
        def write(self, text: str) -> int:
            nonlocal written
            written += text.count("\n")
            return len(text)

    def voters() -> Iterator[EncodedVoter]:
        nonlocal pulled
        for index in range(total):
            assert pulled - (written - 1 if written else 0) <= CHUNK_VOTERS
            pulled += 1
            yield EncodedVoter(index, bytes([1, 0, 2, 0, 3, 0]))

    write_panel_csv(panel, voters(), CountingOut(), lambda rejected: None)
    assert written == total + 1  # header included: every voter was written


def test_reader_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "panel.jsonl"
    path.write_text('{"answers": {"t0": {"choice": "agree"}}}\n' * 3 + "{broken\n", "utf-8")
    encoder = VoterEncoder(PROJECT.questionnaire, panel_for(PROJECT).questions)
    records = read_voters(path, encoder)
    assert isinstance(next(records), EncodedVoter)  # nothing past line 1 was needed


HOSTILE = [
    "=SUM(A1:A9)", "+33 6", "-2", "@cmd", "\tTab", "\rCR", "'quoted", 'a,"b"\nc',
    "<script>alert(1)</script>", "\u202eevil\u202c", "🗳️ électeur", "nul\x00byte", "x" * 20_000,
]  # fmt: skip


def test_hostile_voter_ids_are_data_and_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "panel.jsonl"
    voters = [{"id": voter_id, "answers": {"t0": {"choice": "agree"}}} for voter_id in HOSTILE]
    path.write_text("".join(json.dumps(voter) + "\n" for voter in voters), "utf-8")
    result = CliRunner().invoke(cli, ["match", str(QUEST_DIR(tmp_path)), "--voters", str(path),
                                      "-o", str(tmp_path / "out.csv")])  # fmt: skip
    assert result.exit_code == 0, result.output
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as stream:
        ids = [row[0] for row in csv.reader(stream)][1:]
    assert ids == [neutralise(i) for i in HOSTILE]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in ids)


def QUEST_DIR(tmp_path: Path) -> Path:  # noqa: N802
    """The test project as a folder, for the command line."""
    from project_builder import write_project

    folder = tmp_path / "project"
    data = {
        "questionnaire": QUEST.model_dump(mode="json", exclude_none=True),
        "respondents": {"respondents": [r.model_dump(mode="json", exclude_none=True)
                                        for r in PROJECT.respondents]},
        "responses": {r.respondent: r.model_dump(mode="json", exclude_none=True)
                      for r in PROJECT.responses},
    }  # fmt: skip
    return write_project(folder, data)


def invoke(*args: str) -> Any:
    return CliRunner().invoke(cli, ["match", *args, "--lang", "en"])


def test_broken_lines_are_located_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "panel.jsonl"
    good = json.dumps({"id": "ok", "answers": {"t0": {"choice": "agree", "important": True}}})
    lines = [
        good.encode(),
        b"",
        b'{"id": "a", "answers": {"t0": {"choice": "agree"}',
        b'{"answers": {"t0": {"choice": "agree"}, "t0": {"choice": "neutral"}}}',
        b'{"answers": {"t0": {"choice": "yes"}, "zz": {"choice": "agree"}}}',
        b'["not", "a", "voter"]',
        b'{"id": "caf\xe9", "answers": {}}',
        b'{"answers": {"t0": {"skip": true}}}',
        good.replace('"ok"', '"ok2"').encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = invoke(str(QUEST_DIR(tmp_path)), "--voters", str(path))
    assert result.exit_code == 1
    for line, code in [(3, "syntax_error"), (4, "duplicate_key"), (5, "unknown_option"),
                       (5, "unknown_question"), (6, "not_a_mapping"), (7, "not_utf8"),
                       (8, "voter_answered_nothing")]:  # fmt: skip
        assert f"{path}:{line}:" in result.stderr
        assert f"[{code}]" in result.stderr
    assert "answers.t0.choice" in result.stderr
    assert "answers.zz" in result.stderr
    assert "2 voter(s) matched, 6 rejected" in result.stderr
    assert [row[0] for row in csv.reader(io.StringIO(result.stdout))] == ["id", "ok", "ok2"]


def test_csv_of_codes_marks_importance_and_skips(tmp_path: Path) -> None:
    folder = QUEST_DIR(tmp_path)
    jsonl, table = tmp_path / "panel.jsonl", tmp_path / "panel.csv"
    voters = [
        {"id": "a", "answers": {"t0": {"choice": "agree", "important": True},
                                "t2": {"choice": "neutral"}, "e1": {"choice": "fort"}}},
        {"answers": {"t1": {"choice": "disagree"}, "t4": {"choice": "agree", "important": True}}},
    ]  # fmt: skip
    jsonl.write_text("".join(json.dumps(v) + "\n" for v in voters), "utf-8")
    table.write_text(
        "id;t0;t1;t2;t4;e1\na;agree!;;neutral;;fort\n;;disagree;; agree ! ;\n", "utf-8"
    )
    from_jsonl = invoke(str(folder), "--voters", str(jsonl), "--themes", "--decimals", "3")
    from_csv = invoke(str(folder), "--voters", str(table), "--themes", "--decimals", "3")
    assert from_jsonl.exit_code == from_csv.exit_code == 0
    csv_rows, jsonl_rows = from_csv.stdout.splitlines(), from_jsonl.stdout.splitlines()
    assert csv_rows[:2] == jsonl_rows[:2]
    # No id: the line number in each file.
    assert (csv_rows[2].partition(",")[0], jsonl_rows[2].partition(",")[0]) == ("3", "2")
    assert csv_rows[2].partition(",")[2] == jsonl_rows[2].partition(",")[2]


def test_csv_errors_name_line_and_column(tmp_path: Path) -> None:
    folder = QUEST_DIR(tmp_path)
    table = tmp_path / "panel.csv"
    table.write_text("id,t0,t1\nv1,agree,nope\nv2,agree\nv3,neutral!,agree\n", "utf-8")
    result = invoke(str(folder), "--voters", str(table))
    assert result.exit_code == 1
    assert f"{table}:2:10: error [unknown_option] answers.t1.choice" in result.stderr
    assert f"{table}:3:1: error [panel_row_length]" in result.stderr
    assert [row[0] for row in csv.reader(io.StringIO(result.stdout))] == ["id", "v3"]


@pytest.mark.parametrize(
    ("header", "code"),
    [("voter,t0", "panel_csv_no_id"), ("id,t0,zz", "unknown_question"),
     ("id,t0,t0", "duplicate_key"), ("id,o1", "panel_csv_not_coded")],
)  # fmt: skip
def test_a_bad_csv_header_stops_before_any_output(tmp_path: Path, header: str, code: str) -> None:
    table, out = tmp_path / "panel.csv", tmp_path / "out.csv"
    table.write_text(f"{header}\nv1,agree,agree\n", "utf-8")
    result = invoke(str(QUEST_DIR(tmp_path)), "--voters", str(table), "-o", str(out))
    assert result.exit_code == 1
    assert f"{table}:1:" in result.stderr
    assert f"[{code}]" in result.stderr
    assert not out.exists()
    assert list(tmp_path.glob(".out.csv*")) == []


@pytest.mark.parametrize(
    "args",
    [[], ["--answers", "A", "--voters", "V"], ["--voters", "V", "--format", "json"],
     ["--answers", "A", "--themes"]],
)  # fmt: skip
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    for name in ("A", "V"):
        (tmp_path / name).write_text("answers: {}\n", "utf-8")
    paths = [str(tmp_path / a) if a in ("A", "V") else a for a in args]
    result = invoke(str(QUEST_DIR(tmp_path)), *paths)
    assert result.exit_code == 2, result.output
