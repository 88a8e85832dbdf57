"""Render an issue's message and what to do, in a language, from the one catalogue.

The English texts (the msgids) are in :mod:`.issue_texts` (output refusals in
:mod:`.output_texts`); their translations in the gettext catalogue (docs/translations.md).
Messages use ``str.format`` placeholders.
"""

from __future__ import annotations

from .catalog import pgettext
from .display import printable
from .issue_texts import FILE_KINDS, ISSUE_TEXTS
from .output_texts import OUTPUT_TEXTS, OUTPUT_WORDS
from .version_texts import EXTENDS_NOUNS, VERSION_TEXTS
from .yaml_texts import YAML_ISSUE_TEXTS

__all__ = ["CATALOG", "LANGUAGES", "OUTPUT_MESSAGES", "OUTPUT_WORDS", "TRANSLATED_PARAMS", "render"]

LANGUAGES = ("fr", "en")
CATALOG = {**ISSUE_TEXTS, **YAML_ISSUE_TEXTS, **VERSION_TEXTS}
# Why an output (-o) was refused or could not be written: not project issues, so not in CATALOG.
OUTPUT_MESSAGES = OUTPUT_TEXTS

# Parameters shown as words of ours: code -> {parameter: (context, words)}. With ``words``, the
# value is a key of it (``fifo`` -> "named pipe"); without, the value is itself the English text.
_Words = dict[str, str] | None
TRANSLATED_PARAMS: dict[str, dict[str, tuple[str, _Words]]] = {
    "syntax_error": {"problem": ("yaml", None)},
    "wrong_type": {"expected": ("type", None)},
    "ignored_file": {"kind": ("file-kind", FILE_KINDS)},
    "not_a_file": {"kind": ("file-kind", FILE_KINDS)},
    "not_a_folder": {"kind": ("file-kind", FILE_KINDS)},
    "output_is_input": {"what": ("output-word", OUTPUT_WORDS)},
    "output_protected": {"what": ("output-word", OUTPUT_WORDS)},
    "output_special": {"kind": ("output-word", OUTPUT_WORDS)},
    "extends_unknown_id": {"noun": ("extends-noun", EXTENDS_NOUNS)},
}


def _localized_params(code: str, lang: str, params: dict[str, object]) -> dict[str, object]:
    translated = dict(params)
    for name, (context, words) in TRANSLATED_PARAMS.get(code, {}).items():
        value = params.get(name)
        if isinstance(value, str) and (words is None or value in words):
            english = value if words is None else words[value]
            translated[name] = pgettext(context, english, lang)
    return translated


def render(
    code: str,
    lang: str,
    params: dict[str, object],
    catalog: dict[str, tuple[str, str]] = CATALOG,
) -> tuple[str, str]:
    """Return the message and the advice for ``code`` in ``lang`` (English if unknown).

    Texts from files (names, values) are made printable: none can break a line of the report.
    """
    message, hint = catalog[code]
    shown = {k: printable(v) if isinstance(v, str) else v for k, v in params.items()}
    safe = _Defaulting(_localized_params(code, lang, shown))
    return (
        pgettext(f"issue:{code}", message, lang).format_map(safe),
        pgettext(f"hint:{code}", hint, lang).format_map(safe),
    )


class _Defaulting(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"
