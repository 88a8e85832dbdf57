"""Find the importer of a file and run it at the plugin boundary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import PluginError, UsageError
from ..models.project import Project
from ..plugins import Importer, ImportResult
from ..plugins._guard import PluginCallError, call_plugin, plugin_error, type_name
from ..plugins._manager import get_importer, importer_registry

__all__ = ["MAPPING_OPTION", "find_importer", "run_importer"]

#: The option a format that reads a mapping file declares (``civicquest import --mapping``).
MAPPING_OPTION = "mapping"


def find_importer(format_name: str | None, file_name: str) -> Importer:
    """The importer called ``format_name``, or else the only one reading ``file_name``'s
    extension; :class:`UsageError` naming the formats otherwise."""
    if format_name:
        return get_importer(format_name)
    suffix = "." + file_name.rpartition(".")[2].lower() if "." in file_name else ""
    records = importer_registry().records
    matches = [i for i in records.values() if suffix and suffix in i.file_extensions]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(records) or "none"
    raise UsageError(f"choose the file's format with --format NAME; available: {known}")


def run_importer(
    project: Project,
    importer: Importer,
    content: bytes,
    file_name: str,
    options: Mapping[str, Any],
) -> ImportResult:
    """``importer.load(...)`` with ``options`` checked; a plugin's failure names the plugin."""
    parsed = _options(importer, options)
    try:
        result = call_plugin(importer.load, project, content, parsed, file_name)
    except PluginCallError as fault:
        raise plugin_error(_provider(importer), f"the {importer.name!r} importer", fault) from None
    if not isinstance(result, ImportResult):
        raise PluginError(
            f"plugin {_provider(importer)!r}: the {importer.name!r} importer returned "
            f"{type_name(result)}, not an ImportResult"
        )
    return result


def _options(importer: Importer, options: Mapping[str, Any]) -> BaseModel:
    fields = importer.options.model_fields
    wants_mapping = MAPPING_OPTION in fields
    if MAPPING_OPTION in options and not wants_mapping:
        raise UsageError(f"the {importer.name!r} format takes no --mapping")
    if wants_mapping and fields[MAPPING_OPTION].is_required() and MAPPING_OPTION not in options:
        raise UsageError(
            f"the {importer.name!r} format needs a mapping file: --mapping FILE "
            "(see docs/importing.md)"
        )
    try:
        return call_plugin(importer.options.model_validate, dict(options))
    except PluginCallError as fault:
        if not isinstance(fault.error, ValidationError):
            where = f"the options of the {importer.name!r} importer"
            raise plugin_error(_provider(importer), where, fault) from None
        problems = "; ".join(
            f"{'.'.join(str(p) for p in item['loc']) or 'options'}: {item['msg']}"
            for item in fault.error.errors()
        )
        raise UsageError(f"invalid option for the {importer.name!r} format: {problems}") from None


def _provider(importer: Importer) -> str:
    from ..plugins._listing import provider_of

    return provider_of(importer)
