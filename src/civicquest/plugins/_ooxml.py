"""Office files (XLSX, DOCX…) that are the same bytes for the same content: exports are
deterministic, so golden files and diffs work."""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["deterministic_ooxml"]

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_EPOCH = (2000, 1, 1, 0, 0, 0)


def deterministic_ooxml(data: bytes) -> bytes:
    """``data`` (a zipped Office file, e.g. openpyxl's output) with fixed timestamps: in every
    zip entry and in ``docProps/core.xml``'s modification date."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return buffer.getvalue()
