"""Accounts: Argon2id hashes, log-in, lock-out after five failures, admin-only management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.core.accounts import (
    LOCK_OUT,
    LoginRefused,
    attempt_login,
    create_account,
    create_first_admin,
    issue_token,
    login_required,
    reset_password,
    set_active,
    set_role,
    token_actor,
)
from desktop.core.errors import DomainError, InvalidInput
from desktop.core.permissions import ACTOR, Actor, NotPermitted
from desktop.db import Database
from desktop.messages import describe
from desktop.models import User
from desktop.models.base import utcnow
from desktop.models.enums import Role


def _admin(db: Database) -> Actor:
    with db.unit_of_work() as s:
        create_first_admin(s, "boss", "admin-pass")
    return Actor("boss", Role.ADMIN)


def _as(db: Database, actor: Actor | None, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.info[ACTOR] = actor
        return fn(s, *args, **kwargs)


def _login(db: Database, name: str, password: str, now=None):  # type: ignore[no-untyped-def]
    return _as(db, None, attempt_login, name, password, now)


def test_first_admin_then_login_required_and_argon2id(db: Database) -> None:
    with db.reading() as s:
        assert not login_required(s)
    _admin(db)
    with db.reading() as s:
        assert login_required(s)
        stored = s.scalar(select(User.password_hash))
    assert stored is not None and stored.startswith("$argon2id$")
    assert "admin-pass" not in stored
    assert _login(db, "boss", "admin-pass") == Actor("boss", Role.ADMIN)
    with pytest.raises(DomainError) as again, db.unit_of_work() as s:
        create_first_admin(s, "boss2", "admin-pass")
    assert again.value.code == "accounts_exist"


def test_five_failures_lock_for_fifteen_minutes(db: Database) -> None:
    admin = _admin(db)
    _as(db, admin, create_account, "xiao", "clerk-pass", Role.CLERK)
    now = utcnow()
    lefts = [_login(db, "xiao", "wrong", now) for _ in range(4)]
    assert [r.fields["left"] for r in lefts] == [4, 3, 2, 1]
    locked = _login(db, "xiao", "wrong", now)
    assert locked.code == "login_locked"
    assert "锁定" in describe(locked) and "15 分钟" in describe(locked)
    # The right password is refused while locked, accepted once the 15 minutes are over.
    assert _login(db, "xiao", "clerk-pass", now + timedelta(minutes=5)).code == "login_locked"
    later = now + LOCK_OUT + timedelta(seconds=1)
    assert _login(db, "xiao", "clerk-pass", later) == Actor("xiao", Role.CLERK)


def test_admin_resets_disables_and_changes_role(db: Database) -> None:
    admin = _admin(db)
    _as(db, admin, create_account, "xiao", "clerk-pass", Role.CLERK)
    for _ in range(5):
        _login(db, "xiao", "wrong")
    _as(db, admin, reset_password, "xiao", "new-clerk-pass")
    assert _login(db, "xiao", "new-clerk-pass") == Actor("xiao", Role.CLERK)
    _as(db, admin, set_role, "xiao", Role.REVIEWER)
    assert _login(db, "xiao", "new-clerk-pass") == Actor("xiao", Role.REVIEWER)
    _as(db, admin, set_active, "xiao", False)
    refused = _login(db, "xiao", "new-clerk-pass")
    assert isinstance(refused, LoginRefused) and refused.code == "login_disabled"
    with pytest.raises(DomainError) as last:
        _as(db, admin, set_active, "boss", False)
    assert last.value.code == "last_admin"


def test_only_admin_manages_accounts(db: Database) -> None:
    admin = _admin(db)
    _as(db, admin, create_account, "xiao", "clerk-pass", Role.CLERK)
    for role in (Role.CLERK, Role.REVIEWER, Role.LEADER):
        with pytest.raises(NotPermitted):
            _as(db, Actor("xiao", role), create_account, "x2", "some-pass", Role.ADMIN)
        with pytest.raises(NotPermitted):
            _as(db, Actor("xiao", role), reset_password, "boss", "taken-over")
    with pytest.raises(InvalidInput):
        _as(db, admin, create_account, "short", "1234", Role.CLERK)


def test_token_stands_for_its_account_until_revoked(db: Database) -> None:
    admin = _admin(db)
    _as(db, admin, create_account, "xiao", "clerk-pass", Role.CLERK)
    token = _as(db, Actor("xiao", Role.CLERK), issue_token, "xiao")
    assert _as(db, None, token_actor, token) == Actor("xiao", Role.CLERK)
    with pytest.raises(LoginRefused):
        _as(db, None, token_actor, token[:-2] + "xx")
    _as(db, admin, reset_password, "xiao", "other-pass")
    with pytest.raises(LoginRefused):
        _as(db, None, token_actor, token)
