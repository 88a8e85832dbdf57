"""JSON Schemas (Draft 2020-12) of the files a project is made of, for editors and other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..models.extends import QuestionnaireFile
from ..models.followup import Followup
from ..models.respondents import RespondentList
from ..models.responses import Response
from ..models.rounds import ElectionRounds
from ..models.scoring import ScoringConfig
from ..models.voter import VoterAnswers
from .atomic import write_text_atomically

__all__ = ["SCHEMA_MODELS", "SCHEMA_NAMES", "json_schema", "write_schema_files"]

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "followup": Followup,
    "questionnaire": QuestionnaireFile,  # a whole questionnaire, or one that extends another
    "respondents": RespondentList,
    "response": Response,
    "scoring": ScoringConfig,
    "rounds": ElectionRounds,
    "voter": VoterAnswers,
}
SCHEMA_NAMES = tuple(SCHEMA_MODELS)
DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://civicquest.readthedocs.io/schemas/"


class _ClosedMappings(GenerateJsonSchema):
    """Mappings with constrained keys accept no other key (pydantic leaves them open)."""

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        result = super().dict_schema(schema)
        patterns = result.pop("patternProperties", None)
        if patterns and len(patterns) == 1:
            ((pattern, values),) = patterns.items()
            result["propertyNames"] = {**result.get("propertyNames", {}), "pattern": pattern}
            result["additionalProperties"] = values
        elif patterns:
            result["patternProperties"] = patterns
        return result


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file: followup, questionnaire, respondents, response,
    rounds, scoring, voter."""
    try:
        model = SCHEMA_MODELS[name]
    except KeyError:
        raise ValueError(
            f"unknown schema {name!r}; choose one of {', '.join(SCHEMA_NAMES)}"
        ) from None
    schema = model.model_json_schema(mode="validation", schema_generator=_ClosedMappings)
    return {"$schema": DIALECT, "$id": f"{BASE_ID}{name}.schema.json", **schema}


def write_schema_files(folder: Path) -> list[Path]:
    """Write ``<name>.schema.json`` for every schema into ``folder`` (atomically)."""
    written = []
    for name in SCHEMA_NAMES:
        path = folder / f"{name}.schema.json"
        content = json.dumps(json_schema(name), ensure_ascii=False, indent=2, sort_keys=True)
        write_text_atomically(path, content + "\n")
        written.append(path)
    return written
