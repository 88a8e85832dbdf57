"""Shared building blocks of every civicquest schema."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

__all__ = [
    "TEXT_PATTERN",
    "CivicModel",
    "Identifier",
    "LanguageCode",
    "LocalizedText",
    "Text",
    "Url",
    "Weight",
    "localize",
    "localized",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"

# C0 control characters but tab, line feed and carriage return. They are no one's text, no
# tool shows them, and some break what civicquest writes (NUL in CSV, Markdown, HTML and
# terminals), so text holding one is refused with a located error rather than passed on.
TEXT_PATTERN = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F]*$"
Text = Annotated[
    str,
    StringConstraints(pattern=TEXT_PATTERN),
    Field(description="Text; control characters other than tab and line breaks are refused."),
]
Identifier = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(description="A stable identifier: letters, digits, '_', '.', '-' (at most 64)."),
]
LanguageCode = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_PATTERN),
    Field(description="A BCP 47 language tag such as 'fr' or 'en'."),
]
Url = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s\x00-\x1F]+$", max_length=2048),
    Field(description="An http(s) address."),
]
Weight = Annotated[float, Field(ge=0, allow_inf_nan=False, description="A weight, 0 or more.")]

LocalizedText = Annotated[
    Text | dict[LanguageCode, Text],
    Field(
        description=(
            "Text in the questionnaire's default language, or a mapping from language "
            "code to text, e.g. {fr: ..., en: ...}."
        )
    ),
]


class CivicModel(BaseModel):
    """Base of every civicquest schema: immutable, strict about unknown keys."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_default=True,
        use_enum_values=False,
    )


def localize(text: str | dict[str, str] | None, lang: str, default_lang: str = "fr") -> str:
    """Return ``text`` in ``lang``, falling back to the default language, then to any language.

    To know whether it fell back, use :func:`localized`, which also returns the language used.
    """
    return localized(text, lang, default_lang)[0]


def localized(
    text: str | dict[str, str] | None, lang: str, default_lang: str = "fr"
) -> tuple[str, str | None]:
    """``(text, language used)``: the text in ``lang``, else the fallback :func:`localize` uses.

    A plain string is in the default language; ``None`` and an empty mapping give ``("", None)``.
    ``localized(q.text, "de")[1] != "de"`` tells that the German text is missing.
    """
    if text is None:
        return "", None
    if isinstance(text, str):
        return text, default_lang
    for candidate in (lang, default_lang):
        if candidate in text:
            return text[candidate], candidate
    for language, value in text.items():
        return value, language
    return "", None


def is_identifier(value: str) -> bool:
    """Whether ``value`` is a valid civicquest identifier."""
    return re.fullmatch(ID_PATTERN, value) is not None
