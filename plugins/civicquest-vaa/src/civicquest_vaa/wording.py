"""What the voter and the user read: a list's description, a stance's explanation, warnings.

Every sentence comes from civicquest's catalogue (``translate("vaa", English, lang)``); the French
is in ``text/locale/fr``.
"""

from __future__ import annotations

from civicquest.models import Project
from civicquest.plugins import status_label, translate

from .theses import Stance

__all__ = ["N_", "description", "explanation", "say"]


def N_(context: str, message: str) -> str:  # noqa: N802 (the catalogue's marker, for extraction)
    """Mark ``message`` for ``make messages``; translated when :func:`say` is called."""
    del context
    return message


def say(message: str, lang: str, **params: object) -> str:
    """``message`` (English, a ``str.format`` template) in ``lang``."""
    return translate("vaa", message, lang).format(**params)


def _status_details(project: Project, respondent_id: str, lang: str) -> list[str]:
    respondent = project.respondents_by_id[respondent_id]
    details: list[str] = []
    reason = getattr(respondent, "reason", None)
    if reason:
        details.append(say(N_("vaa", "Reason given: {reason}"), lang, reason=reason))
    summary = getattr(respondent, "summary", None)
    if summary:
        details.append(
            say(N_("vaa", "Its answer outside the form: {summary}"), lang, summary=summary)
        )
    merged_into = getattr(respondent, "merged_into", None)
    if merged_into:
        target = project.respondents_by_id.get(merged_into)
        name = target.name if target is not None else merged_into
        round_number = getattr(respondent, "round", 2)
        details.append(
            say(
                N_("vaa", "Merged into {name} from round {round}."),
                lang,
                name=name,
                round=round_number,
            )
        )
    return details


def description(project: Project, respondent_id: str, withheld: bool, lang: str) -> str:
    """A list as the voter should know it: who leads it, where it stands with the coalition."""
    respondent = project.respondents_by_id[respondent_id]
    parts: list[str] = []
    if respondent.head_of_list:
        parts.append(say(N_("vaa", "Head of list: {name}."), lang, name=respondent.head_of_list))
    if respondent.political_label:
        parts.append(
            say(N_("vaa", "Political label: {label}."), lang, label=respondent.political_label)
        )
    parts.append(
        say(N_("vaa", "Status: {status}."), lang, status=status_label(respondent.status, lang))
    )
    parts += _status_details(project, respondent_id, lang)
    if withheld:
        parts.append(
            say(N_("vaa", "The list did not agree to the publication of its answers."), lang)
        )
    if respondent.note:
        parts.append(respondent.note)
    response = project.responses_by_respondent.get(respondent_id)
    if response is not None and response.comment and not withheld:
        parts.append(say(N_("vaa", "General comment: {comment}"), lang, comment=response.comment))
    return "\n".join(parts)


_MISSING: dict[str, str] = {
    "no_response": N_("vaa", "The list has not answered the questionnaire."),
    "withheld": N_("vaa", "The list did not agree to the publication of its answers."),
    "unanswered": N_("vaa", "The list did not answer this question."),
    "skipped": N_("vaa", "The list did not answer this question."),
    "declined": N_("vaa", "The list declined to answer this question."),
    "not_applicable": N_("vaa", "The list considers that this question does not apply."),
}


def explanation(stance: Stance, lang: str, *, counted_neutral: bool = False) -> str:
    """What a list said on a thesis: the option it chose and its comment, or why it said nothing.

    ``counted_neutral``: the front end counts this missing answer as neutral, and the voter must
    read so.
    """
    parts: list[str] = []
    if stance.missing is not None:
        parts.append(say(_MISSING.get(stance.missing, _MISSING["unanswered"]), lang))
        if stance.label and stance.missing == "not_applicable":
            parts.append(say(N_("vaa", "Its answer: {answer}."), lang, answer=stance.label))
        if counted_neutral:
            parts.append(say(N_("vaa", "Mat-O-Wahl counts a missing answer as neutral."), lang))
    elif stance.label:
        parts.append(say(N_("vaa", "Its answer: {answer}."), lang, answer=stance.label))
    if stance.comment:
        parts.append(stance.comment)
    return "\n".join(parts)
