"""Sotkanet REST API loader against a real local HTTP server (pytest-httpserver).

Every test points ``SOTKANET_URL`` at the local server, keeps the response cache in a temp dir (nothing is
written under ``data/``) and uses a retry session without back-off so the suite stays fast.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import socket
import threading
import time
from pathlib import Path

import duckdb
import pytest
from sotkanet_helpers import (
    KUNTA_IDS,
    RequestLog,
    data_row,
    json_response,
    raw_response,
    region_ids,
    regions_payload,
    require_user_agent,
)
from urllib3.util import SKIP_HEADER
from werkzeug import Request, Response

import rrp_data.paths
import rrp_data.sotkanet as sk
from rrp_data.__main__ import main
from rrp_data.build import write_database
from rrp_data.paths import SOURCES_DIR
from rrp_data.validate import load_sources

RETRIES = 2
IDS = region_ids()
SOURCE_PREFIX = "sotkanet.fi/rest/1.1 | indikaattori 5548, haettu"
YEARS = [str(y) for y in sk.INDICATORS[5548][1]]

# The good /json payload. Document values (data/sources/indicator_values.csv) for comparison:
# 06/2020 17.6, 06/2022 27.6, SSS/2022 36.5, 90/2022 51.2, 01/2022 36.3; no 08/2023, no SSS/2023.
GOOD_DATA = [
    data_row(IDS["06"], 2022, 27.7, abs_value=1234),  # differs from the document's 27.6 -> API wins, reported
    data_row(IDS["06"], 2020, 17.6, abs_value=1100),  # same as the document -> no message
    data_row(IDS["06"], 2022, 30.1, gender="male"),  # other genders are filtered out
    data_row(IDS["06"], 2022, 25.0, gender="female"),
    data_row(IDS["SSS"], 2022, 36.5),  # the whole country (category MAA)
    data_row(IDS["SSS"], 2023, 39.0),  # a new key
    data_row(IDS["08"], 2023, 38.2),  # a new key
    data_row(IDS["90"], 2022, 51.2),
    data_row(IDS["01"], 2022, None, abs_value=5000),  # value missing: left out, the document value stays
    data_row(IDS["01"], 2023, None),  # value missing, absValue missing too
    data_row(IDS["01"], 2023, None, gender="male"),  # missing but filtered by gender anyway: not reported
    data_row(KUNTA_IDS[0], 2022, 55.0),  # municipalities: not in our table, filtered out
    data_row(KUNTA_IDS[3], 2022, 26.0, abs_value=300),
    data_row(KUNTA_IDS[1], 2023, None),
    data_row(4, 2022, 99.9),  # MAAKUNTA "04" must not become county 04
]
# What GOOD_DATA assumes about data/sources/indicator_values.csv (None: no document value for that key).
DOCUMENT_ASSUMED = {
    ("06", "2022"): 27.6, ("06", "2020"): 17.6, ("SSS", "2022"): 36.5, ("90", "2022"): 51.2, ("01", "2022"): 36.3,
    ("SSS", "2023"): None, ("08", "2023"): None, ("01", "2023"): None,
}  # fmt: skip
API_KEYS = {("06", "2022"): 27.7, ("06", "2020"): 17.6, ("SSS", "2022"): 36.5, ("SSS", "2023"): 39.0, ("08", "2023"): 38.2, ("90", "2022"): 51.2}


# -- fixtures ---------------------------------------------------------------------------------------------------------
@pytest.fixture
def env(httpserver, monkeypatch, tmp_path):
    """Local server as SOTKANET_URL, temp cache dir, fast retries; returns the cache dir."""
    cache = tmp_path / "sotkanet_cache"
    monkeypatch.setenv("SOTKANET_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setattr(rrp_data.paths, "SOTKANET_CACHE_DIR", cache)
    monkeypatch.setattr(sk, "SOTKANET_CACHE_DIR", cache)
    fast = sk.make_session
    monkeypatch.setattr(sk, "make_session", lambda retries=RETRIES, backoff=0: fast(retries=retries, backoff=backoff))
    real_cache = rrp_data.paths.ROOT / "data" / "sotkanet_cache"
    existed = real_cache.exists()
    yield cache
    assert real_cache.exists() == existed, "the test wrote under data/sotkanet_cache"


@pytest.fixture
def log():
    return RequestLog()


def serve(httpserver, log: RequestLog, regions=None, data=None, regions_handler=None, data_handler=None) -> None:
    """Register /regions and /json (both answer 403 without a User-Agent)."""
    regions_handler = regions_handler or json_response(regions_payload() if regions is None else regions)
    data_handler = data_handler or json_response(GOOD_DATA if data is None else data)
    httpserver.expect_request("/regions", method="GET").respond_with_handler(require_user_agent(regions_handler, log))
    httpserver.expect_request("/json", method="GET").respond_with_handler(require_user_agent(data_handler, log))


def build_cli(tmp_path: Path, capsys, *extra: str, name: str = "x.duckdb") -> tuple[int, str, Path]:
    db = tmp_path / name
    rc = main(["build", "--db", str(db), "--sotkanet", *extra])
    out = capsys.readouterr()
    return rc, out.out + out.err, db


def values(db: Path) -> dict[tuple[str, str], tuple[float, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT region_code, period, value, source_ref FROM src.indicator_values WHERE indicator_code = 'sotkanet:5548'"
        ).fetchall()
    finally:
        con.close()
    return {(r, p): (v, s) for r, p, v, s in rows}


def build_info(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT key, value FROM src.build_info").fetchall())
    finally:
        con.close()


@functools.cache
def _pristine():
    return load_sources(SOURCES_DIR)


def sources():
    """The validated source tables (read once per run; each call gets its own row lists to merge into)."""
    return {name: dataclasses.replace(lt, rows=list(lt.rows), lines=list(lt.lines)) for name, lt in _pristine().items()}


def document_values() -> dict[tuple[str, str], float]:
    loaded = _pristine()
    return {
        (r["region_code"], r["period"]): r["value"] for r in loaded["indicator_values"].rows if r["indicator_code"] == "sotkanet:5548"
    }


def assert_clean(tmp_path: Path, cache: Path) -> None:
    """No half-written database or partial download is left behind."""
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.glob(".*.wal"))
    if cache.exists():
        assert not list(cache.glob("*.part"))


def assert_document_build(db: Path) -> None:
    """The database holds exactly the curated document values for indicator 5548."""
    got = values(db)
    assert {k: v for k, (v, _s) in got.items()} == document_values()
    assert not any(s.startswith("sotkanet.fi/") for _v, s in got.values())


def client(cache: Path, **kw) -> sk.Client:
    kw.setdefault("session", sk.make_session(retries=RETRIES, backoff=0))
    return sk.Client(cache_dir=cache, **kw)


def load(cache: Path, refresh: bool = False, **kw):
    """``load_into`` straight (no database build): returns (result, loaded tables, what the client logged)."""
    logged: list[str] = []
    loaded = sources()
    result = sk.load_into(loaded, client=client(cache, refresh=refresh, log=logged.append, **kw))
    return result, loaded, logged


def api_values(loaded) -> dict[tuple[str, str], float]:
    return {
        (r["region_code"], r["period"]): r["value"]
        for r in loaded["indicator_values"].rows
        if r["indicator_code"] == "sotkanet:5548" and r["source_ref"].startswith("sotkanet.fi/")
    }


def assert_document_values_only(loaded) -> None:
    """The merged tables are exactly the curated ones: the build would equal a build without --sotkanet."""
    assert loaded["indicator_values"].rows == _pristine()["indicator_values"].rows


# -- happy path through the CLI ---------------------------------------------------------------------------------------
def test_payload_matches_document_values():
    """GOOD_DATA is written against these curated values; if the CSV changes, update GOOD_DATA and API_KEYS."""
    doc = document_values()
    assert {k: doc.get(k) for k in DOCUMENT_ASSUMED} == DOCUMENT_ASSUMED


def test_cli_build_loads_api_values(env, httpserver, log, tmp_path, capsys):
    serve(httpserver, log)
    rc, out, db = build_cli(tmp_path, capsys)
    assert rc == 0, out

    # The API value replaces the document value and the difference is reported with both numbers.
    diff = [line for line in out.splitlines() if "sotkanet:5548 06 2022" in line]
    assert len(diff) == 1 and "27.6" in diff[0] and "27.7" in diff[0] and "API value is used" in diff[0], out
    assert sum("differs from the API value" in line for line in out.splitlines()) == 1, out  # equal values: silent

    got = values(db)
    today = dt.datetime.now(dt.UTC).date()
    for key, value in API_KEYS.items():
        assert got[key][0] == pytest.approx(value), key
        assert got[key][1].startswith(SOURCE_PREFIX), got[key]
        assert got[key][1].endswith(f"haettu {today.day}.{today.month}.{today.year}")
    # Only our regions: municipalities and the maakunta "04" (value 99.9) are filtered out.
    assert {k for k, (_v, s) in got.items() if s.startswith("sotkanet.fi/")} == set(API_KEYS)
    assert all(v not in (99.9, 55.0, 26.0) for v, s in got.values() if s.startswith("sotkanet.fi/"))
    # Gender: the male 30.1 / female 25.0 rows did not win.
    assert got[("06", "2022")][0] == pytest.approx(27.7)
    # Absent is absent: 01/2022 keeps the document value, 01/2023 does not exist; both rows are reported
    # (the male row without a value is filtered by gender and not counted).
    doc = document_values()
    assert got[("01", "2022")][0] == doc[("01", "2022")]
    assert not got[("01", "2022")][1].startswith("sotkanet.fi/")
    assert ("01", "2023") not in got
    assert "Sotkanet indicator 5548: 2 row(s) without a value are left out (absent is absent)." in out, out
    # Every document value of another key is still there.
    for key, value in doc.items():
        if key not in API_KEYS:
            assert got[key][0] == value
    assert "unknown region" not in out and "unavailable" not in out
    info = build_info(db)
    assert info["sotkanet"].startswith("5548: 6 values retrieved ") and "(cache)" not in info["sotkanet"]
    assert_clean(tmp_path, env)


def test_request_has_user_agent_and_query(env, httpserver, log):
    serve(httpserver, log)
    result, loaded, _logged = load(env)
    assert len(api_values(loaded)) == len(API_KEYS), result.messages
    assert sorted(log.paths()) == ["/json", "/regions"]
    for req in log.requests:
        assert req.headers["User-Agent"] == sk.USER_AGENT
    (data_req,) = [r for r in log.requests if r.path == "/json"]
    assert data_req.args.getlist("indicator") == ["5548"]
    assert data_req.args.getlist("years") == YEARS
    assert data_req.args.getlist("genders") == ["total"]


def test_server_answers_403_without_user_agent(env, httpserver, log):
    """The fixture server behaves like the API: a request without a User-Agent is refused."""
    serve(httpserver, log)
    session = sk.make_session(retries=0, backoff=0)
    session.headers["User-Agent"] = SKIP_HEADER  # send no User-Agent at all (not even urllib3's default)
    result, loaded, _logged = load(env, session=session)
    assert result.summary == "unavailable"
    assert len(result.messages) == 1 and "Sotkanet unavailable" in result.messages[0] and "HTTP 403" in result.messages[0]
    assert "User-Agent" not in log.requests[0].headers
    assert_document_values_only(loaded)


# -- cache ------------------------------------------------------------------------------------------------------------
def test_second_build_uses_cache_and_refresh_downloads_again(env, httpserver, log, tmp_path, capsys):
    serve(httpserver, log)
    rc, out, db = build_cli(tmp_path, capsys)
    assert rc == 0, out
    assert len(httpserver.log) == 2

    names = sorted(p.name for p in env.iterdir())
    assert names == ["data_5548.json", "data_5548.meta.json", "regions.json", "regions.meta.json"]
    meta = json.loads((env / "data_5548.meta.json").read_text(encoding="utf-8"))
    retrieved = dt.datetime.fromisoformat(meta["retrieved_at"])
    assert abs((dt.datetime.now(dt.UTC) - retrieved).total_seconds()) < 120
    assert meta["url"].endswith("/json")
    assert [v for k, v in meta["params"] if k == "years"] == [int(y) for y in YEARS]
    assert "retrieved_at" in json.loads((env / "regions.meta.json").read_text(encoding="utf-8"))
    first = values(db)

    # Second build: no request at all, same values, the summary says the cache was used.
    rc, out, db2 = build_cli(tmp_path, capsys, name="y.duckdb")
    assert rc == 0, out
    assert len(httpserver.log) == 2
    assert values(db2) == first
    assert "(cache)" in build_info(db2)["sotkanet"]

    # refresh (what --refresh sets; the CLI flag itself is exercised in test_fault_after_good_cache_cli) downloads
    # both again and rewrites the meta files.
    (env / "data_5548.meta.json").write_text(json.dumps({**meta, "retrieved_at": "2001-01-01T00:00:00+00:00"}), encoding="utf-8")
    result, loaded, _logged = load(env, refresh=True)
    assert sorted(r.path for r, _resp in httpserver.log) == ["/json", "/json", "/regions", "/regions"]
    assert json.loads((env / "data_5548.meta.json").read_text(encoding="utf-8"))["retrieved_at"] != "2001-01-01T00:00:00+00:00"
    assert "(cache)" not in result.summary
    assert api_values(loaded) == {k: v for k, (v, src) in first.items() if src.startswith("sotkanet.fi/")}
    assert_clean(tmp_path, env)


# -- faults -----------------------------------------------------------------------------------------------------------
@pytest.fixture
def release():
    """An event a slow handler waits on; set at teardown so the single-threaded server is free again."""
    ev = threading.Event()
    yield ev
    ev.set()


def test_timeout_gives_message_and_document_build(env, httpserver, log, tmp_path, release):
    def slow(_request: Request) -> Response:
        release.wait(10)
        return Response("[]", content_type="application/json")

    serve(httpserver, log, data_handler=slow)
    loaded = sources()
    logged: list[str] = []
    started = time.perf_counter()
    result = sk.load_into(loaded, client=client(env, timeout=(0.5, 0.5), log=logged.append))
    elapsed = time.perf_counter() - started
    release.set()
    assert elapsed < 5
    assert len(result.messages) == 1, result.messages
    msg = result.messages[0]
    assert msg.startswith("Sotkanet indicator 5548:") and "timed out after 0.5 s" in msg, msg
    assert "document values are used instead" in msg
    assert result.summary.startswith("5548: unavailable")
    assert not (env / "data_5548.json").exists()
    report = write_database(tmp_path / "x.duckdb", loaded, {"sotkanet": result.summary})
    assert report.tests_run > 0
    assert_document_build(tmp_path / "x.duckdb")
    assert_clean(tmp_path, env)
    # Let the server drain the retried requests (the client gave up on them) before the next test.
    deadline = time.monotonic() + 5
    while log.count("/json") < RETRIES + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert log.count("/json") == RETRIES + 1


def test_http_500_on_every_try(env, httpserver, log, tmp_path):
    serve(httpserver, log, data_handler=raw_response("boom", status=500, content_type="text/plain"))
    result, loaded, _logged = load(env)
    assert log.count("/json") == RETRIES + 1
    assert len(result.messages) == 1, result.messages
    msg = result.messages[0]
    assert msg.startswith("Sotkanet indicator 5548:") and "HTTP 500" in msg and "document values are used instead" in msg
    assert result.summary.startswith("5548: unavailable")
    assert_document_values_only(loaded)
    assert not (env / "data_5548.json").exists()
    assert_clean(tmp_path, env)


def test_429_then_200_retries_and_succeeds(env, httpserver, log):
    calls = {"n": 0}
    good = json_response(GOOD_DATA)

    def flaky(request: Request) -> Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return Response("slow down", status=429, headers={"Retry-After": "0"})
        return good(request)

    serve(httpserver, log, data_handler=flaky)
    result, loaded, logged = load(env)
    assert log.count("/json") == 2
    assert not logged and not any("unavailable" in m or "429" in m for m in result.messages), result.messages
    assert api_values(loaded) == pytest.approx(API_KEYS)
    assert (env / "data_5548.json").exists()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[{"indicator": 5548, "region": 976, "year": 2022, "gender": "tot', "malformed JSON"),
        ("<html><body>Service temporarily unavailable</body></html>", "malformed JSON"),
        ('{"error": "indicator not found"}', "malformed JSON"),
        ("[]", "empty list"),
        ("", "empty"),
    ],
    ids=["truncated", "html", "object", "empty-list", "empty-body"],
)
def test_bad_payload_gives_message_and_document_values(env, httpserver, log, body, expected):
    serve(httpserver, log, data_handler=raw_response(body))
    result, loaded, _logged = load(env)
    assert len(result.messages) == 1, result.messages
    msg = result.messages[0]
    assert msg.startswith("Sotkanet indicator 5548:") and expected in msg and "document values are used instead" in msg
    assert_document_values_only(loaded)
    assert not (env / "data_5548.json").exists() and not (env / "data_5548.meta.json").exists()
    assert not list(env.glob("*.part"))


def test_unknown_region_id_is_named(env, httpserver, log):
    serve(httpserver, log, data=[*GOOD_DATA, data_row(123456, 2022, 40.0), data_row(123457, 2023, 41.0)])
    result, loaded, _logged = load(env)
    (line,) = [m for m in result.messages if "unknown region id" in m]
    assert "2 unknown region id(s) not in /regions (123456, 123457)" in line, line
    assert api_values(loaded) == pytest.approx(API_KEYS)  # the known rows are still loaded


def test_regions_failure_builds_from_document_values(env, httpserver, log, tmp_path, capsys):
    serve(httpserver, log, regions_handler=raw_response("down", status=503, content_type="text/plain"))
    rc, out, db = build_cli(tmp_path, capsys)
    assert rc == 0, out
    assert "Sotkanet unavailable" in out and "HTTP 503" in out and "curated document values" in out, out
    assert log.count("/regions") == RETRIES + 1
    assert log.count("/json") == 0
    assert build_info(db)["sotkanet"] == "unavailable"
    assert_document_build(db)
    assert_clean(tmp_path, env)


@pytest.mark.parametrize(
    ("regions_body", "reason"),
    [('[{"id": 976, "code": "06"', "malformed JSON in /regions"), ("[]", "/regions returned an empty list")],
    ids=["malformed", "empty"],
)
def test_bad_regions_payload_gives_message(env, httpserver, log, regions_body, reason):
    serve(httpserver, log, regions_handler=raw_response(regions_body))
    result, loaded, _logged = load(env)
    assert len(result.messages) == 1 and result.messages[0].startswith("Sotkanet unavailable") and reason in result.messages[0]
    assert_document_values_only(loaded)
    assert not (env / "regions.json").exists()


FAULTS = [(500, "boom", "HTTP 500"), (200, '[{"indicator": 5548,', "malformed JSON"), (200, "[]", "empty list")]


@pytest.mark.parametrize("broken", ["data", "regions"])
@pytest.mark.parametrize(("status", "body", "reason"), FAULTS, ids=["http500", "malformed", "empty"])
def test_fault_after_good_cache_uses_cache(env, httpserver, log, broken, status, body, reason):
    serve(httpserver, log)
    result, loaded, _logged = load(env)
    good = api_values(loaded)
    assert good == pytest.approx(API_KEYS), result.messages
    name = "data_5548" if broken == "data" else "regions"
    cached = {p: (env / p).read_bytes() for p in (f"{name}.json", f"{name}.meta.json")}
    retrieved = json.loads(cached[f"{name}.meta.json"])["retrieved_at"]

    httpserver.clear()
    bad = raw_response(body, status=status)
    serve(httpserver, log, **({"data_handler": bad} if broken == "data" else {"regions_handler": bad}))
    result, loaded, logged = load(env, refresh=True)
    assert len(logged) == 1, logged
    assert reason in logged[0] and f"using the cached response retrieved {retrieved}" in logged[0], logged
    assert api_values(loaded) == good
    # The bad payload did not replace the cache.
    for p, content in cached.items():
        assert (env / p).read_bytes() == content
    assert not list(env.glob("*.part"))


def test_fault_after_good_cache_cli(env, httpserver, log, tmp_path, capsys):
    """Through the CLI: --refresh against a failing server prints the cache message and builds from the cache."""
    serve(httpserver, log)
    _result, loaded, _logged = load(env)  # fills the cache
    good = api_values(loaded)
    assert good == pytest.approx(API_KEYS)
    cached = (env / "data_5548.json").read_bytes()
    retrieved = json.loads((env / "data_5548.meta.json").read_text(encoding="utf-8"))["retrieved_at"]

    httpserver.clear()
    serve(httpserver, log, data_handler=raw_response('[{"indicator": 5548, "region"'))
    rc, out, db2 = build_cli(tmp_path, capsys, "--refresh", name="y.duckdb")
    assert rc == 0, out
    assert "malformed JSON in data payload" in out and f"using the cached response retrieved {retrieved}." in out, out
    assert {k: v for k, (v, src) in values(db2).items() if src.startswith("sotkanet.fi/")} == good
    assert "(cache)" in build_info(db2)["sotkanet"]
    assert (env / "data_5548.json").read_bytes() == cached
    assert_clean(tmp_path, env)


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("data_5548.json", '[{"indicator": 5548, "reg'),
        ("data_5548.json", ""),
        ("regions.json", "[{"),
        ("data_5548.meta.json", "{not json"),
        ("regions.meta.json", "{}"),
    ],
    ids=["data-truncated", "data-empty", "regions-truncated", "meta-broken", "meta-no-retrieved_at"],
)
def test_damaged_cache_is_reported_and_downloaded_again(env, httpserver, log, name, damage):
    serve(httpserver, log)
    _result, loaded, _logged = load(env)  # fills the cache
    good = api_values(loaded)
    (env / name).write_text(damage, encoding="utf-8")
    requests_before = len(log.requests)
    result, loaded, logged = load(env)
    body = name.replace(".meta", "")
    assert len(logged) == 1 and f"the cached {body} is unusable" in logged[0], logged
    assert len(log.requests) == requests_before + 1  # only the damaged response is fetched again
    assert api_values(loaded) == good
    assert "unavailable" not in result.summary
    json.loads((env / name).read_text(encoding="utf-8"))  # replaced by a good copy


def test_damaged_cache_and_server_down_builds_from_document_values(env, httpserver, log, tmp_path):
    serve(httpserver, log)
    load(env)
    (env / "data_5548.json").write_text('[{"indicator": 5548, "reg', encoding="utf-8")
    httpserver.clear()
    serve(httpserver, log, data_handler=raw_response("down", status=503))
    result, loaded, logged = load(env)
    assert any("the cached data_5548.json is unusable" in m for m in logged), logged
    assert len(result.messages) == 1 and "HTTP 503" in result.messages[0] and "document values are used" in result.messages[0]
    assert_document_values_only(loaded)


def test_connection_refused_is_a_clear_message(env, monkeypatch):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("SOTKANET_URL", f"http://127.0.0.1:{port}")
    result, loaded, _logged = load(env)
    assert len(result.messages) == 1, result.messages
    assert "Sotkanet unavailable" in result.messages[0] and "cannot connect" in result.messages[0], result.messages
    assert_document_values_only(loaded)


def test_out_of_range_percentage_is_skipped_not_fatal(env, httpserver, log):
    serve(httpserver, log, data=[*GOOD_DATA, data_row(IDS["08"], 2024, 150.0)])
    result, loaded, _logged = load(env)
    assert any("region 08, 2024: value 150.0 is not a percentage; skipped" in m for m in result.messages), result.messages
    assert ("08", "2024") not in api_values(loaded)


# -- mapping ----------------------------------------------------------------------------------------------------------
def test_region_ids_come_from_regions_endpoint(env, httpserver, log):
    """Satakunta listed under id 9999: data for 9999 is mapped to 06, and the old id 976 is unknown."""
    regions = regions_payload(id_overrides={"06": 9999})
    data = [data_row(9999, 2022, 27.7), data_row(9999, 2023, 28.8), data_row(976, 2024, 12.3), data_row(IDS["SSS"], 2022, 36.5)]
    serve(httpserver, log, regions=regions, data=data)
    result, loaded, _logged = load(env)
    assert api_values(loaded) == pytest.approx({("06", "2022"): 27.7, ("06", "2023"): 28.8, ("SSS", "2022"): 36.5})
    assert any("1 unknown region id(s) not in /regions (976)" in m for m in result.messages), result.messages
    assert any("sotkanet:5548 06 2022: document value 27.6" in m for m in result.messages), result.messages


def test_region_map_by_category_and_code():
    mapping = sk.region_map(regions_payload(), set(IDS))
    assert mapping == {rid: code for code, rid in IDS.items() if code != "HUS"}
    assert mapping[IDS["SSS"]] == "SSS"  # MAA (code "358") is the whole country
    assert 4 not in mapping and not set(KUNTA_IDS) & set(mapping)  # MAAKUNTA "04" and municipalities
    # Rows without an id or with a broken id are ignored; MAA maps only when SSS is one of our regions.
    assert sk.region_map([{"code": "06", "category": "HYVINVOINTIALUE"}, {"id": "x", "code": "06"}], set(IDS)) == {}
    assert sk.region_map([{"id": 1, "code": "358", "category": "MAA"}], {"06"}) == {}
