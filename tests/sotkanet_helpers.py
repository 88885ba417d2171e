"""Payload builders and server helpers shared by the Sotkanet tests and the Sotkanet benchmark.

Payload shapes follow Sotkanet REST API 1.1:

* ``GET /regions`` -> ``[{"id": 976, "code": "06", "category": "HYVINVOINTIALUE", "title": {...}, "memberOf": [...]}]``
* ``GET /json?indicator=5548&years=2020&genders=total`` ->
  ``[{"indicator": 5548, "region": 976, "year": 2022, "gender": "total", "value": 27.6, "absValue": 1234}]``

Region ids and codes come from ``/work/shared/reference/regions_reference.csv`` (the same ids are in
``data/sources/regions.csv``, used when the reference folder is not there, e.g. on CI).
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from werkzeug import Request, Response

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_CSV = Path("/work/shared/reference/regions_reference.csv")
SOURCES_REGIONS_CSV = ROOT / "data" / "sources" / "regions.csv"

INDICATOR = 5548
COUNTRY_ID = 658

# Municipalities (KUNTA) and an old region (MAAKUNTA) as Sotkanet lists them next to the counties. Their ids
# are not among ours; the MAAKUNTA code "04" (Satakunta as a maakunta) collides with a county code on purpose.
KUNTA_ROWS: list[dict[str, Any]] = [
    {"id": 199, "code": "091", "category": "KUNTA", "title": {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"}},
    {"id": 385, "code": "853", "category": "KUNTA", "title": {"fi": "Turku", "sv": "Åbo", "en": "Turku"}},
    {"id": 356, "code": "837", "category": "KUNTA", "title": {"fi": "Tampere", "sv": "Tammerfors", "en": "Tampere"}},
    {"id": 341, "code": "609", "category": "KUNTA", "title": {"fi": "Pori", "sv": "Björneborg", "en": "Pori"}},
]
MAAKUNTA_ROWS: list[dict[str, Any]] = [
    {"id": 4, "code": "04", "category": "MAAKUNTA", "title": {"fi": "Satakunta", "sv": "Satakunta", "en": "Satakunta"}},
]
KUNTA_IDS = [r["id"] for r in KUNTA_ROWS]


def reference_regions() -> list[tuple[int, str, str, str]]:
    """``(sotkanet_id, code, name_fi, name_sv)`` of every region of our table."""
    if REFERENCE_CSV.exists():
        with REFERENCE_CSV.open(encoding="utf-8", newline="") as fh:
            return [(int(r["sotkanet_id"]), r["statfin_code"], r["name_fi"], r["name_sv"]) for r in csv.DictReader(fh)]
    with SOURCES_REGIONS_CSV.open(encoding="utf-8", newline="") as fh:
        return [(int(r["sotkanet_id"]), r["region_code"], r["name_fi"], r["name_sv"]) for r in csv.DictReader(fh)]


def region_ids() -> dict[str, int]:
    """Our region_code -> Sotkanet id (from the reference list)."""
    return {code: rid for rid, code, _fi, _sv in reference_regions()}


def regions_payload(id_overrides: dict[str, int] | None = None, extra: Iterable[dict[str, Any]] = ()) -> list[dict]:
    """A ``GET /regions`` payload: the whole country (MAA, code 358), the counties, Helsinki and Åland
    (HYVINVOINTIALUE, by their code), HUS (a hospital district), then municipalities and a maakunta.

    ``id_overrides`` maps one of our codes to a different Sotkanet id (the loader must not hard-code ids).
    """
    overrides = id_overrides or {}
    out: list[dict[str, Any]] = []
    for rid, code, fi, sv in reference_regions():
        rid = overrides.get(code, rid)
        title = {"fi": fi, "sv": sv, "en": fi}
        if code == "SSS":
            row = {"id": rid, "code": "358", "category": "MAA", "title": title, "memberOf": []}
        elif code == "HUS":
            row = {"id": rid, "code": "25", "category": "SAIRAANHOITOPIIRI", "title": title, "memberOf": [COUNTRY_ID]}
        else:
            row = {"id": rid, "code": code, "category": "HYVINVOINTIALUE", "title": title, "memberOf": [COUNTRY_ID]}
        out.append(row)
    for r in (*KUNTA_ROWS, *MAAKUNTA_ROWS):
        out.append({**r, "memberOf": [COUNTRY_ID]})
    out.extend(extra)
    return out


def data_row(region: int, year: int, value: float | None, gender: str = "total", abs_value: int | None = None) -> dict:
    """One ``/json`` row; ``value=None`` leaves the key out (as Sotkanet does for a suppressed value)."""
    row: dict[str, Any] = {"indicator": INDICATOR, "region": region, "year": year, "gender": gender}
    if value is not None:
        row["value"] = value
    if abs_value is not None:
        row["absValue"] = abs_value
    return row


# -- server-side helpers ---------------------------------------------------------------------------------------------
class RequestLog:
    """Records what reached a handler (path, query, headers), thread-safe."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._lock = threading.Lock()

    def add(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def count(self, path: str) -> int:
        return self.paths().count(path)


def require_user_agent(inner: Callable[[Request], Response], log: RequestLog | None = None) -> Callable[[Request], Response]:
    """Wrap a handler: 403 when the request has no User-Agent (as the real API does)."""

    def handler(request: Request) -> Response:
        if log is not None:
            log.add(request)
        if not request.headers.get("User-Agent"):
            return Response("Forbidden", status=403)
        return inner(request)

    return handler


def json_response(payload: Any, status: int = 200) -> Callable[[Request], Response]:
    import json

    body = json.dumps(payload)

    def handler(_request: Request) -> Response:
        return Response(body, status=status, content_type="application/json")

    return handler


def raw_response(body: str | bytes, status: int = 200, content_type: str = "application/json") -> Callable[[Request], Response]:
    def handler(_request: Request) -> Response:
        return Response(body, status=status, content_type=content_type)

    return handler
