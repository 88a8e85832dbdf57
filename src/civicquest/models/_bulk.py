"""Building many models at once: the cyclic garbage collector paused meanwhile.

It lives beside the models (the lowest room) so that loading a project and a plugin's importer
share it; plugins get it as :func:`civicquest.plugins.gc_paused`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many small objects are built in bulk
    (validating nested models, importing 100,000 rows), and resume it after if it was on.

    Their dicts and lists hold no reference cycles, but their sheer number would trigger full
    collections over and over, which then dominate the time. Nesting is safe.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
