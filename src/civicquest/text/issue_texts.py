"""The English text of every issue (the msgid) with its hint; French is in the .po.

Written first by tools/catalog_from_dicts.py from the old {lang: text} dicts; edit
by hand, then run ``make messages`` (docs/translations.md). The context ``issue:<code>``
or ``hint:<code>`` lets two codes with the same English text differ in another language.
"""

from __future__ import annotations

from .catalog import N_
from .commitment_texts import COMMITMENT_TEXTS
from .round_texts import ROUND_TEXTS

__all__ = ["FILE_KINDS", "ISSUE_TEXTS"]

ISSUE_TEXTS: dict[str, tuple[str, str]] = {
    "file_missing": (
        N_("issue:file_missing", "file not found: {expected}"),
        N_("hint:file_missing", "Create it, or check the folder path."),
    ),
    "ignored_file": (
        N_(
            "issue:ignored_file", "ignored ({kind}): only .yaml, .yml and .json files are responses"
        ),
        N_(
            "hint:ignored_file",
            "Rename it to .yaml if it is a response, otherwise move it elsewhere.",
        ),
    ),
    "several_files": (
        N_("issue:several_files", "several files for the same role: {names}"),
        N_("hint:several_files", "Keep only one (only {used} would be read)."),
    ),
    "file_unreadable": (
        N_("issue:file_unreadable", "cannot read the file ({reason})"),
        N_("hint:file_unreadable", "Check the file's permissions."),
    ),
    "file_too_large": (
        N_("issue:file_too_large", "file too large (more than {limit_mb} MB)"),
        N_(
            "hint:file_too_large",
            "A project file is a few MB at most: check this is the right file.",
        ),
    ),
    "not_utf8": (
        N_("issue:not_utf8", "this is not UTF-8 text"),
        N_("hint:not_utf8", "Save the file as UTF-8 plain text."),
    ),
    "syntax_error": (
        N_("issue:syntax_error", "invalid syntax: {problem}"),
        N_("hint:syntax_error", "Check indentation, colons and quotes around this line."),
    ),
    "duplicate_key": (
        N_("issue:duplicate_key", "the key '{key}' appears twice"),
        N_("hint:duplicate_key", "Keep each key only once."),
    ),
    "several_documents": (
        N_("issue:several_documents", "several YAML documents in one file ('---')"),
        N_(
            "hint:several_documents",
            "One file holds one document: remove the '---' or split the file.",
        ),
    ),
    "too_many_nodes": (
        N_(
            "issue:too_many_nodes",
            "document too large or YAML aliases nested too deep (over {limit} nodes)",
        ),
        N_("hint:too_many_nodes", "Avoid nested anchors and aliases (&, *)."),
    ),
    "too_deep": (
        N_("issue:too_deep", "document nested too deep"),
        N_("hint:too_deep", "Simplify the file's structure."),
    ),
    "complex_key": (
        N_("issue:complex_key", "a key that is not plain text"),
        N_("hint:complex_key", "A key must be plain text."),
    ),
    "merge_key_unsupported": (
        N_("issue:merge_key_unsupported", "the YAML merge key '<<' is not supported"),
        N_("hint:merge_key_unsupported", "Write the keys out in full."),
    ),
    "not_a_mapping": (
        N_("issue:not_a_mapping", "the document must be a mapping (key: value)"),
        N_("hint:not_a_mapping", "See the example in examples/aix2026 for the expected shape."),
    ),
    "missing": (
        N_("issue:missing", "missing required field '{field}'"),
        N_("hint:missing", "Add this field."),
    ),
    "unknown_field": (
        N_("issue:unknown_field", "unknown field '{field}'"),
        N_(
            "hint:unknown_field",
            "Check the spelling; allowed fields are in the schema (civicquest schema).",
        ),
    ),
    "yes_no_read_as_boolean": (
        N_("issue:yes_no_read_as_boolean", "'{value}' was read as a boolean, text was expected"),
        N_(
            "hint:yes_no_read_as_boolean",
            'In YAML, yes/no/on/off become true/false: put the value in quotes: "{value}".',
        ),
    ),
    "number_where_text_expected": (
        N_("issue:number_where_text_expected", "'{value}' was read as a number, text was expected"),
        N_(
            "hint:number_where_text_expected",
            'Put the value in quotes: "{value}" (in YAML, 01001 would even become 513).',
        ),
    ),
    "version_read_as_number": (
        N_(
            "issue:version_read_as_number",
            "'{value}' was read as a number, a version such as \"1.0.0\" was expected",
        ),
        N_(
            "hint:version_read_as_number",
            'Write the version in quotes, with three numbers: version: "{suggested}".',
        ),
    ),
    "misnamed_file": (
        N_(
            "issue:misnamed_file", "{expected} is missing; '{found}' looks like it, but is not read"
        ),
        N_("hint:misnamed_file", "Rename '{found}' to '{expected}'."),
    ),
    "wrong_type": (
        N_("issue:wrong_type", "unexpected type: expected {expected}, got '{value}'"),
        N_("hint:wrong_type", "Fix the value."),
    ),
    "out_of_range": (
        N_("issue:out_of_range", "value out of range: '{value}' ({detail})"),
        N_("hint:out_of_range", "Give a value within the limits."),
    ),
    "bad_choice": (
        N_("issue:bad_choice", "value not allowed: '{value}'; possible values: {expected}"),
        N_("hint:bad_choice", "Pick one of the possible values."),
    ),
    "too_short": (
        N_("issue:too_short", "too short: {actual} item(s), at least {minimum} expected"),
        N_("hint:too_short", "Complete the list or text."),
    ),
    "too_long": (
        N_("issue:too_long", "too long: {actual} item(s), at most {maximum} allowed"),
        N_("hint:too_long", "Shorten it."),
    ),
    "bad_identifier": (
        N_("issue:bad_identifier", "invalid id '{value}'"),
        N_(
            "hint:bad_identifier",
            "An id starts with a letter or digit, then letters, digits, '_', '.' or '-' (at "
            "most 64), with no space or accent.",
        ),
    ),
    "bad_language": (
        N_("issue:bad_language", "invalid language code '{value}'"),
        N_("hint:bad_language", "Use a code such as fr, en or fr-BE."),
    ),
    "bad_url": (
        N_("issue:bad_url", "invalid web address '{value}'"),
        N_("hint:bad_url", "Give a full address starting with https://…"),
    ),
    "bad_version": (
        N_("issue:bad_version", "invalid version '{value}'"),
        N_("hint:bad_version", "Use a semantic version such as 1.0.0."),
    ),
    "bad_insee_code": (
        N_("issue:bad_insee_code", "invalid INSEE code '{value}'"),
        N_(
            "hint:bad_insee_code",
            'Five characters, such as "13001" for Aix-en-Provence, in quotes.',
        ),
    ),
    "bad_division_id": (
        N_("issue:bad_division_id", "invalid Open Civic Data division id '{value}'"),
        N_(
            "hint:bad_division_id",
            "For example ocd-division/country:fr/region:pr/department:bd/commune:13001.",
        ),
    ),
    "answer_value_count": (
        N_(
            "issue:answer_value_count",
            "an answer gives exactly one value: choice, choices, text, number or no_answer "
            "(here: {given})",
        ),
        N_(
            "hint:answer_value_count",
            "Keep only one of these fields; 'no_answer: skipped' if the list did not answer.",
        ),
    ),
    "evidence_without_source": (
        N_("issue:evidence_without_source", "evidence needs an address (url), an excerpt, or both"),
        N_("hint:evidence_without_source", "Add 'url: https://…' or 'excerpt: …'."),
    ),
    "invalid_value": (
        N_("issue:invalid_value", "invalid value: {detail}"),
        N_("hint:invalid_value", "Fix the value."),
    ),
    "duplicate_id": (
        N_("issue:duplicate_id", "duplicate id: {kind} '{id}' (already at {first})"),
        N_("hint:duplicate_id", "Give each item a unique id."),
    ),
    "unknown_theme": (
        N_("issue:unknown_theme", "unknown theme '{theme}'; declared themes: {expected}"),
        N_("hint:unknown_theme", "Use the id of a theme in 'themes', or declare this theme."),
    ),
    "unknown_scale": (
        N_("issue:unknown_scale", "unknown scale '{scale}'; declared scales: {expected}"),
        N_("hint:unknown_scale", "Use the id of a scale in 'scales', or declare it."),
    ),
    "unknown_organiser": (
        N_(
            "issue:unknown_organiser",
            "organiser '{organiser}' is unknown, used by {count} question(s): {questions}",
        ),
        N_(
            "hint:unknown_organiser",
            "Use the id of an organisation in 'organisers' ({expected}) in asked_by, or give "
            "this id to one of them.",
        ),
    ),
    "duplicate_organiser": (
        N_("issue:duplicate_organiser", "organiser '{organiser}' is listed twice in asked_by"),
        N_("hint:duplicate_organiser", "List each organiser only once."),
    ),
    "missing_translation": (
        N_("issue:missing_translation", "missing translation in '{lang}'"),
        N_(
            "hint:missing_translation",
            "Write this text as {{fr: ..., en: ...}} with every language of 'languages'; if "
            "the questionnaire is not published in '{lang}', remove it from 'languages' (for "
            "French only: languages: [fr]).",
        ),
    ),
    "default_language_not_listed": (
        N_(
            "issue:default_language_not_listed",
            "the default language '{lang}' is not in 'languages'",
        ),
        N_("hint:default_language_not_listed", "Add it to 'languages'."),
    ),
    "rounds_out_of_order": (
        N_("issue:rounds_out_of_order", "rounds must be numbered 1 then 2, on increasing dates"),
        N_("hint:rounds_out_of_order", "Fix the round numbers or dates."),
    ),
    "bounds_reversed": (
        N_("issue:bounds_reversed", "the minimum ({minimum}) exceeds the maximum ({maximum})"),
        N_("hint:bounds_reversed", "Swap the bounds."),
    ),
    "choices_exceed_options": (
        N_(
            "issue:choices_exceed_options",
            "{field} is {value} but the scale has only {options} options",
        ),
        N_("hint:choices_exceed_options", "Lower {field} or add options."),
    ),
    "open_question_scored": (
        N_("issue:open_question_scored", "a {kind} question cannot be scored"),
        N_("hint:open_question_scored", "Set 'scored: false'."),
    ),
    "scale_without_scores": (
        N_(
            "issue:scale_without_scores",
            "scale '{scale}' has no 'score' (neither here nor in scoring.yaml), yet scored "
            "questions use it: {questions}",
        ),
        N_(
            "hint:scale_without_scores",
            "Give its options a score (here, or in scoring.yaml under option_scores), or set "
            "'scored: false' on these questions.",
        ),
    ),
    "questionnaire_mismatch": (
        N_(
            "issue:questionnaire_mismatch",
            "questionnaire '{found}' but the project's is '{expected}'",
        ),
        N_("hint:questionnaire_mismatch", "Use this project's questionnaire id."),
    ),
    "merged_into_unknown": (
        N_(
            "issue:merged_into_unknown", "merged into an unknown list '{target}'; lists: {expected}"
        ),
        N_("hint:merged_into_unknown", "Give the id of a list in respondents.yaml."),
    ),
    "merged_into_self": (
        N_("issue:merged_into_self", "a list cannot merge into itself"),
        N_("hint:merged_into_self", "Give the other list."),
    ),
    "merged_into_inactive": (
        N_("issue:merged_into_inactive", "merged into '{target}', whose status is '{status}'"),
        N_("hint:merged_into_inactive", "Check both lists' statuses."),
    ),
    "election_without_commune": (
        N_("issue:election_without_commune", "the election names no commune"),
        N_(
            "hint:election_without_commune",
            "Add 'commune: {{name: ..., insee_code: \"13001\"}}', or 'communes:' with one entry "
            "per commune of a metropolis or a département.",
        ),
    ),
    "commune_and_communes": (
        N_("issue:commune_and_communes", "the election gives both 'commune' and 'communes'"),
        N_(
            "hint:commune_and_communes",
            "Keep 'commune' for one commune, or move it into 'communes' for several.",
        ),
    ),
    "duplicate_commune": (
        N_("issue:duplicate_commune", "commune '{code}' is declared twice (first at {first})"),
        N_("hint:duplicate_commune", "Declare each INSEE code once in 'communes'."),
    ),
    "bad_insee_department": (
        N_(
            "issue:bad_insee_department",
            "'{code}' is not a commune's INSEE code: no département '{department}' or commune "
            "number 000",
        ),
        N_(
            "hint:bad_insee_department",
            'Copy the code from the Code officiel géographique (insee.fr), e.g. "13001"; '
            "Corsica is 2A or 2B.",
        ),
    ),
    "unknown_commune": (
        N_(
            "issue:unknown_commune",
            "commune '{code}' is not one of the election's communes: {expected}",
        ),
        N_(
            "hint:unknown_commune",
            "Use the INSEE code of a commune in the questionnaire's election, or declare it "
            "in 'election.communes'.",
        ),
    ),
    "respondent_without_commune": (
        N_(
            "issue:respondent_without_commune",
            "list '{respondent}' does not say its commune; the questionnaire has {count} communes",
        ),
        N_(
            "hint:respondent_without_commune",
            "Add 'commune: \"<INSEE code>\"' to the list: lists are compared within their commune.",
        ),
    ),
    "question_in_no_commune": (
        N_(
            "issue:question_in_no_commune",
            "question '{question}' applies in no commune: its communes and its theme's do not meet",
        ),
        N_(
            "hint:question_in_no_commune",
            "Check the 'communes' of the question and of its theme '{theme}'.",
        ),
    ),
    "answer_outside_commune": (
        N_(
            "issue:answer_outside_commune",
            "question '{question}' is not asked in commune '{commune}': this answer is not used",
        ),
        N_(
            "hint:answer_outside_commune",
            "Remove the answer, or add the commune to the question's 'communes'.",
        ),
    ),
    "unknown_respondent": (
        N_("issue:unknown_respondent", "response from an unknown list '{respondent}'"),
        N_("hint:unknown_respondent", "Add the list to respondents.yaml, or fix the id."),
    ),
    "duplicate_response": (
        N_("issue:duplicate_response", "second response from list '{respondent}' (first: {first})"),
        N_("hint:duplicate_response", "Keep one response file per list."),
    ),
    "version_mismatch": (
        N_(
            "issue:version_mismatch",
            "response to questionnaire version {found}, the project is at {expected}",
        ),
        N_("hint:version_mismatch", "Check the questions did not change, then update the version."),
    ),
    "unknown_question": (
        N_("issue:unknown_question", "unknown question '{question}'"),
        N_(
            "hint:unknown_question",
            "Use the id of a questionnaire question; nothing is lost, fix the id.",
        ),
    ),
    "wrong_answer_kind": (
        N_(
            "issue:wrong_answer_kind",
            "question '{question}' ({kind}) expects '{expected}', not '{given}'",
        ),
        N_("hint:wrong_answer_kind", "Answer with the '{expected}' field."),
    ),
    "unknown_option": (
        N_(
            "issue:unknown_option",
            "unknown option '{code}' for question '{question}'; options: {expected}",
        ),
        N_("hint:unknown_option", "Pick one of the scale's codes."),
    ),
    "duplicate_choice": (
        N_("issue:duplicate_choice", "option '{code}' is chosen twice"),
        N_("hint:duplicate_choice", "List it only once."),
    ),
    "choice_count": (
        N_(
            "issue:choice_count",
            "{count} options chosen; between {minimum} and {maximum} are needed",
        ),
        N_("hint:choice_count", "Adjust the number of options chosen."),
    ),
    "number_out_of_bounds": (
        N_("issue:number_out_of_bounds", "{value} is outside [{minimum}, {maximum}]"),
        N_("hint:number_out_of_bounds", "Fix the number."),
    ),
    "not_an_integer": (
        N_("issue:not_an_integer", "{value} is not a whole number"),
        N_("hint:not_an_integer", "Give a whole number."),
    ),
    "text_too_long": (
        N_("issue:text_too_long", "text of {length} characters, limit {maximum}"),
        N_("hint:text_too_long", "The text is kept as is; shorten it or raise 'max_length'."),
    ),
    "comment_not_allowed": (
        N_("issue:comment_not_allowed", "a comment is given but the question allows none"),
        N_("hint:comment_not_allowed", "It is kept; set 'allow_comment: true' to publish it."),
    ),
    "evidence_not_allowed": (
        N_("issue:evidence_not_allowed", "evidence is given but the question allows none"),
        N_("hint:evidence_not_allowed", "It is kept; set 'allow_evidence: true' to publish it."),
    ),
    "missing_required": (
        N_(
            "issue:missing_required",
            "list with status 'answered' has no answer to required questions: {questions}",
        ),
        N_("hint:missing_required", "Add these answers, or set the list's status to 'partial'."),
    ),
    "response_missing": (
        N_(
            "issue:response_missing",
            "list '{respondent}' has status '{status}' but no response file",
        ),
        N_("hint:response_missing", "Add responses/{respondent}.yaml, or change its status."),
    ),
    "status_without_answers": (
        N_("issue:status_without_answers", "a response from a list whose status is '{status}'"),
        N_("hint:status_without_answers", "Set the list's status to 'answered' or 'partial'."),
    ),
    "file_name_mismatch": (
        N_(
            "issue:file_name_mismatch",
            "the file is named '{name}' but holds the response of '{respondent}'",
        ),
        N_("hint:file_name_mismatch", "Rename the file to {respondent}{suffix}."),
    ),
    "scoring_unknown_option": (
        N_(
            "issue:scoring_unknown_option",
            "unknown option '{code}' in scale '{scale}'; options: {expected}",
        ),
        N_(
            "hint:scoring_unknown_option",
            "Use one of this scale's option codes from questionnaire.yaml.",
        ),
    ),
    "scoring_question_not_scored": (
        N_(
            "issue:scoring_question_not_scored",
            "a weight is given to question '{question}', which is not scored",
        ),
        N_(
            "hint:scoring_question_not_scored",
            "This weight has no effect: remove it, or set 'scored: true' on the question.",
        ),
    ),
    "not_a_file": (
        N_("issue:not_a_file", "this is not a regular file ({kind}): it is not read"),
        N_(
            "hint:not_a_file",
            "Put the file itself here: civicquest reads no folder, pipe or device.",
        ),
    ),
    "broken_link": (
        N_("issue:broken_link", "dangling symbolic link: its target '{target}' does not exist"),
        N_(
            "hint:broken_link",
            "Point the link at the right file, or replace it with the file itself.",
        ),
    ),
    "link_loop": (
        N_("issue:link_loop", "symbolic link loop: this path leads to no file"),
        N_("hint:link_loop", "Replace the link with the file itself."),
    ),
    "not_a_folder": (
        N_(
            "issue:not_a_folder",
            "a folder was expected, this is something else ({kind}): no response is read",
        ),
        N_("hint:not_a_folder", "Put the response files in a responses/ folder."),
    ),
    "folder_unreadable": (
        N_(
            "issue:folder_unreadable",
            "cannot read the folder ({reason}): its files are not checked",
        ),
        N_("hint:folder_unreadable", "Check the folder's permissions (read and execute)."),
    ),
    "control_character": (
        N_(
            "issue:control_character",
            "control character {char} (character {index} of the text): {value}",
        ),
        N_(
            "hint:control_character",
            "Remove it: it is often a '\\0' or '\\x…' escape in a double-quoted YAML string, or"
            " a copy-paste. Tabs and line breaks are fine.",
        ),
    ),
    "points_unknown_option": (
        N_(
            "issue:points_unknown_option",
            "unknown option '{code}' in the points table of scale '{scale}'; options: {expected}",
        ),
        N_(
            "hint:points_unknown_option",
            "Use one of this scale's option codes from questionnaire.yaml.",
        ),
    ),
    "points_table_incomplete": (
        N_(
            "issue:points_table_incomplete",
            "the points table of scale '{scale}' gives nothing for: {missing}",
        ),
        N_(
            "hint:points_table_incomplete",
            "Give points for every usable option of the scale: one row per voter's answer, "
            "and in each row one value per list's answer.",
        ),
    ),
    "points_above_maximum": (
        N_(
            "issue:points_above_maximum",
            "{points} points for a list's answer '{answer}' exceed the maximum {maximum} of "
            "the voter's answer '{voter}' (scale '{scale}')",
        ),
        N_(
            "hint:points_above_maximum",
            "Lower these points or raise this maximum: an agreement cannot exceed 100 %.",
        ),
    ),
    "voter_answered_nothing": (
        N_(
            "issue:voter_answered_nothing",
            "the voter answered none of the questions that can be compared with the lists",
        ),
        N_(
            "hint:voter_answered_nothing",
            "Give at least one answer (choice) to a single-choice, commitment or position "
            "question.",
        ),
    ),
    "panel_csv_no_id": (
        N_("issue:panel_csv_no_id", "the header's first column must be 'id' (found: '{found}')"),
        N_("hint:panel_csv_no_id", "Add an id column first (its cells may be left empty)."),
    ),
    "panel_csv_not_coded": (
        N_(
            "issue:panel_csv_not_coded",
            "column '{question}': this question ({kind}) is not compared with the lists",
        ),
        N_(
            "hint:panel_csv_not_coded",
            "Remove the column: only single-choice, commitment and position questions (2 "
            "options or more) are given as option codes.",
        ),
    ),
    "panel_row_length": (
        N_(
            "issue:panel_row_length",
            "{found} cells on this line, {expected} expected (one per header column)",
        ),
        N_("hint:panel_row_length", "Check the line's separators and quotes."),
    ),
    "import_unknown_list": (
        N_(
            "issue:import_unknown_list",
            "unknown list '{respondent}' in the imported file{suggested}",
        ),
        N_(
            "hint:import_unknown_list",
            "Fix the list's name or id in the file, or add the list to respondents.yaml, then"
            " import again.",
        ),
    ),
    "import_conflict": (
        N_(
            "issue:import_conflict",
            "'{field}': the imported value differs from the one already recorded ({existing})",
        ),
        N_(
            "hint:import_conflict",
            "Nothing is replaced: check, then run again with --replace to keep the imported value.",
        ),
    ),
    "import_list_not_placed": (
        N_(
            "issue:import_list_not_placed",
            "value not placed: the response of the list '{respondent}' is refused ({reason})",
        ),
        N_(
            "hint:import_list_not_placed",
            "Fix the list's problem first (see the other rows), then import again.",
        ),
    ),
    "import_duplicate_list": (
        N_(
            "issue:import_duplicate_list",
            "the list '{respondent}' answers twice in the file (first: {first})",
        ),
        N_("hint:import_duplicate_list", "Keep one response per list in the imported file."),
    ),
    "unknown_departement": (
        N_("issue:unknown_departement", "the INSEE code '{code}' names no French département"),
        N_(
            "hint:unknown_departement",
            "A commune's INSEE code has 5 characters: its département (01 to 95, 2A or 2B in "
            "Corsica, 971 to 988 overseas), then the commune; look it up in INSEE's code "
            "officiel géographique.",
        ),
    ),
    "division_mismatch": (
        N_(
            "issue:division_mismatch",
            "the division id '{found}' does not name the commune of INSEE code {code}",
        ),
        N_("hint:division_mismatch", "Write {expected} (the id built from the INSEE code)."),
    ),
    "incompatible_version": (
        N_(
            "issue:incompatible_version",
            "response to version {found} of the questionnaire: another major version than the "
            "project's {expected}, whose questions changed incompatibly",
        ),
        N_(
            "hint:incompatible_version",
            "Ask the list to answer version {expected}, copying its answers to the questions "
            "that did not change (civicquest diff lists them); nothing is lost meanwhile.",
        ),
    ),
    **ROUND_TEXTS,
}
ISSUE_TEXTS.update(COMMITMENT_TEXTS)

# What stands at a path (civicquest.loading.file_kinds), put into {kind}.
FILE_KINDS: dict[str, str] = {
    "file": N_("file-kind", "file"),
    "folder": N_("file-kind", "folder"),
    "fifo": N_("file-kind", "named pipe"),
    "socket": N_("file-kind", "socket"),
    "device": N_("file-kind", "device"),
    "broken_link": N_("file-kind", "dangling symbolic link"),
    "link_loop": N_("file-kind", "symbolic link loop"),
    "unreadable": N_("file-kind", "unreadable"),
    "absent": N_("file-kind", "gone while reading"),
}
