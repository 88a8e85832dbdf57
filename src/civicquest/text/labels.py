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


def _label(context: str, table: dict[str, str], key: str, lang: str) -> str:
    """``key``'s words from ``table`` in ``lang``; an unknown key is shown as it is."""
    english = table.get(key)
    return key if english is None else pgettext(context, english, lang)


def unscored_label(reason: str, lang: str) -> str:
    return _label("unscored", UNSCORED_REASONS, reason, lang)


def status_label(status: str, lang: str) -> str:
    return _label("status", STATUS_LABELS, status, lang)


def missing_case_label(case: str, lang: str) -> str:
    return _label("missing-case", MISSING_CASE_LABELS, case, lang)


def policy_label(policy: str, lang: str) -> str:
    return _label("policy", POLICY_LABELS, policy, lang)


def text(key: str, lang: str, **params: object) -> str:
    return pgettext(f"text:{key}", TEXTS[key], lang).format(**params)
