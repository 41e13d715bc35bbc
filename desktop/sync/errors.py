"""Why the exchange layer refused something: a stable code and fields, never prose."""

from __future__ import annotations

from desktop.core.errors import DomainError


class SyncError(DomainError):
    """Base of every refusal in the exchange layer; `code` keys messages.SYNC_MESSAGES."""

    code = "sync_error"


class KeyLocked(SyncError):
    """This office's private keys are sealed with a key-encryption key this computer lacks."""

    code = "signing_key_unavailable"


class PackageRejected(SyncError):
    """An incoming package (or setup file) failed a check; nothing from it may be applied."""

    code = "package_rejected"


class ExportRefused(SyncError):
    """A record could not be written into a package because the reader would refuse it."""

    code = "record_not_exportable"


class WriteFailed(SyncError):
    """Writing a file to a folder (a USB stick) failed; no partial file was left behind."""

    code = "write_failed"
