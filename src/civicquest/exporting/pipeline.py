"""Export a project with any installed format: look the exporter up, validate its options,
apply the publication rules, call it, check what it returned, and write it atomically.

Publication rules, applied here so that no exporter can forget them:

- a list's private ``contact`` and ``correspondence`` are never exported unless
  ``include_contact=True``;
- the answers and comment of a list whose response says ``consent_to_publish: false`` are left
  out unless ``include_unpublished=True``; the list itself and its status are still exported,
  and its id is in :attr:`~civicquest.plugins._records.ExportInput.withheld`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import PluginError, UsageError
from ..models.project import Project
from ..plugins._guard import PluginCallError, call_plugin, plugin_error, type_name
from ..plugins._records import Exporter, ExportInput, ExportOutput
from .languages import export_language, listed_languages_only
from .outputs import Protected, write_file_output, write_folder_output

__all__ = [
    "OptionInfo",
    "describe_options",
    "export",
    "find_exporter",
    "parse_option_pairs",
    "parse_options",
    "publishable",
    "write_output",
]

OptionInfo = tuple[str, str, str, str]


def find_exporter(name_or_extension: str) -> Exporter:
    """The exporter called ``name_or_extension``, or the only one writing that file extension."""
    from ..plugins._manager import exporter_registry, get_exporter

    key = name_or_extension.strip().lower()
    built_in = exporter_registry(built_in_only=True).by_name
    if key in built_in:  # no other plugin is loaded for a built-in format
        return built_in[key]
    if key.startswith(".") or key not in exporter_registry().by_name:
        extension = key if key.startswith(".") else f".{key}"
        matches = [
            e for e in exporter_registry().records.values() if extension in e.file_extensions
        ]
        if len(matches) == 1:
            return matches[0]
    return get_exporter(key)


def export(
    project: Project,
    format: str,
    options: BaseModel | Mapping[str, Any] | None = None,
    *,
    lang: str = "fr",
    include_contact: bool = False,
    include_unpublished: bool = False,
    results: Any = None,
) -> ExportOutput:
    """Export ``project`` as ``format``: bytes for one file, or ``{relative path: bytes}``.

    Only the languages listed in the questionnaire's ``languages`` are exported; a ``lang`` it
    does not list gives its default language (see :mod:`.languages`).
    """
    exporter = find_exporter(format)
    parsed = parse_options(exporter, options)
    if exporter.needs == "results" and results is None:
        raise UsageError(f"the {exporter.name!r} format needs results: score the project first")
    published, withheld = publishable(
        listed_languages_only(project),
        include_contact=include_contact,
        include_unpublished=include_unpublished,
    )
    data = ExportInput(
        project=published,
        options=parsed,
        lang=export_language(project, lang),
        results=results,
        withheld=withheld,
    )
    try:
        output = call_plugin(exporter.export, data)
    except PluginCallError as fault:
        raise plugin_error(_provider(exporter), f"the {exporter.name!r} exporter", fault) from None
    return _checked(exporter, output)


def _provider(exporter: Exporter) -> str:
    from ..plugins._listing import provider_of

    return provider_of(exporter)


def _checked(exporter: Exporter, output: object) -> ExportOutput:
    if exporter.writes == "file":
        if not isinstance(output, bytes):
            raise PluginError(
                f"plugin {_provider(exporter)!r}: the {exporter.name!r} exporter must return "
                f"bytes, not {type_name(output)}"
            )
        return output
    if not isinstance(output, Mapping) or not all(
        isinstance(content, bytes) and _safe_relative(path) for path, content in output.items()
    ):
        raise PluginError(
            f"plugin {_provider(exporter)!r}: the {exporter.name!r} exporter must return a "
            f"mapping of relative paths to bytes"
        )
    return dict(sorted(output.items()))


def _safe_relative(path: object) -> bool:
    if not isinstance(path, str) or not path or "\\" in path:
        return False
    parts = PurePosixPath(path).parts
    return not PurePosixPath(path).is_absolute() and ".." not in parts and "." not in parts


def parse_options(exporter: Exporter, options: BaseModel | Mapping[str, Any] | None) -> BaseModel:
    """Validate ``options`` against the exporter's options model; :class:`UsageError` if wrong."""
    if isinstance(options, exporter.options):
        return options
    raw = options.model_dump() if isinstance(options, BaseModel) else dict(options or {})
    try:
        return call_plugin(exporter.options.model_validate, raw)
    except PluginCallError as fault:
        error = fault.error
        if not isinstance(error, ValidationError):
            where = f"the options of the {exporter.name!r} exporter"
            raise plugin_error(_provider(exporter), where, fault) from None
        problems = "; ".join(_option_problem(item) for item in error.errors())
        available = ", ".join(info[0] for info in describe_options(exporter.options)) or "none"
        raise UsageError(
            f"invalid option for the {exporter.name!r} format: {problems}. "
            f"Options: {available} (see 'civicquest formats')"
        ) from None


def _option_problem(item: Mapping[str, Any]) -> str:
    where = ".".join(str(part) for part in item["loc"]) or "options"
    if item["type"] == "extra_forbidden":
        return f"{where!r} is not an option"
    return f"{where!r}: {item['msg']} (given: {item['input']!r})"


def parse_option_pairs(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["key=value", ...]`` → ``{"key": "value"}``; a repeated key is an error."""
    parsed: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key:
            raise UsageError(f"option {pair!r} should look like key=value")
        if key in parsed:
            raise UsageError(f"option {key!r} is given twice")
        parsed[key] = value
    return parsed


def describe_options(model: type[BaseModel]) -> list[OptionInfo]:
    """``(name, type, default, description)`` for each option of an options model."""
    described = []
    for name, info in model.model_fields.items():
        kind = _type_name(info.annotation)
        default = "" if info.is_required() else repr(info.get_default(call_default_factory=True))
        described.append((name, kind, default, info.description or ""))
    return described


def _type_name(annotation: object) -> str:
    if get_origin(annotation) is Literal:
        return "|".join(str(arg) for arg in get_args(annotation))
    return getattr(annotation, "__name__", str(annotation))


def publishable(
    project: Project, *, include_contact: bool = False, include_unpublished: bool = False
) -> tuple[Project, frozenset[str]]:
    """``project`` with the publication rules applied, and the ids whose answers were withheld."""
    respondents = project.respondents
    if not include_contact:
        respondents = tuple(
            r.model_copy(update={"contact": None, "correspondence": None})
            if r.contact or r.correspondence
            else r
            for r in respondents
        )
    withheld = frozenset(
        r.respondent for r in project.responses if not (r.consent_to_publish or include_unpublished)
    )
    responses = tuple(
        r.model_copy(update={"answers": {}, "comment": None}) if r.respondent in withheld else r
        for r in project.responses
    )
    if respondents is project.respondents and not withheld:
        return project, withheld
    # Parts already validated: construct without validating again (and keep every other field).
    fields = {name: getattr(project, name) for name in Project.model_fields}
    published = Project.model_construct(
        **{**fields, "respondents": respondents, "responses": responses}
    )
    return published, withheld


def write_output(
    output: ExportOutput,
    target: Path,
    format_name: str,
    protected: Protected | None = None,
    *,
    force: bool = False,
) -> None:
    """Write one file or a folder of files atomically: nothing half-written is ever left.

    The rules of :mod:`civicquest.exporting.outputs` apply: a folder replaces only a folder
    civicquest wrote for ``format_name`` (or, with ``force``, any folder but the ``protected``
    project's own); :class:`~civicquest.exporting.outputs.OutputError` says why not.
    """
    if isinstance(output, bytes):
        write_file_output(target, output, protected)
    else:
        write_folder_output(target, output, format_name, protected, force=force)
