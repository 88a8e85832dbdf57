"""Why an output (-o) was refused or could not be written, in English (the msgids).

Not project issues, so not in ISSUE_TEXTS; same contexts ``issue:<code>`` and
``hint:<code>``. Written first by tools/catalog_from_dicts.py; edit by hand, then
``make messages``.
"""

from __future__ import annotations

from .catalog import N_

__all__ = ["OUTPUT_TEXTS", "OUTPUT_WORDS"]

OUTPUT_TEXTS: dict[str, tuple[str, str]] = {
    "output_is_input": (
        N_(
            "issue:output_is_input",
            "this is {what} ({project}): civicquest never overwrites it, not even with --force",
        ),
        N_("hint:output_is_input", "Choose an output path outside the project's files."),
    ),
    "output_not_ours": (
        N_(
            "issue:output_not_ours",
            "this folder exists, is not empty and was not written by civicquest ({format})",
        ),
        N_(
            "hint:output_not_ours",
            "Choose another folder (new or empty), or add --force to replace this one and "
            "everything in it.",
        ),
    ),
    "output_other_format": (
        N_(
            "issue:output_other_format",
            "this folder was written by civicquest for the {found} format, not {format}",
        ),
        N_("hint:output_other_format", "Choose another folder, or add --force to replace it."),
    ),
    "output_protected": (
        N_(
            "issue:output_protected",
            "this is {what}: civicquest never replaces it, not even with --force",
        ),
        N_("hint:output_protected", "Give a new folder, for example {suggestion}."),
    ),
    "output_is_folder": (
        N_("issue:output_is_folder", "this is a folder; this format writes a file"),
        N_("hint:output_is_folder", "Give a file name."),
    ),
    "output_init_not_empty": (
        N_(
            "issue:output_init_not_empty",
            "this folder exists and is not empty: civicquest init never writes into it",
        ),
        N_("hint:output_init_not_empty", "Give the name of a new folder, or of an empty one."),
    ),
    "output_is_file": (
        N_("issue:output_is_file", "this is not a folder; this format writes a folder"),
        N_("hint:output_is_file", "Give a folder name."),
    ),
    "output_special": (
        N_("issue:output_special", "this is {kind}: civicquest does not write to it"),
        N_(
            "hint:output_special",
            "Write to a regular file, a character device (/dev/stdout, /dev/null) or a FIFO.",
        ),
    ),
    "output_symlink_loop": (
        N_("issue:output_symlink_loop", "this symbolic link forms a loop"),
        N_("hint:output_symlink_loop", "Fix or remove the link."),
    ),
    "output_unwritable": (
        N_("issue:output_unwritable", "cannot write here ({reason}); nothing was changed"),
        N_(
            "hint:output_unwritable",
            "Check that the parent folder exists and that you may write to it.",
        ),
    ),
}

# The words put into OUTPUT_TEXTS' {what} and {kind}.
OUTPUT_WORDS: dict[str, str] = {
    "input_file": N_("output-word", "an input file of the project"),
    "input_place": N_("output-word", "a place the project reads input files from"),
    "project_folder": N_("output-word", "the project folder or a folder containing it"),
    "home": N_("output-word", "your home folder"),
    "root": N_("output-word", "the filesystem root"),
    "home_ancestor": N_("output-word", "a folder containing your home folder"),
    "cwd": N_("output-word", "the current folder, or a folder containing it"),
    "block_device": N_("output-word", "a block device"),
    "socket": N_("output-word", "a socket"),
    "unknown": N_("output-word", "a special file"),
}
