"""The ``report-pdf`` exporter, read back with PDFium (pypdfium2): every list, every status in
words, every question, in French and in English; contents with the right page numbers;
hostile text printed as text, never a link; the same bytes for the same project."""

from __future__ import annotations

import ctypes
import datetime as dt
import re
from html.parser import HTMLParser

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from civicquest_report.pdf import pdf_date
from civicquest_report.pdf_document import print_document, render_print_document

import civicquest
from civicquest.models import Evidence, Project, ScoreReport
from civicquest.plugins import CivicquestError, text_of
from civicquest.testing import HOSTILE_STRINGS, aix2026, hostile_project

__all__ = ["aix2026"]  # fixture

LANGUAGES = ("fr", "en")
SITE = "https://exemple.org/aix"
# a hyphen WeasyPrint added at a line's end, then the line break itself
_HYPHEN_AT_BREAK = re.compile("\u2010\\s*[\r\n]+")


def _squeezed(text: str) -> str:
    """``text`` without any space or line break (lines wrap anywhere on paper)."""
    return "".join(_HYPHEN_AT_BREAK.sub("", text).split())


@pytest.fixture(scope="module")
def scored(aix2026: Project) -> ScoreReport:
    return civicquest.score(aix2026)


def _pdf(project: Project, report: ScoreReport, lang: str, **options: str) -> bytes:
    output = civicquest.export(project, "report-pdf", options, lang=lang, results=report)
    assert isinstance(output, bytes)
    return output


@pytest.fixture(scope="module")
def editions(aix2026: Project, scored: ScoreReport) -> dict[str, bytes]:
    return {lang: _pdf(aix2026, scored, lang) for lang in LANGUAGES}


def _pages(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [page.get_textpage().get_text_range() for page in document]


def _text(pdf: bytes) -> str:
    return _squeezed("\n".join(_pages(pdf)))


def _link_targets(pdf: bytes) -> list[str]:
    """The address of every link annotation that opens a URI."""
    document = pdfium.PdfDocument(pdf)
    found = []
    for page in document:
        position, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
        while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
            action = pdfium_c.FPDFLink_GetAction(link)
            if action and pdfium_c.FPDFAction_GetType(action) == pdfium_c.PDFACTION_URI:
                size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
                buffer = ctypes.create_string_buffer(size)
                pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
                found.append(buffer.value.decode("utf-8", "replace"))
    return found


class _Statuses(HTMLParser):
    """The status of each list as the site's home page says it, in words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif tag == "span" and "status" in classes:
            self.depth = 1
            self.words.append("")

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.words[-1] += data


def _site_statuses(project: Project, report: ScoreReport, lang: str) -> list[str]:
    site = civicquest.export(project, "report", lang=lang, results=report)
    assert isinstance(site, dict)
    parser = _Statuses()
    parser.feed(site[f"{lang}/index.html"].decode())
    return parser.words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_list_status_and_question_is_printed(
    aix2026: Project, scored: ScoreReport, editions: dict[str, bytes], lang: str
) -> None:
    text = _text(editions[lang])
    for respondent in aix2026.respondents:
        assert _squeezed(respondent.name) in text
    statuses = _site_statuses(aix2026, scored, lang)
    assert len(statuses) == len(aix2026.respondents)
    for words in statuses:
        assert _squeezed(words) in text
    for question in aix2026.questionnaire.questions:
        assert _squeezed(text_of(aix2026, question.text, lang)) in text
    for theme in aix2026.questionnaire.themes:
        assert _squeezed(text_of(aix2026, theme.title, lang)) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contents_give_each_list_its_page(
    aix2026: Project, editions: dict[str, bytes], lang: str
) -> None:
    pages = _pages(editions[lang])
    contents = pages[1]
    for respondent in aix2026.respondents:
        # "Aix Ensemble (liste fictive) ........ 48"
        line = next(li for li in contents.splitlines() if li.startswith(respondent.name))
        number = int(line.rsplit(maxsplit=1)[1])
        assert _squeezed(respondent.name) in _squeezed(pages[number - 1])
        assert f"{number} / {len(pages)}" in pages[number - 1]


def test_french_spacing_in_the_french_edition_only(aix2026: Project, scored: ScoreReport) -> None:
    french = render_print_document(print_document(aix2026, scored, "fr"), aix2026)
    english = render_print_document(print_document(aix2026, scored, "en"), aix2026)
    assert "\u202f:" in french
    assert "\u202f?" in french
    assert " :" not in french  # every space before a colon is the narrow no-break one
    assert "\u202f:" not in english.replace("\u202f:</", "")
    assert '<html lang="fr">' in french
    assert '<html lang="en">' in english


def test_no_line_of_the_french_edition_starts_with_a_sign_french_spaces(
    editions: dict[str, bytes],
) -> None:
    for page in _pages(editions["fr"]):
        for line in page.splitlines():
            assert not line.lstrip().startswith((":", ";", "!", "?", "»")), line


def _small(project: Project, lists: int = 3) -> Project:
    """The project with its first lists only: a PDF of a few pages, quick to render."""
    kept = project.respondents[:lists]
    ids = {r.id for r in kept}
    responses = tuple(r for r in project.responses if r.respondent in ids)
    return project.model_copy(update={"respondents": kept, "responses": responses})


def test_the_same_project_gives_the_same_bytes_dated_by_the_project(
    aix2026: Project, editions: dict[str, bytes]
) -> None:
    small = _small(aix2026)
    report = civicquest.score(small)
    assert _pdf(small, report, "fr") == _pdf(small, report, "fr")
    day = pdf_date(aix2026)
    assert day == max(r.received for r in aix2026.responses if r.received)
    metadata = pdfium.PdfDocument(editions["fr"]).get_metadata_dict()
    assert metadata["CreationDate"].startswith(f"D:{day:%Y%m%d}")
    title = text_of(aix2026, aix2026.questionnaire.title, "fr")
    assert metadata["Title"] == title.replace(" ?", "\u202f?")


# shown as they are; the right-to-left and emoji strings are left out of the comparison only
# because PDF text comes back in visual order, and without the glyphs no font here has
MARKUP = ("<script>", "<b>", "=HYPERLINK", "**pas du gras**", "\\")
PAYLOADS = ("<script>window.pwned = 1</script>", '<a href="javascript:alert(1)">x</a>')


def _hostile(project: Project) -> Project:
    """Hostile text everywhere, list names included, and a ``javascript:`` link as a source."""
    strings = tuple(s for s in HOSTILE_STRINGS if len(s) < 1000)
    project = hostile_project(_small(project), strings)
    respondents = tuple(
        r.model_copy(update={"name": f"{r.name} {PAYLOADS[i % 2]}", "url": "javascript:alert(1)"})
        for i, r in enumerate(project.respondents)
    )
    respondents = (respondents[0].model_copy(update={"note": "C" * 20_000}), *respondents[1:])
    # the model refuses such an address: build it anyway, as a plugin could
    trap = Evidence.model_construct(url="javascript:alert(1)", title="javascript:alert(1)")
    responses = tuple(
        r.model_copy(
            update={
                "answers": {
                    k: a.model_copy(update={"evidence": (*a.evidence, trap)})
                    for k, a in r.answers.items()
                }
            }
        )
        for r in project.responses
    )
    return project.model_copy(update={"respondents": respondents, "responses": responses})


def test_hostile_text_is_printed_as_text_and_never_a_link(aix2026: Project) -> None:
    project = _hostile(aix2026)
    pdf = _pdf(project, civicquest.score(project), "fr", site_url=SITE)
    text = _text(pdf)
    for respondent in project.respondents:
        assert _squeezed(respondent.name) in text
    shown = [s for s in HOSTILE_STRINGS if s.startswith(MARKUP) or s.endswith(MARKUP)]
    assert len(shown) == len(MARKUP)
    for hostile in shown:
        assert _squeezed(hostile) in text
    # 20,000 characters wrap over pages: between them come the running header and page number
    assert sum(len(run) for run in re.findall("C{100,}", text)) >= 20_000
    assert "javascript:alert(1)" in text  # the source's title, as text
    targets = _link_targets(pdf)
    assert targets
    assert all(t.startswith(("https://", "http://", "mailto:")) for t in targets), targets
    assert _squeezed(f"{SITE}/data/reponses.csv") in text  # open data printed as addresses


@pytest.mark.parametrize("address", ["javascript:alert(1)", "mailto:a@b.fr", "ftp://x", ""])
def test_site_url_must_be_a_web_address(
    aix2026: Project, scored: ScoreReport, address: str
) -> None:
    with pytest.raises(CivicquestError, match="site_url"):
        _pdf(aix2026, scored, "fr", site_url=address)


def test_the_pdf_date_falls_back_on_the_first_round(aix2026: Project) -> None:
    responses = tuple(r.model_copy(update={"received": None}) for r in aix2026.responses)
    no_answers = aix2026.model_copy(update={"responses": responses})
    rounds = aix2026.questionnaire.election.rounds
    assert pdf_date(no_answers) == min(r.date for r in rounds)
    assert isinstance(pdf_date(no_answers), dt.date)
