"""Finnish number formats (rrp_data/fmt.py): decimal comma, narrow no-break space for thousands, no-break space
before % and €, a real minus sign, and rounding half up as statistics are published."""

import pytest

from rrp_data import fmt

NB, NNB = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (36.5, 1, "36,5"),
        (31.25, 1, "31,3"),  # half up (Python's own formatting gives 31,2)
        (2.675, 2, "2,68"),  # on the decimal form, not the binary value 2.67499...
        (0.5, 0, "1"),
        (2.5, 0, "3"),
        (1234567.891, 1, f"1{NNB}234{NNB}567,9"),
        (-0.04, 1, "0,0"),  # no "−0,0"
        (-3.25, 1, "−3,3"),
        (0.0, 1, "0,0"),
    ],
)
def test_number_rounds_half_up_with_finnish_separators(value, decimals, expected):
    assert fmt.number(value, decimals) == expected


def test_units_and_languages():
    assert fmt.percent(36.5) == f"36,5{NB}%"
    assert fmt.percent(31.25, 1, "en") == "31.3%"
    assert fmt.points(10.0) == f"+10,0{NB}%-yks." and fmt.points(-2.25, 1, "sv") == f"−2,3{NB}%-enh."
    assert fmt.eur(1234.5) == f"1{NNB}235{NB}€"
    assert fmt.auto(16.0) == "16" and fmt.auto(2.605) == "2,61" and fmt.auto(36.5) == "36,5"
    assert fmt.number(None) == "ei tietoa" and fmt.percent(float("nan"), 1, "sv") == fmt.NO_DATA["sv"]
