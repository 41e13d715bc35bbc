"""Phone numbers checked at the field: real Chinese numbers pass, typing slips are refused."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.catalog import ListQuery
from desktop.core.errors import InvalidInput
from desktop.core.listing import list_records
from desktop.core.permissions import ACTOR, Actor
from desktop.core.phones import mask_phone, phone_numbers
from desktop.core.suggestions import SuggestionInput, get_suggestion, register_suggestion
from desktop.models.enums import Channel, Level, Role
from tests.conftest import County


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "13812345678",
        "+86 138 1234 5678",
        "0517-86901234",
        "(0517)86901234",
        "86901234",
        "0517-86901234转 806",
        "4008123123",
        "0517-86901234、13812345678",
    ],
)
def test_real_numbers_are_kept_as_typed(typed: str) -> None:
    assert phone_numbers(typed, "submitter_phone") == typed.strip()


@pytest.mark.parametrize(
    "typed", ["1381234567x", "1381234567", "138123456789", "12812345678", "电话", "0517-123"]
)
def test_slips_are_refused_beside_the_field(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        phone_numbers(typed, "submitter_phone")
    assert refused.value.code == "bad_phone" and refused.value.field == "submitter_phone"


@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("138-1234-5678", "138-****-5678"),
        ("0517-86901234转 806", "0517-****1234转 806"),
        ("(0517)86901234", "(0517)****1234"),
        ("86901234", "****1234"),
        ("0517-86901234、13812345678", "0517-****1234、138****5678"),
        ("", ""),
    ],
)
def test_masked_numbers_keep_only_their_ends(typed: str, masked: str) -> None:
    assert mask_phone(typed) == masked


def test_a_leader_reads_suggestions_with_the_phone_masked(county: County) -> None:
    made = county.run(
        register_suggestion,
        SuggestionInput(
            Channel.SMS, date(2026, 3, 1), "建议增设职工书屋", Level.COUNTY,
            submitter_phone="13812345678",
        ),
    )  # fmt: skip

    def seen(role: Role) -> tuple[str, str]:
        with county.db.reading() as session:
            session.info[ACTOR] = Actor(role.value, role)
            listed = list_records(session, "suggestion", ListQuery()).dicts()[0]
            return get_suggestion(session, made.id).submitter_phone, listed["submitter_phone"]

    assert seen(Role.LEADER) == ("138****5678", "138****5678")
    for role in (Role.CLERK, Role.REVIEWER, Role.ADMIN):
        assert seen(role) == ("13812345678", "13812345678")
