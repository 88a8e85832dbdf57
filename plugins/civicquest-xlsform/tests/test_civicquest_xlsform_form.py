"""The XLSForm converts with pyxform, passes ODK Validate, and says what the questionnaire says."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import ClassVar

import openpyxl
import pytest
from pyxform.xls2xform import convert

from civicquest import export
from civicquest.models import Project
from civicquest.plugins import ExportOutput, text_of
from civicquest.testing import HOSTILE_STRINGS, ExporterConformance, aix2026, list_plugins

__all__ = ["aix2026"]  # fixture

NS = {"x": "http://www.w3.org/2002/xforms", "h": "http://www.w3.org/1999/xhtml"}
FR, EN = "Français (fr)", "English (en)"
#: what pyxform would read as a field reference, or as "no label", on top of the house's list
FORM_HOSTILE = (*HOSTILE_STRINGS, "${p01} et ${inconnu}", "coût : 3 $ {HT}", "-", "=1+1")


def xform_of(output: ExportOutput, validate: bool) -> tuple[ET.Element, list[str]]:
    """The XForm pyxform makes of the XLSForm (checked by ODK Validate if ``validate``)."""
    assert isinstance(output, bytes)
    warnings: list[str] = []
    result = convert(output, warnings=warnings, validate=validate, file_type=".xlsx")
    return ET.fromstring(result.xform), warnings


def binds(root: ET.Element) -> dict[str, dict[str, str]]:
    """Each bind's attributes by node, spaces in expressions collapsed."""
    return {
        b.attrib["nodeset"]: {k: " ".join(v.split()) for k, v in b.attrib.items()}
        for b in root.iter(f"{{{NS['x']}}}bind")
    }


def itext(root: ET.Element, lang: str) -> dict[str, str]:
    """The texts of one language by id, as a reader sees them (outputs shown as ``${…}``)."""
    translation = root.find(f".//x:itext/x:translation[@lang='{lang}']", NS)
    assert translation is not None, lang
    texts = {}
    for text in translation.iterfind("x:text", NS):
        value = text.find("x:value", NS)
        assert value is not None
        texts[text.attrib["id"]] = "".join(value.itertext())
    return texts


def sheet_rows(output: ExportOutput, title: str) -> list[dict[str, str]]:
    assert isinstance(output, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(output))[title]
    header, *rows = ([str(c.value or "") for c in row] for row in sheet.iter_rows())
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    info = {p.name: p for p in list_plugins(include_defaults=False)}["xlsform"]
    assert info.distribution == "civicquest-xlsform"
    assert info.provides["exporters"] == ("xlsform",)


def test_the_aix_form_passes_pyxform_and_odk_validate(aix2026: Project) -> None:
    root, warnings = xform_of(export(aix2026, "xlsform"), validate=True)
    assert warnings == []
    instance = root.find(".//x:instance/x:data", NS)
    assert instance is not None
    assert instance.attrib["id"] == aix2026.questionnaire.id
    assert instance.attrib["version"] == aix2026.questionnaire.version
    form = "/data"
    by_node = binds(root)
    groups = {g.attrib["ref"] for g in root.iter(f"{{{NS['x']}}}group")}
    assert groups == {f"{form}/{t.id}" for t in aix2026.questionnaire.themes}
    for question in aix2026.questionnaire.questions:
        node = f"{form}/{question.theme}/{question.id}"
        expected = {"number": "decimal", "open_text": "string"}.get(question.kind, "string")
        if question.kind == "number" and getattr(question, "integer", False):
            expected = "int"
        assert by_node[node]["type"] == expected, node
        reason = f"{node}_sans_reponse"
        required = by_node[node].get("required")
        assert required == (f"{reason} = ''" if question.required else None), node
        if question.required:
            assert by_node[reason]["constraint"] == f"{node} = ''"
        else:
            assert by_node[reason]["relevant"] == f"{node} = ''"
        comment = by_node[f"{node}_commentaire"]["relevant"]
        assert comment == f"{node} != '' or {reason} != ''"
        assert by_node[f"{node}_preuve_url"]["relevant"] == comment
    assert by_node[f"{form}/liste"]["required"] == "true()"
    assert by_node[f"{form}/version_questionnaire"]["calculate"] == "'1.0.0'"


def test_the_form_has_both_languages_and_the_settings(aix2026: Project) -> None:
    output = export(aix2026, "xlsform")
    root, _ = xform_of(output, validate=False)
    langs = {
        t.attrib["lang"]: t.attrib.get("default") for t in root.iter(f"{{{NS['x']}}}translation")
    }
    assert langs == {FR: "true()", EN: None}
    form = "/data"
    for lang, column in (("fr", FR), ("en", EN)):
        texts = itext(root, column)
        for question in aix2026.questionnaire.questions:
            path = f"{form}/{question.theme}/{question.id}"
            assert texts[f"{path}:label"] == text_of(aix2026, question.text, lang)
            if question.help:
                assert texts[f"{path}:hint"] == text_of(aix2026, question.help, lang)
    (settings,) = sheet_rows(output, "settings")
    assert settings["form_id"] == aix2026.questionnaire.id
    assert settings["version"] == aix2026.questionnaire.version
    assert settings["default_language"] == FR
    assert settings["form_title"] == " / ".join(
        text_of(aix2026, aix2026.questionnaire.title, lang) for lang in ("fr", "en")
    )
    liste = [row["name"] for row in sheet_rows(output, "choices") if row["list_name"] == "liste"]
    assert liste == [r.id for r in aix2026.respondents]


def test_every_kind_gets_its_xlsform_type_and_constraint(aix2026: Project) -> None:
    rows = {row["name"]: row for row in sheet_rows(export(aix2026, "xlsform"), "survey")}
    for question in aix2026.questionnaire.questions:
        row = rows[question.id]
        scale = getattr(question, "scale", "")
        expected = {
            "multiple_choice": f"select_multiple {scale}",
            "open_text": "text",
            "number": "integer" if getattr(question, "integer", False) else "decimal",
        }.get(question.kind, f"select_one {scale}")
        assert row["type"] == expected
        if question.kind == "number" and getattr(question, "maximum", None) is not None:
            assert f". <= {question.maximum:g}" in row["constraint"]  # type: ignore[attr-defined]
        if question.kind == "open_text" and getattr(question, "max_length", None):
            assert row["constraint"] == f"string-length(.) <= {question.max_length}"  # type: ignore[attr-defined]


def _hostile_questionnaire(project: Project) -> Project:
    texts = iter(FORM_HOSTILE * 10)
    questions = tuple(
        q.model_copy(update={"text": {"fr": next(texts), "en": next(texts)}, "help": next(texts)})
        for q in project.questionnaire.questions
    )
    respondents = tuple(r.model_copy(update={"name": next(texts)}) for r in project.respondents)
    questionnaire = project.questionnaire.model_copy(update={"questions": questions})
    return Project(questionnaire=questionnaire, respondents=respondents)


def test_hostile_wordings_stay_plain_text_through_pyxform_and_odk_validate(
    aix2026: Project,
) -> None:
    project = _hostile_questionnaire(aix2026)
    output = export(project, "xlsform")
    cells = [
        cell
        for sheet in openpyxl.load_workbook(io.BytesIO(output)).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert all(cell.data_type == "s" for cell in cells)  # never a formula
    root, warnings = xform_of(output, validate=True)
    assert warnings == []
    assert not list(root.iter(f"{{{NS['x']}}}output"))  # no ${…} became a reference
    texts = itext(root, FR)
    form = "/data"
    for question in project.questionnaire.questions:
        shown = texts[f"{form}/{question.theme}/{question.id}:label"]
        written = text_of(project, question.text, "fr")
        assert shown.replace("\u200b", "") == written.replace("\r\n", "\n").replace("\r", "\n")


class TestXlsFormConformance(ExporterConformance):
    format_name = "xlsform"
    carries = frozenset({"questions"})
    options: ClassVar[dict[str, object]] = {}

    def output_text(self, output: ExportOutput) -> str:
        return "\n".join(
            v
            for title in ("survey", "choices", "settings")
            for row in sheet_rows(output, title)
            for v in row.values()
        )


@pytest.mark.parametrize("slots", [0, 2])
def test_evidence_slots(aix2026: Project, slots: int) -> None:
    names = {
        row["name"]
        for row in sheet_rows(export(aix2026, "xlsform", {"evidence_slots": slots}), "survey")
    }
    assert ("p01_preuve_url" in names) == (slots >= 1)
    assert ("p01_preuve2_extrait" in names) == (slots >= 2)
    assert "p01_preuve3_url" not in names
