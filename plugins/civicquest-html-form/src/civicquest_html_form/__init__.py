"""civicquest-html-form: the questionnaire as one self-contained offline HTML form.

The ``html-form`` exporter writes a single HTML file (inline CSS and script, no network) that a
list opens from a USB stick or an e-mail attachment, fills in French or English, checks as it
types, and saves as a civicquest response file (JSON) to send back to the coalition.
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest import hookimpl
from civicquest.plugins import Exporter

from .form import form_data, script_json, to_html_form

__all__ = ["form_data", "register_exporters", "script_json", "to_html_form"]


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="html-form",
        description="Formulaire HTML hors ligne à remplir / Offline HTML form to fill in",
        export=to_html_form,
        file_extensions=(".form.html",),
        media_type="text/html",
        needs="questionnaire",
    )
