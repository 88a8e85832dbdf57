"""civicquest.testing: the fixtures and the conformance suite catch what they promise to."""

from __future__ import annotations

import json

import pytest

from civicquest import hookimpl
from civicquest.errors import PluginError
from civicquest.models import Project
from civicquest.plugins._manager import get_exporters, get_plugin_manager
from civicquest.plugins._records import Exporter, ExportInput, ExportOutput
from civicquest.testing import (
    CARRIED,
    HOSTILE_STRINGS,
    ExporterConformance,
    aix2026,
    hostile_project,
    plugin_manager,
    register_plugin,
    registered,
)

__all__ = ["aix2026", "plugin_manager", "register_plugin"]  # fixtures


def _names_only(data: ExportInput) -> bytes:
    return "\n".join(q.id for q in data.project.questionnaire.questions).encode()


class Forgetful:
    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        return [Exporter(name="forgetful", description="ids only", export=_names_only)]


def test_plugin_manager_is_fresh_for_each_test(plugin_manager: object) -> None:
    assert plugin_manager is get_plugin_manager()
    assert "forgetful" not in get_exporters()


def test_register_plugin_unregisters_after_the_block(register_plugin: object) -> None:
    with registered(Forgetful()):
        assert "forgetful" in get_exporters()
    assert "forgetful" not in get_exporters()


def test_the_fixture_manager_is_strict(register_plugin: object) -> None:
    class Misspelt:
        @hookimpl
        def register_exporterss(self) -> list[Exporter]:
            return []

    with (
        pytest.raises(PluginError, match="did you mean 'register_exporters'"),
        registered(Misspelt()),
    ):
        pass


def test_hostile_project_puts_every_hostile_string_somewhere(aix2026: Project) -> None:
    dumped = json.dumps(hostile_project(aix2026).model_dump(mode="json"), ensure_ascii=False)
    for hostile in HOSTILE_STRINGS:
        assert json.dumps(hostile, ensure_ascii=False)[1:-1] in dumped


class _ForgetfulConformance(ExporterConformance):
    format_name = "forgetful"


def test_the_conformance_suite_catches_an_exporter_that_drops_answers(
    register_plugin: object, aix2026: Project
) -> None:
    suite = _ForgetfulConformance()
    with registered(Forgetful()):
        suite.test_conformance_deterministic(aix2026)
        suite.test_conformance_every_question(aix2026)
        with pytest.raises(AssertionError):
            suite.test_conformance_every_answer(aix2026)
        with pytest.raises(AssertionError):
            suite.test_conformance_hostile_strings(aix2026)


def test_the_conformance_suite_catches_a_leaked_contact(
    register_plugin: object, aix2026: Project
) -> None:
    def leaky(data: ExportInput) -> ExportOutput:
        # A buggy exporter reading the original project instead of data.project.
        return json.dumps([r.model_dump(mode="json") for r in aix2026.respondents]).encode()

    class Leaky:
        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            return [Exporter(name="leaky", description="leaks", export=leaky)]

    suite = type("LeakyConformance", (ExporterConformance,), {"format_name": "leaky"})()
    with registered(Leaky()), pytest.raises(AssertionError):
        suite.test_conformance_private_data_left_out(aix2026)


def _theses(data: ExportInput) -> bytes:
    """A theses-only format: each question's id and every list's chosen codes, nothing else."""
    lines = [q.id for q in data.project.questionnaire.questions]
    for response in data.project.responses:
        for question_id, answer in response.answers.items():
            codes = (answer.choice,) if answer.choice is not None else answer.choices or ()
            lines += [f"{response.respondent} {question_id} {code}" for code in codes]
    return "\n".join(lines).encode()


class Theses:
    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        return [Exporter(name="theses", description="theses only", export=_theses)]


class _ThesesConformance(ExporterConformance):
    format_name = "theses"
    carries = frozenset({"questions", "choices"})


def test_a_format_is_tested_for_what_it_declares_it_carries(
    register_plugin: object, aix2026: Project
) -> None:
    suite = _ThesesConformance()
    with registered(Theses()):
        suite.test_conformance_declares_what_it_carries()
        suite.test_conformance_every_question(aix2026)
        suite.test_conformance_every_answer(aix2026)
        suite.test_conformance_hostile_strings(aix2026)
        lossless = type("Lossless", (ExporterConformance,), {"format_name": "theses"})()
        with pytest.raises(AssertionError, match="comment"):
            lossless.test_conformance_every_answer(aix2026)


def test_a_declared_part_is_really_checked(register_plugin: object, aix2026: Project) -> None:
    suite = type(
        "Forgets", (ExporterConformance,), {"format_name": "forgetful", "carries": {"choices"}}
    )()
    with registered(Forgetful()), pytest.raises(AssertionError, match="choice"):
        suite.test_conformance_every_answer(aix2026)


def test_an_unknown_carried_part_is_a_mistake() -> None:
    suite = type("Typo", (ExporterConformance,), {"carries": frozenset({"coments"})})()
    with pytest.raises(AssertionError, match="coments"):
        suite.test_conformance_declares_what_it_carries()
    assert frozenset({"coments"}) - CARRIED


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


class TestJsonConformance(ExporterConformance):
    format_name = "json"

    def output_text(self, output: ExportOutput) -> str:
        assert isinstance(output, bytes)
        return "\n".join(_strings(json.loads(output)))


class TestYamlConformance(ExporterConformance):
    format_name = "yaml"

    def output_text(self, output: ExportOutput) -> str:
        import yaml

        assert isinstance(output, bytes)
        return "\n".join(_strings(yaml.safe_load(output)))
