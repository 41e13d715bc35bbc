"""GUI-free domain logic: lifecycle rules, queries and DTOs. Never commits, never imports Qt."""

# Every session checks the acting account's rights and writes the audit trail, whichever
# core module the program imported first (the listeners are registered on import).
from desktop.core import audit as _audit  # noqa: F401
