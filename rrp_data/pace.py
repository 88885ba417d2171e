"""Pace to target (Tavoitevauhti): how far an indicator still is from its target, the gain per year still
needed by the deadline against the gain per year achieved so far, and a plain-language verdict.

Pure computation (no Streamlit); the page ``pages/tavoitevauhti.py`` shows the results.

Rules (the page's intro says the same in words):

- A period stands for its **end date** (``2022`` -> 31.12.2022, ``2025-Q4`` -> 31.12.2025, ``2024-06`` ->
  30.6.2024), taken from ``rrp_data.parsing`` (the same bounds as ``src.periods``). Years = days / 365.25.
- ``direction`` is +1 for a rising target and -1 for a falling one: given (a plan's ``>=``), else
  sign(target - baseline). Without it nothing is estimated (a value above the target could be good or bad).
- All amounts are in the target's direction: ``gap`` = direction × (target - latest) is the distance still to go
  (negative: the target is exceeded), ``achieved_per_year`` = direction × (latest - baseline) / years from the
  baseline's date to the latest value's date (negative: moving away from the target), ``needed_per_year`` =
  gap / years from the latest value's date to the deadline (0 when the target is already met, None when the
  deadline is not after the latest value). For a rising target these are simply target - latest and
  (latest - baseline) / years.
- Verdict: ``met`` (saavutettu) when the latest value meets the target; else ``behind`` (jäljessä) when the
  deadline has passed by the latest value's date; else ``no_estimate`` (ei arviota) when the pace so far cannot
  be computed (no baseline, no baseline date, or the baseline is the latest point); else ``behind`` when the
  pace so far is below the pace needed, otherwise ``on_track`` (aikataulussa). No latest value: ``no_estimate``.
  "Deadline passed" is judged at the latest value's date, not today: the data say nothing about later.
- A baseline without a period (Satakunta's plan: "nykyisestä 17,6 %:sta") gets the period of the area's
  indicator value that equals it, when exactly one does (Sotkanet 5548, Satakunta, 2020: 17,6) —
  ``infer_baseline_period``; otherwise it stays unknown and the verdict is "ei arviota".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from . import fmt, i18n, parsing

DAYS_PER_YEAR = 365.25

MET, ON_TRACK, BEHIND, NO_ESTIMATE = "met", "on_track", "behind", "no_estimate"
VERDICTS = (MET, ON_TRACK, BEHIND, NO_ESTIMATE)  # also the rank order of the groups
SYMBOLS = {MET: "✓", ON_TRACK: "→", BEHIND: "!", NO_ESTIMATE: "?"}

# why the pace so far could not be computed
NO_BASELINE, NO_BASELINE_PERIOD, SAME_POINT = "no_baseline", "no_baseline_period", "same_point"


def period_end(period: str) -> dt.date:
    """The end date a period stands for."""
    return parsing.parse_period(period)[1]


def years_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _text(x: object) -> str | None:
    return None if _missing(x) or x == "" else str(x)


def _clean(x: float | None) -> float | None:
    """Round away binary noise (35 - 27.6 = 7.399999999999999 -> 7.4); 9 decimals keep every real digit."""
    return None if x is None else round(x, 9)


def latest_point(points: Iterable[tuple[str, float]]) -> tuple[str, float] | None:
    """The newest (period, value): latest end date; on a tie the shorter (later-starting) period, i.e. the most
    current figure (``2023-12`` before ``2023-10/2023-12`` before ``2023``). Missing values are skipped."""
    best: tuple[tuple[dt.date, dt.date], str, float] | None = None
    for period, value in points:
        if _missing(value):
            continue
        start, end = parsing.parse_period(period)
        key = (end, start)
        if best is None or key > best[0]:
            best = (key, period, float(value))
    return None if best is None else (best[1], best[2])


def infer_baseline_period(baseline: float | None, points: Iterable[tuple[str, float]]) -> str | None:
    """The period of the one value in ``points`` equal to ``baseline`` (None when none or several are)."""
    if _missing(baseline):
        return None
    hits = [p for p, v in points if not _missing(v) and abs(float(v) - float(baseline)) < 1e-9]
    return hits[0] if len(set(hits)) == 1 else None


@dataclass(frozen=True)
class Pace:
    target: float
    target_period: str
    deadline: dt.date
    baseline: float | None
    baseline_period: str | None
    baseline_inferred: bool  # the baseline's period was taken from the matching indicator value
    latest: float | None
    latest_period: str | None
    direction: int | None  # +1 rising, -1 falling, None unknown
    gap: float | None  # distance still to go in the target's direction (negative: exceeded)
    years_left: float | None  # latest value's date -> deadline
    years_so_far: float | None  # baseline's date -> latest value's date
    needed_per_year: float | None
    achieved_per_year: float | None
    verdict: str
    reason: str | None = None  # why there is no pace so far (NO_BASELINE, NO_BASELINE_PERIOD, SAME_POINT)

    @property
    def remaining(self) -> float | None:
        """The gap still to go, 0 once the target is met."""
        return None if self.gap is None else max(self.gap, 0.0)

    @property
    def margin(self) -> float | None:
        """Pace so far minus pace needed (positive: ahead of the needed pace)."""
        if self.achieved_per_year is None or self.needed_per_year is None:
            return None
        return self.achieved_per_year - self.needed_per_year

    @property
    def deadline_passed(self) -> bool:
        return self.years_left is not None and self.years_left <= 0


def assess(
    target: float,
    target_period: str,
    baseline: float | None = None,
    baseline_period: str | None = None,
    latest: float | None = None,
    latest_period: str | None = None,
    direction: int | None = None,
    baseline_inferred: bool = False,
) -> Pace:
    """Compute the pace to ``target`` by the end of ``target_period`` (see the module docstring)."""
    target = float(target)
    baseline = None if _missing(baseline) else float(baseline)
    latest = None if _missing(latest) else float(latest)
    baseline_period, latest_period = _text(baseline_period), _text(latest_period)
    if latest is None:
        latest_period = None
    deadline = period_end(target_period)
    if direction is None and baseline is not None and baseline != target:
        direction = 1 if target > baseline else -1

    gap = years_left = years_so_far = needed = achieved = None
    reason = None
    latest_date = period_end(latest_period) if latest_period else None
    if latest is not None and direction is not None:
        gap = direction * (target - latest)
        years_left = years_between(latest_date, deadline)
        if baseline is None:
            reason = NO_BASELINE
        elif baseline_period is None:
            reason = NO_BASELINE_PERIOD
        else:
            years_so_far = years_between(period_end(baseline_period), latest_date)
            if years_so_far > 0:
                achieved = direction * (latest - baseline) / years_so_far
            else:
                years_so_far, reason = None, SAME_POINT
        if gap <= 0:
            needed = 0.0
        elif years_left > 0:
            needed = gap / years_left

    if latest is None:
        verdict = NO_ESTIMATE
    elif latest == target or (gap is not None and gap <= 0):
        verdict = MET
    elif gap is None:
        verdict = NO_ESTIMATE  # direction unknown
    elif years_left <= 0:
        verdict = BEHIND
    elif achieved is None:
        verdict = NO_ESTIMATE
    elif achieved < needed:
        verdict = BEHIND
    else:
        verdict = ON_TRACK
    gap, years_left, years_so_far, needed, achieved = (
        _clean(x) for x in (gap, years_left, years_so_far, needed, achieved)
    )
    return Pace(
        target=target, target_period=target_period, deadline=deadline,
        baseline=baseline, baseline_period=baseline_period, baseline_inferred=baseline_inferred and baseline_period is not None,
        latest=latest, latest_period=latest_period, direction=direction, gap=gap,
        years_left=years_left, years_so_far=years_so_far, needed_per_year=needed, achieved_per_year=achieved,
        verdict=verdict, reason=reason,
    )


def rank_key(p: Pace) -> tuple:
    """Sort key: met first (furthest past the target first), then on track by margin (pace so far minus pace
    needed, largest first), then behind (by margin; deadline passed last), then no estimate."""
    group = VERDICTS.index(p.verdict)
    if p.verdict == MET:
        return (group, p.gap if p.gap is not None else 0.0)
    if p.verdict in (ON_TRACK, BEHIND):
        return (group, -p.margin if p.margin is not None else math.inf)
    return (group, 0.0)


# ----------------------------------------------------------------------------- words


def verdict_text(verdict: str, lang: str = "fi") -> str:
    return i18n.t("pace.verdict." + verdict, lang)


def verdict_label(verdict: str, lang: str = "fi") -> str:
    """The verdict with its symbol (✓ saavutettu, → aikataulussa, ! jäljessä, ? ei arviota)."""
    return f"{SYMBOLS[verdict]} {verdict_text(verdict, lang)}"


def amount_text(x: float | None, unit: str, lang: str = "fi") -> str:
    """An amount of change without a plus sign: 7,4 %-yks. (percent) or 7,4."""
    if x is None or fmt.is_missing(x):
        return fmt.NO_DATA.get(lang, fmt.NO_DATA["fi"])
    if unit == "percent":
        return fmt.points(x, 1, lang).lstrip("+")
    return fmt.number(x, 1, lang)


def rate_text(x: float | None, unit: str, lang: str = "fi") -> str:
    """A change per year: 2,5 %-yks./v."""
    if x is None or fmt.is_missing(x):
        return fmt.NO_DATA.get(lang, fmt.NO_DATA["fi"])
    return i18n.t("pace.per_year", lang, value=amount_text(x, unit, lang))


def explain(p: Pace, unit: str = "percent", lang: str = "fi") -> str:
    """The verdict in plain language, e.g. "Tavoite 35,0 % 31.12.2025 mennessä. Viimeisin 27,6 % (2022).
    Jäljellä 7,4 %-yks. 3,0 vuodessa: tarvitaan 2,5 %-yks./v. Tähän asti 5,0 %-yks./v (2020–2022) → aikataulussa."
    """
    def t(key: str, **kw: object) -> str:
        return i18n.t("pace.expl." + key, lang, **kw)

    parts = [t("target", target=fmt.value(p.target, unit, lang), deadline=fmt.date(p.deadline, lang))]
    if p.latest is None:
        parts.append(t("no_latest"))
    else:
        parts.append(t("latest", value=fmt.value(p.latest, unit, lang), period=fmt.period(p.latest_period, lang)))
        if p.verdict == MET:
            parts.append(t("met"))
        elif p.gap is None:
            parts.append(t("no_direction"))
        elif p.deadline_passed:
            parts.append(t("passed"))
        else:
            parts.append(t("gap", gap=amount_text(p.gap, unit, lang), years=fmt.number(p.years_left, 1, lang),
                           needed=rate_text(p.needed_per_year, unit, lang)))
            if p.baseline_inferred:
                parts.append(t("inferred", value=fmt.value(p.baseline, unit, lang),
                               period=fmt.period(p.baseline_period, lang)))
            if p.achieved_per_year is not None:
                parts.append(t("achieved", achieved=rate_text(p.achieved_per_year, unit, lang),
                               start=fmt.period(p.baseline_period, lang), end=fmt.period(p.latest_period, lang)))
            else:
                parts.append(t(p.reason or NO_BASELINE))
    text = " ".join(parts).rstrip(".")
    return f"{text} → {verdict_text(p.verdict, lang)}."
