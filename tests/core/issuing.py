"""Builders for issuing tests: minutes issued over an assigned item, a second item, and
programs started at the same moment."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from desktop.core import items, meetings
from tests.conftest import County
from tests.core.helpers import assigned_item

ROOT = Path(__file__).resolve().parents[2]


def issued_minutes(c: County) -> tuple[int, int]:
    """(item id, meeting id): the meeting's minutes issued on 5 April with one item."""
    item = assigned_item(c)
    meeting = int(c.run(items.get_item, item).meeting_id)
    c.run(
        meetings.issue_minutes,
        meeting,
        minutes_text="会议要求抓好落实。",
        issued_on=date(2026, 4, 5),
    )
    return item, meeting


def finance_item(c: County, meeting: int, deadline: date) -> int:
    """A second item of the meeting, led by 县财政局 and assigned on 2 April."""
    item = c.run(
        items.create_item,
        items.ItemInput(meeting, "县财政局拨付工会经费", lead_unit_id=c.finance, deadline=deadline),
    ).id
    c.run(items.assign_item, item, date(2026, 4, 2))
    return int(item)


def run_together(script: str, *args: str, copies: int = 2) -> None:
    """Start `copies` Python programs running `script` with `args` then a shared start time a
    moment ahead (the script waits for it), and wait for all of them to succeed."""
    start = str(time.time() + 1.5)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, *args, start], env=env, stderr=subprocess.PIPE, text=True
        )
        for _ in range(copies)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
