"""Pace to target (rrp_data/pace.py) against values computed by hand from the documents.

Day counts (a period stands for its end date; a year is 365,25 days):
  31.12.2020 -> 31.12.2022:  730 days = 1,9986 years
  31.12.2022 -> 31.12.2025: 1096 days = 3,0007 years (2024 is a leap year)
  31.12.2022 -> 28.2.2025:   790 days = 2,1629 years
  31.1.2020  -> 31.12.2023: 1430 days = 3,9151 years
  31.12.2023 -> 31.12.2025:  731 days = 2,0014 years
  31.12.2020 -> 31.12.2023: 1095 days = 2,9979 years
"""

import datetime as dt

import pytest

from rrp_data import pace

NBSP = "\u00a0"


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_a_period_stands_for_its_end_date():
    assert pace.period_end("2022") == dt.date(2022, 12, 31)
    assert pace.period_end("2025-Q4") == dt.date(2025, 12, 31)
    assert pace.period_end("2024-06") == dt.date(2024, 6, 30)
    assert pace.period_end("2025-02") == dt.date(2025, 2, 28)
    assert pace.period_end("2023-10/2023-12") == dt.date(2023, 12, 31)
    assert pace.years_between(dt.date(2022, 12, 31), dt.date(2025, 12, 31)) == pytest.approx(1096 / 365.25)


def test_satakunta_digital_contacts_35_percent_by_end_of_2025():
    # Satakunta's plan: 17,6 % -> 35 % by the end of 2025; Sotkanet 5548: 17,6 (2020), 27,6 (2022).
    p = pace.assess(35, "2025-12", baseline=17.6, baseline_period="2020", latest=27.6, latest_period="2022")
    assert p.direction == 1
    assert p.gap == pytest.approx(7.4)  # 35 - 27,6
    assert p.remaining == pytest.approx(7.4)
    assert p.years_left == pytest.approx(3.0007, abs=1e-4)
    assert p.needed_per_year == pytest.approx(7.4 / (1096 / 365.25))  # ≈ 2,47 per year
    assert p.needed_per_year == pytest.approx(2.466, abs=1e-3)
    assert p.years_so_far == pytest.approx(730 / 365.25)
    assert p.achieved_per_year == pytest.approx(10 / (730 / 365.25))  # (27,6 - 17,6) / 2,0 ≈ 5,0 per year
    assert p.achieved_per_year == pytest.approx(5.003, abs=1e-3)
    assert p.margin == pytest.approx(5.0034 - 2.4661, abs=1e-3)
    assert p.verdict == pace.ON_TRACK
    assert pace.verdict_label(p.verdict) == "→ aikataulussa"


def test_eu_deadline_q4_2025_gives_the_same_pace_as_end_of_2025():
    # The pace needed from 27,6 % in 2022 to 35 % by the end of 2025 (Q4/2025 ends 31.12.2025).
    a = pace.assess(35, "2025-Q4", 17.6, "2020", 27.6, "2022")
    b = pace.assess(35, "2025-12", 17.6, "2020", 27.6, "2022")
    assert a.deadline == b.deadline == dt.date(2025, 12, 31)
    assert a.needed_per_year == b.needed_per_year


def test_satakunta_35_percent_by_february_2025_needs_a_faster_pace():
    # The same plan also says 35 % by 02/2025: 7,4 points in 790 days.
    p = pace.assess(35, "2025-02", 17.6, "2020", 27.6, "2022")
    assert p.years_left == pytest.approx(790 / 365.25)
    assert p.needed_per_year == pytest.approx(3.421, abs=1e-3)
    assert p.verdict == pace.ON_TRACK  # 5,0 per year so far is still more than 3,4


def test_satakunta_20_percent_by_june_2024_is_met():
    p = pace.assess(20, "2024-06", 17.6, "2020", 27.6, "2022")
    assert p.deadline == dt.date(2024, 6, 30)
    assert p.verdict == pace.MET  # 27,6 ≥ 20 already in 2022
    assert p.gap == pytest.approx(-7.6)
    assert p.remaining == 0
    assert p.needed_per_year == 0  # nothing more is needed


def test_national_digital_contacts_met_in_2022():
    # EU indicator: 26 % (2020) -> 35 % by Q4/2025; whole country 36,5 % in 2022.
    p = pace.assess(35, "2025-Q4", 26, "2020", 36.5, "2022")
    assert p.verdict == pace.MET
    assert p.gap == pytest.approx(-1.5)
    assert p.achieved_per_year == pytest.approx(10.5 / (730 / 365.25))


def test_seven_day_access_on_track_from_december_2023():
    # 67 % (1/2020) -> 78,0 % (12/2023), target 80 % by Q4/2025.
    p = pace.assess(80, "2025-Q4", 67, "2020-01", 78.0, "2023-12")
    assert p.gap == pytest.approx(2.0)
    assert p.needed_per_year == pytest.approx(2.0 / (731 / 365.25))  # ≈ 1,0
    assert p.achieved_per_year == pytest.approx(11.0 / (1430 / 365.25))  # ≈ 2,81
    assert p.verdict == pace.ON_TRACK


def test_monitoring_coverage_behind():
    # 90 % (2020) -> 95 % (12/2023), target 100 % by Q4/2025: 5 points in 2,0 years needs 2,5 a year,
    # the pace so far is 5 / 3,0 ≈ 1,67 a year.
    p = pace.assess(100, "2025-Q4", 90, "2020", 95, "2023-12")
    assert p.needed_per_year == pytest.approx(5 / (731 / 365.25))
    assert p.achieved_per_year == pytest.approx(5 / (1095 / 365.25))
    assert p.verdict == pace.BEHIND
    assert pace.verdict_label(p.verdict) == "! jäljessä"


def test_deadline_passed_before_the_latest_value_is_behind():
    p = pace.assess(35, "2021", 17.6, "2020", 27.6, "2022")
    assert p.deadline_passed and p.needed_per_year is None
    assert p.verdict == pace.BEHIND
    # ... but a target met by then is met
    assert pace.assess(20, "2021", 17.6, "2020", 27.6, "2022").verdict == pace.MET


def test_no_estimate_when_the_pace_so_far_cannot_be_computed():
    no_period = pace.assess(35, "2025-12", 17.6, None, 27.6, "2022")
    assert no_period.verdict == pace.NO_ESTIMATE and no_period.reason == pace.NO_BASELINE_PERIOD
    assert no_period.needed_per_year == pytest.approx(2.466, abs=1e-3)  # still known
    assert no_period.achieved_per_year is None

    no_baseline = pace.assess(35, "2025-Q4", None, None, 13.7, "2022", direction=1)  # Åland: 2022 only
    assert no_baseline.verdict == pace.NO_ESTIMATE and no_baseline.reason == pace.NO_BASELINE
    assert no_baseline.gap == pytest.approx(21.3)

    same = pace.assess(35, "2025-Q4", 27.6, "2022", 27.6, "2022")
    assert same.verdict == pace.NO_ESTIMATE and same.reason == pace.SAME_POINT

    no_latest = pace.assess(80, "2025-Q4", None, None, None, None, direction=1)
    assert no_latest.verdict == pace.NO_ESTIMATE and no_latest.gap is None

    # without a baseline or a given direction a value is not judged at all
    assert pace.assess(35, "2025-Q4", None, None, 13.7, "2022").gap is None
    assert pace.assess(35, "2025-Q4", None, None, 13.7, "2022").verdict == pace.NO_ESTIMATE


def test_falling_target_is_handled_by_direction():
    # 20 (2020) -> 15 (2022), target 10 by Q4/2025: 5 to go in 3,0 years, 2,5 a year so far.
    p = pace.assess(10, "2025-Q4", 20, "2020", 15, "2022")
    assert p.direction == -1
    assert p.gap == pytest.approx(5)
    assert p.achieved_per_year == pytest.approx(5 / (730 / 365.25))
    assert p.needed_per_year == pytest.approx(5 / (1096 / 365.25))
    assert p.verdict == pace.ON_TRACK
    assert pace.assess(10, "2025-Q4", 20, "2020", 9, "2022").verdict == pace.MET
    # moving away from the target: negative pace so far, behind
    away = pace.assess(10, "2025-Q4", 20, "2020", 22, "2022")
    assert away.achieved_per_year < 0 and away.verdict == pace.BEHIND


def test_baseline_period_inferred_only_from_one_equal_value():
    values = [("2020", 17.6), ("2022", 27.6)]
    assert pace.infer_baseline_period(17.6, values) == "2020"
    assert pace.infer_baseline_period(18.0, values) is None
    assert pace.infer_baseline_period(17.6, [("2020", 17.6), ("2021", 17.6)]) is None  # ambiguous
    assert pace.infer_baseline_period(None, values) is None


def test_latest_point_prefers_the_newest_and_on_a_tie_the_shortest_period():
    # the 7-day access rows: year 2023, 10–12/2023 average and 12/2023 all end 31.12.2023
    values = [("2023-05/2023-07", 73.0), ("2023", 75.0), ("2023-10/2023-12", 78.3), ("2023-12", 78.0)]
    assert pace.latest_point(values) == ("2023-12", 78.0)
    assert pace.latest_point([("2020", 25.8), ("2024", 41.9), ("2022", 36.5)]) == ("2024", 41.9)
    assert pace.latest_point([("2022", float("nan"))]) is None
    assert pace.latest_point([]) is None


def test_rank_order():
    # Helsinki was above 35 % already in 2020: the direction comes from the EU target (26 -> 35), not from the
    # county's own starting point (the page passes it the same way)
    assert pace.assess(35, "2025-Q4", 42.6, "2020", 51.2, "2022").direction == -1
    met_far = pace.assess(35, "2025-Q4", 42.6, "2020", 51.2, "2022", direction=1)
    met_near = pace.assess(35, "2025-Q4", 24.1, "2020", 36.1, "2022")  # Pirkanmaa
    fast = pace.assess(35, "2025-Q4", 19.1, "2020", 33.6, "2022")  # Keski-Suomi: margin ≈ 6,79
    sata = pace.assess(35, "2025-Q4", 17.6, "2020", 27.6, "2022")  # margin ≈ 2,537
    psavo = pace.assess(35, "2025-Q4", 22.1, "2020", 30.3, "2022")  # margin ≈ 2,537 - 0,0008
    behind = pace.assess(100, "2025-Q4", 90, "2020", 95, "2023-12")
    passed = pace.assess(35, "2021", 17.6, "2020", 27.6, "2022")
    unknown = pace.assess(35, "2025-Q4", None, None, 13.7, "2022", direction=1)
    assert sata.margin - psavo.margin == pytest.approx(1.8 / (730 / 365.25) - 2.7 / (1096 / 365.25), abs=1e-6)
    expected = [met_far, met_near, fast, sata, psavo, behind, passed, unknown]
    shuffled = [unknown, psavo, behind, met_near, passed, sata, met_far, fast]
    assert sorted(shuffled, key=pace.rank_key) == expected


def test_explanation_in_finnish():
    p = pace.assess(35, "2025-Q4", 17.6, "2020", 27.6, "2022")
    assert plain(pace.explain(p)) == (
        "Tavoite 35,0 % 31.12.2025 mennessä. Viimeisin 27,6 % (2022). Jäljellä 7,4 %-yks. 3,0 vuodessa: "
        "tarvitaan 2,5 %-yks./v. Tähän asti 5,0 %-yks./v (2020–2022) → aikataulussa."
    )
    met = pace.assess(20, "2024-06", 17.6, "2020", 27.6, "2022")
    assert plain(pace.explain(met)) == (
        "Tavoite 20,0 % 30.6.2024 mennessä. Viimeisin 27,6 % (2022). Tavoite täyttyy → saavutettu."
    )
    inferred = pace.assess(35, "2025-12", 17.6, "2020", 27.6, "2022", baseline_inferred=True)
    assert "Lähtötason 17,6 % ajankohdaksi on otettu 2020, jolloin alueen arvo oli sama." in plain(pace.explain(inferred))
    unknown = pace.assess(35, "2025-Q4", None, None, 13.7, "2022", direction=1)
    assert plain(pace.explain(unknown)).endswith(
        "Lähtötasoa ei ole, joten tähänastista vauhtia ei voi laskea → ei arviota."
    )
    passed = pace.assess(35, "2021", 17.6, "2020", 27.6, "2022")
    assert "Määräaika on ohi" in pace.explain(passed) and pace.explain(passed).endswith("→ jäljessä.")


def test_explanation_in_swedish_and_english():
    p = pace.assess(35, "2025-Q4", 17.6, "2020", 27.6, "2022")
    assert plain(pace.explain(p, lang="sv")) == (
        "Mål 35,0 % senast 31.12.2025. Senaste 27,6 % (2022). Kvar 7,4 %-enh. på 3,0 år: "
        "det behövs 2,5 %-enh./år. Hittills 5,0 %-enh./år (2020–2022) → enligt tidtabellen."
    )
    assert plain(pace.explain(p, lang="en")) == (
        "Target 35.0% by 31 Dec 2025. Latest 27.6% (2022). 7.4 pp to go in 3.0 years: 2.5 pp/yr needed. "
        "So far 5.0 pp/yr (2020–2022) → on track."
    )
    assert pace.rate_text(2.466, "percent", "fi") == f"2,5{NBSP}%-yks./v"
    assert pace.amount_text(7.4, "percent", "fi") == f"7,4{NBSP}%-yks."
    assert pace.rate_text(None, "percent", "fi") == "ei tietoa"
