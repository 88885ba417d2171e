"""RRP indicator dashboard: data layer (sources -> validation -> DuckDB -> named queries)."""

__all__ = ["__version__"]
__version__ = "0.1.0"
