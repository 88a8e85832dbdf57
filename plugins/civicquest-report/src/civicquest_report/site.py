"""The site being built: its pages and files, and the Jinja2 environment that renders them.

Every page is registered with :meth:`Site.add_page` (a path relative to the site's root, a
template, a language and the page's own context) and every other file with
:meth:`Site.add_file`. Templates get, besides their own context, the :func:`page_context`
(``lang``, ``page``, ``other_page``, ``project``, ``report``, ``view``; ``root``, the folder of the
pages about the lists — ``fr/``, or ``fr/communes/<insee>/`` in a commune's section —, ``commune``
and ``territory``, see :mod:`.sections`) and three helpers:

- ``translate(context, english)``: the English text in the page's language (or in the language
  given as a third argument), from civicquest's catalogue (``make messages`` extracts the calls
  from the templates);
- ``text(localized)``: a text of the questionnaire in the page's language; ``answer_text(question,
  answer)``: what a reader sees of an answer; ``format_date(date)``; ``autonym(lang)``;
  ``status_icon(status)``; ``civicquest_version``; the charts ``theme_bars`` and ``list_profile``;
- ``url(path)``: the link from the current page to ``path`` (a path from the site's root), always
  relative, so that the site works from a folder, a USB stick or any host;
- the filter ``safe_href``: a link target from the project's data, or ``None`` unless it is
  ``http``, ``https`` or ``mailto`` (templates then show the text without a link).

Jinja2 autoescapes everything and undefined names are errors (``StrictUndefined``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

import civicquest
from civicquest.models import Answer, Project, Question, ScoreReport
from civicquest.plugins import answer_label, format_date, text_of
from civicquest.plugins import translate as catalogue_translate

from .charts import list_profile, theme_bars
from .view import STATUS_ICONS, ReportView
from .words import column_words

__all__ = ["LANGUAGES", "Site", "page_context", "relative_url", "safe_href"]

#: the site's languages, French first: every page exists in each, under ``<lang>/``
LANGUAGES = ("fr", "en")
#: each language's name in itself, for the language switch
AUTONYMS = {"fr": "Français", "en": "English"}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@lru_cache(maxsize=65536)
def relative_url(from_page: str, target: str) -> str:
    """The relative link from the page ``from_page`` to ``target`` (both from the root)."""
    path, _, anchor = target.partition("#")
    folder = from_page.split("/")[:-1]
    if path:
        parts = path.split("/")
        common = 0
        while common < min(len(folder), len(parts) - 1) and folder[common] == parts[common]:
            common += 1
        link = "/".join([".."] * (len(folder) - common) + parts[common:])
    else:
        link = from_page.rpartition("/")[2]
    return f"{link}#{anchor}" if anchor else link


def safe_href(value: str | None) -> str | None:
    """``value`` if it is an http(s) or mailto address without control characters, else None."""
    if not value:
        return None
    text = value.strip()
    lowered = text.lower()
    if not lowered.startswith(_SAFE_SCHEMES) or any(ord(c) < 0x21 or c == "\x7f" for c in text):
        return None
    return text


def other_language_page(page: str, lang: str) -> tuple[str, str]:
    """The other language and the same page in it: ``fr/lists/a.html`` → ``en/lists/a.html``."""
    other = LANGUAGES[1] if lang == LANGUAGES[0] else LANGUAGES[0]
    head, _, rest = page.partition("/")
    return other, (f"{other}/{rest}" if head == lang else f"{other}/index.html")


@pass_context
def _translate(
    context: Context, message_context: str, english: str, lang: str | None = None
) -> str:
    return catalogue_translate(message_context, english, lang or str(context["lang"]))


@pass_context
def _text(context: Context, value: str | dict[str, str] | None) -> str:
    return text_of(context["project"], value, str(context["lang"]))


@pass_context
def _answer_text(context: Context, question: Question, answer: Answer) -> str:
    return answer_label(context["project"], question, answer, str(context["lang"]))


@pass_context
def _column_words(context: Context, column: str) -> str:
    return column_words(context["project"], column, str(context["lang"]))


@pass_context
def _format_date(context: Context, day: dt.date) -> str:
    return format_date(day, str(context["lang"]))


@pass_context
def _url(context: Context, target: str) -> str:
    return relative_url(str(context["page"]), target)


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("civicquest_report"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        translate=_translate,
        url=_url,
        text=_text,
        answer_text=_answer_text,
        format_date=_format_date,
        column_words=_column_words,
        autonym=AUTONYMS.__getitem__,
        status_icon=STATUS_ICONS.__getitem__,
        civicquest_version=civicquest.__version__,
        theme_bars=theme_bars,
        list_profile=list_profile,
    )
    environment.filters["safe_href"] = safe_href
    return environment


_ENVIRONMENT = _environment()


def page_context(site: Site, page: str, lang: str) -> dict[str, Any]:
    """What every template gets: the page, its language, the other language, the data."""
    other_lang, other_page = other_language_page(page, lang)
    return {
        "lang": lang,
        "page": page,
        "other_lang": other_lang,
        "other_page": other_page,
        "project": site.project,
        "report": site.report,
        "view": site.view,
        # a commune's section of a multi-commune site overrides these three (.sections)
        "root": f"{lang}/",
        "commune": None,
        "territory": site.project.several_communes,
    }


@dataclass
class Site:
    """The files of the site, by path from its root; pages are rendered when added."""

    project: Project
    report: ScoreReport
    view: ReportView
    files: dict[str, bytes] = field(default_factory=dict)
    #: the open-data exports (:class:`civicquest_report.open_data.DataFile`), for the data page
    data_files: list[Any] = field(default_factory=list)

    def add_page(
        self, path: str, template: str, lang: str, context: Mapping[str, Any] | None = None
    ) -> None:
        """Render ``template`` in ``lang`` as the page ``path`` (e.g. ``fr/voter.html``)."""
        values = {**page_context(self, path, lang), **(context or {})}
        html = _ENVIRONMENT.get_template(template).render(values)
        self.add_file(path, html.encode("utf-8"))

    def add_file(self, path: str, content: bytes) -> None:
        """Add a file (a stylesheet, a script, a data file); a path is written once only."""
        if path in self.files:
            raise ValueError(f"the site already has a file {path!r}")
        self.files[path] = content

    def add_static_files(self) -> None:
        """Copy the package's ``static/`` folder to the site's ``static/``."""
        folder = resources.files("civicquest_report") / "static"
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            if entry.is_file() and not entry.name.startswith("."):
                self.add_file(f"static/{entry.name}", entry.read_bytes())
