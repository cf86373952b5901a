"""Make Office files (zip packages) byte-reproducible: fixed entry times, no host details."""

from __future__ import annotations

import io
import zipfile

__all__ = ["normalise_zip", "memo_datetime"]


def memo_datetime(date: str):
    """The memo's date (YYYY-MM-DD) as a UTC midnight datetime, for document properties."""
    import datetime as dt

    return dt.datetime.fromisoformat(date).replace(tzinfo=None)


def _pin_core_dates(xml: bytes, date: str) -> bytes:
    """Core properties' created/modified set to the memo's date (openpyxl stamps 'now' on save)."""
    import re

    stamp = f"{date}T00:00:00Z".encode()
    return re.sub(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)", lambda m: m.group(1) + stamp + m.group(2), xml)


def normalise_zip(data: bytes, date: str) -> bytes:
    """The same package with every entry stamped with the memo's date (zip times are local, no zone)."""
    y, m, d = (int(x) for x in date.split("-"))
    stamp = (max(y, 1980), m, d, 0, 0, 0)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = _pin_core_dates(payload, date)
            dst.writestr(entry, payload)
    return out.getvalue()
