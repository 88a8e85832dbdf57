"""The mapping file: which column holds what (docs/plugins/spreadsheet-import.md).

Loaded with ``yaml.safe_load`` and validated by pydantic models that refuse unknown keys; every
mistake is reported with the file, the line and the path inside the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from civicquest.plugins import UsageError

__all__ = [
    "ChoiceColumns",
    "ConsentMapping",
    "Mapping",
    "QuestionMapping",
    "RespondentMapping",
    "load_mapping",
]

Header = Annotated[str, Field(min_length=1, max_length=1000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RespondentMapping(_Strict):
    """The column naming the list: its id or its name, matched after normalising case,
    accents, spaces and apostrophes; ``names`` maps other spellings to list ids."""

    column: Header
    names: dict[str, str] = Field(default_factory=dict)


class ConsentMapping(_Strict):
    """Whether the list agreed to publication: a column read as yes/no, or one value for all."""

    column: Header | None = None
    default: bool | None = None
    yes: tuple[str, ...] = ("oui", "yes", "true", "vrai", "1", "x", "accord", "j'accepte")
    no: tuple[str, ...] = ("non", "no", "false", "faux", "0", "refus")


class ChoiceColumns(_Strict):
    """A multiple-choice question spread over one column per option (LimeSurvey, Framaforms):
    header → option code; a cell counts as ticked when it reads one of ``ticked``."""

    columns: dict[Header, str]
    ticked: tuple[str, ...] = ("y", "yes", "oui", "x", "1", "true", "vrai")


class QuestionMapping(_Strict):
    """Where one question's answer is, and how to read it."""

    column: Header | None = None
    options: ChoiceColumns | None = None
    comment: Header | None = None
    evidence: Header | None = None
    labels: dict[str, str] = Field(
        default_factory=dict, description="What the file writes → option code (overrides)."
    )
    separator: str | None = Field(
        default=None, min_length=1, description="Between the choices of a multiple choice."
    )

    @field_validator("options")
    @classmethod
    def _one_way(cls, value: ChoiceColumns | None, info: Any) -> ChoiceColumns | None:
        if value is not None and info.data.get("column") is not None:
            raise ValueError("give either 'column' or 'options', not both")
        return value


class Mapping(_Strict):
    """A whole mapping file."""

    header_row: int = Field(default=1, ge=1, description="1-based row of the column headers.")
    skip_rows: tuple[int, ...] = Field(
        default=(), description="1-based rows below the header that hold no answers."
    )
    sheet: str | None = Field(default=None, description="XLSX: the sheet (default: the first).")
    delimiter: Literal["auto", ";", ",", "\t", "|"] = "auto"
    encoding: str = "auto"
    date_order: Literal["dmy", "mdy", "ymd"] = "dmy"
    separator: str = Field(default=";", min_length=1, description="Between multiple choices.")
    respondent: RespondentMapping
    received: Header | None = None
    consent: ConsentMapping = ConsentMapping()
    comment: Header | None = None
    round: int = Field(default=1, ge=1, le=2)
    channel: Literal["form", "letter", "email", "meeting", "other"] = "form"
    questions: dict[str, QuestionMapping] = Field(min_length=1)
    ignore: tuple[Header, ...] = Field(
        default=(), description="Columns left out on purpose (e.g. an internal note)."
    )


def load_mapping(path: str | Path) -> Mapping:
    """Read and check a mapping file; raise :class:`UsageError` with a located message."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(
            f"{file}: cannot read the mapping file ({error}). Give the path of a UTF-8 YAML file "
            f"with --mapping / Impossible de lire le fichier de correspondance."
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark else str(file)
        raise UsageError(
            f"{where}: the mapping file is not valid YAML: {getattr(error, 'problem', error)} "
            f"/ Le fichier de correspondance n'est pas du YAML valide."
        ) from None
    try:
        return Mapping.model_validate(data)
    except ValidationError as error:
        raise UsageError(_describe(file, text, error)) from None


def _describe(file: Path, text: str, error: ValidationError) -> str:
    lines = [
        f"{file}: {error.error_count()} error(s) in the mapping file / erreurs dans le "
        "fichier de correspondance (docs/plugins/spreadsheet-import.md):"
    ]
    for detail in error.errors():
        path = list(detail["loc"])
        shown = ".".join(str(part) for part in path) or "(document)"
        lines.append(f"  {file}:{_line_of(text, path)} {shown}: {detail['msg']}")
    return "\n".join(lines)


def _line_of(text: str, path: list[int | str]) -> int:
    """The 1-based line of ``path`` in the YAML document (of its deepest existing parent)."""
    try:
        node: Any = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 1
    line = 1 if node is None else node.start_mark.line + 1
    for part in path:
        child = _child(node, part)
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _child(node: Any, part: int | str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
