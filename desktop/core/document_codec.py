"""Document DTOs to canonical JSON and back, so an issued document can be stored as printed.

Dataclasses carry their class name under "$"; dates, times, dicts (whose keys may be ints) and
enums are tagged; tuples become lists and come back as tuples. Only the classes registered
here can be read back, so a stored text never names an arbitrary class.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, time
from enum import Enum
from functools import cache
from typing import Any

from desktop.core import document_dto
from desktop.models.enums import Level


@cache
def registered_classes() -> dict[str, type[Any]]:
    """The dataclasses a stored document may hold, by name: the document DTOs and the charts.
    Read on first use: the charts' module imports all of scoring, and the lists import this
    one (through issuing) at every start."""
    from desktop.core.assessment import charts

    return {
        cls.__name__: cls
        for module in (document_dto, charts)
        for cls in vars(module).values()
        if isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and cls.__module__ == module.__name__
    }


ENUMS: dict[str, type[Enum]] = {"Level": Level}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if registered_classes().get(name) is not type(value):
            raise TypeError(f"unregistered document class {name}")
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"$": name, **fields}
    if isinstance(value, Enum):
        return {"$enum": type(value).__name__, "value": value.value}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):
        return {"$time": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$map": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in a document")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if not isinstance(value, dict):
        return value
    if "$" in value:
        cls = registered_classes()[value["$"]]
        return cls(**{k: _decode(v) for k, v in value.items() if k != "$"})
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$time" in value:
        return time.fromisoformat(value["$time"])
    if "$enum" in value:
        return ENUMS[value["$enum"]](value["value"])
    if "$map" in value:
        return {_decode(k): _decode(v) for k, v in value["$map"]}
    raise ValueError("untagged object in a stored document")


def dumps(doc: document_dto.Document) -> str:
    """The canonical JSON text of a document: the same document always gives the same text."""
    return json.dumps(_encode(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str) -> document_dto.Document:
    """The document a `dumps` text holds."""
    doc = _decode(json.loads(text))
    if not isinstance(doc, document_dto.Document):
        raise ValueError("stored text is not a document")
    return doc


def sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()
