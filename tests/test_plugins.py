"""The plugin system: hooks, the manager, conflicts, broken plugins, environment variables."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from civicquest import hookimpl
from civicquest.cli import cli
from civicquest.errors import PluginError, UsageError
from civicquest.exporting.pipeline import export
from civicquest.models import Project
from civicquest.plugins import ImportResult
from civicquest.plugins import _hookspecs as hookspecs
from civicquest.plugins._listing import get_plugin_failures, list_plugins
from civicquest.plugins._manager import (
    get_exporter,
    get_exporters,
    get_importers,
    get_plugin_manager,
    get_scoring_method,
)
from civicquest.plugins._records import Exporter, Importer, ScoringMethod
from civicquest.testing import (
    aix2026,
    fresh_plugin_host,
    plugin_manager,
    register_plugin,
    registered,
)
from fake_plugins import fake_distribution, install

__all__ = ["aix2026", "fake_distribution", "plugin_manager", "register_plugin"]  # fixtures

ROOT = Path(__file__).resolve().parents[1]
HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("register_"))


def _exporter(name: str, content: bytes = b"ok", **kwargs: object) -> Exporter:
    return Exporter(
        name=name, description=f"{name} test format", export=lambda _: content, **kwargs
    )  # type: ignore[arg-type]


class ExportsTo:
    def __init__(self, *names: str) -> None:
        self.names = names

    @hookimpl
    def register_exporters(self) -> list[Exporter]:
        return [_exporter(name) for name in self.names]


@pytest.fixture
def lenient() -> Iterator[None]:
    """A fresh manager that reports plugin failures instead of raising (as for users)."""
    with fresh_plugin_host(strict=False):
        yield


# -- every hook has a test and documentation ------------------------------------------------


def test_hooks_are_the_documented_four() -> None:
    assert HOOKS == [
        "register_commands",
        "register_exporters",
        "register_importers",
        "register_scoring_methods",
    ]


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook: str) -> None:
    sources = "".join(p.read_text() for p in Path(__file__).parent.glob("test_plugins*.py"))
    assert f"def test_hook_{hook}(" in sources


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature(hook: str) -> None:
    caller = getattr(get_plugin_manager().hook, hook)
    signature = f"{hook}({', '.join(caller.spec.argnames)})"
    docs = (ROOT / "docs" / "plugins" / "plugin-hooks.md").read_text(encoding="utf-8")
    assert re.search(rf"^## `{re.escape(signature)}`$", docs, re.MULTILINE), signature


# -- the four hooks --------------------------------------------------------------------------


def test_hook_register_exporters(register_plugin: object, aix2026: Project) -> None:
    with registered(ExportsTo("shout")):
        assert export(aix2026, "shout") == b"ok"
        assert "shout" in get_exporters()
    assert "shout" not in get_exporters()


def test_hook_register_importers(register_plugin: object) -> None:
    class Imports:
        @hookimpl
        def register_importers(self) -> list[Importer]:
            load = lambda project, data, options, file_name: ImportResult()  # noqa: E731
            return [Importer(name="kobo", description="KoboToolbox", load=load)]

    with registered(Imports()):
        assert "kobo" in list(get_importers())  # with the installed plugins' importers
        result = CliRunner().invoke(cli, ["formats"])
    assert "import kobo: KoboToolbox" in result.output


def test_hook_register_scoring_methods(register_plugin: object, aix2026: Project) -> None:
    class Report(BaseModel):
        lists: int

    class Scores:
        @hookimpl
        def register_scoring_methods(self) -> list[ScoringMethod]:
            score = lambda project, options: Report(lists=len(project.respondents))  # noqa: E731
            return [ScoringMethod(name="count", description="count lists", score=score)]

    with registered(Scores()):
        method = get_scoring_method("count")
        assert method.score(aix2026, None) == Report(lists=len(aix2026.respondents))
    with pytest.raises(UsageError, match="unknown scoring method 'count'"):
        get_scoring_method("count")


def test_hook_register_commands(register_plugin: object) -> None:
    class Commands:
        @hookimpl
        def register_commands(self, cli: click.Group) -> None:
            @cli.command()
            def hello() -> None:
                click.echo("bonjour")

    with registered(Commands(), name="hello-plugin"):
        result = CliRunner().invoke(cli, ["hello"])
        info = {p.name: p for p in list_plugins()}["hello-plugin"]
    assert (result.exit_code, result.output) == (0, "bonjour\n")
    assert info.provides == {"commands": ("hello",)}


def test_a_plugin_command_cannot_replace_a_builtin_one(lenient: None) -> None:
    class Hijack:
        @hookimpl
        def register_commands(self, cli: click.Group) -> None:
            cli.command(name="export")(lambda: None)

    with registered(Hijack(), name="hijack"):
        listing = CliRunner().invoke(cli, ["plugins"])  # the CLI reserves its own names
        failures = get_plugin_failures()
        export_help = CliRunner().invoke(cli, ["export", "--help"])
    assert [(f.plugin, f.stage) for f in failures] == [("hijack", "conflict")]
    assert "hijack" in listing.output
    assert "--format" in export_help.output


# -- the manager -----------------------------------------------------------------------------


def test_the_manager_is_built_once() -> None:
    assert get_plugin_manager() is get_plugin_manager()


def test_builtin_formats_are_default_plugins(plugin_manager: object) -> None:
    infos = {p.name: p for p in list_plugins() if p.default}
    assert infos["civicquest.default_plugins.canonical"].provides == {"exporters": ("json", "yaml")}
    assert "jsonschema" in infos["civicquest.default_plugins.json_schema"].provides["exporters"]


def test_first_party_plugins_come_through_their_entry_points(plugin_manager: object) -> None:
    infos = {p.name: p for p in list_plugins(include_defaults=False)}
    assert infos["tabular"].distribution == "civicquest-tabular"
    assert infos["tabular"].provides == {"exporters": ("csv", "xlsx")}


def test_records_are_sorted_and_aliases_resolve(plugin_manager: object) -> None:
    names = list(get_exporters())
    assert names == sorted(names)
    assert get_exporter("YML").name == "yaml"


def test_record_names_are_checked_when_built() -> None:
    with pytest.raises(ValueError, match="invalid exporter name 'Bad Name'"):
        _exporter("Bad Name")
    with pytest.raises(ValueError, match="invalid file extension"):
        _exporter("fine", file_extensions=("csv",))


# -- broken plugins: reported by name, the rest keeps working --------------------------------


def test_duplicate_names_are_refused_naming_every_provider(lenient: None) -> None:
    with (
        registered(ExportsTo("twice"), name="first"),
        registered(ExportsTo("twice"), name="second"),
    ):
        with pytest.raises(PluginError, match=r"'twice'.*'first' and 'second'"):
            get_exporter("twice")
        failures = {f.plugin: f.message for f in get_plugin_failures()}
        assert set(failures) == {"first", "second"}
        assert "2 exporters are named 'twice'" in failures["first"]


def test_a_builtin_format_name_cannot_be_taken(lenient: None, aix2026: Project) -> None:
    with registered(ExportsTo("json"), name="usurper"):
        assert export(aix2026, "json").startswith(b"{")
        [failure] = get_plugin_failures()
    assert failure.plugin == "usurper"
    assert "the built-in exporter is kept" in failure.message


def test_strict_mode_raises_on_a_duplicate(register_plugin: object) -> None:
    with registered(ExportsTo("json"), name="usurper"), pytest.raises(PluginError, match="usurper"):
        get_exporters()


def test_a_misspelt_hook_is_reported_with_a_suggestion(lenient: None, aix2026: Project) -> None:
    class Typo:
        @hookimpl
        def register_exporter(self) -> list[Exporter]:
            return []

    with registered(Typo(), name="typo"):
        [failure] = get_plugin_failures()
        assert export(aix2026, "json")
    assert failure.plugin == "typo"
    assert failure.stage == "unknown-hook"
    assert "did you mean 'register_exporters'?" in failure.message


def test_a_misspelt_hook_is_an_error_in_strict_mode(register_plugin: object) -> None:
    class Typo:
        @hookimpl
        def register_exporter(self) -> list[Exporter]:
            return []

    with pytest.raises(PluginError, match=r"typo.*register_exporter"), registered(Typo(), "typo"):
        pass


def test_an_exception_inside_a_hook_is_reported(lenient: None, aix2026: Project) -> None:
    class Raises:
        @hookimpl
        def register_exporters(self) -> list[Exporter]:
            raise RuntimeError("boom")

    with registered(Raises(), name="raises"):
        assert export(aix2026, "json")
        [failure] = get_plugin_failures()
    assert str(failure) == "plugin 'raises' (hook): register_exporters() raised RuntimeError: boom"


def test_a_wrong_record_type_is_reported(lenient: None) -> None:
    class Wrong:
        @hookimpl
        def register_exporters(self) -> list[str]:
            return ["csv"]

    with registered(Wrong(), name="wrong"):
        [failure] = get_plugin_failures()
    assert failure.message == "register_exporters() gave a str, not a Exporter"


def test_a_plugin_that_fails_to_import(fake_distribution: Path) -> None:
    install(fake_distribution, "civicquest-broken", "import not_a_module_anywhere\n")
    runner = CliRunner()
    listed = runner.invoke(cli, ["plugins", "--json"])
    exported = runner.invoke(cli, ["export", str(ROOT / "examples/aix2026"), "--format", "json"])
    broken = json.loads(listed.output)["broken"]
    assert broken == [
        {
            "plugin": "civicquest-broken",
            "stage": "import",
            "error": "cannot import 'civicquest_broken': "
            "ModuleNotFoundError: No module named 'not_a_module_anywhere'",
        }
    ]
    assert exported.exit_code == 0
    assert json.loads(exported.output)["format"] == "civicquest-project/1"


BROKEN_HOOK = """
from civicquest import hookimpl

@hookimpl
def register_exporters():
    raise ValueError("cassé")

@hookimpl
def register_exporterz():
    return []
"""


def test_plugins_command_shows_broken_plugins_as_text(fake_distribution: Path) -> None:
    install(fake_distribution, "civicquest-cassé", BROKEN_HOOK)
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0
    assert "civicquest-cassé [unknown-hook]: implements 'register_exporterz'" in result.output
    assert "tabular 0.1.0 (civicquest-tabular)" in result.output


def test_an_installed_plugin_with_a_hook_that_raises(fake_distribution: Path) -> None:
    install(
        fake_distribution,
        "civicquest-raises",
        BROKEN_HOOK.split("@hookimpl\ndef register_exporterz")[0],
    )
    result = CliRunner().invoke(cli, ["plugins", "--json"])
    [broken] = json.loads(result.output)["broken"]
    assert broken["error"] == "register_exporters() raised ValueError: cassé"


def test_disable_plugins_by_entry_point_or_distribution(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("tabular", "civicquest-tabular, other"):
        monkeypatch.setenv("CIVICQUEST_DISABLE_PLUGINS", value)
        with fresh_plugin_host(environ={"CIVICQUEST_DISABLE_PLUGINS": value}):
            assert "csv" not in get_exporters()
            assert "json" in get_exporters()


def test_load_only_some_plugins() -> None:
    with fresh_plugin_host(environ={"CIVICQUEST_LOAD_PLUGINS": ""}):
        assert [p.name for p in list_plugins(include_defaults=False)] == []
    with fresh_plugin_host(environ={"CIVICQUEST_LOAD_PLUGINS": "tabular"}):
        assert [p.name for p in list_plugins(include_defaults=False)] == ["tabular"]


# -- the command line stays fast -------------------------------------------------------------


def test_help_does_not_import_pydantic_nor_build_the_plugin_manager() -> None:
    code = (
        "import sys\nfrom civicquest.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m in ('pydantic', 'pluggy', "
        "'civicquest.plugins._manager')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("[]")
    assert "export" in result.stdout
    assert "plugins" in result.stdout
