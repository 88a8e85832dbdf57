"""The exchange with each list: history order, sourced positions, corrections, privacy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broken_cases import HOSTILE
from civicquest.exporting.pipeline import export
from civicquest.loading.project import check_project
from civicquest.models import Project
from civicquest.models.respondents import Pending
from civicquest.validation.checks.exchanges import check_exchanges
from civicquest.validation.locations import DataDocument
from project_builder import minimal_project, write_project

DOC = DataDocument(Path("<respondents>"))


def _events(dates: list[dt.date], first: str = "sent") -> list[dict[str, Any]]:
    return [{"date": d, "event": first if i == 0 else "reminded"} for i, d in enumerate(dates)]


@given(st.lists(st.dates(), min_size=1, max_size=8))
def test_a_history_in_date_order_has_no_issue_and_any_step_back_is_named(
    dates: list[dt.date],
) -> None:
    ordered = Pending(id="a", name="A", status="pending", history=_events(sorted(dates)))
    assert check_exchanges([ordered], DOC) == []
    shuffled = Pending(id="a", name="A", status="pending", history=_events(dates))
    found = [i.path for i in check_exchanges([shuffled], DOC) if i.code == "history_out_of_order"]
    expected = [
        f"respondents[0].history[{i}].date" for i in range(1, len(dates)) if dates[i] < dates[i - 1]
    ]
    assert found == expected


def _located(project: dict[str, Any], tmp_path: Path) -> list[tuple[str, str]]:
    return [(i.code, i.path) for i in check_project(write_project(tmp_path / "p", project)).issues]


def test_a_reply_before_the_sending_is_located(tmp_path: Path) -> None:
    project = minimal_project()
    project["respondents"]["respondents"][0]["history"] = [
        {"date": "2026-02-10", "event": "sent"},
        {"date": "2026-02-01", "event": "replied"},
    ]
    project["responses"]["a"]["received"] = "2026-02-01"
    found = _located(project, tmp_path)
    assert ("reply_before_sending", "respondents[0].history[1].date") in found
    assert ("reply_before_sending", "received") in found


def test_sourced_positions_and_corrections_are_checked(tmp_path: Path) -> None:
    project = minimal_project()
    q1 = project["responses"]["a"]["answers"]["q1"]
    q1.update(
        written_by="coalition",
        source={"excerpt": "extrait"},
        right_of_reply={"offered": "2026-03-05", "replied": "2026-03-01"},
        corrections=[
            {"date": "2026-03-10", "previous": {"choice": "non"}},
            {"date": "2026-03-08", "reason": "erreur", "previous": {"choice": "inconnu"}},
        ],
    )
    project["responses"]["a"]["answers"]["q4"].update(written_by="coalition")
    found = _located(project, tmp_path)
    for expected in [
        ("source_without_url", "answers.q1.source"),
        ("source_without_date", "answers.q1.source"),
        ("reply_before_offer", "answers.q1.right_of_reply.replied"),
        ("correction_without_reason", "answers.q1.corrections[0]"),
        ("correction_out_of_order", "answers.q1.corrections[1].date"),
        ("unknown_option", "answers.q1.corrections[1].previous.choice"),
        ("coalition_without_source", "answers.q4.written_by"),
        ("right_of_reply_missing", "answers.q4.written_by"),
    ]:
        assert expected in found


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_in_every_new_field_is_kept_or_refused_where_it_is(
    name: str, tmp_path: Path
) -> None:
    text = HOSTILE[name]
    project = minimal_project()
    lists = project["respondents"]["respondents"]
    lists[0]["history"] = [{"date": "2026-02-01", "event": "sent", "note": text}]
    lists[0]["correspondence"] = [
        {"date": "2026-02-01", "direction": "out", "channel": "email", "summary": text,
         "correspondent": text}
    ]  # fmt: skip
    lists[1] = {"id": "b", "name": "B", "status": "outside_form", "channel": "letter",
                "summary": "s", "full_text": text}  # fmt: skip
    q1 = project["responses"]["a"]["answers"]["q1"]
    q1.update(
        written_by="coalition",
        source={"url": "https://a.example.org", "excerpt": text, "title": text,
                "accessed": "2026-03-01"},
        right_of_reply={"offered": "2026-03-02", "reply": text},
        corrections=[{"date": "2026-03-03", "reason": text, "previous": {"choice": "non",
                                                                      "comment": text}}],
    )  # fmt: skip
    result = check_project(write_project(tmp_path / "p", project))
    if "\x00" in text or "\x07" in text:
        assert not result.ok
        assert all(i.line is not None for i in result.errors)
        return
    if not text.strip():  # a blank reason is no reason
        assert [(i.code, i.path) for i in result.errors] == [
            ("correction_without_reason", "answers.q1.corrections[0]")
        ]
        return
    assert result.ok, [(i.code, i.path) for i in result.issues]
    assert result.project is not None
    published = json.loads(export(result.project, "json"))["project"]
    assert "correspondence" not in published["respondents"][0]
    assert published["respondents"][0]["history"][0]["note"] == text
    assert published["respondents"][1]["full_text"] == text
    answer = published["responses"][0]["answers"]["q1"]
    assert answer["source"]["excerpt"] == text
    assert answer["right_of_reply"]["reply"] == text
    assert answer["corrections"][0]["reason"] == text
    private = json.loads(export(result.project, "json", include_contact=True))["project"]
    assert private["respondents"][0]["correspondence"][0]["summary"] == text
    assert Project.model_validate(private) == result.project
