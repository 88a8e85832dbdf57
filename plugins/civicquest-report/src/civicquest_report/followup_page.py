"""The follow-up page: where each commitment of the elected lists stands over the mandate.

Added only when the project has follow-up files (``followup/<list>.yaml``), and only for lists
whose answers the site publishes. The states come from ``civicquest.followup_report`` (the same
rows as ``civicquest followup``); each commitment shows its steps, oldest first, with sources.
"""

from __future__ import annotations

from typing import Any

import civicquest
from civicquest.models import FollowupRow
from civicquest.plugins import format_decimal, text_of

from .site import LANGUAGES, Site

__all__ = ["STATE_TONES", "STATE_WORDS", "add_followup_page"]


def N_(context: str, message: str) -> str:  # noqa: N802  (the extraction keyword, babel.cfg)
    """Mark ``message`` for ``make messages``; translated later with ``translate``."""
    del context
    return message


#: the words of each state (msgids of the context "followup", as ``civicquest followup``'s)
STATE_WORDS = {
    "decided": N_("followup", "decided"),
    "in_progress": N_("followup", "in progress"),
    "intention": N_("followup", "intention only"),
    "abandoned": N_("followup", "abandoned"),
    "not_followed": N_("followup", "not followed yet"),
}

#: state → CSS class and the symbol shown beside the state's words (never colour alone)
STATE_TONES = {
    "decided": ("good", "●"),
    "in_progress": ("partial", "◐"),
    "intention": ("weak", "○"),
    "abandoned": ("none", "✕"),
    "not_followed": ("missing", "–"),
}


def add_followup_page(site: Site) -> None:
    """``<lang>/followup.html`` for each language, when there is something to follow."""
    if not site.project.followups:
        return
    published = {item.id for item in site.view.lists if not item.withheld}
    report = civicquest.followup_report(site.project)
    rows = [row for row in report.rows if row.respondent in published]
    for lang in LANGUAGES:
        context = {
            "followed": _groups(site, rows, lang),
            "state_tones": STATE_TONES,
            "state_words": STATE_WORDS,
        }
        site.add_page(f"{lang}/followup.html", "followup.html.j2", lang, context)


def _groups(site: Site, rows: list[FollowupRow], lang: str) -> list[dict[str, Any]]:
    """Per followed list, in publication order: its rows with the question and the steps."""
    followups = {f.respondent: f for f in site.project.followups}
    groups = []
    for item in site.view.lists:
        mine = [row for row in rows if row.respondent == item.id]
        if not mine:
            continue
        commitments = followups[item.id].commitments
        groups.append(
            {
                "item": item,
                "rows": [
                    {
                        "row": row,
                        "question": site.project.questions_by_id[row.question],
                        "answer": item.answer_to(row.question).answer,
                        "amount": _amount(site, row, lang),
                        "steps": commitments.get(row.question, ()),
                    }
                    for row in mine
                ],
            }
        )
    return groups


def _amount(site: Site, row: FollowupRow, lang: str) -> str | None:
    """The amount committed to with its unit, as the language writes numbers, if any."""
    spec = getattr(site.project.questions_by_id[row.question], "amount", None)
    if row.amount is None or spec is None:
        return None
    digits = 0 if float(row.amount).is_integer() else 2
    return f"{format_decimal(row.amount, lang, digits)} {text_of(site.project, spec.unit, lang)}"
