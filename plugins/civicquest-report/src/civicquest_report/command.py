"""``civicquest report PROJECT -o DIR``: the same as ``civicquest export PROJECT -f report -o DIR``.

The command hands over to the ``export`` command of the ``civicquest`` program it runs in, so
that scoring options, the publication rules, the output checks and the atomic write are the
export's own: there is one way to write the site.
"""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["report"]


@click.command()
@click.argument("path", metavar="PROJECT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Dossier du site à écrire / folder of the site to write.",
)
@click.option(
    "--option",
    "option_pairs",
    multiple=True,
    metavar="CLÉ=VALEUR",
    help="Option de la notation, répétable / a scoring option, repeatable: --option "
    "method=unranked --option order=lot --option seed=2026.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Remplacer un dossier -o qui n'a pas été écrit par civicquest (jamais le projet) / "
    "replace an -o folder civicquest did not write (never the project).",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    envvar="CIVICQUEST_LANG",
    show_default=True,
    help="Langue des messages / language of the messages (the site is in both).",
)
@click.pass_context
def report(
    ctx: click.Context,
    path: Path,
    output: Path,
    option_pairs: tuple[str, ...],
    force: bool,
    lang: str,
) -> None:
    """Publie les résultats en site web / publish the results as a website.

    Un dossier de pages statiques, en français et en anglais, à ouvrir depuis le dossier, une clé
    USB ou un hébergeur. A folder of static pages, French and English, to open from the folder,
    a USB stick or any static host.

    Exemple / example:  civicquest report examples/aix2026 -o site
    """
    root = ctx.find_root()
    export = (
        root.command.get_command(root, "export") if isinstance(root.command, click.Group) else None
    )
    if export is None:
        raise click.UsageError("run 'civicquest report' from the civicquest command line")
    ctx.invoke(
        export,
        path=path,
        format_name="report",
        output=output,
        option_pairs=option_pairs,
        include_contact=False,
        include_unpublished=False,
        force=force,
        lang=lang,
    )
