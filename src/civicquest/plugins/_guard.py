"""The plugin boundary (internal): plugin code that fails is reported by plugin name.

Everything a plugin may raise is caught here, ``SystemExit`` included (a plugin calling
``sys.exit()`` must not end civicquest); only ``KeyboardInterrupt`` goes through, so that the
user can still stop a command. A plugin that hangs cannot be interrupted safely in-process: the
core only avoids calling plugins a command does not need (see :mod:`civicquest.plugins._manager`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import CivicquestError, PluginError

__all__ = ["PluginCallError", "call_plugin", "describe_fault", "plugin_error", "type_name"]

T = TypeVar("T")


class PluginCallError(Exception):
    """Plugin code failed; ``reason`` says how ("raised ValueError: ...", "called sys.exit(3)")."""

    def __init__(self, reason: str, error: BaseException) -> None:
        super().__init__(reason)
        self.reason = reason
        self.error = error


def describe_fault(error: BaseException) -> str:
    """How plugin code failed, in a few words."""
    if isinstance(error, SystemExit):
        return f"called sys.exit({error.code!r})"
    return f"raised {type(error).__name__}: {error}"


def call_plugin(function: Callable[..., T], *args: Any) -> T:
    """Call plugin code; what it raises but ``KeyboardInterrupt`` becomes :class:`PluginCallError`.

    civicquest's own errors go through unchanged: plugins are told to raise ``UsageError`` for
    a bad option, and the caller knows what to do with it.
    """
    try:
        return function(*args)
    except (KeyboardInterrupt, CivicquestError):
        raise
    except BaseException as error:
        raise PluginCallError(describe_fault(error), error) from error


def plugin_error(plugin: str, what: str, fault: PluginCallError) -> PluginError:
    """The error the user sees: which plugin, doing what, and how it failed."""
    return PluginError(f"plugin {plugin!r}: {what} {fault.reason}")


def type_name(value: object) -> str:
    """``None``, or ``a str``/``an int``: how a wrong value is named in messages."""
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"
