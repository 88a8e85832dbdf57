"""The names of the form's elements: the keys a SurveyJS results object holds.

A question keeps its civicquest id as its name. Everything else has a name no question id can
take (ids start with a letter or digit and never contain ``/``), so nothing can collide.
"""

from __future__ import annotations

__all__ = [
    "COMMENT",
    "COMMENT_SUFFIX",
    "CONSENT",
    "EVIDENCE_FIELDS",
    "EVIDENCE_SUFFIX",
    "NO_ANSWER_REASONS",
    "NO_ANSWER_SUFFIX",
    "QUESTIONNAIRE",
    "RESPONDENT",
    "VERSION",
    "evidence_name",
    "no_answer_name",
]

#: the list answering (a dropdown of the project's lists, by id)
RESPONDENT = "_respondent"
#: whether the list agrees that its answers be published (a yes/no question)
CONSENT = "_consent_to_publish"
#: the list's general comment on its response
COMMENT = "_comment"
#: the questionnaire's id and version, written into every result by the form itself
QUESTIONNAIRE = "_questionnaire"
VERSION = "_questionnaire_version"

#: SurveyJS stores a question's comment area under ``<name>-Comment`` (its ``commentSuffix``)
COMMENT_SUFFIX = "-Comment"
NO_ANSWER_SUFFIX = "/no_answer"
EVIDENCE_SUFFIX = "/evidence"
#: the fields of one source in the evidence panel, in the order the form shows them
EVIDENCE_FIELDS = ("url", "title", "excerpt")
NO_ANSWER_REASONS = ("skipped", "declined", "not_applicable")


def no_answer_name(question_id: str) -> str:
    """The element where a list says why it gives no answer to ``question_id``."""
    return question_id + NO_ANSWER_SUFFIX


def evidence_name(question_id: str) -> str:
    """The panel of sources (links, excerpts) backing the answer to ``question_id``."""
    return question_id + EVIDENCE_SUFFIX
