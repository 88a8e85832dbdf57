"""The published JSON Schemas and the models agree, and the example validates against them."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft202012Validator

from civicquest import load_project
from civicquest.exporting.schemas import SCHEMA_MODELS, SCHEMA_NAMES, json_schema
from civicquest.loading.documents import read_document
from civicquest.loading.examples import EXAMPLES
from civicquest.models import RespondentList

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def instances(name: str) -> st.SearchStrategy[Any]:
    return from_schema(json_schema(name))


def as_json_data(data: Any) -> Any:
    """YAML dates become strings, as an editor's JSON Schema validator sees them."""
    return json.loads(json.dumps(data, default=str))


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = json_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schema_files_are_up_to_date(name: str) -> None:
    committed = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
    assert committed == json_schema(name), "regenerate: civicquest schema NAME -o schemas/…"


def example_files() -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    for example in EXAMPLES:
        folder = ROOT / "examples" / example
        files += [
            ("questionnaire", folder / "questionnaire.yaml"),
            ("respondents", folder / "respondents.yaml"),
            ("scoring", folder / "scoring.yaml"),
        ]
        files += [("response", path) for path in sorted((folder / "responses").glob("*.yaml"))]
        files += [("voter", folder / "voter.yaml")]
        files += [("voter", path) for path in sorted((folder / "responses").glob("*.yaml"))]
    return files


@pytest.mark.parametrize(
    ("name", "path"),
    example_files(),
    ids=lambda v: str(v.relative_to(ROOT / "examples")) if isinstance(v, Path) else v,
)
def test_example_files_validate_against_their_schema(name: str, path: Path) -> None:
    validator = Draft202012Validator(json_schema(name))
    errors = list(validator.iter_errors(as_json_data(read_document(path).data)))
    assert errors == []


def test_model_dumps_validate_against_their_schemas() -> None:
    project = load_project(ROOT / "examples" / "aix2026")
    dumps = [("questionnaire", project.questionnaire)]
    dumps += [("response", response) for response in project.responses]
    for name, model in dumps:
        instance = model.model_dump(mode="json")
        assert list(Draft202012Validator(json_schema(name)).iter_errors(instance)) == []
    respondents = RespondentList(respondents=project.respondents).model_dump(mode="json")
    assert list(Draft202012Validator(json_schema("respondents")).iter_errors(respondents)) == []


@pytest.mark.parametrize("name", SCHEMA_NAMES)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_instances_generated_from_the_schema_are_accepted_by_the_model(
    name: str, data: st.DataObject
) -> None:
    instance = data.draw(instances(name))
    SCHEMA_MODELS[name].model_validate(instance)


VOTER_CASES = [
    ({"answers": {"q1": {"choice": "a"}}}, True),
    ({"id": "v-1", "answers": {"q1": {"choice": "a", "important": True}}}, True),
    ({"id": 17, "answers": {"q1": {"skip": True}}}, True),
    ({"answers": {"q1": {"choice": "a", "skip": True}}}, True),
    ({"answers": {"q1": {"skip": False}}}, False),
    ({"answers": {"q1": {}}}, False),
    ({"answers": {"q1": {"choice": "a", "text": "b"}}}, False),
    ({"answers": {"q1": {"skip": True, "text": "b", "number": 1}}}, False),
    ({"id": True, "answers": {}}, False),
    ({"id": 1.5, "answers": {}}, False),
    ({"answers": {"q1": {"choice": "a", "weight": 3}}}, False),
]


@pytest.mark.parametrize(("instance", "valid"), VOTER_CASES)
def test_voter_schema_and_model_agree_on_skip_and_value_rules(
    instance: dict[str, Any], valid: bool
) -> None:
    schema_valid = Draft202012Validator(json_schema("voter")).is_valid(instance)
    try:
        SCHEMA_MODELS["voter"].model_validate(instance)
        model_valid = True
    except ValueError:
        model_valid = False
    assert (schema_valid, model_valid) == (valid, valid)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_voter_models_dump_to_schema_valid_json(data: st.DataObject) -> None:
    instance = data.draw(instances("voter"))
    dumped = SCHEMA_MODELS["voter"].model_validate(instance).model_dump(mode="json")
    assert list(Draft202012Validator(json_schema("voter")).iter_errors(dumped)) == []
