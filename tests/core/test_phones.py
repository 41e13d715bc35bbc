"""Phone numbers checked at the field: real Chinese numbers pass, typing slips are refused."""

from __future__ import annotations

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.phones import phone_numbers


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
