#!/usr/bin/env python3
"""Prints the `holidays:` and `makeup_days:` entries of sla.yaml for the given
years from PyPI's `chinesecalendar` package, which carries the State Council's
(国务院办公厅) schedule of public holidays and make-up working days (调休上班).

    pip install chinesecalendar
    python3 scripts/holidays-from-chinesecalendar.py 2024 2025 2026

The output replaces the two lists in schema/sla.yaml and
Sources/TicketCore/DefaultSchema/sla.yaml (the same file). Only days off that
fall on a weekday or extend a weekend into a holiday run are listed as one
span per holiday run; weekends inside a run are part of it, as the notices say.
"""
import datetime
import sys

import chinese_calendar as cc

ZH = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}


def runs(year):
    """Holiday runs of `year`: (names, first, last), weekends inside a run included."""
    day = datetime.date(year, 1, 1)
    end = datetime.date(year, 12, 31)
    out = []
    while day <= end:
        is_holiday, name = cc.get_holiday_detail(day)
        if is_holiday and name:
            first = last = day
            names = [name]
            nxt = day + datetime.timedelta(days=1)
            while True:
                h, n = cc.get_holiday_detail(nxt)
                if not h:
                    break
                if n and n not in names:
                    names.append(n)
                last = nxt
                nxt += datetime.timedelta(days=1)
            # A run is the named days and the weekend days joined to them; trim
            # trailing plain weekends that are not part of the notice's span.
            while cc.get_holiday_detail(last)[1] is None:
                last -= datetime.timedelta(days=1)
            out.append((names, first, last))
            day = last + datetime.timedelta(days=1)
        else:
            day += datetime.timedelta(days=1)
    return out


def makeup(year, holiday_runs):
    """Weekend days that are working days, named after the nearest holiday run."""
    out = []
    day = datetime.date(year, 1, 1)
    while day.year == year:
        if day.weekday() >= 5 and cc.is_workday(day):
            nearest = min(holiday_runs, key=lambda r: min(abs((r[1] - day).days), abs((r[2] - day).days)))
            out.append((ZH.get(nearest[0][0], nearest[0][0]), day))
        day += datetime.timedelta(days=1)
    return out


def main(years):
    holidays, makeups = [], []
    for y in years:
        r = runs(y)
        for names, first, last in r:
            label = "、".join(ZH.get(n, n) for n in names)
            if first == last:
                holidays.append(f"    - {{ name: {label}, date: {first} }}")
            else:
                holidays.append(f"    - {{ name: {label}, from: {first}, to: {last} }}")
        for name, day in makeup(y, r):
            makeups.append(f"    - {{ name: {name}调休, date: {day} }}")
    print("  holidays:                                   # 法定节假日 (国务院办公厅通知)")
    print("\n".join(holidays))
    print("  makeup_days:                                # 调休上班")
    print("\n".join(makeups))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [datetime.date.today().year])
