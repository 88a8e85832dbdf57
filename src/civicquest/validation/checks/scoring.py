"""Checks of ``scoring.yaml`` against the questionnaire: every id it names must exist, and every
scored question can get a score from one or the other."""

from __future__ import annotations

from ...models.questionnaire import SCORABLE_KINDS, Questionnaire
from ...models.scoring import ScoringConfig
from ...models.voter import VoterAnswers
from ..issues import Issue, located
from ..locations import Document
from .match_points import check_match_points
from .responses import ResponseChecker

__all__ = ["check_scale_scores", "check_scoring", "check_voter"]


def check_scoring(
    config: ScoringConfig, doc: Document, questionnaire: Questionnaire
) -> list[Issue]:
    """Located issues for unknown questionnaire, scale, option, question and theme ids."""
    issues: list[Issue] = []
    if config.questionnaire not in (None, questionnaire.id):
        issues.append(
            located(
                "questionnaire_mismatch",
                doc,
                ("questionnaire",),
                found=config.questionnaire,
                expected=questionnaire.id,
            )
        )
    issues += _options(config, doc, questionnaire)
    issues += _questions(config, doc, questionnaire)
    issues += _themes(config, doc, questionnaire)
    issues += check_match_points(config, doc, questionnaire)
    return issues


def _listing(ids: list[str]) -> str:
    return ", ".join(ids) or "-"


def _options(config: ScoringConfig, doc: Document, q: Questionnaire) -> list[Issue]:
    scales = {scale.id: scale for scale in q.scales}
    issues = []
    for scale_id, scores in config.option_scores.items():
        scale = scales.get(scale_id)
        if scale is None:
            issues.append(
                located(
                    "unknown_scale",
                    doc,
                    ("option_scores", scale_id),
                    at_key=True,
                    scale=scale_id,
                    expected=_listing(list(scales)),
                )
            )
            continue
        codes = [option.code for option in scale.options]
        for code in scores:
            if code not in codes:
                issues.append(
                    located(
                        "scoring_unknown_option",
                        doc,
                        ("option_scores", scale_id, code),
                        at_key=True,
                        code=code,
                        scale=scale_id,
                        expected=_listing(codes),
                    )
                )
    return issues


def _questions(config: ScoringConfig, doc: Document, q: Questionnaire) -> list[Issue]:
    questions = {question.id: question for question in q.questions}
    issues = []
    for question_id in config.question_weights:
        at = ("question_weights", question_id)
        question = questions.get(question_id)
        if question is None:
            issues.append(located("unknown_question", doc, at, at_key=True, question=question_id))
        elif not question.scored:
            issues.append(
                located(
                    "scoring_question_not_scored",
                    doc,
                    at,
                    at_key=True,
                    severity="warning",
                    question=question_id,
                )
            )
    return issues


def _themes(config: ScoringConfig, doc: Document, q: Questionnaire) -> list[Issue]:
    themes = [theme.id for theme in q.themes]
    return [
        located(
            "unknown_theme",
            doc,
            ("theme_weights", theme_id),
            at_key=True,
            theme=theme_id,
            expected=_listing(themes),
        )
        for theme_id in config.theme_weights
        if theme_id not in themes
    ]


def check_scale_scores(
    questionnaire: Questionnaire, doc: Document, config: ScoringConfig | None
) -> list[Issue]:
    """One warning per scale that scored questions use but that has no score anywhere.

    Scores come from the scale's options or from ``scoring.yaml`` (``option_scores``).
    """
    given = config.option_scores if config is not None else {}
    issues = []
    for index, scale in enumerate(questionnaire.scales):
        if given.get(scale.id) or any(option.score is not None for option in scale.options):
            continue
        questions = [
            q.id
            for q in questionnaire.questions
            if q.scored and q.kind in SCORABLE_KINDS and getattr(q, "scale", None) == scale.id
        ]
        if questions:
            issues.append(
                located(
                    "scale_without_scores",
                    doc,
                    ("scales", index, "options"),
                    severity="warning",
                    scale=scale.id,
                    questions=", ".join(questions),
                )
            )
    return issues


def check_voter(voter: VoterAnswers, doc: Document, q: Questionnaire) -> list[Issue]:
    """Located issues in a voter's answers, by the same rules as a list's answers."""
    return ResponseChecker(q, None).check_answers(voter.answers, doc)
