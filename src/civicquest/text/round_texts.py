"""English texts (msgids) of the issues about rounds, mergers and the exchange with the lists.

Merged into :data:`civicquest.text.issue_texts.ISSUE_TEXTS`; French is in the .po.
"""

from __future__ import annotations

from .catalog import N_

__all__ = ["ROUND_TEXTS"]

ROUND_TEXTS: dict[str, tuple[str, str]] = {
    "round_unknown": (
        N_(
            "issue:round_unknown", "round {number} is not one of the election's rounds ({expected})"
        ),
        N_("hint:round_unknown", "Use a round listed under election.rounds in the questionnaire."),
    ),
    "round_list_unknown": (
        N_("issue:round_list_unknown", "unknown list '{respondent}'"),
        N_("hint:round_list_unknown", "Give the id of a list in respondents.yaml."),
    ),
    "merger_in_first_round": (
        N_("issue:merger_in_first_round", "a merger in round {number}: lists merge between rounds"),
        N_("hint:merger_in_first_round", "Record the merger under the round it leads to (2)."),
    ),
    "merger_into_unknown": (
        N_("issue:merger_into_unknown", "merger into an unknown list '{target}'"),
        N_(
            "hint:merger_into_unknown",
            "Add the merged list to respondents.yaml (a new list may stand only in round 2), "
            "or fix the id.",
        ),
    ),
    "merger_into_not_standing": (
        N_(
            "issue:merger_into_not_standing",
            "the merged list '{target}' is not among the lists standing in round {number}",
        ),
        N_("hint:merger_into_not_standing", "Add it to this round's lists."),
    ),
    "merger_into_itself": (
        N_("issue:merger_into_itself", "the list '{respondent}' is the list it merges into"),
        N_(
            "hint:merger_into_itself",
            "List only the other lists; the merged list keeps its own commitments.",
        ),
    ),
    "merged_twice": (
        N_("issue:merged_twice", "the list '{respondent}' merges twice (first at {first})"),
        N_("hint:merged_twice", "A list merges once: keep one of the two."),
    ),
    "merged_list_standing": (
        N_(
            "issue:merged_list_standing",
            "the list '{respondent}' merged, yet stands in round {number}",
        ),
        N_("hint:merged_list_standing", "Remove it from this round's lists."),
    ),
    "merged_list_not_standing_before": (
        N_(
            "issue:merged_list_not_standing_before",
            "the list '{respondent}' did not stand in round {number}: it cannot merge after it",
        ),
        N_("hint:merged_list_not_standing_before", "Check the lists of both rounds."),
    ),
    "merger_status_mismatch": (
        N_(
            "issue:merger_status_mismatch",
            "respondents.yaml says '{respondent}' merged into '{stated}', this merger says "
            "'{target}'",
        ),
        N_("hint:merger_status_mismatch", "Make both files name the same list."),
    ),
    "merger_not_recorded": (
        N_(
            "issue:merger_not_recorded",
            "the list '{respondent}' merged into '{target}' (respondents.yaml), but no merger "
            "of round {number} says so",
        ),
        N_("hint:merger_not_recorded", "Record the merger and the commitments kept."),
    ),
    "kept_unanswered": (
        N_(
            "issue:kept_unanswered",
            "commitment kept on question '{question}', which the list '{respondent}' never "
            "answered",
        ),
        N_(
            "hint:kept_unanswered",
            "Write drops, or a renegotiated answer, or fix the question id.",
        ),
    ),
    "merger_conflict": (
        N_(
            "issue:merger_conflict",
            "question '{question}': the answers taken from '{first}' and '{respondent}' differ",
        ),
        N_(
            "hint:merger_conflict",
            "A merged list has one answer per question: keep one and write the other as drops, "
            "or record a renegotiated answer.",
        ),
    ),
    "history_out_of_order": (
        N_("issue:history_out_of_order", "dated {date}, before the step above ({previous})"),
        N_("hint:history_out_of_order", "Write the steps oldest first, and check the dates."),
    ),
    "reply_before_sending": (
        N_(
            "issue:reply_before_sending",
            "dated {date}, before the questionnaire was sent ({sent})",
        ),
        N_("hint:reply_before_sending", "Check the dates of the sending and of the reply."),
    ),
    "correspondence_out_of_order": (
        N_(
            "issue:correspondence_out_of_order",
            "message dated {date}, before the message above ({previous})",
        ),
        N_("hint:correspondence_out_of_order", "Write the messages oldest first."),
    ),
    "coalition_without_source": (
        N_(
            "issue:coalition_without_source",
            "a position written by the coalition, without its public source",
        ),
        N_(
            "hint:coalition_without_source",
            "Add source: with the url, the excerpt quoted and the date it was read (accessed).",
        ),
    ),
    "source_without_url": (
        N_("issue:source_without_url", "a source without its address (url)"),
        N_("hint:source_without_url", "Add url: the address where anyone can read it."),
    ),
    "source_without_date": (
        N_("issue:source_without_date", "a source without the date it was read (accessed)"),
        N_("hint:source_without_date", "Add accessed: YYYY-MM-DD."),
    ),
    "right_of_reply_missing": (
        N_(
            "issue:right_of_reply_missing",
            "a position written by the coalition, without the list's right of reply",
        ),
        N_(
            "hint:right_of_reply_missing",
            "Offer the list to reply, then add right_of_reply: with the date offered.",
        ),
    ),
    "reply_before_offer": (
        N_("issue:reply_before_offer", "replied on {date}, before the offer ({offered})"),
        N_("hint:reply_before_offer", "Check both dates."),
    ),
    "correction_without_reason": (
        N_("issue:correction_without_reason", "a correction without its reason"),
        N_(
            "hint:correction_without_reason",
            "Add reason: why the published answer changed (it is published with it).",
        ),
    ),
    "correction_out_of_order": (
        N_(
            "issue:correction_out_of_order",
            "correction dated {date}, before the one above ({previous})",
        ),
        N_("hint:correction_out_of_order", "Write the corrections oldest first."),
    ),
    "correction_before_publication": (
        N_(
            "issue:correction_before_publication",
            "corrected on {date}, before the earlier answer was published ({published})",
        ),
        N_("hint:correction_before_publication", "Check both dates."),
    ),
}
