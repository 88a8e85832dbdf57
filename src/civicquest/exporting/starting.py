"""``civicquest init``: start a project for a commune from a shipped example or a project.

The new folder holds the template's questionnaire (themes, scales and questions kept), a
placeholder coalition as its one organiser (questions lose their ``asked_by``: those were the
template's organisers), the commune with its INSEE code and the division id built from it,
the template's scoring choices, a ``respondents.yaml`` with no list yet (a commented model),
the JSON Schemas in ``schemas/`` that the files' ``$schema`` comments point to, and a
README of what to edit, in French then English. It is written atomically and only into a
folder that is new or empty.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InvalidProjectError, UsageError
from ..loading.examples import EXAMPLES, example_path
from ..loading.project import check_project
from ..models.project import Project
from ..models.questionnaire import Commune, Organisation, Questionnaire
from ..validation.divisions import division_id_for, insee_problem
from ..validation.models import check_models
from .atomic import write_folder_atomically
from .authoring import authoring_files
from .outputs import OutputError
from .schemas import json_schema

__all__ = ["PLACEHOLDER_ORGANISER", "NewCommune", "init_project", "texts_naming"]

#: The one organiser of a new project, to be replaced by the coalition's members.
PLACEHOLDER_ORGANISER = Organisation(
    id="coalition", name="Votre coalition (à compléter) / your coalition (to fill in)"
)
_README = Path(__file__).parent / "templates" / "init-readme.md"
_SCHEMA_FILES = {"questionnaire.yaml": "questionnaire", "respondents.yaml": "respondents",
                 "scoring.yaml": "scoring"}  # fmt: skip


@dataclass(frozen=True)
class NewCommune:
    """The commune of the new project: its name and INSEE code (checked when built)."""

    name: str
    insee_code: str

    def __post_init__(self) -> None:
        problem = insee_problem(self.insee_code)
        if problem is not None:
            raise UsageError(f"--insee {self.insee_code!r}: not a commune's INSEE code ({problem})")
        try:
            Commune(name=self.name, insee_code=self.insee_code)
        except ValidationError as error:
            reason = error.errors()[0]["msg"]
            raise UsageError(f"--commune {self.name!r}: {reason}") from None


def init_project(
    folder: str | os.PathLike[str], template: str, commune: NewCommune | None = None
) -> tuple[Path, ...]:
    """Write a new project in ``folder`` from ``template`` (an example's name or a project's
    path); return the files written.

    Raises :class:`UsageError` for an unknown template, :class:`InvalidProjectError` if the
    template does not validate, and :class:`OutputError` (refused) if ``folder`` exists and is
    not empty.
    """
    target = Path(folder)
    _refuse_non_empty(target)
    source = _template_project(template)
    questionnaire = _new_questionnaire(source.questionnaire, commune)
    scoring = source.scoring
    if scoring is not None and scoring.questionnaire is not None:
        scoring = scoring.model_copy(update={"questionnaire": questionnaire.id})
    project = Project(questionnaire=questionnaire, scoring=scoring)
    checked = check_models(project)
    if checked.project is None:  # the template validated: this would be a bug of ours
        raise InvalidProjectError(checked.issues)
    files = _files(project, template, source.questionnaire)
    write_folder_atomically(target, files, _refuse_non_empty)
    return tuple(target / name for name in files)


def _refuse_non_empty(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputError("output_is_file", target, refused=True)
    if target.is_dir() and any(target.iterdir()):
        raise OutputError("output_init_not_empty", target, refused=True)


def _template_project(template: str) -> Project:
    if template in EXAMPLES:
        path = example_path(template)
    elif Path(template).exists():
        path = Path(template)
    else:
        raise UsageError(
            f"--from {template!r}: neither a shipped example ({', '.join(EXAMPLES)}) nor an "
            "existing project folder or questionnaire file"
        )
    checked = check_project(path)
    if checked.project is None:
        raise InvalidProjectError(checked.issues)
    return checked.project


def _new_questionnaire(template: Questionnaire, commune: NewCommune | None) -> Questionnaire:
    questions = tuple(q.model_copy(update={"asked_by": ()}) for q in template.questions)
    update: dict[str, Any] = {
        "version": "1.0.0",
        "organisers": (PLACEHOLDER_ORGANISER,),
        "questions": questions,
    }
    if commune is not None:
        # One commune now: a template's restrictions to some of its communes would name communes
        # the new election does not have, so every question is asked in the new commune.
        update["questions"] = tuple(q.model_copy(update={"communes": None}) for q in questions)
        update["themes"] = tuple(t.model_copy(update={"communes": None}) for t in template.themes)
        election = template.election
        year = election.rounds[0].date.year
        update["id"] = f"{_slug(commune.name)}-{year}"[:64].rstrip("-_.") or template.id
        update["election"] = election.model_copy(
            update={
                "name": _election_name(template, commune.name, year),
                "commune": Commune(name=commune.name, insee_code=commune.insee_code),
                "communes": None,
                "territory": None,
                "division_id": division_id_for(commune.insee_code),
            }
        )
    return template.model_copy(update=update)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "commune"


def _election_name(template: Questionnaire, commune: str, year: int) -> str | dict[str, str]:
    """The election's name in the questionnaire's languages; French and English only, so
    another language keeps the template's name (the README lists it)."""
    names = {
        "fr": f"Élections municipales {year} à {commune}",
        "en": f"{year} municipal elections in {commune}",
    }
    languages = template.languages
    if not set(languages) <= names.keys():
        return template.election.name
    if languages == (template.default_language,):
        return names[template.default_language]
    return {lang: names[lang] for lang in languages}


def texts_naming(questionnaire: Questionnaire, name: str) -> list[str]:
    """The paths of the questionnaire's texts that contain ``name`` (``intro.fr``…)."""
    found: list[str] = []

    def visit(value: Any, path: str) -> None:
        if isinstance(value, str):
            if name in value:
                found.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, f"{path}[{index}]")

    if name:
        visit(questionnaire.model_dump(mode="json", exclude={"election"}), "")
    return found


def _files(project: Project, template: str, source: Questionnaire) -> dict[str, bytes]:
    import json

    files = authoring_files(project)
    for name, schema in _SCHEMA_FILES.items():
        if name in files:
            files[name] = _header(schema, template) + files[name]
    files["respondents.yaml"] = _respondents(project.questionnaire.id, template)
    for schema in ("questionnaire", "respondents", "response", "scoring"):
        content = json.dumps(json_schema(schema), ensure_ascii=False, indent=2, sort_keys=True)
        files[f"schemas/{schema}.schema.json"] = (content + "\n").encode()
    files["README.md"] = _readme(project.questionnaire, template, source)
    return dict(sorted(files.items()))


def _header(schema: str, template: str) -> bytes:
    return (
        f"# yaml-language-server: $schema=schemas/{schema}.schema.json\n"
        f"# civicquest init --from {_one_line(template)} : voir README.md / see README.md\n\n"
    ).encode()


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def _respondents(questionnaire_id: str, template: str) -> bytes:
    body = f"""questionnaire: {questionnaire_id}

# Les listes sollicitées : ajoutez-en une par liste candidate, sur ce modèle.
# The lists asked: add one per candidate list, following this model.
respondents: []
#  - id: liste-a                    # lettres, chiffres, - _ . / letters, digits, - _ .
#    name: Liste A
#    head_of_list: Prénom Nom
#    status: pending                # answered, partial, pending, declined…
#    contact:                       # privé, jamais publié / private, never published
#      email: contact@liste-a.example.org
"""
    return _header("respondents", template) + body.encode()


def _readme(questionnaire: Questionnaire, template: str, source: Questionnaire) -> bytes:
    old_name = source.election.place
    naming = texts_naming(questionnaire, old_name) if old_name != _commune(questionnaire) else []
    listed = "\n".join(f"- `{path}`" for path in naming) or "-"
    text = _README.read_text(encoding="utf-8").format(
        template=html.escape(_one_line(template)),
        id=questionnaire.id,
        commune=html.escape(_commune(questionnaire)),
        insee=", ".join(c.insee_code for c in questionnaire.election.all_communes),
        division=questionnaire.election.division_id,
        old_commune=html.escape(old_name),
        texts=listed,
        questions=len(questionnaire.questions),
    )
    return text.encode("utf-8")


def _commune(questionnaire: Questionnaire) -> str:
    return questionnaire.election.place
