"""The plugin author's API: everything a civicquest plugin needs, and nothing else.

A plugin implements one or more hooks with :data:`hookimpl` and returns typed records::

    from civicquest.plugins import Exporter, ExportInput, hookimpl

    @hookimpl
    def register_exporters():
        return [Exporter(name="mine", description="…", file_extensions=(".txt",), export=write)]

Plugins import only from :mod:`civicquest`, :mod:`civicquest.models`, this module and
:mod:`civicquest.testing`; the modules whose names start with ``_`` are internal.
"""

from __future__ import annotations

from ..errors import CivicquestError, ExportWarning, PluginError, UsageError
from ..models._bulk import gc_paused
from ..text.labels import status_label, unscored_label
from ..text.numbers import format_date, format_decimal, format_percent
from ._helpers import (
    COLUMN_LABELS,
    FORMULA_PREFIXES,
    NO_ANSWER_LABELS,
    answer_label,
    answer_value,
    answered_wording,
    column_label,
    format_number,
    neutralise,
    restore,
    text_of,
    translate,
)
from ._hookspecs import hookimpl
from ._import_helpers import (
    DecodedText,
    LabelMatch,
    closest,
    decode_text,
    match_label,
    match_option,
    normalise_label,
    option_labels,
    parse_date,
    parse_number,
)
from ._imports import ImportedResponse, ImportResult, Rejected, SourceRef
from ._ooxml import deterministic_ooxml
from ._records import Exporter, ExportInput, ExportOutput, Importer, ScoringMethod

__all__ = [
    "COLUMN_LABELS",
    "FORMULA_PREFIXES",
    "NO_ANSWER_LABELS",
    "CivicquestError",
    "DecodedText",
    "ExportInput",
    "ExportOutput",
    "ExportWarning",
    "Exporter",
    "ImportResult",
    "ImportedResponse",
    "Importer",
    "LabelMatch",
    "PluginError",
    "Rejected",
    "ScoringMethod",
    "SourceRef",
    "UsageError",
    "answer_label",
    "answer_value",
    "answered_wording",
    "closest",
    "column_label",
    "decode_text",
    "deterministic_ooxml",
    "format_date",
    "format_decimal",
    "format_number",
    "format_percent",
    "gc_paused",
    "hookimpl",
    "match_label",
    "match_option",
    "neutralise",
    "normalise_label",
    "option_labels",
    "parse_date",
    "parse_number",
    "restore",
    "status_label",
    "text_of",
    "translate",
    "unscored_label",
]
