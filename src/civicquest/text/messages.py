"""The French and English texts of every issue civicquest reports.

Each entry: code -> {lang: (message, what to do)}. Messages use ``str.format`` placeholders.
"""

from __future__ import annotations

from .display import printable
from .import_messages import IMPORT_MESSAGES

__all__ = ["CATALOG", "LANGUAGES", "OUTPUT_MESSAGES", "OUTPUT_WORDS", "render"]

LANGUAGES = ("fr", "en")
Entry = dict[str, tuple[str, str]]

_READING: dict[str, Entry] = {
    "file_missing": {
        "fr": ("fichier introuvable : {expected}", "Créez-le, ou vérifiez le chemin du dossier."),
        "en": ("file not found: {expected}", "Create it, or check the folder path."),
    },
    "ignored_file": {
        "fr": (
            "ignoré ({kind}) : seuls les fichiers .yaml, .yml et .json sont des réponses",
            "Renommez-le en .yaml s'il s'agit d'une réponse, sinon rangez-le ailleurs.",
        ),
        "en": (
            "ignored ({kind}): only .yaml, .yml and .json files are responses",
            "Rename it to .yaml if it is a response, otherwise move it elsewhere.",
        ),
    },
    "not_a_file": {
        "fr": (
            "ce n'est pas un fichier ordinaire ({kind}) : il n'est pas lu",
            "Mettez ici le fichier lui-même : civicquest ne lit ni dossier, ni tube, "
            "ni périphérique.",
        ),
        "en": (
            "this is not a regular file ({kind}): it is not read",
            "Put the file itself here: civicquest reads no folder, pipe or device.",
        ),
    },
    "broken_link": {
        "fr": (
            "lien symbolique cassé : sa cible « {target} » n'existe pas",
            "Refaites le lien vers le bon fichier, ou remplacez-le par le fichier lui-même.",
        ),
        "en": (
            "dangling symbolic link: its target '{target}' does not exist",
            "Point the link at the right file, or replace it with the file itself.",
        ),
    },
    "link_loop": {
        "fr": (
            "boucle de liens symboliques : ce chemin ne mène à aucun fichier",
            "Remplacez le lien par le fichier lui-même.",
        ),
        "en": (
            "symbolic link loop: this path leads to no file",
            "Replace the link with the file itself.",
        ),
    },
    "not_a_folder": {
        "fr": (
            "un dossier était attendu, c'est un autre élément ({kind}) : les réponses ne sont "
            "pas lues",
            "Rangez les fichiers de réponse dans un dossier responses/.",
        ),
        "en": (
            "a folder was expected, this is something else ({kind}): no response is read",
            "Put the response files in a responses/ folder.",
        ),
    },
    "folder_unreadable": {
        "fr": (
            "impossible de lire le dossier ({reason}) : ses fichiers ne sont pas vérifiés",
            "Vérifiez les droits du dossier (lecture et accès).",
        ),
        "en": (
            "cannot read the folder ({reason}): its files are not checked",
            "Check the folder's permissions (read and execute).",
        ),
    },
    "several_files": {
        "fr": (
            "plusieurs fichiers pour le même rôle : {names}",
            "Gardez-en un seul (seul {used} serait lu).",
        ),
        "en": (
            "several files for the same role: {names}",
            "Keep only one (only {used} would be read).",
        ),
    },
    "file_unreadable": {
        "fr": ("impossible de lire le fichier ({reason})", "Vérifiez les droits du fichier."),
        "en": ("cannot read the file ({reason})", "Check the file's permissions."),
    },
    "file_too_large": {
        "fr": (
            "fichier trop gros (plus de {limit_mb} Mo)",
            "Un fichier de projet tient en quelques Mo : vérifiez que c'est le bon fichier.",
        ),
        "en": (
            "file too large (more than {limit_mb} MB)",
            "A project file is a few MB at most: check this is the right file.",
        ),
    },
    "not_utf8": {
        "fr": ("ce n'est pas du texte UTF-8", "Enregistrez le fichier en UTF-8 (texte brut)."),
        "en": ("this is not UTF-8 text", "Save the file as UTF-8 plain text."),
    },
    "syntax_error": {
        "fr": (
            "syntaxe invalide : {problem}",
            "Vérifiez l'indentation, les deux-points et les guillemets autour de cette ligne.",
        ),
        "en": (
            "invalid syntax: {problem}",
            "Check indentation, colons and quotes around this line.",
        ),
    },
    "duplicate_key": {
        "fr": ("la clé « {key} » apparaît deux fois", "Gardez une seule fois chaque clé."),
        "en": ("the key '{key}' appears twice", "Keep each key only once."),
    },
    "several_documents": {
        "fr": (
            "plusieurs documents YAML dans un fichier (« --- »)",
            "Un fichier = un document : retirez le « --- » ou séparez les fichiers.",
        ),
        "en": (
            "several YAML documents in one file ('---')",
            "One file holds one document: remove the '---' or split the file.",
        ),
    },
    "too_many_nodes": {
        "fr": (
            "document trop grand ou alias YAML trop imbriqués (plus de {limit} éléments)",
            "Évitez les ancres et alias (&, *) imbriqués.",
        ),
        "en": (
            "document too large or YAML aliases nested too deep (over {limit} nodes)",
            "Avoid nested anchors and aliases (&, *).",
        ),
    },
    "too_deep": {
        "fr": ("document trop profondément imbriqué", "Simplifiez la structure du fichier."),
        "en": ("document nested too deep", "Simplify the file's structure."),
    },
    "complex_key": {
        "fr": ("clé non textuelle", "Une clé doit être un simple texte."),
        "en": ("a key that is not plain text", "A key must be plain text."),
    },
    "merge_key_unsupported": {
        "fr": ("la fusion YAML « << » n'est pas prise en charge", "Écrivez les clés en entier."),
        "en": ("the YAML merge key '<<' is not supported", "Write the keys out in full."),
    },
    "not_a_mapping": {
        "fr": (
            "le document doit être un dictionnaire (clé: valeur)",
            "Voyez le fichier d'exemple examples/aix2026 pour la forme attendue.",
        ),
        "en": (
            "the document must be a mapping (key: value)",
            "See the example in examples/aix2026 for the expected shape.",
        ),
    },
}

_SCHEMA: dict[str, Entry] = {
    "control_character": {
        "fr": (
            "caractère de contrôle {char} (caractère n° {index} du texte) : {value}",
            "Retirez-le : c'est souvent un « \\0 » ou « \\x… » entre guillemets doubles en YAML, "
            "ou un copier-coller. Les tabulations et les retours à la ligne sont acceptés.",
        ),
        "en": (
            "control character {char} (character {index} of the text): {value}",
            "Remove it: it is often a '\\0' or '\\x…' escape in a double-quoted YAML string, "
            "or a copy-paste. Tabs and line breaks are fine.",
        ),
    },
    "missing": {
        "fr": ("champ obligatoire manquant : « {field} »", "Ajoutez ce champ."),
        "en": ("missing required field '{field}'", "Add this field."),
    },
    "unknown_field": {
        "fr": (
            "champ inconnu : « {field} »",
            "Vérifiez l'orthographe ; les champs permis sont dans le schéma (civicquest schema).",
        ),
        "en": (
            "unknown field '{field}'",
            "Check the spelling; allowed fields are in the schema (civicquest schema).",
        ),
    },
    "yes_no_read_as_boolean": {
        "fr": (
            "« {value} » a été lu comme un booléen, un texte était attendu",
            "En YAML, yes/no/on/off deviennent vrai/faux : mettez la valeur entre guillemets.",
        ),
        "en": (
            "'{value}' was read as a boolean, text was expected",
            "In YAML, yes/no/on/off become true/false: put the value in quotes.",
        ),
    },
    "number_where_text_expected": {
        "fr": (
            "« {value} » a été lu comme un nombre, un texte était attendu",
            'Mettez la valeur entre guillemets, par exemple "13001" (en YAML, 01001 '
            "deviendrait même le nombre 513).",
        ),
        "en": (
            "'{value}' was read as a number, text was expected",
            'Put the value in quotes, e.g. "13001" (in YAML, 01001 would even become 513).',
        ),
    },
    "wrong_type": {
        "fr": ("type inattendu : {expected_fr} attendu, « {value} » reçu", "Corrigez la valeur."),
        "en": ("unexpected type: expected {expected_en}, got '{value}'", "Fix the value."),
    },
    "out_of_range": {
        "fr": (
            "valeur hors limites : « {value} » ({detail})",
            "Donnez une valeur dans les limites.",
        ),
        "en": ("value out of range: '{value}' ({detail})", "Give a value within the limits."),
    },
    "bad_choice": {
        "fr": (
            "valeur non permise : « {value} » ; valeurs possibles : {expected}",
            "Choisissez l'une des valeurs possibles.",
        ),
        "en": (
            "value not allowed: '{value}'; possible values: {expected}",
            "Pick one of the possible values.",
        ),
    },
    "too_short": {
        "fr": (
            "trop court : {actual} élément(s), au moins {minimum} attendu(s)",
            "Complétez la liste ou le texte.",
        ),
        "en": (
            "too short: {actual} item(s), at least {minimum} expected",
            "Complete the list or text.",
        ),
    },
    "too_long": {
        "fr": ("trop long : {actual} élément(s), au plus {maximum} permis", "Raccourcissez."),
        "en": ("too long: {actual} item(s), at most {maximum} allowed", "Shorten it."),
    },
    "bad_identifier": {
        "fr": (
            "identifiant invalide : « {value} »",
            "Un identifiant commence par une lettre ou un chiffre, puis lettres, chiffres, "
            "« _ », « . » ou « - » (64 au plus), sans espace ni accent.",
        ),
        "en": (
            "invalid id '{value}'",
            "An id starts with a letter or digit, then letters, digits, '_', '.' or '-' "
            "(at most 64), with no space or accent.",
        ),
    },
    "bad_language": {
        "fr": ("code de langue invalide : « {value} »", "Utilisez un code comme fr, en ou fr-BE."),
        "en": ("invalid language code '{value}'", "Use a code such as fr, en or fr-BE."),
    },
    "bad_url": {
        "fr": ("adresse web invalide : « {value} »", "Donnez une adresse complète en https://…"),
        "en": ("invalid web address '{value}'", "Give a full address starting with https://…"),
    },
    "bad_version": {
        "fr": ("version invalide : « {value} »", "Utilisez une version sémantique comme 1.0.0."),
        "en": ("invalid version '{value}'", "Use a semantic version such as 1.0.0."),
    },
    "bad_insee_code": {
        "fr": (
            "code INSEE invalide : « {value} »",
            'Cinq caractères, comme "13001" pour Aix-en-Provence, entre guillemets.',
        ),
        "en": (
            "invalid INSEE code '{value}'",
            'Five characters, such as "13001" for Aix-en-Provence, in quotes.',
        ),
    },
    "bad_division_id": {
        "fr": (
            "identifiant de division Open Civic Data invalide : « {value} »",
            "Par exemple ocd-division/country:fr/region:pr/department:bd/commune:13001.",
        ),
        "en": (
            "invalid Open Civic Data division id '{value}'",
            "For example ocd-division/country:fr/region:pr/department:bd/commune:13001.",
        ),
    },
    "answer_value_count": {
        "fr": (
            "une réponse donne exactement une valeur : choice, choices, text, number ou "
            "no_answer (ici : {given})",
            "Gardez un seul de ces champs ; « no_answer: skipped » si la liste n'a pas répondu.",
        ),
        "en": (
            "an answer gives exactly one value: choice, choices, text, number or no_answer "
            "(here: {given})",
            "Keep only one of these fields; 'no_answer: skipped' if the list did not answer.",
        ),
    },
    "evidence_without_source": {
        "fr": (
            "une source doit avoir une adresse (url), un extrait (excerpt), ou les deux",
            "Ajoutez « url: https://… » ou « excerpt: … ».",
        ),
        "en": (
            "evidence needs an address (url), an excerpt, or both",
            "Add 'url: https://…' or 'excerpt: …'.",
        ),
    },
    "invalid_value": {
        "fr": ("valeur invalide : {detail}", "Corrigez la valeur."),
        "en": ("invalid value: {detail}", "Fix the value."),
    },
}

_QUESTIONNAIRE: dict[str, Entry] = {
    "duplicate_id": {
        "fr": (
            "identifiant en double : {kind} « {id} » (déjà en {first})",
            "Donnez à chaque élément un identifiant unique.",
        ),
        "en": ("duplicate id: {kind} '{id}' (already at {first})", "Give each item a unique id."),
    },
    "unknown_theme": {
        "fr": (
            "thème inconnu : « {theme} » ; thèmes déclarés : {expected}",
            "Utilisez l'id d'un thème de « themes », ou déclarez ce thème.",
        ),
        "en": (
            "unknown theme '{theme}'; declared themes: {expected}",
            "Use the id of a theme in 'themes', or declare this theme.",
        ),
    },
    "unknown_scale": {
        "fr": (
            "échelle inconnue : « {scale} » ; échelles déclarées : {expected}",
            "Utilisez l'id d'une échelle de « scales », ou déclarez-la.",
        ),
        "en": (
            "unknown scale '{scale}'; declared scales: {expected}",
            "Use the id of a scale in 'scales', or declare it.",
        ),
    },
    "unknown_organiser": {
        "fr": (
            "organisation inconnue : « {organiser} » ; organisations : {expected}",
            "Utilisez l'id d'une organisation de « organisers ».",
        ),
        "en": (
            "unknown organiser '{organiser}'; organisers: {expected}",
            "Use the id of an organisation in 'organisers'.",
        ),
    },
    "missing_translation": {
        "fr": (
            "traduction manquante en « {lang} »",
            "Écrivez ce texte sous la forme {{fr: ..., en: ...}} avec chaque langue requise.",
        ),
        "en": (
            "missing translation in '{lang}'",
            "Write this text as {{fr: ..., en: ...}} with every required language.",
        ),
    },
    "default_language_not_listed": {
        "fr": (
            "la langue par défaut « {lang} » n'est pas dans « languages »",
            "Ajoutez-la à « languages ».",
        ),
        "en": ("the default language '{lang}' is not in 'languages'", "Add it to 'languages'."),
    },
    "rounds_out_of_order": {
        "fr": (
            "les tours doivent être numérotés 1 puis 2, à des dates croissantes",
            "Corrigez les numéros ou les dates des tours.",
        ),
        "en": (
            "rounds must be numbered 1 then 2, on increasing dates",
            "Fix the round numbers or dates.",
        ),
    },
    "bounds_reversed": {
        "fr": ("le minimum ({minimum}) dépasse le maximum ({maximum})", "Inversez les bornes."),
        "en": ("the minimum ({minimum}) exceeds the maximum ({maximum})", "Swap the bounds."),
    },
    "choices_exceed_options": {
        "fr": (
            "{field} vaut {value} mais l'échelle n'a que {options} options",
            "Réduisez {field} ou ajoutez des options.",
        ),
        "en": (
            "{field} is {value} but the scale has only {options} options",
            "Lower {field} or add options.",
        ),
    },
    "open_question_scored": {
        "fr": ("une question {kind} ne peut pas être notée", "Mettez « scored: false »."),
        "en": ("a {kind} question cannot be scored", "Set 'scored: false'."),
    },
    "scale_without_scores": {
        "fr": (
            "l'échelle « {scale} » n'a aucun « score » (ni ici ni dans scoring.yaml), "
            "mais des questions notées l'utilisent : {questions}",
            "Donnez un score à ses options (ici, ou dans scoring.yaml sous option_scores), "
            "ou mettez « scored: false » à ces questions.",
        ),
        "en": (
            "scale '{scale}' has no 'score' (neither here nor in scoring.yaml), "
            "yet scored questions use it: {questions}",
            "Give its options a score (here, or in scoring.yaml under option_scores), "
            "or set 'scored: false' on these questions.",
        ),
    },
}

_RESPONDENTS: dict[str, Entry] = {
    "questionnaire_mismatch": {
        "fr": (
            "questionnaire « {found} » alors que le projet est « {expected} »",
            "Mettez l'id du questionnaire de ce projet.",
        ),
        "en": (
            "questionnaire '{found}' but the project's is '{expected}'",
            "Use this project's questionnaire id.",
        ),
    },
    "merged_into_unknown": {
        "fr": (
            "fusionnée dans une liste inconnue : « {target} » ; listes : {expected}",
            "Indiquez l'id d'une liste de respondents.yaml.",
        ),
        "en": (
            "merged into an unknown list '{target}'; lists: {expected}",
            "Give the id of a list in respondents.yaml.",
        ),
    },
    "merged_into_self": {
        "fr": ("une liste ne peut pas fusionner avec elle-même", "Indiquez l'autre liste."),
        "en": ("a list cannot merge into itself", "Give the other list."),
    },
    "merged_into_inactive": {
        "fr": (
            "fusionnée dans « {target} », dont le statut est « {status} »",
            "Vérifiez le statut des deux listes.",
        ),
        "en": ("merged into '{target}', whose status is '{status}'", "Check both lists' statuses."),
    },
}

_RESPONSES: dict[str, Entry] = {
    "unknown_respondent": {
        "fr": (
            "réponse d'une liste inconnue : « {respondent} »",
            "Ajoutez la liste à respondents.yaml, ou corrigez l'id.",
        ),
        "en": (
            "response from an unknown list '{respondent}'",
            "Add the list to respondents.yaml, or fix the id.",
        ),
    },
    "duplicate_response": {
        "fr": (
            "deuxième réponse de la liste « {respondent} » (première : {first})",
            "Gardez un seul fichier de réponse par liste.",
        ),
        "en": (
            "second response from list '{respondent}' (first: {first})",
            "Keep one response file per list.",
        ),
    },
    "version_mismatch": {
        "fr": (
            "réponse à la version {found} du questionnaire, le projet est en {expected}",
            "Vérifiez que les questions n'ont pas changé, puis mettez la version à jour.",
        ),
        "en": (
            "response to questionnaire version {found}, the project is at {expected}",
            "Check the questions did not change, then update the version.",
        ),
    },
    "unknown_question": {
        "fr": (
            "question inconnue : « {question} »",
            "Utilisez l'id d'une question du questionnaire ; rien n'est perdu, corrigez l'id.",
        ),
        "en": (
            "unknown question '{question}'",
            "Use the id of a questionnaire question; nothing is lost, fix the id.",
        ),
    },
    "wrong_answer_kind": {
        "fr": (
            "la question « {question} » ({kind}) attend « {expected} », pas « {given} »",
            "Répondez avec le champ « {expected} ».",
        ),
        "en": (
            "question '{question}' ({kind}) expects '{expected}', not '{given}'",
            "Answer with the '{expected}' field.",
        ),
    },
    "unknown_option": {
        "fr": (
            "option inconnue « {code} » pour la question « {question} » ; options : {expected}",
            "Choisissez l'un des codes de l'échelle.",
        ),
        "en": (
            "unknown option '{code}' for question '{question}'; options: {expected}",
            "Pick one of the scale's codes.",
        ),
    },
    "duplicate_choice": {
        "fr": ("l'option « {code} » est choisie deux fois", "Ne la citez qu'une fois."),
        "en": ("option '{code}' is chosen twice", "List it only once."),
    },
    "choice_count": {
        "fr": (
            "{count} options choisies ; il en faut entre {minimum} et {maximum}",
            "Ajustez le nombre d'options choisies.",
        ),
        "en": (
            "{count} options chosen; between {minimum} and {maximum} are needed",
            "Adjust the number of options chosen.",
        ),
    },
    "number_out_of_bounds": {
        "fr": ("{value} est hors des bornes [{minimum} ; {maximum}]", "Corrigez le nombre."),
        "en": ("{value} is outside [{minimum}, {maximum}]", "Fix the number."),
    },
    "not_an_integer": {
        "fr": ("{value} n'est pas un nombre entier", "Donnez un nombre entier."),
        "en": ("{value} is not a whole number", "Give a whole number."),
    },
    "text_too_long": {
        "fr": (
            "texte de {length} caractères, limite {maximum}",
            "Le texte est gardé tel quel ; raccourcissez-le ou relevez « max_length ».",
        ),
        "en": (
            "text of {length} characters, limit {maximum}",
            "The text is kept as is; shorten it or raise 'max_length'.",
        ),
    },
    "comment_not_allowed": {
        "fr": (
            "un commentaire est donné alors que la question n'en prévoit pas",
            "Il est gardé ; mettez « allow_comment: true » pour le publier.",
        ),
        "en": (
            "a comment is given but the question allows none",
            "It is kept; set 'allow_comment: true' to publish it.",
        ),
    },
    "evidence_not_allowed": {
        "fr": (
            "des sources sont données alors que la question n'en prévoit pas",
            "Elles sont gardées ; mettez « allow_evidence: true » pour les publier.",
        ),
        "en": (
            "evidence is given but the question allows none",
            "It is kept; set 'allow_evidence: true' to publish it.",
        ),
    },
    "missing_required": {
        "fr": (
            "liste au statut « answered » sans réponse aux questions obligatoires : {questions}",
            "Ajoutez ces réponses, ou passez la liste au statut « partial ».",
        ),
        "en": (
            "list with status 'answered' has no answer to required questions: {questions}",
            "Add these answers, or set the list's status to 'partial'.",
        ),
    },
    "response_missing": {
        "fr": (
            "la liste « {respondent} » a le statut « {status} » mais aucun fichier de réponse",
            "Ajoutez responses/{respondent}.yaml, ou changez son statut.",
        ),
        "en": (
            "list '{respondent}' has status '{status}' but no response file",
            "Add responses/{respondent}.yaml, or change its status.",
        ),
    },
    "status_without_answers": {
        "fr": (
            "réponse reçue d'une liste au statut « {status} »",
            "Passez la liste au statut « answered » ou « partial ».",
        ),
        "en": (
            "a response from a list whose status is '{status}'",
            "Set the list's status to 'answered' or 'partial'.",
        ),
    },
    "file_name_mismatch": {
        "fr": (
            "le fichier s'appelle « {name} » mais la réponse est celle de « {respondent} »",
            "Renommez le fichier en {respondent}{suffix}.",
        ),
        "en": (
            "the file is named '{name}' but holds the response of '{respondent}'",
            "Rename the file to {respondent}{suffix}.",
        ),
    },
}

_SCORING: dict[str, Entry] = {
    "points_unknown_option": {
        "fr": (
            "option inconnue « {code} » dans la table de points de l'échelle « {scale} » ; "
            "options : {expected}",
            "Utilisez l'un des codes d'option de cette échelle dans questionnaire.yaml.",
        ),
        "en": (
            "unknown option '{code}' in the points table of scale '{scale}'; options: {expected}",
            "Use one of this scale's option codes from questionnaire.yaml.",
        ),
    },
    "points_table_incomplete": {
        "fr": (
            "la table de points de l'échelle « {scale} » ne donne rien pour : {missing}",
            "Donnez des points pour chaque option utilisable de l'échelle : une ligne par réponse "
            "de l'électeur, et dans chaque ligne une valeur par réponse de la liste.",
        ),
        "en": (
            "the points table of scale '{scale}' gives nothing for: {missing}",
            "Give points for every usable option of the scale: one row per voter's answer, and "
            "in each row one value per list's answer.",
        ),
    },
    "points_above_maximum": {
        "fr": (
            "{points} points pour la réponse « {answer} » d'une liste dépassent le maximum "
            "{maximum} de la réponse « {voter} » de l'électeur (échelle « {scale} »)",
            "Baissez ces points ou relevez ce maximum : un accord ne peut dépasser 100 %.",
        ),
        "en": (
            "{points} points for a list's answer '{answer}' exceed the maximum {maximum} of the "
            "voter's answer '{voter}' (scale '{scale}')",
            "Lower these points or raise this maximum: an agreement cannot exceed 100 %.",
        ),
    },
    "scoring_unknown_option": {
        "fr": (
            "option inconnue « {code} » dans l'échelle « {scale} » ; options : {expected}",
            "Utilisez l'un des codes d'option de cette échelle dans questionnaire.yaml.",
        ),
        "en": (
            "unknown option '{code}' in scale '{scale}'; options: {expected}",
            "Use one of this scale's option codes from questionnaire.yaml.",
        ),
    },
    "scoring_question_not_scored": {
        "fr": (
            "poids donné à la question « {question} », qui n'est pas notée",
            "Ce poids est sans effet : retirez-le, ou mettez « scored: true » à la question.",
        ),
        "en": (
            "a weight is given to question '{question}', which is not scored",
            "This weight has no effect: remove it, or set 'scored: true' on the question.",
        ),
    },
}

_VOTERS: dict[str, Entry] = {
    "voter_answered_nothing": {
        "fr": (
            "l'électeur n'a répondu à aucune question comparable avec les listes",
            "Donnez au moins une réponse (choice) à une question à choix unique, d'engagement "
            "ou de position.",
        ),
        "en": (
            "the voter answered none of the questions that can be compared with the lists",
            "Give at least one answer (choice) to a single-choice, commitment or position "
            "question.",
        ),
    },
    "panel_csv_no_id": {
        "fr": (
            "la première colonne de l'en-tête doit être « id » (trouvé : « {found} »)",
            "Ajoutez une colonne id en tête (ses cellules peuvent rester vides).",
        ),
        "en": (
            "the header's first column must be 'id' (found: '{found}')",
            "Add an id column first (its cells may be left empty).",
        ),
    },
    "panel_csv_not_coded": {
        "fr": (
            "colonne « {question} » : cette question ({kind}) ne se compare pas aux listes",
            "Retirez la colonne : seules les questions à choix unique, d'engagement ou de "
            "position (2 options ou plus) se donnent par un code d'option.",
        ),
        "en": (
            "column '{question}': this question ({kind}) is not compared with the lists",
            "Remove the column: only single-choice, commitment and position questions (2 "
            "options or more) are given as option codes.",
        ),
    },
    "panel_row_length": {
        "fr": (
            "{found} cellules sur cette ligne, {expected} attendues (une par colonne de l'en-tête)",
            "Vérifiez les séparateurs et les guillemets de la ligne.",
        ),
        "en": (
            "{found} cells on this line, {expected} expected (one per header column)",
            "Check the line's separators and quotes.",
        ),
    },
}

# Why an output (-o) was refused or could not be written: not project issues, so not in CATALOG.
OUTPUT_MESSAGES: dict[str, Entry] = {
    "output_is_input": {
        "fr": (
            "c'est {what} ({project}) : civicquest ne l'écrase jamais, même avec --force",
            "Choisissez un chemin de sortie hors des fichiers du projet.",
        ),
        "en": (
            "this is {what} ({project}): civicquest never overwrites it, not even with --force",
            "Choose an output path outside the project's files.",
        ),
    },
    "output_not_ours": {
        "fr": (
            "ce dossier existe, n'est pas vide et n'a pas été écrit par civicquest ({format})",
            "Choisissez un autre dossier (nouveau ou vide), ou ajoutez --force pour remplacer "
            "celui-ci et tout son contenu.",
        ),
        "en": (
            "this folder exists, is not empty and was not written by civicquest ({format})",
            "Choose another folder (new or empty), or add --force to replace this one and "
            "everything in it.",
        ),
    },
    "output_other_format": {
        "fr": (
            "ce dossier a été écrit par civicquest pour le format {found}, pas {format}",
            "Choisissez un autre dossier, ou ajoutez --force pour le remplacer.",
        ),
        "en": (
            "this folder was written by civicquest for the {found} format, not {format}",
            "Choose another folder, or add --force to replace it.",
        ),
    },
    "output_protected": {
        "fr": (
            "c'est {what} : civicquest ne le remplace jamais, même avec --force",
            "Donnez un nouveau dossier, par exemple {suggestion}.",
        ),
        "en": (
            "this is {what}: civicquest never replaces it, not even with --force",
            "Give a new folder, for example {suggestion}.",
        ),
    },
    "output_is_folder": {
        "fr": ("c'est un dossier ; ce format écrit un fichier", "Donnez un nom de fichier."),
        "en": ("this is a folder; this format writes a file", "Give a file name."),
    },
    "output_is_file": {
        "fr": ("ce n'est pas un dossier ; ce format écrit un dossier", "Donnez un nom de dossier."),
        "en": ("this is not a folder; this format writes a folder", "Give a folder name."),
    },
    "output_special": {
        "fr": (
            "c'est {kind} : civicquest n'y écrit pas",
            "Écrivez dans un fichier ordinaire, un périphérique caractère (/dev/stdout, "
            "/dev/null) ou un tube nommé.",
        ),
        "en": (
            "this is {kind}: civicquest does not write to it",
            "Write to a regular file, a character device (/dev/stdout, /dev/null) or a FIFO.",
        ),
    },
    "output_symlink_loop": {
        "fr": ("ce lien symbolique forme une boucle", "Corrigez ou supprimez le lien."),
        "en": ("this symbolic link forms a loop", "Fix or remove the link."),
    },
    "output_unwritable": {
        "fr": (
            "impossible d'écrire ici ({reason}) ; rien n'a été modifié",
            "Vérifiez que le dossier parent existe et que vous avez le droit d'y écrire.",
        ),
        "en": (
            "cannot write here ({reason}); nothing was changed",
            "Check that the parent folder exists and that you may write to it.",
        ),
    },
}

# The words put into OUTPUT_MESSAGES' {what} and {kind}.
OUTPUT_WORDS: dict[str, dict[str, str]] = {
    "input_file": {"fr": "un fichier d'entrée du projet", "en": "an input file of the project"},
    "input_place": {
        "fr": "un emplacement que le projet lit comme fichier d'entrée",
        "en": "a place the project reads input files from",
    },
    "project_folder": {
        "fr": "le dossier du projet ou un dossier qui le contient",
        "en": "the project folder or a folder containing it",
    },
    "home": {"fr": "votre dossier personnel", "en": "your home folder"},
    "root": {"fr": "la racine du système de fichiers", "en": "the filesystem root"},
    "home_ancestor": {
        "fr": "un dossier qui contient votre dossier personnel",
        "en": "a folder containing your home folder",
    },
    "cwd": {
        "fr": "le dossier courant, ou un dossier qui le contient",
        "en": "the current folder, or a folder containing it",
    },
    "block_device": {"fr": "un périphérique bloc", "en": "a block device"},
    "socket": {"fr": "un socket", "en": "a socket"},
    "unknown": {"fr": "un fichier spécial", "en": "a special file"},
}

CATALOG: dict[str, Entry] = {
    **_READING, **_SCHEMA, **_QUESTIONNAIRE, **_RESPONDENTS, **_RESPONSES, **_SCORING, **_VOTERS,
    **IMPORT_MESSAGES,
}  # fmt: skip


# The parser's own words for the commonest YAML mistakes, for French readers.
_SYNTAX_PROBLEMS_FR = {
    "mapping values are not allowed in this context": (
        "deux-points inattendu : une valeur qui contient « : » doit être entre guillemets"
    ),
    "did not find expected key": "clé attendue introuvable : vérifiez l'indentation",
    "did not find expected ',' or ']'": "« , » ou « ] » attendu : crochet non fermé ?",
    "did not find expected ',' or '}'": "« , » ou « } » attendu : accolade non fermée ?",
    "found character that cannot start any token": (
        "caractère interdit ici : une tabulation ? indentez avec des espaces ; "
        "ou mettez la valeur entre guillemets"
    ),
    "could not find expected ':'": "« : » attendu après la clé",
    "found unexpected end of stream": "fin de fichier inattendue : guillemet non fermé ?",
    "found undefined alias": "alias (*nom) sans ancre (&nom) correspondante",
    "found unknown escape character": "séquence d'échappement inconnue entre guillemets doubles",
    "did not find expected '-' indicator": "« - » attendu : élément de liste mal indenté ?",
    "did not find expected <document start>": "contenu inattendu après la fin du document",
    "control characters are not allowed": (
        "caractère de contrôle (invisible) interdit : supprimez-le ou écrivez-le entre "
        'guillemets doubles avec un échappement, par exemple "\\x07"'
    ),
    "special characters are not allowed": (
        "caractère spécial interdit : supprimez-le ou écrivez-le entre guillemets doubles "
        'avec un échappement, par exemple "\\x07"'
    ),
}


# What stands at a path (civicquest.loading.file_kinds), in words.
_FILE_KINDS = {
    "file": {"fr": "fichier", "en": "file"},
    "folder": {"fr": "dossier", "en": "folder"},
    "fifo": {"fr": "tube nommé", "en": "named pipe"},
    "socket": {"fr": "socket", "en": "socket"},
    "device": {"fr": "périphérique", "en": "device"},
    "broken_link": {"fr": "lien symbolique cassé", "en": "dangling symbolic link"},
    "link_loop": {"fr": "boucle de liens symboliques", "en": "symbolic link loop"},
    "unreadable": {"fr": "illisible", "en": "unreadable"},
    "absent": {"fr": "disparu pendant la lecture", "en": "gone while reading"},
}
_FILE_KIND_CODES = frozenset({"ignored_file", "not_a_file", "not_a_folder"})


def _localized_params(code: str, lang: str, params: dict[str, object]) -> dict[str, object]:
    problem = params.get("problem")
    if code == "syntax_error" and lang == "fr" and isinstance(problem, str):
        return {**params, "problem": _SYNTAX_PROBLEMS_FR.get(problem, problem)}
    kind = params.get("kind")
    if code in _FILE_KIND_CODES and isinstance(kind, str) and kind in _FILE_KINDS:
        return {**params, "kind": _FILE_KINDS[kind].get(lang, _FILE_KINDS[kind]["en"])}
    return params


def render(
    code: str, lang: str, params: dict[str, object], catalog: dict[str, Entry] = CATALOG
) -> tuple[str, str]:
    """Return the message and the advice for ``code`` in ``lang`` (English if unknown).

    Texts from files (names, values) are made printable: none can break a line of the report.
    """
    entry = catalog[code]
    message, hint = entry.get(lang, entry["en"])
    shown = {k: printable(v) if isinstance(v, str) else v for k, v in params.items()}
    safe = _Defaulting(_localized_params(code, lang, shown))
    return message.format_map(safe), hint.format_map(safe)


class _Defaulting(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"
