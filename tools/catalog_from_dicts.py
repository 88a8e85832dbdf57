"""Convert old-format text dicts ({lang: text}) into the gettext catalogue; safe to re-run.

Before the catalogue, issue texts lived in ``text/messages.py`` as
``CATALOG = {code: {"fr": (message, hint), "en": (message, hint)}}`` and labels in
``text/labels.py`` as ``{key: {"fr": ..., "en": ...}}``. Branches written against that format
can still be merged: give their files to this script and it

1. adds or updates each code's English texts in ``text/issue_texts.py`` (output refusals,
   ``OUTPUT_MESSAGES``, in ``text/output_texts.py``; the words put into messages,
   ``_FILE_KINDS`` and ``OUTPUT_WORDS``, too; the labels in ``text/label_texts.py``), keeping
   the codes already there;
2. writes each French text into ``text/locale/fr/LC_MESSAGES/civicquest.po`` under the context
   ``issue:<code>`` / ``hint:<code>`` (labels: ``status``, ``unscored``, ``text:<key>``; words:
   ``file-kind``, ``output-word``);
3. compiles the ``.mo`` next to the ``.po``.

Usage (from the repository root)::

    git show other-branch:src/civicquest/text/messages.py > /tmp/old_messages.py
    .venv/bin/python tools/catalog_from_dicts.py --messages /tmp/old_messages.py
    .venv/bin/python tools/catalog_from_dicts.py --labels /tmp/old_labels.py

Files already in the new format (no ``CATALOG`` or no old label dicts) are ignored.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "src" / "civicquest" / "text"
ISSUES_MODULE = TEXT / "issue_texts.py"
LABELS_MODULE = TEXT / "label_texts.py"
OUTPUTS_MODULE = TEXT / "output_texts.py"
PO = TEXT / "locale" / "fr" / "LC_MESSAGES" / "civicquest.po"
# Placeholders that only existed because a parameter was given once per language.
RENAMED = {"{expected_fr}": "{expected}", "{expected_en}": "{expected}"}
LABEL_DICTS = {"STATUS_LABELS": "status", "UNSCORED_REASONS": "unscored", "TEXTS": "text"}
# Old name -> (new name, context, module) of the {key: {lang: word}} dicts used inside messages.
WORD_DICTS = {
    "_FILE_KINDS": ("FILE_KINDS", "file-kind", ISSUES_MODULE),
    "OUTPUT_WORDS": ("OUTPUT_WORDS", "output-word", OUTPUTS_MODULE),
}

Pairs = dict[str, tuple[str, str]]  # key -> (English, French)


def _load(path: Path) -> dict[str, Any]:
    """The module's globals; its relative imports are dropped (only its dicts are needed)."""
    source = re.sub(r"(?m)^from \.\S* import .*$", "", path.read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": "old_format"}
    exec(compile(source, str(path), "exec"), namespace)
    return namespace


def _renamed(text: str) -> str:
    for old, new in RENAMED.items():
        text = text.replace(old, new)
    return text


def issues_from_old(namespace: dict[str, Any], name: str = "CATALOG") -> dict[str, Any]:
    """Issue texts ``{code: ((en, fr) message, (en, fr) hint)}`` of the old dict ``name``."""
    issues: dict[str, Any] = {}
    for code, entry in namespace.get(name, {}).items():
        en, fr = entry["en"], entry.get("fr", entry["en"])
        issues[code] = ((_renamed(en[0]), _renamed(fr[0])), (_renamed(en[1]), _renamed(fr[1])))
    return issues


def yaml_from_old(namespace: dict[str, Any]) -> Pairs:
    """The YAML parser's phrases and their French wording."""
    return {en: (en, fr) for en, fr in namespace.get("_SYNTAX_PROBLEMS_FR", {}).items()}


def words_from_old(namespace: dict[str, Any]) -> dict[str, Pairs]:
    """``{new name: {key: (en, fr)}}`` of the word dicts (file kinds, output words)."""
    found: dict[str, Pairs] = {}
    for old, (new, _, _) in WORD_DICTS.items():
        entries = namespace.get(old, {})
        if entries and all(isinstance(v, dict) for v in entries.values()):
            found[new] = {k: (v["en"], v.get("fr", v["en"])) for k, v in entries.items()}
    return found


def labels_from_old(namespace: dict[str, Any]) -> dict[str, Pairs]:
    found: dict[str, Pairs] = {}
    for name in LABEL_DICTS:
        entries = namespace.get(name, {})
        if entries and all(isinstance(v, dict) for v in entries.values()):
            found[name] = {k: (v["en"], v.get("fr", v["en"])) for k, v in entries.items()}
    return found


def _literal(text: str, indent: int) -> str:
    """A string literal, split into adjacent literals (Babel joins them) to fit 100 columns."""
    width = max(40, 96 - indent)
    if len(repr(text)) <= width:
        return _quote(text)
    chunks = textwrap.wrap(text, width - 4, drop_whitespace=False, break_on_hyphens=False)
    return ("\n" + " " * indent).join(_quote(chunk) for chunk in chunks)


def _quote(text: str) -> str:
    if '"' in text and "'" not in text:
        return repr(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mark(context: str, text: str, indent: int) -> str:
    return f"N_({_quote(context)}, {_literal(text, indent + 4)})"


def _issue_lines(name: str, issues: dict[str, Any]) -> list[str]:
    lines = [f"{name}: dict[str, tuple[str, str]] = {{"]
    for code, ((message, _), (hint, _)) in issues.items():
        lines.append(f"    {_quote(code)}: (")
        lines.append(f"        {_mark(f'issue:{code}', message, 8)},")
        lines.append(f"        {_mark(f'hint:{code}', hint, 8)},")
        lines.append("    ),")
    return [*lines, "}"]


def _word_lines(name: str, comment: str, words: Pairs) -> list[str]:
    context = next(ctx for new, ctx, _ in WORD_DICTS.values() if new == name)
    lines = ["", comment, f"{name}: dict[str, str] = {{"]
    lines += [f"    {_quote(key)}: {_mark(context, en, 4)}," for key, (en, _) in words.items()]
    return [*lines, "}"]


def _head(doc: list[str], names: list[str]) -> list[str]:
    return [
        *doc,
        "",
        "from __future__ import annotations",
        "",
        "from .catalog import N_",
        "",
        f"__all__ = {sorted(names)!r}".replace("'", '"'),
        "",
    ]


def write_issue_module(issues: dict[str, Any], yaml: Pairs, words: dict[str, Pairs]) -> None:
    doc = [
        '"""The English text of every issue (the msgid) with its hint; French is in the .po.',
        "",
        "Written first by tools/catalog_from_dicts.py from the old {lang: text} dicts; edit",
        "by hand, then run ``make messages`` (docs/translations.md). The context ``issue:<code>``",
        "or ``hint:<code>`` lets two codes with the same English text differ in another language.",
        '"""',
    ]
    lines = _head(doc, ["FILE_KINDS", "ISSUE_TEXTS", "YAML_PROBLEMS"])
    lines += _issue_lines("ISSUE_TEXTS", issues)
    lines += [
        "",
        "# The YAML parser's own words for the commonest mistakes, translated when shown.",
        "YAML_PROBLEMS: tuple[str, ...] = (",
    ]
    lines += [f"    {_mark('yaml', english, 4)}," for english in yaml]
    lines.append(")")
    comment = "# What stands at a path (civicquest.loading.file_kinds), put into {kind}."
    lines += _word_lines("FILE_KINDS", comment, words.get("FILE_KINDS", {}))
    ISSUES_MODULE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_output_module(outputs: dict[str, Any], words: dict[str, Pairs]) -> None:
    doc = [
        '"""Why an output (-o) was refused or could not be written, in English (the msgids).',
        "",
        "Not project issues, so not in ISSUE_TEXTS; same contexts ``issue:<code>`` and",
        "``hint:<code>``. Written first by tools/catalog_from_dicts.py; edit by hand, then",
        "``make messages``.",
        '"""',
    ]
    lines = _head(doc, ["OUTPUT_TEXTS", "OUTPUT_WORDS"])
    lines += _issue_lines("OUTPUT_TEXTS", outputs)
    comment = "# The words put into OUTPUT_TEXTS' {what} and {kind}."
    lines += _word_lines("OUTPUT_WORDS", comment, words.get("OUTPUT_WORDS", {}))
    OUTPUTS_MODULE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_label_module(labels: dict[str, Pairs]) -> None:
    doc = [
        '"""The English labels (msgids) the CLI and reports print; French is in the .po.',
        "",
        "Written first by tools/catalog_from_dicts.py; edit by hand, then ``make messages``.",
        '"""',
    ]
    lines = _head(doc, list(LABEL_DICTS))[:-1]
    for name, context in LABEL_DICTS.items():
        lines += ["", f"{name}: dict[str, str] = {{"]
        for key, (english, _) in labels.get(name, {}).items():
            ctx = f"text:{key}" if context == "text" else context
            lines.append(f"    {_quote(key)}: {_mark(ctx, english, 4)},")
        lines.append("}")
    LABELS_MODULE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _issues_in(namespace: dict[str, Any], name: str, french: dict[Any, str]) -> dict[str, Any]:
    return {
        code: (
            (message, french.get((f"issue:{code}", message), message)),
            (hint, french.get((f"hint:{code}", hint), hint)),
        )
        for code, (message, hint) in namespace.get(name, {}).items()
    }


def current_texts() -> tuple[dict[str, Any], dict[str, Any], Pairs, dict[str, Pairs]]:
    """What the generated modules hold now: issues, outputs, YAML phrases, words."""
    namespace: dict[str, Any] = {}
    for module in (ISSUES_MODULE, OUTPUTS_MODULE):
        if module.exists():
            namespace.update(_load_generated(module))
    french = _french()
    issues = _issues_in(namespace, "ISSUE_TEXTS", french)
    outputs = _issues_in(namespace, "OUTPUT_TEXTS", french)
    yaml = {en: (en, french.get(("yaml", en), en)) for en in namespace.get("YAML_PROBLEMS", ())}
    words = {
        new: {k: (en, french.get((ctx, en), en)) for k, en in namespace.get(new, {}).items()}
        for new, ctx, _ in WORD_DICTS.values()
    }
    return issues, outputs, yaml, words


def current_labels() -> dict[str, Pairs]:
    if not LABELS_MODULE.exists():
        return {}
    namespace, french = _load_generated(LABELS_MODULE), _french()
    found: dict[str, Pairs] = {}
    for name, context in LABEL_DICTS.items():
        found[name] = {}
        for key, english in namespace[name].items():
            ctx = f"text:{key}" if context == "text" else context
            found[name][key] = (english, french.get((ctx, english), english))
    return found


def _load_generated(path: Path) -> dict[str, Any]:
    source = path.read_text(encoding="utf-8").replace("from .catalog import N_", "")
    namespace: dict[str, Any] = {"__name__": "generated", "N_": lambda _context, text: text}
    exec(compile(source, str(path), "exec"), namespace)
    return namespace


def _read_catalog() -> Catalog:
    if PO.exists():
        with PO.open("rb") as file:
            return read_po(file, locale="fr", domain="civicquest")
    return Catalog(
        locale="fr",
        domain="civicquest",
        project="civicquest",
        language_team="French",
        copyright_holder="civicquest contributors",
        msgid_bugs_address="https://github.com/civicquest/civicquest/issues",
        fuzzy=False,
    )


def _french() -> dict[tuple[str | None, str], str]:
    return {(m.context, str(m.id)): str(m.string) for m in _read_catalog() if m.id and m.string}


def write_french(entries: list[tuple[str, str, str]]) -> None:
    """Set each ``(context, English, French)`` in the .po, then compile the .mo."""
    catalog = _read_catalog()
    catalog.fuzzy = False
    for context, english, french in entries:
        existing = catalog.get(english, context=context)
        if existing is None:
            catalog.add(english, french, context=context)
        else:
            existing.string = french
            existing.flags.discard("fuzzy")
    PO.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False)
    PO.write_bytes(buffer.getvalue())
    with PO.with_suffix(".mo").open("wb") as file:
        write_mo(file, catalog)


def _entries(
    issues: dict[str, Any], yaml: Pairs, words: dict[str, Pairs], labels: dict[str, Pairs]
) -> list[tuple[str, str, str]]:
    """Every ``(context, English, French)`` the generated modules mark."""
    entries = [(f"issue:{c}", m[0], m[1]) for c, (m, _) in issues.items()]
    entries += [(f"hint:{c}", h[0], h[1]) for c, (_, h) in issues.items()]
    entries += [("yaml", en, fr) for en, fr in yaml.values()]
    for new, context, _ in WORD_DICTS.values():
        entries += [(context, en, fr) for en, fr in words.get(new, {}).values()]
    for name, context in LABEL_DICTS.items():
        for key, (en, fr) in labels.get(name, {}).items():
            entries.append((f"text:{key}" if context == "text" else context, en, fr))
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=Path, help="an old-format text/messages.py")
    parser.add_argument("--labels", type=Path, help="an old-format text/labels.py")
    args = parser.parse_args(argv)
    issues, outputs, yaml, words = current_texts()
    labels = current_labels()
    if args.messages:
        old = _load(args.messages)
        issues.update(issues_from_old(old))
        outputs.update(issues_from_old(old, "OUTPUT_MESSAGES"))
        yaml.update(yaml_from_old(old))
        for name, pairs in words_from_old(old).items():
            words.setdefault(name, {}).update(pairs)
    if args.labels:
        for name, pairs in labels_from_old(_load(args.labels)).items():
            labels.setdefault(name, {}).update(pairs)
    entries = _entries({**issues, **outputs}, yaml, words, labels)
    write_issue_module(issues, yaml, words)
    write_output_module(outputs, words)
    write_label_module(labels)
    write_french(entries)
    modules = [str(ISSUES_MODULE), str(OUTPUTS_MODULE), str(LABELS_MODULE)]
    subprocess.run([sys.executable, "-m", "ruff", "format", *modules], check=False)
    print(
        f"{len(issues)} issue codes, {len(outputs)} output codes, {len(yaml)} YAML phrases, "
        f"{len(entries)} French entries"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
