"""Canonical JSON and YAML: the whole project, lossless and deterministic.

``Project.model_validate(document["project"])`` gives the project back (with
``include_contact`` and ``include_unpublished`` set, nothing at all is left out).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import yaml

from ..plugins import Exporter, ExportInput, hookimpl

__all__ = ["FORMAT", "document", "register_exporters"]

FORMAT = "civicquest-project/1"


def document(data: ExportInput) -> dict[str, Any]:
    """The canonical document: format tag, the project, and the lists whose answers are withheld."""
    return {
        "format": FORMAT,
        "project": data.project.model_dump(mode="json", exclude_none=True),
        "withheld_answers": sorted(data.withheld),
    }


def to_json(data: ExportInput) -> bytes:
    text = json.dumps(document(data), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


class _Dumper(yaml.SafeDumper):
    """Safe YAML that double-quotes (and so escapes) line breaks YAML would otherwise fold."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(char in text for char in "\x85\u2028\u2029\r") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def to_yaml(data: ExportInput) -> bytes:
    text = yaml.dump(
        document(data),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=True,
        width=100,
        default_flow_style=False,
    )
    return text.encode("utf-8")


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="json",
        description="Projet complet en JSON canonique, sans perte / whole project, canonical JSON",
        export=to_json,
        file_extensions=(".json",),
        media_type="application/json",
    )
    yield Exporter(
        name="yaml",
        aliases=("yml",),
        description="Projet complet en YAML, sans perte / whole project as lossless YAML",
        export=to_yaml,
        file_extensions=(".yaml", ".yml"),
        media_type="application/yaml",
    )
