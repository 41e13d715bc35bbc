"""key rotation announced in packages: the previous keys kept while the peers learn the new ones

- office.previous_signing_private_key / previous_encryption_private_key (this office's row,
  sealed like the current ones): packages go on being signed with the previous key, carrying
  the announcement of the new one, until a peer's receipt shows it has the new one.
- office.previous_signing_public_key / previous_encryption_public_key (a peer's row): the
  peer's previous key, still accepted on packages that announce the key now trusted; forgotten
  (revoked) with the first package the peer signs with its new key.
- exchange_peer.announce_keys_in: the first of our packages to that peer that announces our
  new keys (None: nothing to announce).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_OFFICE_COLUMNS = (
    "previous_signing_private_key",
    "previous_encryption_private_key",
    "previous_signing_public_key",
    "previous_encryption_public_key",
)


def upgrade() -> None:
    with op.batch_alter_table("office", schema=None) as batch_op:
        for name in _OFFICE_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("exchange_peer", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("announce_keys", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("announce_keys_in", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_peer", schema=None) as batch_op:
        batch_op.drop_column("announce_keys_in")
        batch_op.drop_column("announce_keys")
    with op.batch_alter_table("office", schema=None) as batch_op:
        for name in reversed(_OFFICE_COLUMNS):
            batch_op.drop_column(name)
