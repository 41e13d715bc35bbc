"""Phone numbers as a clerk types them: checked at the field, kept as typed.

A mobile number has 11 digits starting 13–19 (+86 allowed before it); a landline is an area
code starting 0 and a 7–8 digit number (0517-86901234, (0517)86901234), or a local 7–8 digit
number, or a 400/800 service number; an extension may follow (转 123, -123). Several numbers
may be given, separated by 、，, ; or /.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from desktop.core.errors import InvalidInput
from desktop.core.permissions import actor_of
from desktop.core.records import limited_text
from desktop.models.enums import Role

_SEPARATORS = re.compile(r"[、,，;；/]")
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"(?:0\d{2,3})?[2-9]\d{6,7}|[48]00\d{7}")
_EXTENSION = re.compile(r"\s*(?:转|ext\.?|x|-)\s*\d{1,5}$", re.IGNORECASE)


def _is_phone(number: str) -> bool:
    digits = re.sub(r"[\s()（）-]", "", number)
    if _MOBILE.fullmatch(digits):
        return True
    bare = _EXTENSION.sub("", number.strip())
    return bool(_LANDLINE.fullmatch(re.sub(r"[\s()（）-]", "", bare)))


def phone_numbers(value: str | None, field: str, max_len: int = 40) -> str:
    """The phone field as typed, or InvalidInput `bad_phone` naming the field; blank is fine."""
    text = limited_text(value, field, max_len)
    for number in filter(None, (n.strip() for n in _SEPARATORS.split(text))):
        if not _is_phone(number):
            raise InvalidInput("bad_phone", field=field, value=number)
    return text


_AREA_CODE = re.compile(r"\s*[(（]?0\d{2,3}[)）\s-]+")


def _hidden_digits(number: str) -> set[int]:
    """The positions in one number of the digits a masked copy hides."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    plain = "".join(number[i] for i in digits)
    mobile = plain[2:] if len(plain) == 13 and plain.startswith("86") else plain
    if len(mobile) == 11 and _MOBILE.fullmatch(mobile):  # 138****5678, spaced or not
        start = len(plain) - 11
        return set(digits[start + 3 : start + 7])
    extension = _EXTENSION.search(number)
    end = extension.start() if extension else len(number)
    area = _AREA_CODE.match(number)
    kept_from = area.end() if area else 0
    body = [i for i in digits if kept_from <= i < end]
    return set(body[:-4])  # a landline keeps its area code, extension and last four digits


def mask_phone(text: str) -> str:
    """A phone field with the middle of each number hidden: 138****5678, 0517-****1234.

    What the 查阅 (leader) role sees of a worker's number: enough to tell numbers apart, not
    enough to call. Several numbers in one field are each masked; separators and spacing stay.
    """
    parts = re.split(f"({_SEPARATORS.pattern})", text)
    masked = []
    for part in parts:
        hidden = _hidden_digits(part)
        masked.append("".join("*" if i in hidden else c for i, c in enumerate(part)))
    return "".join(masked)


def sees_whole_phones(session: Session) -> bool:
    """Whether the acting account sees workers' phone numbers whole: clerks, reviewers and
    admins reply to workers; the 查阅 (leader) role reads and prints, and sees them masked."""
    actor = actor_of(session)
    return actor is None or actor.role is not Role.LEADER


def shown_phone(session: Session, text: str) -> str:
    """A worker's phone field as the acting account may see it (`mask_phone` for a leader)."""
    return text if sees_whole_phones(session) else mask_phone(text)
