"""Exchange packages between offices: the signed, optionally sealed .lxpkg container; no Qt, no DB."""

from desktop.sync.archive import BuiltPackage, OpenedPackage, read_package, write_package
from desktop.sync.atomic import write_file_atomic
from desktop.sync.drives import RemovableDrive, list_removable_drives
from desktop.sync.errors import ExportRefused, PackageRejected, SyncError, WriteFailed
from desktop.sync.keys import (
    LocalOffice,
    OfficeKeys,
    PublicOffice,
    TrustList,
    TrustStore,
    export_setup_file,
    fingerprint,
    import_setup_file,
)
from desktop.sync.limits import DEFAULT_LIMITS, Limits
from desktop.sync.manifest import FORMAT_VERSION, RECORD_KINDS, Acknowledgement, Manifest
from desktop.sync.sequence import AppliedPackage, SequenceVerdict, classify_sequence

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "RECORD_KINDS",
    "Acknowledgement",
    "AppliedPackage",
    "BuiltPackage",
    "ExportRefused",
    "Limits",
    "LocalOffice",
    "Manifest",
    "OfficeKeys",
    "OpenedPackage",
    "PackageRejected",
    "PublicOffice",
    "RemovableDrive",
    "SequenceVerdict",
    "SyncError",
    "TrustList",
    "TrustStore",
    "WriteFailed",
    "classify_sequence",
    "export_setup_file",
    "fingerprint",
    "import_setup_file",
    "list_removable_drives",
    "read_package",
    "write_file_atomic",
    "write_package",
]
