"""CSV export: long (one row per list × question) or wide (one row per list)."""

from __future__ import annotations

import csv
import io
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from civicquest.plugins import ExportInput

from .cells import neutralise
from .table import long_table, wide_table

__all__ = ["CsvOptions", "to_csv"]


class CsvOptions(BaseModel):
    """Options of the ``csv`` format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    variant: Literal["long", "wide"] = Field(
        default="long", description="long: one row per list × question; wide: one row per list"
    )
    semicolon: bool = Field(default=False, description="separate with ';' (French Excel)")
    bom: bool = Field(default=False, description="start with a UTF-8 BOM (French Excel)")
    neutralise: bool = Field(
        default=True, description="prefix cells Excel would run as formulas with an apostrophe"
    )


def to_csv(data: ExportInput) -> bytes:
    options = data.options
    assert isinstance(options, CsvOptions)
    header, rows = long_table(data) if options.variant == "long" else wide_table(data)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if options.semicolon else ",", lineterminator="\r\n")
    writer.writerow(header)
    clean = neutralise if options.neutralise else str
    writer.writerows([clean(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig" if options.bom else "utf-8")
