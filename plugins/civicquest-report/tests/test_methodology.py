"""The methodology page of the Aix report, in French and English: every policy, the weights, the
sensitivity analysis and the reproducibility record, taken from the real score report; the
recipe it gives recomputes the same scores from the site's open data."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pytest
from civicquest_report.build import build_site
from civicquest_report.methodology import PROJECT_JSON, methodology_context

import civicquest
from civicquest.plugins import translate

PROJECT = civicquest.load_project(civicquest.example_path("aix2026"))
REPORT = civicquest.score(PROJECT)
SITE = build_site(PROJECT, REPORT)


def page(lang: str, files: dict[str, bytes] = SITE) -> str:
    """The methodology page's main content as text (tags removed, entities decoded)."""
    content = files[f"{lang}/methodology.html"].decode("utf-8")
    main = content[content.index("<main") : content.index("</main>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_missing_case_and_its_policy_is_said(lang: str) -> None:
    text = page(lang)
    scoring = PROJECT.scoring
    assert scoring is not None
    for case, policy in scoring.missing.model_dump().items():
        assert f"{case} " in text
        assert re.search(rf"{case} [^<]*? {policy} ", text), (case, policy)
    counts = {c.case: 0 for c in REPORT.lists[0].breakdown}
    for item in REPORT.lists:
        for contribution in item.breakdown:
            counts[contribution.case] = counts.get(contribution.case, 0) + 1
    excluded = translate(
        "methodology",
        "excluded: the question counts neither in the points nor in the maximum",
        lang,
    )
    assert f"not_applicable {excluded} exclude {counts['not_applicable']}" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_reproducibility_record_comes_from_the_report(lang: str) -> None:
    text = page(lang)
    record = REPORT.reproducibility
    for field in ("questionnaire_id", "questionnaire_version", "method", "civicquest_version"):
        assert f"{field} {getattr(record, field)}" in text
    shown = SITE[f"{lang}/methodology.html"].decode("utf-8")
    parameters = re.search(r"<pre><code>(\{.*?\})</code></pre>", shown, re.S)
    assert parameters is not None
    assert json.loads(html.unescape(parameters.group(1))) == record.parameters
    folder = translate("methodology", "FOLDER", lang)
    assert f"civicquest score {folder} --method {record.method} --format json" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_weights_and_the_sensitivity_analysis_are_those_computed(lang: str) -> None:
    text = page(lang)
    weighted = [q for q in PROJECT.questionnaire.questions if q.weight != 1]
    assert weighted
    for question in weighted:
        assert civicquest.localize(question.text, lang) in text
    analysis = civicquest.sensitivity(PROJECT)
    names = {item.respondent: item.name for item in REPORT.lists}
    assert not analysis.stable
    for scenario in analysis.scenarios:
        for a, b in scenario.swaps:
            assert f"{names[a]} ⇄ {names[b]}" in text
    verdict = translate(
        "methodology",
        "The order changes under some variants: read the ranking with the method above in mind.",
        lang,
    )
    assert verdict in text


def test_the_recipe_recomputes_the_same_scores_from_the_open_data(tmp_path: Path) -> None:
    (tmp_path / "projet.json").write_bytes(SITE[PROJECT_JSON])
    recipe = methodology_context(PROJECT, REPORT, "en").python
    namespace: dict[str, object] = {}
    import contextlib
    import io
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            exec(compile(recipe, "recipe", "exec"), namespace)
    finally:
        os.chdir(cwd)
    again = namespace["report"]
    assert isinstance(again, civicquest.ScoreReport)
    assert [(i.respondent, i.score) for i in again.lists] == [
        (i.respondent, i.score) for i in REPORT.lists
    ]
    assert printed.getvalue().count("\n") == len(REPORT.lists)


def test_an_order_drawn_by_lot_publishes_its_seed_and_checkable_fingerprints() -> None:
    report = civicquest.score(PROJECT, "unranked", order="lot", seed=2026)
    files = build_site(PROJECT, report)
    for lang in ("fr", "en"):
        text = page(lang, files)
        assert "2026" in text
        fingerprints = [
            hashlib.sha256(f"2026:{item.respondent}".encode()).hexdigest() for item in report.lists
        ]
        positions = [text.index(f) for f in fingerprints]
        assert positions == sorted(positions)
        assert fingerprints == sorted(fingerprints)
        assert "--order lot --seed 2026" in text
        assert "Spearman" not in text  # no ranking compared when the coalition does not rank
        rank_words = translate(
            "methodology",
            "The lists are ranked by their overall score, highest first; equal scores share a "
            "rank. The ranking only measures the commitments asked for by this questionnaire.",
            lang,
        )
        assert rank_words not in text


def test_the_policy_shown_is_the_one_applied() -> None:
    assert PROJECT.scoring is not None
    rules = PROJECT.scoring.missing.model_copy(update={"skipped": "neutral", "declined": "exclude"})
    project = PROJECT.model_copy(
        update={"scoring": PROJECT.scoring.model_copy(update={"missing": rules})}
    )
    context = methodology_context(project, civicquest.score(project), "en")
    chosen = {p.case: (p.policy, p.effect) for p in context.policies}
    assert chosen["skipped"] == ("neutral", "counts as neutral: half the question's weight")
    assert chosen["declined"][0] == "exclude"


def test_a_project_without_scoring_file_shows_the_defaults() -> None:
    project = PROJECT.model_copy(update={"scoring": None})
    report = civicquest.score(project)
    context = methodology_context(project, report, "fr")
    assert [(p.case, p.policy) for p in context.policies] == [
        ("no_reply", "zero"), ("declined", "zero"), ("skipped", "zero"),
        ("not_applicable", "exclude"), ("outside_form", "zero"), ("no_opinion", "exclude"),
    ]  # fmt: skip
