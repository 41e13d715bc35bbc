"""Phone numbers as a clerk types them: checked at the field, kept as typed.

A mobile number has 11 digits starting 13–19 (+86 allowed before it); a landline is an area
code starting 0 and a 7–8 digit number (0517-86901234, (0517)86901234), or a local 7–8 digit
number, or a 400/800 service number; an extension may follow (转 123, -123). Several numbers
may be given, separated by 、，, ; or /.
"""

from __future__ import annotations

import re

from desktop.core.errors import InvalidInput
from desktop.core.records import limited_text

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
