"""Write ``datapackage.json`` and the CSV resources, deterministically (no timestamps)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from civicquest.plugins import ExportInput, text_of

from .tables import TABLES

__all__ = ["LICENSES", "PackageOptions", "descriptor", "to_data_package"]

LICENSES: dict[str, dict[str, str]] = {
    "etalab-2.0": {
        "name": "etalab-2.0",
        "title": "Licence Ouverte / Open Licence version 2.0",
        "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
    "odbl-1.0": {
        "name": "ODbL-1.0",
        "title": "Open Data Commons Open Database License 1.0",
        "path": "https://opendatacommons.org/licenses/odbl/1-0/",
    },
    "cc-by-4.0": {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
}


class PackageOptions(BaseModel):
    """Options of the ``frictionless`` format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    license: Literal["etalab-2.0", "odbl-1.0", "cc-by-4.0"] = Field(
        default="etalab-2.0", description="licence of the data (data.gouv.fr: etalab-2.0)"
    )


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def descriptor(data: ExportInput) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor: metadata, licence, sources and table schemas."""
    q, options = data.project.questionnaire, data.options
    assert isinstance(options, PackageOptions)
    sources = [{"title": o.name, **({"path": o.url} if o.url else {})} for o in q.organisers]
    return {
        "profile": "tabular-data-package",
        "name": q.id.lower(),
        "title": text_of(data.project, q.title, data.lang),
        "description": text_of(data.project, q.description, data.lang),
        "version": q.version,
        "keywords": ["élections municipales", "questionnaire", q.election.place],
        "licenses": [LICENSES[options.license]],
        "sources": sources,
        "contributors": [{"title": o.name, "role": "publisher"} for o in q.organisers],
        "resources": [_resource(name, schema) for name, (_, schema) in TABLES.items()],
    }


def _resource(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def to_data_package(data: ExportInput) -> dict[str, bytes]:
    files = {
        f"{name}.csv": _csv([f["name"] for f in schema["fields"]], rows(data))
        for name, (rows, schema) in TABLES.items()
    }
    text = json.dumps(descriptor(data), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    files["datapackage.json"] = text.encode("utf-8")
    return files
