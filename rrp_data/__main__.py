"""Command line: ``python -m rrp_data build [--sources DIR] [--db PATH] [--sotkanet] [--refresh]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import BuildError, build
from .paths import SOURCES_DIR, db_path
from .validate import ValidationError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rrp_data", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="validate the source tables and build the DuckDB file atomically")
    b.add_argument("--sources", type=Path, default=SOURCES_DIR, help="folder of source CSVs (default data/sources)")
    b.add_argument("--db", type=Path, default=None, help="database to write (default data/rrp.duckdb or $RRP_DB)")
    b.add_argument("--sotkanet", action="store_true", help="also load Sotkanet indicators (cached; see README)")
    b.add_argument("--refresh", action="store_true", help="with --sotkanet: ignore the cache and download again")
    args = parser.parse_args(argv)

    target = args.db or db_path()
    started = time.perf_counter()
    try:
        report = build(args.sources, target, sotkanet=args.sotkanet, refresh=args.refresh)
    except ValidationError as exc:
        print(f"Build failed; {target} was not changed.\n{exc}", file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build failed; {target} was not changed.\n{exc}", file=sys.stderr)
        return 1
    for m in report.messages:
        print(m)
    total = sum(report.rows.values())
    print(
        f"Built {target}: {total} rows in {len(report.rows)} tables, "
        f"{report.tests_run} data tests passed, {time.perf_counter() - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
