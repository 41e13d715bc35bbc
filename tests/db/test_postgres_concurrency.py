"""Three programs (separate OS processes, as clerks' PCs are) on one database at the same
moment: each saves an edit of the same agreed item over the version it was shown, and each
issues supervision notices. One save wins and the others are refused naming who changed the
item; no number is given twice. On PostgreSQL and, for comparison, on a SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core import items, supervision
from desktop.core.concurrency import version_of
from desktop.db import Database, open_database
from desktop.db.migrate import upgrade
from desktop.models.enums import NoticeKind
from tests.conftest import county_in
from tests.core.helpers import assigned_item

ROOT = Path(__file__).resolve().parents[2]
# argv: database, item, unit, clerk, version shown, start time. Saves a new text for the item
# over the version shown (holding its transaction a moment, so the other program's save comes
# meanwhile), then issues eight reminders; prints "saved" or "refused <code> <by>".
CLERK = """
import sys, time
from dataclasses import replace
from datetime import date
from desktop.core import items, supervision
from desktop.core.concurrency import EditedElsewhere, require_version
from desktop.core.permissions import Actor, act_as
from desktop.db import open_database
from desktop.models.enums import NoticeKind

url, item, unit, clerk, seen, start = sys.argv[1:7]
item, unit, seen = int(item), int(unit), int(seen)
db = open_database(url)
act_as(db.sessions, Actor(clerk))
while time.time() < float(start):
    time.sleep(0.001)
try:
    with db.unit_of_work() as s:
        require_version(s, "item", item, seen)
        shown = items.get_item(s, item)
        data = items.ItemInput(
            shown.meeting_id, f"{clerk} 改写的事项内容", topic_id=shown.topic_id,
            lead_unit_id=shown.lead_unit_id, cooperating_unit_ids=shown.cooperating_unit_ids,
            deadline=shown.deadline, target_text=f"{clerk} 的目标",
        )
        items.update_item(s, item, data)
        time.sleep(0.4)
    said = "saved"
except EditedElsewhere as refused:
    said = f"refused {refused.code} {refused.fields.get('by', '')}"
for _ in range(8):
    with db.unit_of_work() as s:
        supervision.issue_notice(
            s,
            supervision.NoticeInput(NoticeKind.REMINDER, unit, (item,), date(2026, 7, 6)),
            today=date(2026, 7, 6),
        )
print(said)
"""


CLERKS = ("zhangli", "wangfang", "liming")


def _clerks_at_once(url: str, item: int, unit: int, seen: int) -> dict[str, str]:
    """The clerks' programs started together; what each said."""
    start = str(time.time() + 2.0)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    runs = {}
    for clerk in CLERKS:
        command = [sys.executable, "-c", CLERK, url, str(item), str(unit), clerk, str(seen), start]
        runs[clerk] = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    said = {}
    for clerk, run in runs.items():
        out, err = run.communicate(timeout=180)
        assert run.returncode == 0, err[-3000:]
        said[clerk] = out.strip()
    return said


@pytest.fixture(params=["postgresql", "sqlite"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Database, str]:
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
        return open_database(url), url
    db = open_database(tmp_path / "shared.db")
    upgrade(db, backup=False)
    return db, str(tmp_path / "shared.db")


def test_clerks_saving_one_item_at_once_all_but_one_are_refused_and_numbers_stay_unique(
    database: tuple[Database, str],
) -> None:
    db, url = database
    try:
        county = county_in(db)
        item = assigned_item(county)
        seen = county.run(version_of, "item", item)
        db.dispose()  # the clerks' programs are the only ones at work

        said = _clerks_at_once(url, item, county.hrss, seen)

        assert sorted(s.split()[0] for s in said.values()) == ["refused", "refused", "saved"], said
        (winner,) = [c for c, s in said.items() if s == "saved"]
        for loser in set(CLERKS) - {winner}:
            assert said[loser] == f"refused edited_elsewhere_by {winner}"
        shown = county.run(items.get_item, item)
        assert (shown.text, shown.target_text) == (f"{winner} 改写的事项内容", f"{winner} 的目标")
        assert county.run(version_of, "item", item) == seen + 1
        with db.reading() as s:
            notices = [supervision.get_notice(s, i) for i in range(1, 25)]
        assert all(n.kind == NoticeKind.REMINDER for n in notices)
        assert sorted(n.serial for n in notices) == list(range(1, 25))
        assert len({n.number for n in notices}) == 24
    finally:
        db.dispose()
