"""French communes in Open Civic Data division ids: civicquest's documented convention.

France has official OCD ids down to the département
(``ocd-division/country:fr/region:pr/department:bd``, from the opencivicdata/ocd-division-ids
table ``identifiers/country-fr.csv``) but none for communes: civicquest nests
``commune:<INSEE code>`` under the département the INSEE code names. The département is the
code's first two characters (``2A``/``2B`` in Corsica), or its first three overseas (``971``…).
"""

from __future__ import annotations

import re

__all__ = ["COMMUNE_SEGMENT", "departement_of", "division_id_for", "insee_problem"]

COMMUNE_SEGMENT = "commune"

_REGIONS: dict[str, tuple[str, ...]] = {
    # OCD region code: (INSEE département code:OCD département code, ...)
    "ac": ("16:ct", "17:cm", "19:cz", "23:cr", "24:dd", "33:gi", "40:ld", "47:lg", "64:pa",
           "79:ds", "86:vn", "87:hv"),
    "ao": ("08:an", "10:ab", "51:mr", "52:hr", "54:mm", "55:ms", "57:mo", "67:br", "68:hm",
           "88:vg"),
    "ar": ("01:ai", "03:al", "07:ah", "15:cl", "26:dm", "38:is", "42:lr", "43:hl", "63:pd",
           "69:rh", "73:sv", "74:hs"),
    "bf": ("21:co", "25:db", "39:ju", "58:ni", "70:hn", "71:sl", "89:yo", "90:tb"),
    "bt": ("22:ca", "29:fi", "35:iv", "56:mb"),
    "ce": ("2A:cs", "2B:hc"),
    "cn": ("18:ch", "28:el", "36:in", "37:il", "41:lc", "45:lt"),
    "if": ("75:vp", "77:se", "78:yv", "91:es", "92:hd", "93:ss", "94:vm", "95:vo"),
    "lp": ("09:ag", "11:ad", "12:av", "30:ga", "31:hg", "32:ge", "34:he", "46:lo", "48:lz",
           "65:hp", "66:po", "81:ta", "82:tg"),
    "nc": ("02:as", "59:no", "60:oi", "62:pc", "80:so"),
    "nd": ("14:cv", "27:eu", "50:mh", "61:or", "76:sm"),
    "pl": ("44:la", "49:ml", "53:my", "72:st", "85:vd"),
    "pr": ("04:ap", "05:ha", "06:am", "13:bd", "83:vr", "84:vc"),
}  # fmt: skip
# Overseas, OCD has no region level: ``oversea_department:<code>``.
_OVERSEAS = {
    "971": "gp", "972": "mq", "973": "gf", "974": "re", "975": "pm", "976": "yt",
    "977": "mf", "978": "mf", "987": "pf", "988": "nc",
}  # fmt: skip

#: INSEE département code -> the OCD division id of the département.
DEPARTEMENTS: dict[str, str] = {
    **{
        pair.split(":")[0]: f"ocd-division/country:fr/region:{region}/department:{pair[-2:]}"
        for region, pairs in _REGIONS.items()
        for pair in pairs
    },
    **{
        code: f"ocd-division/country:fr/oversea_department:{ocd}" for code, ocd in _OVERSEAS.items()
    },
}
_INSEE = re.compile(r"^(?:[0-9]{5}|2[AB][0-9]{3})$")


def departement_of(insee_code: str) -> str | None:
    """The INSEE code of the commune's département (``13``, ``2A``, ``971``), if it exists."""
    for length in (3, 2):
        if insee_code[:length] in DEPARTEMENTS:
            return insee_code[:length]
    return None


def insee_problem(insee_code: str) -> str | None:
    """Why ``insee_code`` is no commune's INSEE code (``format``, ``departement``), or None."""
    if not _INSEE.fullmatch(insee_code):
        return "format"
    if departement_of(insee_code) is None:
        return "departement"
    return None


def division_id_for(insee_code: str) -> str:
    """The convention's division id of the commune, e.g.
    ``ocd-division/country:fr/region:pr/department:bd/commune:13001`` for ``13001``.

    Raises ValueError for a code that :func:`insee_problem` refuses.
    """
    departement = departement_of(insee_code) if insee_problem(insee_code) is None else None
    if departement is None:
        raise ValueError(f"not a commune's INSEE code: {insee_code!r}")
    return f"{DEPARTEMENTS[departement]}/{COMMUNE_SEGMENT}:{insee_code}"
