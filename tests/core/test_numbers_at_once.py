"""Two programs issuing documents of one kind at the same moment get different numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.core import supervision
from desktop.models.enums import NoticeKind
from tests.conftest import County
from tests.core.helpers import assigned_item
from tests.core.issuing import run_together
from tests.databases import url_of

ROOT = Path(__file__).resolve().parents[2]
ISSUER = """
import sys, time
from datetime import date
from desktop.core import supervision
from desktop.db import open_database
from desktop.models.enums import NoticeKind

db = open_database(sys.argv[1])
item, unit, start = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
while time.time() < start:
    time.sleep(0.001)
for _ in range(15):
    with db.unit_of_work() as s:
        supervision.issue_notice(
            s,
            supervision.NoticeInput(NoticeKind.REMINDER, unit, (item,), date(2026, 7, 6)),
            today=date(2026, 7, 6),
        )
"""


def test_two_programs_issuing_at_once_never_share_a_number(county: County) -> None:
    item = assigned_item(county)
    run_together(ISSUER, url_of(county.db), str(item), str(county.hrss))
    with county.db.unit_of_work() as s:
        notices = [supervision.get_notice(s, i) for i in range(1, 31)]
    serials = sorted(n.serial for n in notices if n.kind == NoticeKind.REMINDER)
    assert serials == list(range(1, 31))
    assert len({n.number for n in notices}) == 30
    assert all(n.issued_on == date(2026, 7, 6) for n in notices)
