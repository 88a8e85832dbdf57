"""civicquest-markdown: the questionnaire as a printable document, the answers as a readable one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from civicquest import hookimpl
from civicquest.plugins import Exporter, ExportInput

from .documents import answers_document, questionnaire_document
from .escape import block, inline

__all__ = ["MarkdownOptions", "block", "inline", "register_exporters", "to_markdown"]


class MarkdownOptions(BaseModel):
    """Options of the ``markdown`` format."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: Literal["answers", "questionnaire"] = Field(
        default="answers",
        description="answers: the lists' answers; questionnaire: the form to send, with boxes",
    )


def to_markdown(data: ExportInput) -> bytes:
    options = data.options
    assert isinstance(options, MarkdownOptions)
    render = questionnaire_document if options.document == "questionnaire" else answers_document
    return render(data).rstrip("\n").encode("utf-8") + b"\n"


@hookimpl
def register_exporters() -> Iterator[Exporter]:
    yield Exporter(
        name="markdown",
        aliases=("md",),
        description="Documents Markdown : questionnaire à imprimer, réponses / Markdown documents",
        export=to_markdown,
        file_extensions=(".md",),
        media_type="text/markdown",
        options=MarkdownOptions,
    )
