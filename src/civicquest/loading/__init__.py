"""Reading (internal): documents that keep line and column, project folders, voter files.

Flow: files → :mod:`.documents` (YAML/JSON with positions) → :mod:`.project` (models,
cross-checked by :mod:`civicquest.validation`) → a :class:`~civicquest.models.Project`.
"""
