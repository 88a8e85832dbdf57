"""The ``score`` command: score every list with a scoring method and explain it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .options import LANG_OPTION, PROJECT_ARGUMENT, emit

__all__ = ["score"]


@click.command()
@PROJECT_ARGUMENT
@click.option(
    "-m",
    "--method",
    default="commitment",
    show_default=True,
    help="Méthode (civicquest plugins) : commitment, levels, unranked / scoring method.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table pour lire, json (avec le détail) ou csv pour les outils / for people or tools.",
)
@click.option(
    "--order",
    type=click.Choice(["alphabetical", "lot"]),
    help="Méthode unranked : ordre de publication / unranked method: order of the lists.",
)
@click.option("--seed", type=int, help="Graine publiée du tirage au sort / published seed.")
@click.option(
    "--include-unpublished",
    is_flag=True,
    help="Noter aussi les listes sans accord de publication / also lists without consent.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fichier à écrire (sinon la sortie standard) / file to write.",
)
@LANG_OPTION
def score(
    path: Path,
    method: str,
    output_format: str,
    order: str | None,
    seed: int | None,
    include_unpublished: bool,
    output: Path | None,
    lang: str,
) -> None:
    """Note chaque liste et explique chaque note / score every list, explain every score.

    Exemple / example:  civicquest score examples/aix2026 --format table
    """
    from ..errors import CivicquestError, UsageError
    from ..loading.project import check_project
    from ..plugins._manager import get_scoring_method
    from ..plugins._running import run_scoring_method
    from ..validation.report import check_as_text

    result = check_project(path)
    if result.project is None:
        click.echo(check_as_text(result, lang), err=True)
        sys.exit(1)
    given = {"order": order, "seed": seed, "include_unpublished": include_unpublished or None}
    try:
        record = get_scoring_method(method)
        options = {
            k: v for k, v in given.items() if v is not None and k in record.options.model_fields
        }
        report = run_scoring_method(record, result.project, options)
        content = _render(result.project, report, output_format, lang, record)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    except CivicquestError as error:  # a plugin's failure, named: exit 1, no traceback
        raise click.ClickException(str(error)) from None
    emit(content, output, lang, project=path)


def _render(project: Any, report: Any, output_format: str, lang: str, record: Any) -> str:
    """The report through the ``score-<format>`` exporter (a results exporter, like anyone's)."""
    from ..errors import PluginError
    from ..exporting.pipeline import export
    from ..models.results import ScoreReport
    from ..plugins._listing import provider_of

    if output_format != "json" and not isinstance(report, ScoreReport):
        raise PluginError(
            f"plugin {provider_of(record)!r}: the scoring method {record.name!r} returned a "
            f"{type(report).__name__}, not a ScoreReport: only --format json can show it"
        )
    output = export(project, f"score-{output_format}", results=report, lang=lang)
    assert isinstance(output, bytes)
    return output.decode("utf-8")


@click.command()
@PROJECT_ARGUMENT
@LANG_OPTION
def sensitivity(path: Path, lang: str) -> None:
    """Stabilité du classement selon la méthode et la politique des réponses manquantes /
    how stable the order of the lists is under every method and missing-answer policy.

    Exemple / example:  civicquest sensitivity examples/aix2026
    """
    from ..analysis.sensitivity import sensitivity as run
    from ..errors import CivicquestError
    from ..loading.project import check_project
    from ..plugins._manager import get_scoring_methods, scoring_registry
    from ..validation.report import check_as_text

    result = check_project(path)
    if result.project is None:
        click.echo(check_as_text(result, lang), err=True)
        sys.exit(1)
    methods, providers = dict(get_scoring_methods()), scoring_registry().providers
    try:
        report = run(result.project, methods, providers=providers)
    except CivicquestError as error:  # the reference method itself failed
        raise click.ClickException(str(error)) from None
    words = _SENSITIVITY_WORDS[lang]
    for left in report.left_out:
        where = words["left_out"].format(plugin=left.plugin, method=left.method)
        click.echo(f"{where}{words['colon']} {left.reason}", err=True)
    reference = f"{report.reference.method} / {report.reference.policy}"
    click.echo(f"{words['reference']}{words['colon']} {reference}")
    for s in report.scenarios:
        swaps = ", ".join(f"{a} ⇄ {b}" for a, b in s.swaps) or "-"
        click.echo(
            f"{s.method} / {s.policy}{words['colon']} spearman {_correlation(s.spearman)}, "
            f"kendall {_correlation(s.kendall)}, {words['swaps']}{words['colon']} {swaps}"
        )
    click.echo(words["stable"] if report.stable else words["unstable"])


def _correlation(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


_SENSITIVITY_WORDS = {
    "fr": {
        "reference": "référence",
        "swaps": "paires inversées",
        "left_out": "extension {plugin!r}, méthode {method!r} : écartée de la comparaison",
        "colon": " :",
        "stable": "Classement stable sous toutes les variantes.",
        "unstable": "Classement instable : publiez la méthode et ces variantes.",
    },
    "en": {
        "reference": "reference",
        "swaps": "pairs swapped",
        "left_out": "plugin {plugin!r}, method {method!r}: left out of the comparison",
        "colon": ":",
        "stable": "The order is stable under every variant.",
        "unstable": "The order is unstable: publish the method and these variants.",
    },
}
