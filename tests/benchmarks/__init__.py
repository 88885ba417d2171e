"""Benchmarks (``bench_*.py``): run with ``make bench``; never collected by the normal test run."""
