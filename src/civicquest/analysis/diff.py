"""What changed between two versions of a questionnaire, and the version bump it implies.

Ids are what stays: a question, theme, scale or option is the same one in both versions when it
has the same id (or code). See :mod:`civicquest.validation.versions` for what each bump means.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..models.questionnaire import Questionnaire
from ..validation.versions import BUMPS, Bump, declared_bump

__all__ = ["Change", "QuestionnaireDiff", "diff_questionnaires"]

#: The texts compared language by language (a change is a rewording: a patch).
_WORDING = ("text", "help", "lever", "unit", "title", "description", "intro", "label")
#: Question fields whose change can make an older answer invalid.
_CONSTRAINTS = ("kind", "scale", "min_choices", "max_choices", "max_length", "minimum",
                "maximum", "integer")  # fmt: skip


@dataclass(frozen=True)
class Change:
    """One difference. ``kind`` is stable (``question_added``…); ``target`` the id it is about
    (``p01``, ``niveaux.niveau_3``); ``field`` and ``languages`` say what exactly changed."""

    kind: str
    target: str
    bump: Bump
    field: str = ""
    languages: tuple[str, ...] = ()
    before: str | None = None
    after: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "target": self.target,
            "field": self.field,
            "languages": list(self.languages),
            "before": self.before,
            "after": self.after,
            "bump": self.bump,
        }


@dataclass(frozen=True)
class QuestionnaireDiff:
    """The changes from ``old`` to ``new``, and what their versions declare."""

    old_id: str
    new_id: str
    old_version: str
    new_version: str
    changes: tuple[Change, ...]

    @property
    def implied(self) -> Bump | None:
        """The bump the changes need (``None``: nothing changed)."""
        found = {change.bump for change in self.changes}
        return next((bump for bump in reversed(BUMPS) if bump in found), None)

    @property
    def declared(self) -> Bump | Literal["none", "downgrade"]:
        return declared_bump(self.old_version, self.new_version)

    @property
    def too_small(self) -> bool:
        """The versions declare a smaller bump than the changes need."""
        implied = self.implied
        if implied is None:
            return False
        declared = self.declared
        if declared in ("none", "downgrade"):
            return True
        return BUMPS.index(declared) < BUMPS.index(implied)

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": {"id": self.old_id, "version": self.old_version},
            "new": {"id": self.new_id, "version": self.new_version},
            "implied_bump": self.implied,
            "declared_bump": self.declared,
            "declared_too_small": self.too_small,
            "changes": [change.as_dict() for change in self.changes],
        }


def diff_questionnaires(old: Questionnaire, new: Questionnaire) -> QuestionnaireDiff:
    """Every change from ``old`` to ``new``, in a stable order (questionnaire, themes, scales,
    questions; within each, ``old``'s order then the added ones)."""
    changes = [
        *_top(old, new),
        *_entities("theme", _by_id(old.themes), _by_id(new.themes), _theme_changes),
        *_entities("scale", _by_id(old.scales), _by_id(new.scales), _scale_changes),
        *_entities("question", _by_id(old.questions), _by_id(new.questions), _question_changes),
    ]
    return QuestionnaireDiff(old.id, new.id, old.version, new.version, tuple(changes))


def _by_id(items: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    return {item.id: item.model_dump(mode="json") for item in items}


def _top(old: Questionnaire, new: Questionnaire) -> Iterator[Change]:
    if old.id != new.id:
        yield Change("questionnaire_id", old.id, "major", "id", before=old.id, after=new.id)
    for language in sorted(set(new.languages) - set(old.languages)):
        yield Change("language_added", language, "minor")
    for language in sorted(set(old.languages) - set(new.languages)):
        yield Change("language_removed", language, "major")
    before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
    yield from _wording("questionnaire", "", before, after, ("title", "description", "intro"))
    for name in ("organisers", "election"):
        if before[name] != after[name]:
            yield Change("questionnaire_changed", "", "patch", name)


def _entities(
    noun: str,
    old: Mapping[str, dict[str, Any]],
    new: Mapping[str, dict[str, Any]],
    compare: Any,
) -> Iterator[Change]:
    for item_id, before in old.items():
        after = new.get(item_id)
        if after is None:
            yield Change(f"{noun}_removed", item_id, "major")
        else:
            yield from compare(item_id, before, after)
    for item_id in [key for key in new if key not in old]:
        yield Change(f"{noun}_added", item_id, "minor")


def _wording(
    noun: str, target: str, before: dict[str, Any], after: dict[str, Any], fields: tuple[str, ...]
) -> Iterator[Change]:
    for name in fields:
        languages = _reworded_languages(before.get(name), after.get(name))
        if languages:
            yield Change(
                f"{noun}_reworded",
                target,
                "patch",
                name,
                languages,
                _shown(before.get(name), languages),
                _shown(after.get(name), languages),
            )


def _reworded_languages(before: Any, after: Any) -> tuple[str, ...]:
    """The languages whose text differs (``*`` for a text given in the default language)."""
    if before == after:
        return ()
    old, new = _per_language(before), _per_language(after)
    return tuple(sorted(lang for lang in old.keys() | new.keys() if old.get(lang) != new.get(lang)))


def _per_language(text: Any) -> dict[str, str]:
    if text is None:
        return {}
    if isinstance(text, str):
        return {"*": text}
    return dict(text)


def _shown(text: Any, languages: tuple[str, ...]) -> str | None:
    """The text in the languages that changed (``fr: … | en: …``)."""
    if text is None or isinstance(text, str):
        return text
    shown = [f"{lang}: {text[lang]}" for lang in languages if lang in text]
    return " | ".join(shown) or None


def _theme_changes(
    theme_id: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Change]:
    yield from _wording("theme", theme_id, before, after, ("title", "description"))
    if before["weight"] != after["weight"]:
        yield _field_change("theme_changed", theme_id, "patch", "weight", before, after)


def _scale_changes(
    scale_id: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Change]:
    yield from _wording("scale", scale_id, before, after, ("label",))
    old = {o["code"]: o for o in before["options"]}
    new = {o["code"]: o for o in after["options"]}
    for code, option in old.items():
        target = f"{scale_id}.{code}"
        changed = new.get(code)
        if changed is None:
            yield Change("option_removed", target, "major")
            continue
        yield from _wording("option", target, option, changed, ("label",))
        if option["score"] != changed["score"]:
            yield _field_change("option_rescored", target, "minor", "score", option, changed)
        if option["not_applicable"] != changed["not_applicable"]:
            yield _field_change(
                "option_changed", target, "major", "not_applicable", option, changed
            )
    for code in [key for key in new if key not in old]:
        yield Change("option_added", f"{scale_id}.{code}", "minor")
    kept_old = [code for code in old if code in new]
    kept_new = [code for code in new if code in old]
    if kept_old != kept_new:
        yield Change("scale_reordered", scale_id, "major", "options",
                     before=", ".join(kept_old), after=", ".join(kept_new))  # fmt: skip


def _question_changes(
    question_id: str, before: dict[str, Any], after: dict[str, Any]
) -> Iterator[Change]:
    yield from _wording("question", question_id, before, after, ("text", "help", "lever", "unit"))
    for name in _CONSTRAINTS:
        if before.get(name) != after.get(name):
            yield _field_change("question_changed", question_id, "major", name, before, after)
    if before["required"] != after["required"]:
        bump: Bump = "major" if after["required"] else "patch"  # an old response may lack it
        yield _field_change("question_changed", question_id, bump, "required", before, after)
    ignored = (*_WORDING, *_CONSTRAINTS, "id", "required")
    other = sorted(
        name
        for name in before.keys() | after.keys()
        if name not in ignored and before.get(name) != after.get(name)
    )
    for name in other:
        yield _field_change("question_changed", question_id, "patch", name, before, after)


def _field_change(
    kind: str, target: str, bump: Bump, name: str, before: dict[str, Any], after: dict[str, Any]
) -> Change:
    return Change(kind, target, bump, name, (), _plain(before.get(name)), _plain(after.get(name)))


def _plain(value: Any) -> str | None:
    if value is None or value == []:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)
