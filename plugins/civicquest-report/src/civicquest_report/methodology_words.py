"""The methodology page's words that depend on the data: methods, missing cases, policies.

English msgids marked with :func:`N_` (context ``methodology``; ``make messages`` extracts
them) and translated where they are shown, with :func:`civicquest.plugins.translate`.
"""

from __future__ import annotations

__all__ = [
    "CASES",
    "METHODS",
    "N_",
    "OTHER_METHOD",
    "POLICIES",
    "SCENARIO_POLICIES",
    "say",
]

from civicquest.plugins import translate


def N_(context: str, message: str) -> str:  # noqa: N802 - the gettext marker's usual name
    """Mark ``message`` for extraction; it is translated where it is shown."""
    return message


def say(english: str, lang: str, **params: object) -> str:
    """A marked message of the context ``methodology`` in ``lang``, its parameters filled in."""
    text = translate("methodology", english, lang)
    return text.format(**params) if params else text


#: what each built-in method does, in plain words
METHODS: dict[str, str] = {
    "commitment": N_(
        "methodology",
        "Each scored question is worth its weight; an answer earns the weight times the score "
        "of the chosen option (from 0, no commitment, to 1, full commitment). On each theme, a "
        "list's score is 100 times its points divided by the maximum it could have earned. The "
        "overall score is the average of the theme scores, each theme counting for its weight.",
    ),
    "levels": N_(
        "methodology",
        "No score: the answers of each list are counted by level (the option chosen) and by "
        "kind of missing answer.",
    ),
    "unranked": N_(
        "methodology",
        "No score and no ranking: the answers are published side by side, and the lists in an "
        "order that says nothing of their answers.",
    ),
}
OTHER_METHOD = N_(
    "methodology",
    "The method “{method}” comes from a plugin: its parameters are in the reproducibility "
    "record below.",
)

#: what each kind of missing answer is
CASES: dict[str, str] = {
    "no_reply": N_("methodology", "A list that has not answered yet (pending)"),
    "declined": N_(
        "methodology", "A list that declined the questionnaire, or declined this question"
    ),
    "skipped": N_("methodology", "A question left without an answer in the form"),
    "not_applicable": N_(
        "methodology", "An answer “not applicable” or “outside the commune's competence”"
    ),
    "outside_form": N_(
        "methodology",
        "A list that answered outside the form (letter, meeting), silent on this question",
    ),
    "no_opinion": N_(
        "methodology", "An answer “no opinion” (an option marked neutral: no_opinion)"
    ),
}

#: what each policy does to the question's points and maximum
POLICIES: dict[str, str] = {
    "exclude": N_(
        "methodology",
        "excluded: the question counts neither in the points nor in the maximum",
    ),
    "zero": N_("methodology", "counts as no commitment: 0 points out of the question's weight"),
    "neutral": N_("methodology", "counts as neutral: half the question's weight"),
}

#: the policies a sensitivity scenario reruns under
SCENARIO_POLICIES: dict[str, str] = {
    "project": N_("methodology", "the project's policy"),
    "all exclude": N_("methodology", "every missing answer excluded"),
    "all zero": N_("methodology", "every missing answer counted as 0"),
    "all neutral": N_("methodology", "every missing answer counted as neutral"),
}
