"""The ``report-pdf`` exporter: the report as one PDF for print and e-mail, rendered by WeasyPrint.

``civicquest export PROJECT -f report-pdf -o rapport.pdf`` (``--lang en`` for the English
edition). Its content is the site's (:mod:`civicquest_report.pdf_document`), laid out for paper
by ``templates/pdf/print.css``: a cover, a table of contents with page numbers, a running header,
numbered pages, cards never cut across pages, French hyphenation and spacing. A separate exporter
rather than an option of ``civicquest report``: the core writes its one file atomically like any
export's, and the site's folder keeps its own contract.

The same project gives the same bytes: the PDF's dates come from the project (the last answer
received, else the first round), never from the clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, field_validator

from civicquest import hookimpl
from civicquest.models import Project, ScoreReport
from civicquest.plugins import Exporter, ExportInput, UsageError

from .pdf_document import pdf_date, print_document, render_print_document
from .site import safe_href

__all__ = ["ReportPdfOptions", "pdf_date", "register_exporters", "report_pdf", "to_report_pdf"]


class ReportPdfOptions(BaseModel):
    """Options of the ``report-pdf`` format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    site_url: str | None = Field(
        default=None,
        description="address of the published site: the open data files are printed as links "
        "to it (default: their path inside the site's folder)",
    )

    @field_validator("site_url")
    @classmethod
    def _an_http_address(cls, value: str | None) -> str | None:
        if value is not None and (safe_href(value) is None or value.startswith("mailto:")):
            raise ValueError("site_url must be an http:// or https:// address")
        return value


def report_pdf(
    project: Project,
    report: ScoreReport,
    lang: str = "fr",
    withheld: frozenset[str] = frozenset(),
    site_url: str | None = None,
) -> bytes:
    """The report in ``lang`` as PDF bytes."""
    from weasyprint import CSS, HTML  # imported when used: loading pango takes a moment

    document = print_document(project, report, lang, withheld, site_url)
    html = render_print_document(document, project)
    styles = resources.files("civicquest_report") / "templates" / "pdf"
    stylesheets = [
        CSS(string=(resources.files("civicquest_report") / "static" / "report.css").read_text()),
        CSS(string=(styles / "print.css").read_text("utf-8")),
    ]
    pdf: bytes = HTML(string=html).write_pdf(
        stylesheets=stylesheets, pdf_identifier=b"civicquest-report", pdf_tags=True
    )
    return pdf


def to_report_pdf(data: ExportInput) -> bytes:
    """The exporter: the PDF of the report in the export's language."""
    if not isinstance(data.results, ScoreReport):
        raise UsageError("the 'report-pdf' format shows a score report: export it with civicquest")
    options = data.options
    assert isinstance(options, ReportPdfOptions)
    return report_pdf(data.project, data.results, data.lang, data.withheld, options.site_url)


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="report-pdf",
        description="Rapport des résultats en PDF, pour l'impression / results report as PDF, "
        "for print",
        export=to_report_pdf,
        file_extensions=(".pdf",),
        media_type="application/pdf",
        needs="results",
        options=ReportPdfOptions,
    )
