"""Read a project folder (or a single questionnaire file) into a cross-checked :class:`Project`.

Layout of a project folder::

    questionnaire.yaml      the questionnaire (or .yml / .json); it may extend another
    previous_versions/      earlier versions of it, as <version>.yaml (optional)
    respondents.yaml        the candidate lists and their status (optional)
    responses/<list>.yaml   one response per list (optional; .yml / .json too)
    followup/<list>.yaml    the follow-up of an elected list's commitments (optional)
    scoring.yaml            scores, weights and missing-answer policy (optional)
    rounds.yaml             the lists of each round and the mergers between rounds (optional)

A list's response for round 2, when it also has one for round 1, is
``responses/<list>.round2.yaml``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..errors import InvalidProjectError
from ..models._bulk import gc_paused
from ..models.followup import Followup
from ..models.project import Project
from ..models.questionnaire import Questionnaire
from ..models.respondents import Respondent, RespondentList
from ..models.responses import Response
from ..models.rounds import ElectionRounds
from ..models.scoring import ScoringConfig
from ..validation.checks import (
    ResponseChecker,
    check_coverage,
    check_questionnaire,
    check_respondents,
)
from ..validation.checks.followup import FollowupChecker
from ..validation.checks.rounds import check_rounds
from ..validation.checks.scoring import check_scale_scores, check_scoring
from ..validation.issues import Issue, located
from ..validation.models import check_models
from ..validation.outcome import ProjectCheck
from .documents import MAX_FILE_BYTES, MAX_LISTING_BYTES, SourceDocument
from .extends import load_questionnaire_file
from .file_kinds import PathKind, kind_of
from .near_misses import near_miss
from .previous import load_previous_versions
from .reading import read_mapping, validated

__all__ = ["ProjectCheck", "ProjectSource", "check_project", "load_project", "load_questionnaire"]

SUFFIXES = (".yaml", ".yml", ".json")
Model = TypeVar("Model", bound=BaseModel)


#: A project folder or questionnaire file, or models built in Python.
ProjectSource = str | os.PathLike[str] | Project | Questionnaire


def load_project(path: ProjectSource) -> Project:
    """Load and cross-check a project. Raises :class:`InvalidProjectError` listing every issue.

    ``path`` may also be a :class:`Project` or a :class:`Questionnaire` built in Python: it is
    cross-checked the same way and returned (a questionnaire inside a project without lists).
    """
    result = check_project(path)
    if result.project is None:
        raise InvalidProjectError(result.issues)
    return result.project


def load_questionnaire(path: ProjectSource) -> Questionnaire:
    """Load and check a questionnaire file (or the questionnaire of a project folder)."""
    return load_project(path).questionnaire


def check_project(path: ProjectSource) -> ProjectCheck:
    """Check a project and collect every issue; never raises for a user's mistake.

    Every file is checked on its own even when another one is broken; cross-checks run
    wherever the files they compare could be read. Models (a :class:`Project` or a
    :class:`Questionnaire`) get the same cross-checks; their issues have no line and column.
    """
    if isinstance(path, Project | Questionnaire):
        return check_models(path)
    # a folder holds many small documents and models (a département: 200,000 lists); their
    # number would trigger full collections over an ever larger heap: cost per list would grow
    with gc_paused():
        return _check_folder(Path(path))


def _check_folder(root: Path) -> ProjectCheck:
    issues: list[Issue] = []
    names = _entries(root, issues) if root.is_dir() else []
    if names is None:
        return ProjectCheck(None, tuple(issues))
    questionnaire_file = _questionnaire_file(root, names, issues)
    loaded = load_questionnaire_file(questionnaire_file, issues) if questionnaire_file else None
    questionnaire = loaded[0] if loaded else None
    if loaded is not None:
        issues += check_questionnaire(*loaded)
    folder = root if root.is_dir() else None
    previous = load_previous_versions(folder, questionnaire, issues) if folder else ()
    respondents, respondents_doc = (
        _respondents(folder, names, questionnaire, issues) if folder else ((), None)
    )
    responses = (
        _responses(folder, names, questionnaire, respondents, respondents_doc, previous, issues)
        if folder
        else []
    )
    followups = (
        _followups(folder, FollowupChecker(questionnaire, respondents, {
            r.respondent: r for r in responses}), issues)
        if folder and questionnaire
        else ()
    )  # fmt: skip
    rounds = _rounds(folder, questionnaire, respondents, responses, issues) if folder else None
    respondents = respondents or ()
    before_scoring = len(issues)
    scoring = _scoring(folder, names, questionnaire, issues) if folder else None
    if loaded is not None and not any(i.severity == "error" for i in issues[before_scoring:]):
        issues += check_scale_scores(*loaded, scoring)  # needs scoring.yaml, if it can be read
    project = None
    if questionnaire is not None and not any(i.severity == "error" for i in issues):
        project = Project.model_construct(
            questionnaire=questionnaire,
            respondents=respondents,
            responses=tuple(responses),
            scoring=scoring,
            previous_versions=previous,
            followups=followups,
            rounds=rounds,
        )
    return ProjectCheck(project, tuple(sorted(issues, key=_reading_order)))


def _reading_order(issue: Issue) -> tuple[str, int, int]:
    return (issue.file or "", issue.line or 0, issue.column or 0)


def _questionnaire_file(root: Path, names: list[str], issues: list[Issue]) -> Path | None:
    if root.is_dir():
        found = _find(root, "questionnaire", issues)
        if found or _misnamed(root, "questionnaire", names, issues):
            return found
        expected = root / "questionnaire.yaml"
    elif kind_of(root).kind != "absent":
        return root  # reading it says what is wrong: a FIFO, a link to nowhere…
    else:
        expected = root
    issues.append(located("file_missing", None, file=expected, expected=str(expected)))
    return None


def _find(folder: Path, stem: str, issues: list[Issue]) -> Path | None:
    """``stem.yaml``, ``.yml`` or ``.json``; two of them is an error (one would be ignored).

    Whatever stands at such a name counts, even a folder or a link to nowhere: reading it then
    reports what is wrong, instead of taking the file for absent.
    """
    candidates = [folder / (stem + suffix) for suffix in SUFFIXES]
    found = [path for path in candidates if kind_of(path).kind != "absent"]
    if len(found) > 1:
        names = ", ".join(path.name for path in found)
        issues.append(
            located("several_files", None, file=found[1], names=names, used=found[0].name)
        )
    return found[0] if found else None


def _misnamed(folder: Path, stem: str, names: list[str], issues: list[Issue]) -> bool:
    """Report a file (or folder) that looks like the missing ``stem``, and say if there is one."""
    folders = stem == "responses"
    candidates = [name for name in names if (folder / name).is_dir() == folders]
    found = near_miss(stem, candidates)
    if found is None:
        return False
    expected = stem if folders else f"{stem}.yaml"
    issues.append(
        located("misnamed_file", None, file=folder / found, expected=expected, found=found)
    )
    return True


def _respondents(
    folder: Path, names: list[str], questionnaire: Questionnaire | None, issues: list[Issue]
) -> tuple[tuple[Respondent, ...] | None, SourceDocument | None]:
    """The lists and their file: ``()`` without a file, ``None`` if it cannot be read (or is
    misnamed: the responses are then not checked against lists that were not read)."""
    path = _find(folder, "respondents", issues)
    if path is None:
        return (None if _misnamed(folder, "respondents", names, issues) else ()), None
    loaded = _load_model(path, RespondentList, issues, max_bytes=MAX_LISTING_BYTES)
    if loaded is None:
        return None, None
    respondent_list, doc = loaded
    issues += check_respondents(respondent_list, doc, questionnaire)
    return respondent_list.respondents, doc


def _scoring(
    folder: Path, names: list[str], questionnaire: Questionnaire | None, issues: list[Issue]
) -> ScoringConfig | None:
    path = _find(folder, "scoring", issues)
    if path is None:
        _misnamed(folder, "scoring", names, issues)
    loaded = _load_model(path, ScoringConfig, issues) if path else None
    if loaded is None:
        return None
    if questionnaire is not None:
        issues += check_scoring(*loaded, questionnaire)
    return loaded[0]


def _rounds(
    folder: Path,
    questionnaire: Questionnaire | None,
    respondents: tuple[Respondent, ...] | None,
    responses: list[Response],
    issues: list[Issue],
) -> ElectionRounds | None:
    """rounds.yaml, cross-checked when the questionnaire and the lists could be read."""
    path = _find(folder, "rounds", issues)
    loaded = _load_model(path, ElectionRounds, issues) if path else None
    if loaded is None:
        return None
    if questionnaire is not None and respondents is not None:
        read = responses if (folder / "responses").is_dir() else None
        issues += check_rounds(*loaded, questionnaire, respondents, read)
    return loaded[0]


def _responses(
    folder: Path,
    names: list[str],
    questionnaire: Questionnaire | None,
    respondents: tuple[Respondent, ...] | None,
    respondents_doc: SourceDocument | None,
    previous: tuple[Questionnaire, ...],
    issues: list[Issue],
) -> list[Response]:
    kept = frozenset(q.version for q in previous)
    checker = ResponseChecker(questionnaire, respondents, kept) if questionnaire else None
    found: dict[tuple[str, int], tuple[Response, SourceDocument]] = {}
    unreadable: set[str] = set()
    files = _response_files(folder, issues)
    if files == [] and "responses" not in names and _misnamed(folder, "responses", names, issues):
        files = None  # a misnamed responses/ folder: which list answered is unknown
    with gc_paused():
        for path in files or ():
            loaded = _load_model(path, Response, issues)
            if loaded is not None:
                issues += _add_response(loaded, found, checker)
            else:
                unreadable.add(path.stem)
    if respondents is not None and files is not None:
        answered = {respondent for respondent, _ in found} | unreadable
        issues += check_coverage(respondents, answered, respondents_doc)
    order = {r.id: i for i, r in enumerate(respondents or ())}
    pairs = sorted(
        found.values(),
        key=lambda pair: (order.get(pair[0].respondent, len(order)), pair[0].round),
    )
    return [response for response, _ in pairs]


def _add_response(
    loaded: tuple[Response, SourceDocument],
    found: dict[tuple[str, int], tuple[Response, SourceDocument]],
    checker: ResponseChecker | None,
) -> list[Issue]:
    response, doc = loaded
    issues = checker.check(response, doc) if checker else []
    key = (response.respondent, response.round)
    first = found.get(key)
    if first is not None:
        issues.append(
            located(
                "duplicate_response",
                doc,
                ("respondent",),
                respondent=response.respondent,
                first=str(first[1].path),
            )
        )
    else:
        found[key] = loaded
    return issues


def _followups(folder: Path, checker: FollowupChecker, issues: list[Issue]) -> tuple[Followup, ...]:
    """The follow-up files of ``followup/`` (optional), checked; one per list."""
    found: dict[str, str] = {}
    kept: list[Followup] = []
    for path in _response_files(folder, issues, "followup") or ():
        loaded = _load_model(path, Followup, issues)
        if loaded is None:
            continue
        followup, doc = loaded
        issues += checker.check(followup, doc)
        if followup.respondent in found:
            issues.append(located("duplicate_followup", doc, ("respondent",),
                                  respondent=followup.respondent,
                                  first=found[followup.respondent]))  # fmt: skip
            continue
        found[followup.respondent] = str(doc.path)
        kept.append(followup)
    return tuple(kept)


def _response_files(
    folder: Path, issues: list[Issue], name: str = "responses"
) -> list[Path] | None:
    """The response files, in name order; None if ``responses/`` is there but cannot be listed.

    Every visible name with a response suffix is returned, whatever it is (reading it reports a
    folder or a broken link); anything else is reported as ignored, never skipped silently.
    """
    directory = folder / name
    found = kind_of(directory)
    if found.kind == "absent":
        return []
    if found.kind != "folder":
        issues.append(_folder_issue(directory, found))
        return None
    names = _entries(directory, issues)
    if names is None:
        return None
    kept = [name for name in names if Path(name).suffix.lower() in SUFFIXES]
    for name in sorted(set(names) - set(kept)):
        kind = kind_of(directory / name).kind
        issues.append(
            located("ignored_file", None, file=directory / name, severity="warning", kind=kind)
        )
    return [directory / name for name in kept]


def _entries(directory: Path, issues: list[Issue]) -> list[str] | None:
    """The visible names in ``directory``, sorted; None (and an issue) if it cannot be listed."""
    try:
        with os.scandir(directory) as entries:
            return sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as error:
        reason = error.strerror or str(error)
        issues.append(_folder_issue(directory, PathKind("unreadable", reason)))
        return None


def _folder_issue(directory: Path, found: PathKind) -> Issue:
    """The issue for a folder that is not one, or cannot be read."""
    if found.kind in ("broken_link", "link_loop"):
        return located(found.kind, None, file=directory, target=found.target)
    if found.kind == "unreadable":
        return located("folder_unreadable", None, file=directory, reason=found.reason)
    return located("not_a_folder", None, file=directory, kind=found.kind)


def _load_model(
    path: Path, model: type[Model], issues: list[Issue], *, max_bytes: int = MAX_FILE_BYTES
) -> tuple[Model, SourceDocument] | None:
    doc = read_mapping(path, issues, max_bytes)
    return validated(doc, model, issues) if doc is not None else None
