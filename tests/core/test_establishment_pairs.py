"""One establishment per pair: the refusal names the record to open instead; an overdue
限期建制 deadline is counted and listed."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.establishments import (
    DuplicateEstablishment,
    EstablishmentInput,
    create_establishment,
    update_establishment,
)
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
