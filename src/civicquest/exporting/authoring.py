"""Write a :class:`Project` back as an authoring folder that :func:`load_project` reads equal.

The folder has the standard layout (``questionnaire.yaml``, ``respondents.yaml``,
``responses/<list id>.yaml``, ``scoring.yaml``), in YAML as people write it: block style,
unicode kept, fields in the models' order, only the fields that were given.
Files are written atomically; nothing civicquest did not write is ever deleted or replaced.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError
from ..models.project import Project
from ..models.responses import Response
from .atomic import write_bytes_atomically, write_folder_atomically

__all__ = ["authoring_files", "save_project", "save_response"]

_SUFFIXES = (".yaml", ".yml", ".json")
_ROLES = ("questionnaire", "respondents", "scoring", "rounds")


def save_project(
    project: Project, folder: str | os.PathLike[str], *, overwrite: bool = False
) -> tuple[Path, ...]:
    """Write ``project`` into ``folder``; return the files written.

    ``folder`` must not exist or be empty. With ``overwrite=True`` an existing folder is
    accepted: the files civicquest writes are replaced one by one (atomically), other files
    are left alone, and a project file that would change what loads back (an old
    ``responses/x.yaml``, a ``scoring.yaml`` the project no longer has...) raises
    :class:`UsageError` naming it rather than being deleted.
    """
    target = Path(folder)
    files = authoring_files(project)
    if not target.exists():
        write_folder_atomically(target, files)
    else:
        _check_target(target, files, overwrite)
        for relative, content in files.items():
            write_bytes_atomically(target / relative, content)
    return tuple(target / relative for relative in files)


def save_response(folder: str | os.PathLike[str], response: Response) -> Path:
    """Write one list's response into the project ``folder`` as ``responses/<list id>.yaml``
    (atomically); return the file written.

    If the list's response is already there as ``.yml`` or ``.json``, that file is replaced
    (JSON stays JSON); the data is the response's, in the models' order.
    """
    responses = Path(folder) / "responses"
    for suffix in _SUFFIXES:
        target = responses / f"{response.respondent}{suffix}"
        if target.exists():
            break
    else:
        target = responses / f"{response.respondent}.yaml"
    data = _fields(response)
    if target.suffix == ".json":
        content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        content = _yaml(data)
    responses.mkdir(exist_ok=True)
    write_bytes_atomically(target, content)
    return target


def authoring_files(project: Project) -> dict[str, bytes]:
    """The files of the authoring folder: relative POSIX path -> YAML bytes."""
    questionnaire = project.questionnaire
    files = {"questionnaire.yaml": _yaml(_fields(questionnaire))}
    if project.respondents:
        respondents = [_fields(respondent) for respondent in project.respondents]
        files["respondents.yaml"] = _yaml(
            {"questionnaire": questionnaire.id, "respondents": respondents}
        )
    seen: set[tuple[str, int]] = set()
    for response in project.responses:
        relative = f"responses/{response.respondent}.yaml"
        if relative in files:
            relative = f"responses/{response.respondent}.round{response.round}.yaml"
        if (response.respondent, response.round) in seen:
            raise UsageError(
                f"the project has two responses of the list {response.respondent!r} for round "
                f"{response.round}: keep one before saving"
            )
        seen.add((response.respondent, response.round))
        files[relative] = _yaml(_fields(response))
    if project.scoring is not None:
        files["scoring.yaml"] = _yaml(_fields(project.scoring))
    if project.rounds is not None:
        files["rounds.yaml"] = _yaml(_fields(project.rounds))
    return files


def _fields(model: Any) -> Any:
    return model.model_dump(mode="json", exclude_unset=True)


def _check_target(target: Path, files: dict[str, bytes], overwrite: bool) -> None:
    if not target.is_dir():
        raise UsageError(f"{target} is not a folder: give a folder to write the project in")
    if not overwrite and any(target.iterdir()):
        raise UsageError(
            f"the folder {target} is not empty: choose an empty folder, or pass "
            "overwrite=True to replace the files civicquest writes there"
        )
    stray = sorted(set(_project_files(target)) - set(files))
    if stray:
        raise UsageError(
            f"the folder {target} holds project files this project would not replace, so it "
            f"would not load back as saved: {', '.join(stray)}; move them away first"
        )


def _project_files(target: Path) -> list[str]:
    """The files in ``target`` that :func:`load_project` would read (relative POSIX paths)."""
    found = [
        stem + suffix
        for stem in _ROLES
        for suffix in _SUFFIXES
        if (target / (stem + suffix)).exists()
    ]
    responses = target / "responses"
    if responses.is_dir():
        found += [
            f"responses/{path.name}"
            for path in responses.iterdir()
            if path.suffix.lower() in _SUFFIXES and not path.name.startswith(".")
        ]
    return found


class _Dumper(yaml.SafeDumper):
    """Safe YAML, no aliases; NEL and the Unicode line separators are quoted.

    PyYAML writes those three characters raw in plain and single-quoted scalars, then reads
    them back as line breaks: a double-quoted scalar escapes them.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(c in text for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def _yaml(data: Any) -> bytes:
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text.encode("utf-8")
