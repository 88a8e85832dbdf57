"""Short user-facing labels shared by the CLI and the reports, in the chosen language."""

from __future__ import annotations

from .catalog import pgettext
from .label_texts import MISSING_CASE_LABELS, POLICY_LABELS, STATUS_LABELS, TEXTS, UNSCORED_REASONS

__all__ = [
    "STATUS_LABELS",
    "TEXTS",
    "UNSCORED_REASONS",
    "missing_case_label",
    "policy_label",
    "status_label",
    "text",
    "unscored_label",
]


def unscored_label(reason: str, lang: str) -> str:
    english = UNSCORED_REASONS.get(reason)
    return reason if english is None else pgettext("unscored", english, lang)


def status_label(status: str, lang: str) -> str:
    english = STATUS_LABELS.get(status)
    return status if english is None else pgettext("status", english, lang)


def text(key: str, lang: str, **params: object) -> str:
    return pgettext(f"text:{key}", TEXTS[key], lang).format(**params)


def missing_case_label(case: str, lang: str) -> str:
    english = MISSING_CASE_LABELS.get(case)
    return case if english is None else pgettext("missing-case", english, lang)


def policy_label(policy: str, lang: str) -> str:
    english = POLICY_LABELS.get(policy)
    return policy if english is None else pgettext("policy", english, lang)
