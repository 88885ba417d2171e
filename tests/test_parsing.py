"""Unit and property tests for rrp_data.parsing: numbers, periods and Finnish period labels."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrp_data.parsing import parse_number, parse_period, period_kind, period_label_fi

# --- parse_number ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36,5", 36.5),
        ("36.5", 36.5),
        ("0", 0.0),
        ("-2", -2.0),
        ("+3", 3.0),
        ("0,05", 0.05),
        (",5", 0.5),
        (" 36,5 ", 36.5),  # surrounding whitespace is ignored
        ("1 234", 1234.0),
        ("1\u202f234", 1234.0),  # narrow no-break space
        ("1\u00a0234", 1234.0),  # no-break space
        ("12 345 678", 12345678.0),
        ("1 234,5", 1234.5),
        ("1\u202f234.25", 1234.25),
        ("-1 000", -1000.0),
    ],
)
def test_parse_number_accepts(text: str, expected: float) -> None:
    assert parse_number(text) == expected


def test_finnish_comma_and_dot_decimal_are_equal() -> None:
    assert parse_number("36,5") == parse_number("36.5") == 36.5


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "   ",
        "36,5 %",
        "36,5%",
        "1,234.5",
        "1.234,5",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e3",
        "5.",
        "1,2,3",
        "12 34",  # a space must separate groups of three digits
        "1 2345",
        "1  234",
        "1 234\u202f567",  # mixed separators
        "--1",
        "0x10",
        "\u0663\u0666",  # Arabic-Indic digits: only ASCII digits are numbers in a source file
        "\uff13\uff16,\uff15",  # full-width digits
    ],
)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


def _positional(x: float) -> str:
    """Shortest round-tripping decimal text of ``x`` without an exponent (``1e+16`` -> ``10000000000000000``)."""
    return format(Decimal(repr(x)), "f")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_number_round_trips_comma_decimal(x: float) -> None:
    text = _positional(x).replace(".", ",")
    assert parse_number(text) == x


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_number_round_trips_dot_decimal(x: float) -> None:
    assert parse_number(_positional(x)) == x


@given(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(["\u202f", "\u00a0", " "]),
)
def test_parse_number_thousands_separators(n: int, sep: str) -> None:
    text = f"{n:,}".replace(",", sep)
    assert parse_number(text) == n


@given(st.text(alphabet="0123456789,.%ae -+\u202f", max_size=12))
def test_parse_number_accepts_only_numbers(text: str) -> None:
    """Whatever it accepts is a finite number equal to the text read with a dot decimal and no spaces."""
    try:
        value = parse_number(text)
    except ValueError:
        return
    cleaned = text.strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
    assert value == float(cleaned)
    assert "%" not in text and "e" not in text and "a" not in text


# --- parse_period ------------------------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("2023-H1", D(2023, 1, 1), D(2023, 6, 30), "half"),
        ("2023-H2", D(2023, 7, 1), D(2023, 12, 31), "half"),
        ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31), "quarter"),
        ("2024-Q2", D(2024, 4, 1), D(2024, 6, 30), "quarter"),
        ("2024-Q3", D(2024, 7, 1), D(2024, 9, 30), "quarter"),
        ("2023-Q4", D(2023, 10, 1), D(2023, 12, 31), "quarter"),
        ("2023-12", D(2023, 12, 1), D(2023, 12, 31), "month"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),  # leap year
        ("2023-02", D(2023, 2, 1), D(2023, 2, 28), "month"),
        ("2024-02-13", D(2024, 2, 13), D(2024, 2, 13), "day"),
        ("2023-12-31", D(2023, 12, 31), D(2023, 12, 31), "day"),
        ("2024-02-29", D(2024, 2, 29), D(2024, 2, 29), "day"),
        ("2023-05/2023-07", D(2023, 5, 1), D(2023, 7, 31), "range"),
        ("2023-10/2023-12", D(2023, 10, 1), D(2023, 12, 31), "range"),
        ("2023-12-14/2024-01-31", D(2023, 12, 14), D(2024, 1, 31), "range"),
        ("2023-12/2023-12", D(2023, 12, 1), D(2023, 12, 31), "range"),
        ("2020/2022", D(2020, 1, 1), D(2022, 12, 31), "range"),
        ("2023-Q4/2024-H1", D(2023, 10, 1), D(2024, 6, 30), "range"),
    ],
)
def test_parse_period_bounds(text: str, start: dt.date, end: dt.date, kind: str) -> None:
    assert parse_period(text) == (start, end)
    assert period_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "2024-Q5",
        "2024-Q0",
        "2024-H3",
        "2023-13",
        "2023-00",
        "2023-1",
        "2023-02-30",
        "2023-04-31",
        "2023-02-29",  # not a leap year
        "24-Q3",
        "20245",
        " 2024",
        "2024 ",
        "2024\n",
        "",
        "Q3/2024",
        "2024-q3",
        "2024Q3",
        "7–9/2024",
        "2023-12/2023-05",  # range ending before start
        "2024/2023",
        "2024-02-13/2024-02-12",
        "2023/",
        "/2023",
        "2023/2024/2025",
        "2023 /2024",
        "2023\n/2024",
        "1899",  # outside the supported years
        "2101",
        "\uff12\uff10\uff12\uff14",  # full-width digits
        "\u0662\u0660\u0662\u0664-Q3",  # Arabic-Indic digits
    ],
)
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_period(text)


def test_parse_period_range_message() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        parse_period("2023-12/2023-05")


def _month_end(y: int, m: int) -> dt.date:
    return D(y, m, calendar.monthrange(y, m)[1])


years = st.integers(min_value=1900, max_value=2100)


@st.composite
def periods(draw) -> tuple[str, dt.date, dt.date]:
    """A single (non-range) period text with its expected bounds."""
    y = draw(years)
    kind = draw(st.sampled_from(["year", "half", "quarter", "month", "day"]))
    if kind == "year":
        return f"{y}", D(y, 1, 1), D(y, 12, 31)
    if kind == "half":
        h = draw(st.integers(1, 2))
        return f"{y}-H{h}", D(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    if kind == "quarter":
        q = draw(st.integers(1, 4))
        return f"{y}-Q{q}", D(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    if kind == "month":
        m = draw(st.integers(1, 12))
        return f"{y}-{m:02d}", D(y, m, 1), _month_end(y, m)
    d = draw(st.dates(min_value=D(y, 1, 1), max_value=D(y, 12, 31)))
    return d.isoformat(), d, d


@given(years, st.integers(1, 4))
def test_quarter_round_trips(y: int, q: int) -> None:
    start, end = parse_period(f"{y}-Q{q}")
    assert (start, end) == (D(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    assert start <= end
    assert period_label_fi(f"{y}-Q{q}") == f"{3 * q - 2}–{3 * q}/{y}"


@given(years, st.integers(1, 12))
def test_month_round_trips(y: int, m: int) -> None:
    text = f"{y}-{m:02d}"
    start, end = parse_period(text)
    assert (start, end) == (D(y, m, 1), _month_end(y, m))
    assert f"{start:%Y-%m}" == f"{end:%Y-%m}" == text
    assert period_label_fi(text) == f"{m}/{y}"


@given(years)
def test_year_round_trips(y: int) -> None:
    start, end = parse_period(str(y))
    assert (start, end) == (D(y, 1, 1), D(y, 12, 31))
    assert period_label_fi(str(y)) == str(y)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_day_round_trips(d: dt.date) -> None:
    assert parse_period(d.isoformat()) == (d, d)
    assert period_label_fi(d.isoformat()) == f"{d.day}.{d.month}.{d.year}"


@given(periods())
def test_single_period_bounds(p: tuple[str, dt.date, dt.date]) -> None:
    text, start, end = p
    assert parse_period(text) == (start, end)
    assert start <= end


@given(periods(), periods())
def test_range_bounds(a: tuple[str, dt.date, dt.date], b: tuple[str, dt.date, dt.date]) -> None:
    text = f"{a[0]}/{b[0]}"
    if b[2] < a[1]:
        with pytest.raises(ValueError, match="ends before it starts"):
            parse_period(text)
    else:
        start, end = parse_period(text)
        assert (start, end) == (a[1], b[2])
        assert start <= end
        assert period_kind(text) == "range"


# --- period_label_fi ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2024-Q3", "7–9/2024"),
        ("2024-Q1", "1–3/2024"),
        ("2023-Q4", "10–12/2023"),
        ("2023-12", "12/2023"),
        ("2024-01", "1/2024"),
        ("2024-02-13", "13.2.2024"),
        ("2023-10/2023-12", "10–12/2023"),
        ("2023-05/2023-07", "5–7/2023"),
        ("2023-H2", "7–12/2023"),
        ("2023", "2023"),
        ("2023-12-14/2024-01-31", "14.12.2023–31.1.2024"),
        ("2020/2022", "2020–2022"),
        ("2023-11/2024-02", "11/2023–2/2024"),
    ],
)
def test_period_label_fi(text: str, label: str) -> None:
    assert period_label_fi(text) == label
