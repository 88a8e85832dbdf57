"""Fixtures and a conformance kit for plugin authors (and for civicquest's own tests).

Opt in from your plugin's ``conftest.py``::

    pytest_plugins = ["civicquest.testing"]

Fixtures: ``plugin_manager`` (a fresh plugin manager for one test, strict: any plugin failure
raises), ``register_plugin`` (a context manager registering a plugin object for a block),
``aix2026`` (the worked example, loaded), ``chromium_at_width`` (headless Chromium at each of
``WIDTHS``, desktop then phone). Then check an exporter with :class:`ExporterConformance`,
declaring in ``carries`` what its format keeps, and HTML pages with :func:`html_errors` (the Nu
HTML Checker, every page in one run) and :func:`axe_violations` (axe-core in the browser).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import AbstractContextManager, contextmanager
from itertools import cycle
from typing import Any, ClassVar

import pluggy
import pytest

from ._html_checks import (
    WIDTHS,
    AxeViolation,
    HtmlMessage,
    axe_violations,
    chromium,
    chromium_at_width,
    html_errors,
)
from .exporting.pipeline import export, find_exporter, write_output
from .loading.examples import example_path
from .loading.project import load_project
from .models import Answer, Project, Response
from .plugins._listing import list_plugins
from .plugins._manager import (
    PluginHost,
    create_plugin_host,
    drop_unknown_hooks,
    get_plugin_host,
    set_plugin_host,
)
from .plugins._records import ExportOutput

__all__ = [
    "CARRIED",
    "HOSTILE_STRINGS",
    "WIDTHS",
    "AxeViolation",
    "ExporterConformance",
    "HtmlMessage",
    "aix2026",
    "axe_violations",
    "carried_values",
    "chromium",
    "chromium_at_width",
    "fresh_plugin_host",
    "hostile_project",
    "html_errors",
    "list_plugins",
    "plugin_manager",
    "register_plugin",
    "registered",
    "run_cli",
    "write_output",
]

HOSTILE_STRINGS: tuple[str, ...] = (
    '=HYPERLINK("http://evil.example";"cliquez ici")',
    "+33 4 00 00 00 00",
    "-1+2",
    "@SUM(A1:A9)",
    "\tcommence par une tabulation",
    "\rcommence par un retour chariot",
    "'apostrophe initiale",
    "<script>alert('xss')</script>",
    "<b>gras</b> & <i>italique</i> &amp; &lt;",
    "**pas du gras** _ni_ `code` [lien](javascript:alert(1)) # titre | a | b |",
    "ligne 1\nligne 2\r\nligne 3",
    "\"guillemets\" et 'apostrophes' « à la française »",
    "\u202edroite à gauche\u202c et \u200fمرحبا بكم\u200f",
    "émoji 🗳️ 👩🏽‍⚖️ 🇫🇷",
    "_x000D_ n'est pas un retour chariot",
    "un antislash \\ et deux \\\\",
    "C" * 20_000,
)


#: What a format may carry: question wordings, the chosen options (code or label), the text
#: of open answers, the comments on answers, a list's general comment on its response, and
#: evidence (its url and excerpt).
CARRIED: frozenset[str] = frozenset(
    {"questions", "choices", "open_text", "comments", "response_comments", "evidence"}
)


@contextmanager
def fresh_plugin_host(
    *, entry_points: bool = True, strict: bool = True, environ: Mapping[str, str] | None = None
) -> Iterator[PluginHost]:
    """Use a newly built plugin manager inside the block, then restore the previous one."""
    host = create_plugin_host(entry_points=entry_points, strict=strict, environ=environ or {})
    previous = set_plugin_host(host)
    try:
        yield host
    finally:
        set_plugin_host(previous)


@contextmanager
def registered(plugin: object, name: str | None = None) -> Iterator[str]:
    """Register ``plugin`` (a module or an object with ``@hookimpl`` methods) for the block."""
    host = get_plugin_host()
    registered_name = host.manager.register(plugin, name=name)
    try:
        drop_unknown_hooks(host)
        yield registered_name or ""
    finally:
        if host.manager.is_registered(plugin):
            host.manager.unregister(plugin)


@pytest.fixture
def plugin_manager() -> Iterator[pluggy.PluginManager]:
    """A fresh, strict plugin manager for this test only."""
    with fresh_plugin_host() as host:
        yield host.manager


@pytest.fixture
def register_plugin(
    plugin_manager: pluggy.PluginManager,
) -> Callable[..., AbstractContextManager[str]]:
    """``with register_plugin(MyPlugin()): ...`` registers a plugin for the block."""
    return registered


@pytest.fixture(scope="session")
def aix2026() -> Project:
    """The worked example: Aix-en-Provence 2026, loaded and cross-checked."""
    return load_project(example_path("aix2026"))


def hostile_project(project: Project, strings: tuple[str, ...] = HOSTILE_STRINGS) -> Project:
    """``project`` with hostile text in every comment, free-text answer and list note."""
    texts = cycle(strings)
    responses = tuple(_hostile_response(r, texts) for r in project.responses)
    respondents = tuple(r.model_copy(update={"note": next(texts)}) for r in project.respondents)
    return Project(
        questionnaire=project.questionnaire, respondents=respondents, responses=responses
    )


def _hostile_response(response: Response, texts: Iterator[str]) -> Response:
    answers: dict[str, Answer] = {}
    for question_id, answer in response.answers.items():
        update: dict[str, Any] = {"comment": next(texts)}
        if answer.text is not None:
            update["text"] = next(texts)
        answers[question_id] = answer.model_copy(update=update)
    return response.model_copy(update={"answers": answers, "comment": next(texts)})


class ExporterConformance:
    """Subclass as ``TestMyFormat(ExporterConformance)`` and set ``format_name``.

    Set ``carries`` to what your format keeps (a subset of :data:`CARRIED`; everything by
    default): a theses-only format declares ``frozenset({"questions", "choices"})`` and is not
    asked for comments. Override :meth:`output_text` to turn your output into the text a reader
    sees (parse the CSV, read the cells, render the markup...), and :meth:`normalise` if your
    format legitimately changes whitespace. Needs the ``aix2026`` fixture
    (``pytest_plugins = ["civicquest.testing"]``).
    """

    format_name: ClassVar[str]
    options: ClassVar[Mapping[str, Any]] = {}
    hostile_strings: ClassVar[tuple[str, ...]] = HOSTILE_STRINGS
    carries: ClassVar[frozenset[str]] = CARRIED

    def output_text(self, output: ExportOutput) -> str:
        """Everything a reader finds in ``output``; the default decodes UTF-8 files."""
        if isinstance(output, bytes):
            return output.decode("utf-8")
        return "\n".join(content.decode("utf-8") for _, content in sorted(output.items()))

    def normalise(self, text: str) -> str:
        """How your format may legitimately change text; the default changes nothing."""
        return text

    def run(self, project: Project, **kwargs: Any) -> ExportOutput:
        return export(project, self.format_name, dict(self.options), **kwargs)

    def test_conformance_registered(self) -> None:
        assert find_exporter(self.format_name).name

    def test_conformance_declares_what_it_carries(self) -> None:
        unknown = set(self.carries) - CARRIED
        assert not unknown, (
            f"carries names unknown parts {sorted(unknown)}; known: {sorted(CARRIED)}"
        )

    def test_conformance_deterministic(self, aix2026: Project) -> None:
        assert self.run(aix2026) == self.run(aix2026)

    def test_conformance_every_question(self, aix2026: Project) -> None:
        if "questions" not in self.carries:
            return
        text = self.normalise(self.output_text(self.run(aix2026)))
        for question in aix2026.questionnaire.questions:
            wording = question.text if isinstance(question.text, str) else question.text["fr"]
            assert question.id in text or self.normalise(wording) in text, question.id

    def test_conformance_every_answer(self, aix2026: Project) -> None:
        if find_exporter(self.format_name).needs == "questionnaire":
            # A form: what the lists answered must not change it (nor leak into it).
            unanswered = aix2026.model_copy(update={"responses": ()})
            assert self.run(aix2026) == self.run(unanswered)
            return
        text = self.normalise(self.output_text(self.run(aix2026)))
        for where, alternatives in carried_values(aix2026, self.carries):
            assert any(self.normalise(value) in text for value in alternatives), where

    def test_conformance_hostile_strings(self, aix2026: Project) -> None:
        project = hostile_project(aix2026, self.hostile_strings)
        if find_exporter(self.format_name).needs == "questionnaire":
            assert self.run(project) == self.run(aix2026)  # answers' text never reaches a form
            return
        project = hostile_project(aix2026, self.hostile_strings)
        text = self.normalise(self.output_text(self.run(project)))
        parts = self.carries & {"open_text", "comments", "response_comments"}
        for where, (hostile, *_) in carried_values(project, parts):
            assert self.normalise(hostile) in text, (where, hostile[:80])

    def test_conformance_empty_project(self, aix2026: Project) -> None:
        empty = Project(questionnaire=aix2026.questionnaire)
        assert self.run(empty) == self.run(empty)

    def test_conformance_private_data_left_out(self, aix2026: Project) -> None:
        text = self.output_text(self.run(aix2026))
        for respondent in aix2026.respondents:
            if respondent.contact and respondent.contact.email:
                assert respondent.contact.email not in text
        for response in aix2026.responses:
            if not response.consent_to_publish and response.comment:
                assert self.normalise(response.comment) not in self.normalise(text)


def run_cli(*args: str) -> Any:
    """Run ``civicquest ARGS`` in this process, as a user would; returns click's ``Result``
    (``exit_code``, ``stdout``, ``stderr``, ``output``). For testing a plugin end to end."""
    from click.testing import CliRunner

    from .cli import cli

    return CliRunner().invoke(cli, list(args))


def carried_values(
    project: Project, carries: AbstractSet[str]
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """What an export of ``project`` must show for the parts it ``carries``.

    Yields ``(where, alternatives)``: one of the alternatives must appear (an option's code, or
    its label in any language). Only responses published by consent are looked at.
    """
    for response in project.responses:
        if not response.consent_to_publish:
            continue
        if "response_comments" in carries and response.comment is not None:
            yield f"{response.respondent}: comment", (response.comment,)
        for question_id, answer in response.answers.items():
            where = f"{response.respondent}: {question_id}"
            yield from _answer_values(project, question_id, answer, where, carries)


def _answer_values(
    project: Project, question_id: str, answer: Answer, where: str, carries: AbstractSet[str]
) -> Iterator[tuple[str, tuple[str, ...]]]:
    if "choices" in carries:
        for code in (answer.choice,) if answer.choice is not None else answer.choices or ():
            yield f"{where}: choice", (code, *_labels(project, question_id, code))
    if "open_text" in carries and answer.text is not None:
        yield f"{where}: text", (answer.text,)
    if "comments" in carries and answer.comment is not None:
        yield f"{where}: comment", (answer.comment,)
    if "evidence" in carries:
        for evidence in answer.evidence:
            for value in (evidence.url, evidence.excerpt):
                if value is not None:
                    yield f"{where}: evidence", (value,)


def _labels(project: Project, question_id: str, code: str) -> tuple[str, ...]:
    scale = project.scales_by_id.get(getattr(project.questions_by_id[question_id], "scale", ""))
    for option in scale.options if scale else ():
        if option.code == code:
            label = option.label
            return (label,) if isinstance(label, str) else tuple(label.values())
    return ()
