"""A unit merge moves references with statements the flush does not see: the audit trail says
what moved, so who changed which records can still be answered."""

from __future__ import annotations

from desktop.core.audit import list_entries, verify_chain
from desktop.core.items import get_item
from desktop.core.unit_merge import merge_units
from desktop.core.units import UnitInput, create_unit
from desktop.models import AgreedItem
from desktop.models.enums import Level, UnitKind
from tests.conftest import County
from tests.core.helpers import assigned_item


def test_a_merge_records_what_it_moved(county: County) -> None:
    item = assigned_item(county)
    duplicate = county.run(
        create_unit, UnitInput("县人社局（重复）", UnitKind.DEPARTMENT, Level.COUNTY)
    ).id
    with county.db.unit_of_work() as s:  # the item was filed under the duplicate entry
        s.get(AgreedItem, item).lead_unit_id = duplicate

    county.run(merge_units, duplicate, county.hrss)

    assert county.run(get_item, item).lead_unit_id == county.hrss
    (entry,) = [e for e in county.run(list_entries) if e.action == "unit_merge"]
    assert entry.target_kind == "unit"
    assert entry.detail["merged"] == "县人社局（重复）"
    assert entry.detail["into_name"] == "县人社局"
    assert entry.detail["moved"] == {"agreed_item.lead_unit_id": 1}
    assert county.run(verify_chain).ok
