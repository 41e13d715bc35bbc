"""A save over a change made since the editor showed the record is refused, naming who (from
the audit trail) and when."""

from __future__ import annotations

import pytest

from desktop.core import units
from desktop.core.concurrency import EditedElsewhere, require_version, version_of
from desktop.messages import message
from desktop.models.enums import Level, UnitKind
from tests.conftest import County


def _rename(c: County, contact: str) -> None:
    data = units.UnitInput(
        "县人社局", UnitKind.DEPARTMENT, Level.COUNTY, c.government, contact_person=contact
    )
    c.run(units.update_unit, c.hrss, data)


def test_an_unchanged_record_may_be_saved_and_a_changed_one_not(county: County) -> None:
    seen = county.run(version_of, "unit", county.hrss)
    county.run(require_version, "unit", county.hrss, seen)  # nothing changed: no refusal
    _rename(county, "王科长")
    with pytest.raises(EditedElsewhere) as refused:
        county.run(require_version, "unit", county.hrss, seen)
    assert refused.value.code in {"edited_elsewhere", "edited_elsewhere_by"}
    text = message(refused.value.code, refused.value.fields)
    assert "未能保存" in text and refused.value.fields["when"] in text


def test_the_refusal_names_who_changed_the_record_when_the_audit_trail_knows(
    county: County,
) -> None:
    from desktop.models import AuditEntry, Unit

    seen = county.run(version_of, "unit", county.hrss)
    _rename(county, "王科长")

    def by_clerk(s):  # type: ignore[no-untyped-def]
        uuid = s.get(Unit, county.hrss).uuid
        s.add(AuditEntry(username="zhangli", action="update", target_kind="unit", target_uuid=uuid))

    county.run(by_clerk)
    with pytest.raises(EditedElsewhere) as refused:
        county.run(require_version, "unit", county.hrss, seen)
    assert refused.value.code == "edited_elsewhere_by"
    assert "zhangli" in message(refused.value.code, refused.value.fields)
