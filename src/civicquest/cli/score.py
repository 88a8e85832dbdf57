"""The ``score`` command: score every list with a scoring method and explain it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..text.catalog import N_
from .options import (
    LANG_OPTION,
    PROJECT_ARGUMENT,
    ROUND_OPTION,
    emit,
    load_or_exit,
    usage_message,
    warn_if_language_not_published,
)

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
    "--commune",
    metavar="CODE",
    help="Seulement les listes de cette commune (code INSEE) / only the lists of this commune.",
)
@click.option(
    "--across-communes",
    is_flag=True,
    help="Comparer les communes sur les questions posées partout (réponses par commune, sans "
    "note ni rang) / compare communes on the questions asked everywhere (counts, no rank).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Fichier à écrire (sinon la sortie standard) / file to write.",
)
@ROUND_OPTION
@LANG_OPTION
def score(
    path: Path,
    method: str,
    output_format: str,
    order: str | None,
    seed: int | None,
    include_unpublished: bool,
    commune: str | None,
    across_communes: bool,
    output: Path | None,
    round_number: int | None,
    lang: str,
) -> None:
    """Note chaque liste et explique chaque note / score every list, explain every score.

    Les listes ne sont classées qu'avec celles de leur commune / lists are ranked only within
    their commune.

    Exemple / example:  civicquest score examples/aix2026 --format table
    """
    from ..errors import BrokenProviderError, CivicquestError, UsageError
    from ..models.round_view import project_for_round
    from ..plugins._manager import get_scoring_method
    from ..plugins._running import run_scoring_method

    project = load_or_exit(path, lang)
    warn_if_language_not_published(project, lang)
    try:
        project = project if round_number is None else project_for_round(project, round_number)
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    if commune is not None:
        project = within_commune(project, commune)
    if across_communes:
        _across(project, output_format, include_unpublished, output, lang, path)
        return
    given = {"order": order, "seed": seed, "include_unpublished": include_unpublished or None}
    try:
        record = get_scoring_method(method)
        options = {
            k: v for k, v in given.items() if v is not None and k in record.options.model_fields
        }
        report = run_scoring_method(record, project, options)
        content = _render(project, report, output_format, lang, record)
    except BrokenProviderError as error:  # not the user's mistake: exit 1
        raise click.ClickException(usage_message(error, lang)) from None
    except UsageError as error:
        raise click.UsageError(str(error)) from None
    except CivicquestError as error:  # a plugin's failure, named: exit 1, no traceback
        raise click.ClickException(str(error)) from None
    emit(content, output, lang, project=path)


def within_commune(project: Any, commune: str, *, asked_only: bool = False) -> Any:
    """The project with only the lists of ``commune``; an unknown code is a usage error."""
    if commune not in project.communes_by_code:
        known = ", ".join(list(project.communes_by_code)[:8])
        more = " …" if len(project.communes_by_code) > 8 else ""
        raise click.BadParameter(
            f"{commune!r} n'est pas une commune du questionnaire / is not one of the "
            f"questionnaire's communes: {known}{more}",
            param_hint="--commune",
        )
    return project.for_commune(commune, asked_only=asked_only)


def _across(
    project: Any, output_format: str, include_unpublished: bool, output: Path | None,
    lang: str, path: Path,
) -> None:  # fmt: skip
    from ..exporting.pipeline import export
    from ..scoring.communes import compare_communes

    report = compare_communes(project, include_unpublished=include_unpublished)
    content = export(project, f"across-{output_format}", results=report, lang=lang)
    assert isinstance(content, bytes)
    emit(content.decode("utf-8"), output, lang, project=path)


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
@click.option(
    "--commune",
    metavar="CODE",
    help="La commune dont on compare les listes (obligatoire s'il y en a plusieurs) / the "
    "commune whose lists are compared (required when there are several).",
)
@LANG_OPTION
def sensitivity(path: Path, commune: str | None, lang: str) -> None:
    """Stabilité du classement selon la méthode et la politique des réponses manquantes /
    how stable the order of the lists is under every method and missing-answer policy.

    Exemple / example:  civicquest sensitivity examples/aix2026
    """
    from .._api import sensitivity as run
    from ..errors import CivicquestError

    project = load_or_exit(path, lang)
    if commune is None and project.several_communes:
        raise click.UsageError(
            "les listes ne se classent que dans leur commune : donnez --commune CODE / lists "
            "are ranked only within their commune: give --commune CODE"
        )
    if commune is not None:
        project = within_commune(project, commune)
    try:
        report = run(project)
    except CivicquestError as error:  # the reference method itself failed
        raise click.ClickException(str(error)) from None
    for line in left_out_lines(report, lang):
        click.echo(line, err=True)
    click.echo(sensitivity_text(report, lang))


def _say(english: str, lang: str, **params: object) -> str:
    from ..text.catalog import pgettext

    return pgettext("sensitivity", english, lang).format(**params)


def left_out_lines(report: Any, lang: str) -> list[str]:
    """One line per method a plugin gave that failed and was left out, in ``lang``."""
    return [
        _say(_SENSITIVITY_WORDS["left_out"], lang, plugin=left.plugin, method=left.method,
             reason=left.reason)
        for left in report.left_out
    ]  # fmt: skip


def sensitivity_text(report: Any, lang: str) -> str:
    """The reference, one line per scenario, and the verdict, in ``lang``."""
    from ..text.labels import policy_label
    from ..text.numbers import format_decimal

    reference = f"{report.reference.method} / {policy_label(report.reference.policy, lang)}"
    lines = [_say(_SENSITIVITY_WORDS["reference"], lang, reference=reference)]
    for s in report.scenarios:
        lines.append(
            _say(
                _SENSITIVITY_WORDS["scenario"],
                lang,
                scenario=f"{s.method} / {policy_label(s.policy, lang)}",
                spearman=format_decimal(s.spearman, lang, 3),
                kendall=format_decimal(s.kendall, lang, 3),
                swaps=", ".join(f"{a} ⇄ {b}" for a, b in s.swaps) or "-",
            )
        )
    lines.append(_say(_SENSITIVITY_WORDS["stable" if report.stable else "unstable"], lang))
    return "\n".join(lines)


_SENSITIVITY_WORDS = {  # English msgids (context "sensitivity"); strings, so --help stays fast
    "left_out": N_(
        "sensitivity", "plugin {plugin!r}, method {method!r}: left out of the comparison: {reason}"
    ),
    "reference": N_("sensitivity", "reference: {reference}"),
    "scenario": N_(
        "sensitivity", "{scenario}: spearman {spearman}, kendall {kendall}, pairs swapped: {swaps}"
    ),
    "stable": N_("sensitivity", "The order is stable under every variant."),
    "unstable": N_("sensitivity", "The order is unstable: publish the method and these variants."),
}
