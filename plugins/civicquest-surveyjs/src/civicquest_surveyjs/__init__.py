"""civicquest-surveyjs: the questionnaire as a SurveyJS form, and its results brought back.

The ``surveyjs`` exporter writes the SurveyJS JSON of the questionnaire (a page per theme,
French and English texts); the ``surveyjs`` importer reads SurveyJS results (one result, an
array of results, or JSON Lines) into responses, rejecting every value it cannot place.
"""

from __future__ import annotations

from collections.abc import Iterator

from civicquest import hookimpl
from civicquest.plugins import Exporter, Importer

from .importer import SurveyJsImportOptions, load_results
from .survey import survey_json, to_surveyjs

__all__ = [
    "SurveyJsImportOptions",
    "load_results",
    "register_exporters",
    "register_importers",
    "survey_json",
    "to_surveyjs",
]


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="surveyjs",
        description="Formulaire SurveyJS, une page par thème / SurveyJS form, a page per theme",
        export=to_surveyjs,
        # not ".json": that one names the json format (a format is found by its extension)
        file_extensions=(".survey.json",),
        media_type="application/json",
        needs="questionnaire",
    )


@hookimpl
def register_importers() -> Iterator[Importer]:
    yield Importer(
        name="surveyjs",
        description="Résultats SurveyJS (JSON, JSON Lines) / SurveyJS results (JSON, JSON Lines)",
        load=load_results,
        file_extensions=(".json", ".jsonl"),
        options=SurveyJsImportOptions,
    )
