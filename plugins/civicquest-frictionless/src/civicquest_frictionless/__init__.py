"""civicquest-frictionless: a Frictionless Data Package of the questionnaire, lists and answers."""

from __future__ import annotations

from collections.abc import Iterator

from civicquest import hookimpl
from civicquest.plugins import Exporter

from .package import PackageOptions, to_data_package

__all__ = ["PackageOptions", "register_exporters", "to_data_package"]


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="frictionless",
        aliases=("datapackage",),
        description="Data Package Frictionless (open data) / Frictionless Data Package",
        export=to_data_package,
        file_extensions=(".datapackage",),
        media_type="application/vnd.datapackage+json",
        writes="folder",
        options=PackageOptions,
    )
