"""The one catalogue: gettext lookups of civicquest's English source strings in a language.

The English text in the code is the message id; translations live in
``text/locale/<lang>/LC_MESSAGES/civicquest.po`` (compiled to ``.mo`` next to it, see
docs/translations.md). ``lang="en"`` and any language without a catalogue give the English text.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

__all__ = ["DOMAIN", "LOCALE_DIR", "N_", "available_languages", "pgettext", "translations"]

DOMAIN = "civicquest"
LOCALE_DIR = Path(__file__).parent / "locale"


def N_(context: str, message: str) -> str:  # noqa: N802  (the gettext convention)
    """Mark ``message`` for extraction with its ``context``; translated later, when shown."""
    return message


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``lang`` (cached), or English when there is none."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def pgettext(context: str, message: str, lang: str) -> str:
    """``message`` (English, the msgid) in ``lang``, as translated in ``context``."""
    return translations(lang).pgettext(context, message)


def available_languages() -> tuple[str, ...]:
    """English, then every language with a compiled catalogue, sorted."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return ("en", *found)
