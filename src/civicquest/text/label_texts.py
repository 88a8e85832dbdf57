"""The English labels (msgids) the CLI and reports print; French is in the .po.

Written first by tools/catalog_from_dicts.py; edit by hand, then ``make messages``.
"""

from __future__ import annotations

from .catalog import N_

__all__ = [
    "MISSING_CASE_LABELS",
    "PLUGIN_KINDS",
    "POLICY_LABELS",
    "STATUS_LABELS",
    "TEXTS",
    "UNSCORED_REASONS",
]

STATUS_LABELS: dict[str, str] = {
    "answered": N_("status", "answered"),
    "partial": N_("status", "partial answer"),
    "pending": N_("status", "awaiting answer"),
    "declined": N_("status", "declined to answer"),
    "outside_form": N_("status", "answered outside the form"),
    "not_solicited": N_("status", "not solicited"),
    "withdrawn": N_("status", "withdrawn"),
    "merged": N_("status", "merged"),
}

# What a plugin provides, put into {kind} (errors.BrokenProviderError).
PLUGIN_KINDS: dict[str, str] = {
    "export format": N_("plugin-kind", "export format"),
    "import format": N_("plugin-kind", "import format"),
    "scoring method": N_("plugin-kind", "scoring method"),
}

# Why a question has no chosen option (scoring's missing cases), as score tables show them.
MISSING_CASE_LABELS: dict[str, str] = {
    "no_reply": N_("missing-case", "no reply"),
    "declined": N_("missing-case", "declined to answer"),
    "skipped": N_("missing-case", "question skipped"),
    "not_applicable": N_("missing-case", "outside the commune's powers"),
    "outside_form": N_("missing-case", "answered outside the form"),
}

# How a missing answer counts (scoring.yaml's policies), as the sensitivity report shows them.
POLICY_LABELS: dict[str, str] = {
    "project": N_("policy", "the project's policy"),
    "all exclude": N_("policy", "every missing answer left out"),
    "all zero": N_("policy", "every missing answer counted 0"),
    "all neutral": N_("policy", "every missing answer counted neutral"),
}

UNSCORED_REASONS: dict[str, str] = {
    "not_solicited": N_("unscored", "not solicited"),
    "withdrawn": N_("unscored", "withdrawn"),
    "merged": N_("unscored", "merged"),
    "no_consent": N_("unscored", "did not consent to publication"),
    "no_response": N_("unscored", "no response"),
    "no_answers": N_("unscored", "answered none of the questions that can be compared"),
}

TEXTS: dict[str, str] = {
    "error": N_("text:error", "error"),
    "warning": N_("text:warning", "warning"),
    "valid": N_("text:valid", "The project is valid."),
    "invalid": N_("text:invalid", "Invalid project: {errors} error(s), {warnings} warning(s)."),
    "valid_with_warnings": N_(
        "text:valid_with_warnings", "The project is valid, with {warnings} warning(s)."
    ),
    "summary_head": N_(
        "text:summary_head",
        "Questionnaire {id} v{version}: {questions} questions, {themes} themes, {lists} "
        "lists, {responses} responses received.",
    ),
    "list": N_("text:list", "List"),
    "status": N_("text:status", "Status"),
    "answers": N_("text:answers", "Answers"),
    "panel_summary": N_(
        "text:panel_summary", "{matched} voter(s) matched, {rejected} rejected (details above)."
    ),
    "panel_unmatched": N_("text:panel_unmatched", "Lists not compared: {lists}."),
    "by_status_line": N_("text:by_status_line", "By status: {counts}"),
    "round_line": N_(
        "text:round_line", "Round {number}: the lists standing and what each one carries."
    ),
    "warning_line": N_("text:warning_line", "warning: {message}"),
    "language_not_published": N_(
        "text:language_not_published",
        "the questionnaire is not published in '{asked}' (languages: [{languages}]): its texts "
        "are given in '{default}'; add '{asked}' to 'languages' to publish them",
    ),
    "provider_failed": N_(
        "text:provider_failed",
        "no {kind} '{name}' is available: the plugin {plugins} failed to load, and may be the "
        "one that provides it; run 'civicquest plugins' to see why",
    ),
    "empty_voter": N_(
        "text:empty_voter",
        "the voter answered none of the questions that can be compared: answer at least one "
        "(without skip: true)",
    ),
}
