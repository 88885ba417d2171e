"""Sotkanet REST API 1.1 loader (optional: ``python -m rrp_data build --sotkanet``).

* Base URL ``https://sotkanet.fi/rest/1.1``; env ``SOTKANET_URL`` overrides it (tests use a local server).
* THL asks for no regular repeated downloads, so every response is cached under ``data/sotkanet_cache/``
  with its retrieval time (``*.meta.json``) and reused unless ``--refresh``. A response replaces the cache only
  after it has been read successfully, so a bad download never destroys a good cache.
* Requests carry a User-Agent (the API answers 403 without one), a timeout, and urllib3 ``Retry`` back-off
  on 429 and 5xx.
* Region ids are mapped through ``GET /regions`` (category ``MAA`` is the whole country, ``HYVINVOINTIALUE``
  rows map by their code to ``regions.region_code``); the id list is never hard-coded here.
* Values are read by DuckDB straight from the cached JSON file (fast and lean on memory), filtered to the
  requested gender and known regions, and merged into ``indicator_values``: where a document value exists for
  the same key the API value wins and the difference is reported.
* Any fault (timeout, 5xx after retries, malformed JSON, an empty list, unknown region ids) produces a clear
  message; the build carries on with the cache or the curated document values.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .paths import SOTKANET_CACHE_DIR
from .validate import LoadedTable

DEFAULT_BASE_URL = "https://sotkanet.fi/rest/1.1"
USER_AGENT = "rrp-indicator-dashboard/0.1 (THL RRP monitoring; python-requests)"
SOURCE_DOCUMENT = "sotkanet.fi/rest/1.1"

# What the dashboard loads from Sotkanet: indicator id -> (our indicator_code, years).
INDICATORS: dict[int, tuple[str, tuple[int, ...]]] = {
    5548: ("sotkanet:5548", (2020, 2021, 2022, 2023, 2024, 2025)),
}


class SotkanetError(Exception):
    """A download or a payload could not be used; the message says which and why."""


def base_url() -> str:
    return os.environ.get("SOTKANET_URL", DEFAULT_BASE_URL).rstrip("/")


def make_session(retries: int = 3, backoff: float = 0.5) -> requests.Session:
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    s = requests.Session()
    s.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
    adapter = HTTPAdapter(max_retries=retry)
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    return s


@dataclass
class CachedResponse:
    path: Path
    retrieved_at: str
    from_cache: bool
    url: str


class Client:
    def __init__(
        self,
        url: str | None = None,
        cache_dir: Path | None = None,
        refresh: bool = False,
        timeout: tuple[float, float] = (5.0, 30.0),
        session: requests.Session | None = None,
        log: Callable[[str], None] = print,
    ):
        self.url = (url or base_url()).rstrip("/")
        # Looked up at call time (not bound as a default) so tests can point it at a temp dir.
        self.cache_dir = Path(cache_dir) if cache_dir is not None else SOTKANET_CACHE_DIR
        self.refresh = refresh
        self.timeout = timeout
        self.session = session or make_session()
        self.log = log

    # -- transport + cache --------------------------------------------------------------------
    def _cache_paths(self, name: str) -> tuple[Path, Path]:
        return self.cache_dir / f"{name}.json", self.cache_dir / f"{name}.meta.json"

    def _cached(self, name: str, check: Callable[[Path], None]) -> CachedResponse | None:
        body, meta = self._cache_paths(name)
        if body.exists() and meta.exists():
            # A damaged cache (truncated copy, hand edit) is reported and treated as no cache, never a crash.
            try:
                m = json.loads(meta.read_text(encoding="utf-8"))
                check(body)
                return CachedResponse(body, m["retrieved_at"], True, m["url"])
            except (SotkanetError, ValueError, KeyError, TypeError) as exc:
                self.log(f"Sotkanet: the cached {body.name} is unusable ({exc}); it is not used.")
        return None

    def fetch(self, name: str, path: str, params: list[tuple[str, Any]] | None, check: Callable[[Path], None]) -> CachedResponse:
        """Return the cached response, or download it (``refresh``/no cache), check it, then cache it.

        On a failed download or a payload that fails ``check`` the old cache (if any) is used, with a message.
        """
        cached = self._cached(name, check)
        if cached and not self.refresh:
            return cached
        url = f"{self.url}{path}"
        try:
            tmp = self._download(url, params)
            try:
                check(tmp)
            except SotkanetError:
                tmp.unlink(missing_ok=True)
                raise
        except SotkanetError as exc:
            if cached:
                self.log(f"Sotkanet: {exc}; using the cached response retrieved {cached.retrieved_at}.")
                return cached
            raise
        body, meta = self._cache_paths(name)
        retrieved = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        os.replace(tmp, body)
        meta.write_text(json.dumps({"url": url, "params": params or [], "retrieved_at": retrieved}, indent=1), encoding="utf-8")
        return CachedResponse(body, retrieved, False, url)

    def _download(self, url: str, params: list[tuple[str, Any]] | None) -> Path:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        try:
            resp = self.session.get(url, params=params, timeout=self.timeout, stream=True)
        except requests.exceptions.RetryError as exc:
            raise SotkanetError(f"{url}: server kept failing after retries ({exc.__class__.__name__})") from exc
        except requests.exceptions.Timeout as exc:
            raise SotkanetError(f"{url}: timed out after {self.timeout[1]:g} s") from exc
        except requests.exceptions.ConnectionError as exc:
            # With a urllib3 Retry, read timeouts surface as ConnectionError(MaxRetryError(reason=ReadTimeoutError)).
            if isinstance(getattr(exc.args[0] if exc.args else None, "reason", None), urllib3.exceptions.ReadTimeoutError):
                raise SotkanetError(f"{url}: timed out after {self.timeout[1]:g} s") from exc
            raise SotkanetError(f"{url}: cannot connect ({exc.__class__.__name__})") from exc
        with resp:
            if resp.status_code != 200:
                raise SotkanetError(f"{resp.url}: HTTP {resp.status_code} {resp.reason}")
            fd, name = tempfile.mkstemp(dir=self.cache_dir, suffix=".part")
            try:
                with os.fdopen(fd, "wb") as fh:
                    for chunk in resp.iter_content(chunk_size=1 << 20):
                        fh.write(chunk)
            except requests.exceptions.RequestException as exc:
                Path(name).unlink(missing_ok=True)
                raise SotkanetError(f"{url}: download interrupted ({exc.__class__.__name__})") from exc
        return Path(name)

    # -- endpoints ----------------------------------------------------------------------------
    def regions(self) -> tuple[list[dict], CachedResponse]:
        resp = self.fetch("regions", "/regions", None, _check_json_list("regions"))
        return json.loads(resp.path.read_text(encoding="utf-8")), resp

    def indicator_meta(self, indicator: int) -> tuple[dict, CachedResponse]:
        resp = self.fetch(f"indicator_{indicator}", f"/indicators/{indicator}", None, _check_json_object)
        return json.loads(resp.path.read_text(encoding="utf-8")), resp

    def data(self, indicator: int, years: tuple[int, ...], gender: str = "total") -> CachedResponse:
        params: list[tuple[str, Any]] = [("indicator", indicator), *(("years", y) for y in years), ("genders", gender)]
        return self.fetch(f"data_{indicator}", "/json", params, _check_data_file)


def _check_json_object(path: Path) -> None:
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SotkanetError(f"malformed JSON in indicator metadata: {exc}") from exc
    if not isinstance(obj, dict):
        raise SotkanetError("indicator metadata is not a JSON object")


def _check_json_list(what: str) -> Callable[[Path], None]:
    def check(path: Path) -> None:
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise SotkanetError(f"malformed JSON in /{what}: {exc}") from exc
        if not isinstance(obj, list) or not obj:
            raise SotkanetError(f"/{what} returned an empty list or not a list")

    return check


_DATA_SQL = """
SELECT CAST(indicator AS INTEGER) AS indicator, CAST(region AS INTEGER) AS region,
       CAST(year AS INTEGER) AS year, CAST(gender AS VARCHAR) AS gender, CAST(value AS DOUBLE) AS value
FROM read_json(?, format = 'array', maximum_object_size = 1048576,
               columns = {indicator: 'BIGINT', region: 'BIGINT', year: 'BIGINT', gender: 'VARCHAR', value: 'DOUBLE'})
"""


def read_data(path: Path, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyRelation:
    """A DuckDB relation over a Sotkanet data payload (missing keys become NULL)."""
    con = con or duckdb.connect()
    try:
        return con.sql(_DATA_SQL.replace("?", "'" + str(path).replace("'", "''") + "'"))
    except duckdb.Error as exc:
        raise SotkanetError(f"malformed JSON in data payload {path.name}: {str(exc).splitlines()[0]}") from exc


def _check_data_file(path: Path) -> None:
    if path.stat().st_size == 0:
        raise SotkanetError("data payload is empty")
    try:
        n = read_data(path).count("*").fetchall()[0][0]  # DuckDB 2 relations have no fetchone()
    except duckdb.Error as exc:
        raise SotkanetError(f"malformed JSON in data payload: {str(exc).splitlines()[0]}") from exc
    if n == 0:
        raise SotkanetError("data payload is an empty list")


def region_map(regions: list[dict], known_codes: set[str]) -> dict[int, str]:
    """Sotkanet region id -> our region_code, for the regions we know."""
    out: dict[int, str] = {}
    for r in regions:
        try:
            rid, code, cat = int(r["id"]), str(r.get("code", "")), r.get("category")
        except (KeyError, TypeError, ValueError):
            continue
        if cat == "MAA":
            if "SSS" in known_codes:
                out[rid] = "SSS"
        elif cat == "HYVINVOINTIALUE" and code in known_codes:
            out[rid] = code
    return out


@dataclass
class LoadResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    summary: str = ""


def fetch_values(client: Client, known_codes: set[str], unit_percent: set[str]) -> LoadResult:
    """Download (or reuse) regions and every configured indicator; return indicator_values rows."""
    result = LoadResult()
    regions, reg_resp = client.regions()
    mapping = region_map(regions, known_codes)
    all_ids = {int(r["id"]) for r in regions if isinstance(r, dict) and "id" in r}
    parts = []
    for ind, (code, years) in INDICATORS.items():
        try:
            resp = client.data(ind, years)
        except SotkanetError as exc:
            result.messages.append(f"Sotkanet indicator {ind}: {exc}; the document values are used instead.")
            parts.append(f"{ind}: unavailable")
            continue
        con = duckdb.connect()
        rel = read_data(resp.path, con)
        unknown = sorted(
            {r[0] for r in rel.filter("region IS NOT NULL").project("region").distinct().fetchall()} - all_ids
        )
        if unknown:
            shown = ", ".join(str(u) for u in unknown[:10])
            result.messages.append(
                f"Sotkanet indicator {ind}: {len(unknown)} unknown region id(s) not in /regions ({shown}); those rows are skipped."
            )
        con.execute("CREATE TEMP TABLE map(region INTEGER, region_code VARCHAR)")
        con.executemany("INSERT INTO map VALUES (?, ?)", list(mapping.items()))
        rows = con.execute(
            f"""SELECT m.region_code, d.year, d.value FROM ({_DATA_SQL}) AS d JOIN map AS m USING (region)
                WHERE d.gender = 'total' AND d.indicator = ? AND d.value IS NOT NULL
                ORDER BY m.region_code, d.year""",
            [str(resp.path), ind],
        ).fetchall()
        missing_values = con.execute(
            f"""SELECT count(*) FROM ({_DATA_SQL}) AS d JOIN map AS m USING (region)
                WHERE d.gender = 'total' AND d.indicator = ? AND d.value IS NULL""",
            [str(resp.path), ind],
        ).fetchone()[0]
        con.close()
        if missing_values:
            result.messages.append(f"Sotkanet indicator {ind}: {missing_values} row(s) without a value are left out (absent is absent).")
        day = resp.retrieved_at[:10]
        label = f"{int(day[8:10])}.{int(day[5:7])}.{day[:4]}"
        kept = 0
        for region_code, year, value in rows:
            if code in unit_percent and not 0 <= value <= 100:
                result.messages.append(f"Sotkanet indicator {ind}, region {region_code}, {year}: value {value} is not a percentage; skipped.")
                continue
            result.rows.append(
                {
                    "indicator_code": code,
                    "region_code": region_code,
                    "period": str(year),
                    "value": float(value),
                    "denominator": None,
                    "period_label": None,
                    "note": None,
                    "source_ref": f"{SOURCE_DOCUMENT} | indikaattori {ind}, haettu {label}",
                }
            )
            kept += 1
        parts.append(f"{ind}: {kept} values retrieved {resp.retrieved_at}{' (cache)' if resp.from_cache else ''}")
    result.summary = "; ".join(parts) + f"; regions retrieved {reg_resp.retrieved_at}"
    return result


def merge_values(table: LoadedTable, api_rows: list[dict[str, Any]]) -> list[str]:
    """Put API rows into indicator_values; an API value replaces a document value for the same key."""
    messages = []
    index = {(r["indicator_code"], r["region_code"], r["period"]): i for i, r in enumerate(table.rows)}
    for row in api_rows:
        key = (row["indicator_code"], row["region_code"], row["period"])
        if key in index:
            old = table.rows[index[key]]
            if abs(old["value"] - row["value"]) > 1e-9:
                messages.append(
                    f"{key[0]} {key[1]} {key[2]}: document value {old['value']:g} ({old['source_ref']}) "
                    f"differs from the API value {row['value']:g}; the API value is used."
                )
            table.rows[index[key]] = row
        else:
            index[key] = len(table.rows)
            table.rows.append(row)
            table.lines.append(0)
    return messages


def load_into(loaded: dict[str, LoadedTable], refresh: bool = False, log: Callable[[str], None] = print, client: Client | None = None) -> LoadResult:
    client = client or Client(refresh=refresh, log=log)
    known = {r["region_code"] for r in loaded["regions"].rows}
    percent = {r["indicator_code"] for r in loaded["indicators"].rows if r["unit"] == "percent"}
    try:
        result = fetch_values(client, known, percent)
    except SotkanetError as exc:
        return LoadResult(messages=[f"Sotkanet unavailable: {exc}. The build uses the curated document values only."], summary="unavailable")
    result.messages.extend(merge_values(loaded["indicator_values"], result.rows))
    return result
