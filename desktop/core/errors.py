"""Domain errors: a stable code plus fields; the CLI and views turn codes into sentences."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every refusal of the domain rules."""

    code: str = "domain_error"

    def __init__(self, code: str | None = None, **fields: Any) -> None:
        self.code = code or type(self).code
        self.fields = fields
        super().__init__(self.code, fields)

    def __str__(self) -> str:
        detail = ", ".join(f"{k}={v!r}" for k, v in self.fields.items())
        return f"{self.code}({detail})"


class NotFound(DomainError):
    code = "not_found"


class InvalidInput(DomainError):
    """A field's value breaks a rule; `field` names it so a form can show the message beside it."""

    code = "invalid_input"

    def __init__(self, code: str, field: str, **fields: Any) -> None:
        super().__init__(code, field=field, **fields)
        self.field = field


class IllegalTransition(DomainError):
    code = "illegal_transition"


class NoLocalOffice(DomainError):
    code = "no_local_office"
