"""One establishment per pair: the refusal names the record to open instead; an overdue
限期建制 deadline is counted and listed."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.catalog import ListQuery
from desktop.core.dashboard import dashboard_counts, dashboard_entries
from desktop.core.deletion import delete_record
from desktop.core.establishments import (
    DuplicateEstablishment,
    EstablishmentInput,
    create_establishment,
    update_establishment,
)
from desktop.core.listing import list_records
from desktop.models.enums import Level
from tests.conftest import County


def _pending(c: County, partner: str, partner_id: int | None, deadline: date | None) -> int:
    return c.run(
        create_establishment,
        EstablishmentInput(
            c.township_union,
            partner,
            Level.TOWNSHIP,
            partner_id,
            reason_not_established="尚在协商",
            establish_deadline=deadline,
        ),
    ).id


def test_a_duplicate_names_the_existing_record_on_add_and_on_update(county: County) -> None:
    first = _pending(county, "八滩镇人民政府", county.township_government, None)
    other = _pending(county, "八滩镇党委", None, None)
    # By partner unit, under another name.
    with pytest.raises(DuplicateEstablishment) as caught:
        _pending(county, "八滩镇政府", county.township_government, None)
    assert caught.value.existing_id == first
    assert caught.value.fields["existing_id"] == first
    # By name, without a partner unit; and an update onto another record's pair.
    with pytest.raises(DuplicateEstablishment) as caught:
        county.run(
            update_establishment,
            other,
            EstablishmentInput(
                county.township_union,
                "八滩镇人民政府",
                Level.TOWNSHIP,
                reason_not_established="尚在协商",
            ),
        )
    assert caught.value.existing_id == first
    assert caught.value.code == "duplicate_establishment"


TODAY = date(2026, 12, 5)


def test_a_passed_deadline_is_counted_and_listed(county: County) -> None:
    late = _pending(county, "八滩镇人民政府", county.township_government, date(2026, 12, 4))
    _pending(county, "八滩镇党委", None, TODAY)  # due today: not yet passed
    _pending(county, "八滩镇企业联合会", None, None)  # no deadline set
    county.run(
        create_establishment,
        EstablishmentInput(
            county.federation,
            "滨海县人民政府",
            Level.COUNTY,
            county.government,
            established=True,
            established_on=date(2011, 3, 1),
        ),
    )
    counts = county.run(dashboard_counts, TODAY)
    assert counts.establishments_past_deadline == 1
    entries = county.run(dashboard_entries, TODAY).establishments_past_deadline
    assert [(e.kind, e.id, e.unit, e.on) for e in entries] == [
        ("establishment", late, "八滩镇工会", date(2026, 12, 4))
    ]
    page = county.run(list_records, "establishment", ListQuery(overdue_on=TODAY))
    assert [row["id"] for row in page.dicts()] == [late]
    # The day after, the one due today has passed too.
    tomorrow = county.run(list_records, "establishment", ListQuery(overdue_on=date(2026, 12, 6)))
    assert tomorrow.total == 2


def test_an_established_or_deleted_record_is_no_longer_past_its_deadline(county: County) -> None:
    late = _pending(county, "八滩镇人民政府", county.township_government, date(2026, 6, 30))
    assert county.run(dashboard_counts, TODAY).establishments_past_deadline == 1
    county.run(
        update_establishment,
        late,
        EstablishmentInput(
            county.township_union,
            "八滩镇人民政府",
            Level.TOWNSHIP,
            county.township_government,
            established=True,
            established_on=date(2026, 11, 20),
        ),
    )
    assert county.run(dashboard_counts, TODAY).establishments_past_deadline == 0
    other = _pending(county, "八滩镇党委", None, date(2026, 6, 30))
    county.run(delete_record, "establishment", other)
    assert county.run(dashboard_counts, TODAY).establishments_past_deadline == 0
