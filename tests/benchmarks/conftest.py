"""Benchmarks are ``bench_*.py`` files: the normal run (``pytest``, discovering ``test_*.py``) never collects them.

With ``--benchmark-only`` (``make bench``) they are collected from a directory too. A file named on the command
line is collected by pytest itself, so it is left alone here (no double collection).
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    if (
        file_path.suffix == ".py"
        and file_path.name.startswith("bench_")
        and parent.config.getoption("benchmark_only", default=False)
        and not parent.session.isinitpath(file_path)
    ):
        return pytest.Module.from_parent(parent, path=file_path)
    return None
