"""JSON Schemas (Draft 2020-12) of the files a project is made of, for editors and other tools."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .models.questionnaire import Questionnaire
from .models.respondents import RespondentList
from .models.responses import Response
from .models.scoring import ScoringConfig

__all__ = ["SCHEMA_NAMES", "json_schema"]

_MODELS: dict[str, type[BaseModel]] = {
    "questionnaire": Questionnaire,
    "respondents": RespondentList,
    "response": Response,
    "scoring": ScoringConfig,
}
SCHEMA_NAMES = tuple(_MODELS)
DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://civicquest.readthedocs.io/schemas/"


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one kind of project file: questionnaire, respondents or response."""
    try:
        model = _MODELS[name]
    except KeyError:
        raise ValueError(
            f"unknown schema {name!r}; choose one of {', '.join(SCHEMA_NAMES)}"
        ) from None
    schema = model.model_json_schema(mode="validation")
    return {"$schema": DIALECT, "$id": f"{BASE_ID}{name}.schema.json", **schema}
