"""The voter page (owned by the "voter" work; this is the contract).

The site builder calls :func:`add_voter_page` once, after the other pages. It adds
``<lang>/voter.html`` for every language of :data:`civicquest_report.site.LANGUAGES` with
``site.add_page(path, "voter.html.j2", lang, context)``, and any script or data file with
``site.add_file("static/<name>", content)`` (files in the package's ``static/`` folder are already
copied to the site's ``static/`` by the builder). Links in templates go through ``url(path)``.
"""

from __future__ import annotations

from .site import LANGUAGES, Site

__all__ = ["add_voter_page"]


def add_voter_page(site: Site) -> None:
    """Add the voter page in every language (a stub page until the voter page is written)."""
    for lang in LANGUAGES:
        site.add_page(f"{lang}/voter.html", "voter.html.j2", lang)
