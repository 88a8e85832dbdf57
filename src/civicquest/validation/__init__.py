"""Checking (internal): issues with their location, structural errors, cross-checks.

Validation knows no file format: it locates issues through the small
:class:`~civicquest.validation.issues.Locator` protocol that loaded documents satisfy.
"""
