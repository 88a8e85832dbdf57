"""Bringing answers in (internal): importer records → responses + located issues, and the
rejects report of everything that could not be placed. Filled by the importers' issue.
"""
