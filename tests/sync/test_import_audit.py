"""An import is done as its sending office: a clerk's import of a township's package (its
issued minutes and notices among the records) is not refused, and the audit trail holds one
summary entry under the office's name, not one per record."""

from __future__ import annotations

from desktop.core.audit import list_entries, verify_chain
from desktop.core.permissions import ACTOR, Actor
from desktop.models.enums import Role
from desktop.sync.importer import import_package
from tests.sync.conftest import ExchangeBase
from tests.sync.exchange_env import Env


def test_import_acts_as_the_sending_office(env: Env, exchange_base: ExchangeBase) -> None:
    with env.county.reading() as s:
        before = list_entries(s, limit=1)
    with env.county.unit_of_work() as s:
        s.info[ACTOR] = Actor("xiao", Role.CLERK)
        result = import_package(s, exchange_base.first, file_name="p.lxpkg")
    assert result.result == "applied", result
    assert result.counts["meeting"]["new"] > 0
    records = sum(c["new"] + c["updated"] for c in result.counts.values())
    with env.county.reading() as s:
        entries = [e for e in list_entries(s, limit=10_000) if not before or e.id > before[0].id]
        report = verify_chain(s)
    summaries = [e for e in entries if e.action == "import"]
    assert len(summaries) == 1
    summary = summaries[0]
    assert summary.username == result.sender != "xiao"
    assert summary.target_uuid == result.package_id
    assert summary.detail["counts"] == result.counts
    # A summary, not a row per imported record.
    assert records > 50 and len(entries) < records
    assert report.ok
