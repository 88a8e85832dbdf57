"""Issue texts of pledges, richer answers and follow-ups (English msgids; French in the .po)."""

from __future__ import annotations

from .catalog import N_

__all__ = ["COMMITMENT_TEXTS"]

COMMITMENT_TEXTS: dict[str, tuple[str, str]] = {
    "pledge_unknown_option": (
        N_("issue:pledge_unknown_option", "the pledge counts option '{code}', which no scale has"),
        N_("hint:pledge_unknown_option", "Use the code of an option of a scale."),
    ),
    "pledge_unknown_question": (
        N_(
            "issue:pledge_unknown_question",
            "the pledge cites question '{question}', which cannot hold one of its options",
        ),
        N_(
            "hint:pledge_unknown_question",
            "Cite the id of a question whose scale has one of the pledge's options.",
        ),
    ),
    "pledge_unreachable": (
        N_(
            "issue:pledge_unreachable",
            "the pledge needs {minimum} commitments but only {count} questions can hold one",
        ),
        N_("hint:pledge_unreachable", "Lower 'min_commitments' or count more questions."),
    ),
    "neutral_not_applicable": (
        N_(
            "issue:neutral_not_applicable",
            "option '{code}' is both neutral and not applicable",
        ),
        N_("hint:neutral_not_applicable", "Keep one of 'neutral' and 'not_applicable'."),
    ),
    "amount_not_expected": (
        N_(
            "issue:amount_not_expected",
            "an amount is given but question '{question}' declares none, or there is no answer",
        ),
        N_(
            "hint:amount_not_expected",
            "Declare 'amount' (with its unit) on the question, or remove the amount.",
        ),
    ),
    "amount_missing": (
        N_(
            "issue:amount_missing",
            "the answer '{code}' to question '{question}' should carry an amount",
        ),
        N_(
            "hint:amount_missing",
            "The answer is kept; ask the list for the amount and add 'amount:'.",
        ),
    ),
    "evidence_missing": (
        N_("issue:evidence_missing", "question '{question}' requires evidence and has none"),
        N_(
            "hint:evidence_missing",
            "The answer is kept; add 'evidence:' with a url or an excerpt of the list's source.",
        ),
    ),
    "comment_missing": (
        N_(
            "issue:comment_missing",
            "the option '{code}' of question '{question}' requires a comment and has none",
        ),
        N_(
            "hint:comment_missing",
            "The answer is kept; ask the list for its observation and add 'comment:'.",
        ),
    ),
    "followup_unknown_respondent": (
        N_("issue:followup_unknown_respondent", "follow-up of an unknown list: '{respondent}'"),
        N_(
            "hint:followup_unknown_respondent",
            "Use the id of a list of respondents.yaml.",
        ),
    ),
    "followup_not_committed": (
        N_(
            "issue:followup_not_committed",
            "follow-up of question '{question}', to which '{respondent}' never committed "
            "(its answer: {answer})",
        ),
        N_(
            "hint:followup_not_committed",
            "Follow only the list's commitments; check the question id and the list's response.",
        ),
    ),
    "followup_before_election": (
        N_(
            "issue:followup_before_election",
            "a follow-up step dated {date}, before the election ({election})",
        ),
        N_("hint:followup_before_election", "Fix the date: the follow-up covers the mandate."),
    ),
    "followup_dates_order": (
        N_(
            "issue:followup_dates_order",
            "a follow-up step dated {date}, earlier than the step before it ({previous})",
        ),
        N_("hint:followup_dates_order", "List the steps oldest first, and check the dates."),
    ),
    "duplicate_followup": (
        N_(
            "issue:duplicate_followup",
            "second follow-up of the list '{respondent}' (first: {first})",
        ),
        N_("hint:duplicate_followup", "Keep one follow-up file per list."),
    ),
}
