"""Words (internal): every French and English string civicquest prints, and how values are shown.

Depends on nothing else in civicquest, so that every room may use it.
"""
