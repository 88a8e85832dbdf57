"""YAML syntax mistakes in our words: the parser's problems, and the issues we detect ourselves.

The parser (PyYAML) speaks of tokens and contexts; each problem it reports is replaced by a
sentence of ours (an English msgid, translated when shown). Edit, then ``make messages``.
"""

from __future__ import annotations

from .catalog import N_

__all__ = ["YAML_ISSUE_TEXTS", "YAML_PROBLEMS"]

YAML_ISSUE_TEXTS: dict[str, tuple[str, str]] = {
    "bad_indentation": (
        N_(
            "issue:bad_indentation",
            "wrong indentation: this line starts at column {found}, line {line} of the same "
            "block at column {expected}",
        ),
        N_(
            "hint:bad_indentation",
            "Align it with the keys of its block, with spaces (in YAML, indentation gives the "
            "structure). If this line continues the text above, put that text in quotes.",
        ),
    ),
    "tab_character": (
        N_("issue:tab_character", "a tab character: YAML is indented with spaces only"),
        N_(
            "hint:tab_character",
            "Replace the tab with spaces (most editors can insert spaces for the Tab key).",
        ),
    ),
}

# What the parser says (the start of its text) -> what we say instead.
YAML_PROBLEMS: dict[str, str] = {
    "mapping values are not allowed": N_(
        "yaml", "unexpected colon: a value containing ':' must be in quotes"
    ),
    "did not find expected key": N_("yaml", "a key was expected here: check the indentation"),
    "did not find expected ',' or ']'": N_("yaml", "',' or ']' expected: a bracket not closed?"),
    "did not find expected ',' or '}'": N_("yaml", "',' or '}' expected: a brace not closed?"),
    "found character that cannot start any token": N_(
        "yaml", "a character that cannot start a value here: put the value in quotes"
    ),
    "could not find expected ':'": N_("yaml", "':' expected after the key"),
    "found unexpected end of stream": N_("yaml", "unexpected end of file: a quote not closed?"),
    "found undefined alias": N_("yaml", "an alias (*name) without its anchor (&name)"),
    "found unknown escape character": N_("yaml", "unknown escape sequence between double quotes"),
    "did not find expected '-' indicator": N_("yaml", "'-' expected: a list item badly indented?"),
    "did not find expected <document start>": N_(
        "yaml", "unexpected content after the end of the document"
    ),
    "expected '<document start>'": N_("yaml", "unexpected content after the end of the document"),
    "expected <block end>": N_("yaml", "this line does not fit the indentation of the lines above"),
    "control characters are not allowed": N_(
        "yaml",
        "an invisible control character is not allowed: remove it, or write it in double "
        'quotes as an escape, e.g. "\\x07"',
    ),
    "special characters are not allowed": N_(
        "yaml",
        "a special character is not allowed: remove it, or write it in double quotes as an "
        'escape, e.g. "\\x07"',
    ),
}
