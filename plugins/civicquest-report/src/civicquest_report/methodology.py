"""The methodology page: how the scores were computed, from ``scoring.yaml`` and the results.

The site builder renders ``templates/methodology.html.j2`` as ``<lang>/methodology.html`` with
the common page context plus ``methodology``, the :class:`Methodology` that
:func:`methodology_context` returns. Every value comes from the project and the score report:
the method and its parameters as the reproducibility record gives them, the weights and the
missing-answer policy actually applied, how many answers fell in each missing case, and the
sensitivity analysis (:func:`civicquest.sensitivity`) — shown only when the report ranks, since
reordering lists the coalition chose not to rank would rank them.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import civicquest
from civicquest.models import MissingRules, Project, ScoreReport, ScoringConfig
from civicquest.plugins import CivicquestError, format_decimal, text_of, translate

from .methodology_words import CASES, METHODS, OTHER_METHOD, POLICIES, SCENARIO_POLICIES, say

__all__ = [
    "Methodology",
    "Policy",
    "Row",
    "Sensitivity",
    "effective_config",
    "methodology_context",
    "recompute_commands",
]

#: the question kinds a score counts (docs/scoring.md)
SCORED_KINDS = ("single_choice", "commitment", "position")
#: where the site's open data puts the whole project (canonical JSON)
PROJECT_JSON = "data/projet.json"


@dataclass(frozen=True, slots=True)
class Row:
    """A labelled value: a weight, a score, a field of the reproducibility record."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Policy:
    """What one kind of missing answer counts for, and how many answers it concerned."""

    case: str
    what: str
    policy: str
    effect: str
    count: int


@dataclass(frozen=True, slots=True)
class Scenario:
    """One rerun of the sensitivity analysis, in words."""

    method: str
    policy: str
    spearman: str
    kendall: str
    swaps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """The sensitivity analysis: the reruns, whether any pair of lists swaps, what was left out."""

    reference: str
    scenarios: tuple[Scenario, ...]
    stable: bool
    left_out: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Methodology:
    """Everything the methodology page shows, in the page's language."""

    method: str
    method_text: str
    ranked: bool
    scored: bool
    order: str
    seed: int | None
    draw: tuple[Row, ...]
    theme_weights: tuple[Row, ...]
    question_weights: tuple[Row, ...]
    scales: tuple[tuple[str, tuple[Row, ...]], ...]
    policies: tuple[Policy, ...]
    sensitivity: Sensitivity | None
    sensitivity_error: str
    record: tuple[Row, ...]
    parameters: str
    commands: tuple[str, ...]
    python: str
    version: str
    project_json: str


def methodology_context(
    project: Project,
    report: ScoreReport,
    lang: str,
    commune: str | None = None,
    ranked_project: Project | None = None,
) -> Methodology:
    """What the methodology page shows, for ``project`` scored as ``report`` says, in ``lang``.

    For a commune of a multi-commune project, ``commune`` is its INSEE code (the commands to
    recompute say ``--commune``) and ``ranked_project`` its lists with every question, as
    ``civicquest sensitivity --commune`` reruns them (default: ``project``).
    """
    config = effective_config(project, report)
    options = _options(report)
    sensitivity, error = _sensitivity(ranked_project or project, report, lang)
    record = report.reproducibility
    return Methodology(
        method=record.method,
        method_text=_method_text(record.method, lang),
        ranked=report.ranked,
        scored=any(item.themes for item in report.lists),
        order=report.order,
        seed=options.get("seed"),
        draw=_draw(report, options.get("seed")),
        theme_weights=_theme_weights(project, report, config, lang),
        question_weights=_question_weights(project, config, lang),
        scales=_scales(project, config, lang),
        policies=_policies(report, config, lang),
        sensitivity=sensitivity,
        sensitivity_error=error,
        record=_record(report),
        parameters=json.dumps(record.parameters, ensure_ascii=False, indent=2, sort_keys=True),
        commands=recompute_commands(report, translate("methodology", "FOLDER", lang), commune),
        python=_python_recipe(report, commune),
        version=record.civicquest_version,
        project_json=PROJECT_JSON,
    )


def effective_config(project: Project, report: ScoreReport) -> ScoringConfig:
    """The scoring configuration the report was computed with: the one its record carries,
    else the project's ``scoring.yaml``, else the defaults."""
    recorded = report.reproducibility.parameters.get("scoring")
    if isinstance(recorded, dict):
        try:
            return ScoringConfig.model_validate(recorded)
        except ValueError:
            pass
    return project.scoring or ScoringConfig()


def _options(report: ScoreReport) -> dict[str, Any]:
    options = report.reproducibility.parameters.get("options")
    return dict(options) if isinstance(options, dict) else {}


def _method_text(method: str, lang: str) -> str:
    english = METHODS.get(method)
    return say(OTHER_METHOD, lang, method=method) if english is None else say(english, lang)


def _draw(report: ScoreReport, seed: object) -> tuple[Row, ...]:
    """For an order drawn by lot: each list's fingerprint, so that anyone can check the draw."""
    if report.order != "lot" or seed is None:
        return ()
    return tuple(
        Row(item.name, hashlib.sha256(f"{seed}:{item.respondent}".encode()).hexdigest(),
            item.respondent)
        for item in report.lists
    )  # fmt: skip


def _theme_weights(
    project: Project, report: ScoreReport, config: ScoringConfig, lang: str
) -> tuple[Row, ...]:
    return tuple(
        Row(
            _theme_title(project, theme.id, lang),
            format_decimal(config.theme_weights.get(theme.id, theme.weight), lang, 2),
        )
        for theme in project.questionnaire.themes
        if theme.id in report.themes
    )


def _question_weights(project: Project, config: ScoringConfig, lang: str) -> tuple[Row, ...]:
    rows = []
    for question in project.questionnaire.questions:
        weight = config.question_weights.get(question.id, question.weight)
        if question.kind in SCORED_KINDS and question.scored and weight != 1:
            text = text_of(project, question.text, lang)
            rows.append(Row(question.id, format_decimal(weight, lang, 2), text))
    return tuple(rows)


def _scales(
    project: Project, config: ScoringConfig, lang: str
) -> tuple[tuple[str, tuple[Row, ...]], ...]:
    used = {
        getattr(q, "scale", None)
        for q in project.questionnaire.questions
        if q.kind in SCORED_KINDS and q.scored
    }
    result = []
    for scale in project.questionnaire.scales:
        if scale.id not in used:
            continue
        overrides = config.option_scores.get(scale.id, {})
        rows = tuple(
            Row(text_of(project, option.label, lang), _option_score(option, overrides, lang))
            for option in scale.options
        )
        result.append((text_of(project, scale.label, lang) or scale.id, rows))
    return tuple(result)


def _option_score(option: Any, overrides: dict[str, float], lang: str) -> str:
    if option.not_applicable:
        return translate("methodology", "not applicable: see the missing answers", lang)
    if option.neutral == "no_opinion":
        return translate("methodology", "no opinion: see the missing answers", lang)
    score = overrides.get(option.code, option.score)
    if score is None:
        return translate("methodology", "not scored", lang)
    return format_decimal(score, lang, 2)


def _policies(report: ScoreReport, config: ScoringConfig, lang: str) -> tuple[Policy, ...]:
    counts = Counter(str(c.case) for item in report.lists for c in item.breakdown)
    policies = []
    for case in MissingRules.model_fields:  # the cases, in the order scoring.yaml lists them
        policy = str(getattr(config.missing, case))
        effect = say(POLICIES[policy], lang)
        policies.append(Policy(case, say(CASES[case], lang), policy, effect, counts.get(case, 0)))
    return tuple(policies)


def _sensitivity(
    project: Project, report: ScoreReport, lang: str
) -> tuple[Sensitivity | None, str]:
    if not report.ranked:
        return None, ""
    try:
        analysis = civicquest.sensitivity(project, report.reproducibility.method)
    except CivicquestError as error:
        return None, str(error)
    names = {item.respondent: item.name for item in report.lists}
    scenarios = tuple(
        Scenario(
            method=s.method,
            policy=say(SCENARIO_POLICIES.get(s.policy, s.policy), lang),
            spearman=format_decimal(s.spearman, lang, 3),
            kendall=format_decimal(s.kendall, lang, 3),
            swaps=tuple(f"{names.get(a, a)} ⇄ {names.get(b, b)}" for a, b in s.swaps),
        )
        for s in analysis.scenarios
    )
    reference = f"{analysis.reference.method}, {say(SCENARIO_POLICIES['project'], lang)}"
    left_out = tuple(f"{item.method} ({item.plugin}): {item.reason}" for item in analysis.left_out)
    return Sensitivity(reference, scenarios, analysis.stable, left_out), ""


def _record(report: ScoreReport) -> tuple[Row, ...]:
    record = report.reproducibility
    return (
        Row("questionnaire_id", record.questionnaire_id),
        Row("questionnaire_version", record.questionnaire_version),
        Row("method", record.method),
        Row("civicquest_version", record.civicquest_version),
    )


def recompute_commands(
    report: ScoreReport, folder: str = "DOSSIER", commune: str | None = None
) -> tuple[str, ...]:
    """The CLI commands that compute the same numbers from the project's folder (for the lists
    of ``commune`` only, when it is given)."""
    options = _options(report)
    within = "" if commune is None else f" --commune {commune}"
    score = f"civicquest score {folder}{within} --method {report.reproducibility.method}"
    if options.get("order") == "lot" and options.get("seed") is not None:
        score += f" --order lot --seed {options['seed']}"
    elif options.get("order") == "alphabetical":
        score += " --order alphabetical"
    if options.get("include_unpublished"):
        score += " --include-unpublished"
    commands = [score + " --format json"]
    if report.ranked:
        commands.append(f"civicquest sensitivity {folder}{within}")
    return tuple(commands)


def _python_recipe(report: ScoreReport, commune: str | None = None) -> str:
    """Python that recomputes the report from the site's open data (the canonical JSON)."""
    options = {
        key: value
        for key, value in _options(report).items()
        if value is not None and value is not False and key != "missing"
    }
    missing = _options(report).get("missing")
    if missing:
        options["missing"] = missing
    arguments = "".join(f", {key}={value!r}" for key, value in sorted(options.items()))
    return "\n".join(
        (
            "import json",
            "import civicquest",
            "",
            f'with open("{PROJECT_JSON.rpartition("/")[2]}", encoding="utf-8") as file:',
            '    project = civicquest.Project.model_validate(json.load(file)["project"])',
            f'report = civicquest.score(project, "{report.reproducibility.method}"{arguments})',
            "for item in report.lists:",
            *_print_lines(commune),
        )
    )


def _print_lines(commune: str | None) -> tuple[str, ...]:
    if commune is None:
        return ("    print(item.rank, item.name, item.score)",)
    return (
        f'    if item.commune == "{commune}":  # ranks are within the commune',
        "        print(item.rank, item.name, item.score)",
    )


def _theme_title(project: Project, theme: str, lang: str) -> str:
    found = next((t for t in project.questionnaire.themes if t.id == theme), None)
    return theme if found is None else text_of(project, found.title, lang)
