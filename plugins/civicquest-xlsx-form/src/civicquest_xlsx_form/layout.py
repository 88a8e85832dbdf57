"""Where things sit in the form: one place shared by the exporter and the importer.

Every row of a list's sheet carries a key in the hidden column A: a question id, an option
(``question#code``) of a multiple-choice question, or one of the ``#`` keys of the header block.
The importer reads the keys, never fixed row numbers.
"""

from __future__ import annotations

__all__ = [
    "ANSWER_COLUMNS",
    "CHOICES_SHEET",
    "COLUMNS",
    "COVER_SHEET",
    "FORMAT_ID",
    "FORMAT_VERSION",
    "HEADER_KEYS",
    "META_SHEET",
    "OPTION_SEPARATOR",
    "column_of",
]

FORMAT_ID = "civicquest-xlsx-form"
FORMAT_VERSION = "1"
COVER_SHEET = "Mode d'emploi"
META_SHEET = "meta"
CHOICES_SHEET = "choix"
OPTION_SEPARATOR = "#"

#: (key, width) of each column of a list's sheet, A to I.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("key", 12),
    ("theme", 18),
    ("question", 60),
    ("how", 28),
    ("answer", 30),
    ("no_answer", 20),
    ("comment", 40),
    ("evidence_url", 32),
    ("evidence_excerpt", 40),
)

#: The columns a list fills in on a question row.
ANSWER_COLUMNS = ("answer", "no_answer", "comment", "evidence_url", "evidence_excerpt")

#: Header block keys (column A), the row they are on, and what the list types in column E.
HEADER_KEYS = ("#respondent", "#answered_by", "#received", "#consent", "#comment")


def column_of(key: str) -> str:
    """The spreadsheet letter of a column key (``"answer"`` → ``"E"``)."""
    for index, (name, _) in enumerate(COLUMNS):
        if name == key:
            return chr(ord("A") + index)
    raise KeyError(key)
