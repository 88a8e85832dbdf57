"""Publish only the languages a questionnaire lists in ``languages``.

A project that dropped a language (``languages: [fr]``) may still hold texts in it, left over in
its files: they are kept there, but never exported, and an export asked in that language is
made in the default language instead (the command line says so).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from ..models.project import Project
from ..validation.checks.questionnaire import is_localized

__all__ = ["export_language", "listed_languages_only"]

M = TypeVar("M", bound=BaseModel)


def export_language(project: Project, lang: str) -> str:
    """``lang`` if the questionnaire is published in it, else its default language."""
    questionnaire = project.questionnaire
    return lang if lang in questionnaire.languages else questionnaire.default_language


def listed_languages_only(project: Project) -> Project:
    """``project`` without the texts in languages its questionnaire does not list."""
    languages = frozenset(project.questionnaire.languages)
    questionnaire = _pruned(project.questionnaire, languages)
    if questionnaire is project.questionnaire:
        return project
    return project.model_copy(update={"questionnaire": questionnaire})


def _pruned(model: M, languages: frozenset[str]) -> M:
    changes: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if is_localized(type(model), name) and isinstance(value, dict):
            kept = {lang: text for lang, text in value.items() if lang in languages}
            new: Any = kept if len(kept) != len(value) else value
        else:
            new = _pruned_value(value, languages)
        if new is not value:
            changes[name] = new
    return model.model_copy(update=changes) if changes else model


def _pruned_value(value: Any, languages: frozenset[str]) -> Any:
    if isinstance(value, BaseModel):
        return _pruned(value, languages)
    if isinstance(value, tuple):
        items = tuple(_pruned_value(item, languages) for item in value)
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value
