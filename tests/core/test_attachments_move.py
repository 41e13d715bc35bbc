"""Upgrading to schema 0012 moves the attachment files an earlier version kept in a folder into
the database, each checked against its hash: a missing or damaged file is left out (reading it
says so) and the upgrade goes on; the files stay where they were."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select

from desktop.core import attachments
from desktop.core.errors import NotFound
from desktop.db.migrate import _config, current_revision, head_revision, upgrade
from desktop.db.migrate import take_in_attachment_files as take_in
from desktop.models import AttachmentBlob
from desktop.paths import attachments_dir
from tests.conftest import County

MINUTES = "会议纪要".encode() * 500
SIGN_IN = "签到表".encode() * 300
AGENDA = "议程".encode() * 200


def _as_before_0012(county: County) -> dict[str, attachments.AttachmentDTO]:
    """Three attachments as an 0011 database had them: rows, and their files in the folder
    beside the database (this PC's data folder for a server database), one of them damaged
    and one missing."""
    added = {
        name: county.run(
            attachments.add_attachment,
            owner_kind="meeting",
            owner_uuid="m-1",
            filename=f"{name}.pdf",
            data=data,
        )
        for name, data in (("纪要", MINUTES), ("签到表", SIGN_IN), ("议程", AGENDA))
    }
    config = _config()
    with county.db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    folder = attachments_dir(county.db.path)
    for name, data in (("纪要", MINUTES), ("签到表", b"X" + SIGN_IN[1:])):
        sha = added[name].sha256
        (folder / sha[:2]).mkdir(parents=True, exist_ok=True)
        (folder / sha[:2] / sha).write_bytes(data)
    return added


def _kept(county: County) -> set[str]:
    with county.db.reading() as s:
        return set(s.scalars(select(AttachmentBlob.sha256)))


def test_the_upgrade_moves_good_files_and_leaves_out_missing_or_damaged(county: County) -> None:
    added = _as_before_0012(county)
    upgrade(county.db, backup=False)
    assert current_revision(county.db) == head_revision()
    assert _kept(county) == {added["纪要"].sha256}
    assert county.run(attachments.read_attachment, added["纪要"].id)[1] == MINUTES
    for name in ("签到表", "议程"):
        with pytest.raises(NotFound):
            county.run(attachments.read_attachment, added[name].id)
    # The old files stay where they were, the damaged one too.
    folder = attachments_dir(county.db.path)
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == sorted(
        added[name].sha256 for name in ("纪要", "签到表")
    )


def test_the_move_runs_at_every_open_and_takes_only_what_is_lacking(county: County) -> None:
    added = _as_before_0012(county)
    upgrade(county.db, backup=False)
    again = take_in(county.db)
    assert again is not None and again.moved == 0
    assert sorted(again.left_out) == sorted(added[n].sha256 for n in ("签到表", "议程"))
    # Another PC of a shared database brings the file it kept: the next open takes it in.
    sha = added["议程"].sha256
    folder = attachments_dir(county.db.path)
    (folder / sha[:2]).mkdir(parents=True, exist_ok=True)
    (folder / sha[:2] / sha).write_bytes(AGENDA)
    upgrade(county.db, backup=False)
    assert county.run(attachments.read_attachment, added["议程"].id)[1] == AGENDA
    with county.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AttachmentBlob)) == 2


def test_with_nothing_lacking_the_open_takes_nothing(county: County) -> None:
    county.run(
        attachments.add_attachment,
        owner_kind="meeting",
        owner_uuid="m-1",
        filename="纪要.pdf",
        data=MINUTES,
    )
    assert take_in(county.db) is None
