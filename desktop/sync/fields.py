"""Typed, path-naming access to parsed JSON objects, shared by manifests and setup files."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SHA256 = re.compile(r"[0-9a-f]{64}")
FINGERPRINT = re.compile(r"[0-9A-F]{4}( [0-9A-F]{4}){7}")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
MAX_NAME = 120  # as core.office.create_local_office


class FieldInvalid(ValueError):
    """One field of a JSON object is missing, mistyped or out of its rules; `field` is its path."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def format_utc(moment: datetime) -> str:
    """Whole seconds, always UTC, always the same spelling, so manifests hash the same."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: package timestamps must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class JsonObject:
    """A parsed JSON object whose keys must be exactly `keys`; getters check type and shape."""

    def __init__(self, value: Any, path: str, keys: frozenset[str]) -> None:
        if not isinstance(value, dict):
            raise FieldInvalid(path or "(top)", "not an object")
        missing = sorted(keys - value.keys())
        if missing:
            raise FieldInvalid(self._at(path, missing[0]), "missing")
        extra = sorted(value.keys() - keys)
        if extra:
            raise FieldInvalid(self._at(path, extra[0]), "not allowed")
        self._value: dict[str, Any] = value
        self.path = path

    @staticmethod
    def _at(path: str, key: str) -> str:
        return f"{path}.{key}" if path else key

    def where(self, key: str) -> str:
        return self._at(self.path, key)

    def raw(self, key: str) -> Any:
        return self._value[key]

    def has(self, key: str) -> bool:
        return key in self._value

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self._value[key]
        # bool is an int in Python but not in the format.
        if not isinstance(value, int) or isinstance(value, bool):
            raise FieldInvalid(self.where(key), "not an integer")
        if value < minimum:
            raise FieldInvalid(self.where(key), f"less than {minimum}")
        return value

    def boolean(self, key: str) -> bool:
        value = self._value[key]
        if not isinstance(value, bool):
            raise FieldInvalid(self.where(key), "not true or false")
        return value

    def text(self, key: str, pattern: re.Pattern[str] | None = None, max_len: int = 1000) -> str:
        value = self._value[key]
        if not isinstance(value, str):
            raise FieldInvalid(self.where(key), "not a string")
        if pattern is not None and not pattern.fullmatch(value):
            raise FieldInvalid(self.where(key), "badly formed")
        if not value.strip() or len(value) > max_len:
            raise FieldInvalid(self.where(key), f"empty or longer than {max_len}")
        return value

    def optional_text(self, key: str, pattern: re.Pattern[str]) -> str | None:
        return None if self._value[key] is None else self.text(key, pattern)

    def timestamp(self, key: str) -> datetime:
        text = self.text(key, _TIMESTAMP)
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        except ValueError as exc:
            raise FieldInvalid(self.where(key), "not a date and time") from exc

    def array(self, key: str, max_items: int) -> list[Any]:
        value = self._value[key]
        if not isinstance(value, list):
            raise FieldInvalid(self.where(key), "not a list")
        if len(value) > max_items:
            raise FieldInvalid(self.where(key), f"more than {max_items} items")
        return value

    def child(self, key: str, keys: frozenset[str]) -> JsonObject:
        return JsonObject(self._value[key], self.where(key), keys)

    def optional_child(self, key: str, keys: frozenset[str]) -> JsonObject | None:
        return None if self._value[key] is None else self.child(key, keys)
