"""Analyses across methods (internal): how stable a ranking is when the method or the
missing-answer policy changes. Sits above the plugin layer, since the methods it compares may
come from plugins.
"""
