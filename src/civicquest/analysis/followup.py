"""The follow-up report: where each commitment of the elected lists stands over the mandate."""

from __future__ import annotations

import csv
import io
from collections import Counter

from ..models.followup import FOLLOWUP_STATES, Followup, FollowupReport, FollowupRow
from ..models.project import Project
from ..models.questionnaire import commitment_options
from ..plugins import neutralise
from ..text.catalog import N_, pgettext
from ..text.display import show_value

__all__ = ["STATE_WORDS", "followup_as_csv", "followup_as_text", "followup_report"]

STATE_WORDS = {  # English msgids, context "followup"
    "decided": N_("followup", "decided"),
    "in_progress": N_("followup", "in progress"),
    "intention": N_("followup", "intention only"),
    "abandoned": N_("followup", "abandoned"),
    "not_followed": N_("followup", "not followed yet"),
}
_HEAD = (
    N_("followup", "question"),
    N_("followup", "commitment"),
    N_("followup", "state"),
    N_("followup", "since"),
    N_("followup", "sources"),
)
_NONE = N_("followup", "No follow-up yet: add followup/<list>.yaml for each elected list.")


def followup_report(project: Project) -> FollowupReport:
    """One row per commitment of each list that has a follow-up file, in questionnaire order."""
    options = commitment_options(project.questionnaire)
    themes = {q.id: q.theme for q in project.questionnaire.questions}
    by_list = {f.respondent: f for f in project.followups}
    lists = tuple(r for r in project.respondents if r.id in by_list)
    rows = []
    for respondent in lists:
        response = project.responses_by_respondent.get(respondent.id)
        answers = response.answers if response is not None else {}
        commune = project.commune_of(respondent)
        for question, codes in options.items():
            answer = answers.get(question)
            if answer is None or answer.choice not in codes:
                continue
            if not project.applies_in(question, commune):
                continue
            rows.append(_row(by_list[respondent.id], respondent.name, question, themes[question],
                             answer.choice, answer.amount))  # fmt: skip
    counts: Counter[str] = Counter(row.state for row in rows)
    order: tuple[str, ...] = (*FOLLOWUP_STATES, "not_followed")
    return FollowupReport(
        lists=tuple(r.id for r in lists),
        rows=tuple(rows),
        counts={state: counts[state] for state in order if counts[state]},
    )


def _row(
    followup: Followup, name: str, question: str, theme: str, choice: str, amount: float | None
) -> FollowupRow:
    steps = followup.commitments.get(question, ())
    last = steps[-1] if steps else None
    return FollowupRow(
        respondent=followup.respondent,
        name=name,
        question=question,
        theme=theme,
        choice=choice,
        amount=amount,
        state=last.state if last is not None else "not_followed",
        since=last.date if last is not None else None,
        steps=len(steps),
        evidence=sum(len(step.evidence) for step in steps),
    )


def followup_as_text(report: FollowupReport, lang: str) -> str:
    """One block per list: each commitment, its state, since when, how many sources."""
    if not report.rows:
        return pgettext("followup", _NONE, lang) + "\n"
    head = [pgettext("followup", word, lang) for word in _HEAD]
    lines: list[str] = []
    for respondent in report.lists:
        mine = [row for row in report.rows if row.respondent == respondent]
        if not mine:
            continue
        lines += ["", f"== {show_value(mine[0].name, 200)} =="]
        table = [head] + [
            [row.question, _commitment(row), pgettext("followup", STATE_WORDS[row.state], lang),
             row.since.isoformat() if row.since else "–", str(row.evidence)]
            for row in mine
        ]  # fmt: skip
        widths = [max(len(show_value(r[i], 200)) for r in table) for i in range(len(head))]
        lines += [
            "  ".join(show_value(c, 200).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in table
        ]
    summary = ", ".join(
        f"{pgettext('followup', STATE_WORDS[state], lang)} {count}"
        for state, count in report.counts.items()
    )
    return "\n".join([*lines[1:], "", summary]) + "\n"


def _commitment(row: FollowupRow) -> str:
    if row.amount is None:
        return row.choice
    return f"{row.choice} ({row.amount:g})"


def followup_as_csv(report: FollowupReport) -> str:
    """CSV (RFC 4180, CRLF), one row per commitment, formulas neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["respondent", "name", "question", "theme", "choice", "amount", "state",
                     "since", "steps", "evidence"])  # fmt: skip
    for row in report.rows:
        writer.writerow([
            *map(neutralise, (row.respondent, row.name, row.question, row.theme, row.choice)),
            "" if row.amount is None else repr(row.amount), row.state,
            row.since.isoformat() if row.since else "", row.steps, row.evidence,
        ])  # fmt: skip
    return buffer.getvalue()
