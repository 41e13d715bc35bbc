"""How dates, ordinals, times and figures are written in official documents."""

from __future__ import annotations

from datetime import date, time

_DIGITS = "零一二三四五六七八九"
_WEEKDAYS = "一二三四五六日"


def cn_date(day: date) -> str:
    """2024年3月5日: Arabic numerals without leading zeros, as GB/T 9704 writes 成文日期."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_weekday(day: date) -> str:
    return f"星期{_WEEKDAYS[day.weekday()]}"


def cn_time(moment: time) -> str:
    """上午9:00, 下午2:30."""
    half = "上午" if moment.hour < 12 else "下午"
    hour = moment.hour if moment.hour <= 12 else moment.hour - 12
    return f"{half}{hour}:{moment.minute:02d}"


def cn_number(number: int) -> str:
    """Chinese numerals for heading ordinals, 1 to 99: 一, 十, 十一, 二十三."""
    if not 0 < number < 100:
        raise ValueError(f"ordinal out of range: {number}")
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


def percent(part: int, whole: int) -> str:
    """93.5%; a dash when there is nothing to divide by."""
    if whole == 0:
        return "—"
    return f"{100 * part / whole:.1f}%"


def points(value: float) -> str:
    """Scores without a needless .0: 95, 92.5."""
    return f"{value:g}"


def signed(value: float | None) -> str:
    """A change against last year: +2.5, -1, 0, or a dash when there was no last year."""
    if value is None:
        return "—"
    return f"{value:+g}" if value else "0"
