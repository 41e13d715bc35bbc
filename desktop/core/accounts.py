"""Accounts: Argon2id passwords, log-in with lock-out, roles, single-user mode, CLI tokens.

Only the office admin creates, disables and resets accounts (checked here and again by the
flush check in desktop.core.permissions). The first admin is made at first start, when no
account exists yet. Single-user mode (a Setting chosen at setup, changeable by an admin) means
nobody logs in and the program has full rights, as it had before accounts existed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import audit as _audit  # noqa: F401  (registers the audit trail's listeners)
from desktop.core.errors import DomainError, InvalidInput, NotFound
from desktop.core.permissions import Actor, acting_as, require
from desktop.models import Setting, User
from desktop.models.base import utcnow
from desktop.models.enums import Role

MAX_FAILED_ATTEMPTS = 5
LOCK_OUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
SINGLE_USER_KEY = "accounts.single_user"
IDLE_LOCK_KEY = "accounts.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 15

_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters


@dataclass(frozen=True)
class Account:
    """An account as the settings page and `lianxi account list` show it."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None


class LoginRefused(DomainError):
    code = "login_refused"


def _account(user: User) -> Account:
    return Account(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.active,
        user.locked_until,
        user.last_login_at,
    )


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password_too_short", field="password", min=MIN_PASSWORD_LENGTH)


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound("no_such_account", username=username)
    return user


def accounts_exist(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def single_user_mode(session: Session) -> bool:
    row = session.get(Setting, SINGLE_USER_KEY)
    return row is not None and row.value == "1"


def login_required(session: Session) -> bool:
    """True when the window and the CLI must ask who is working."""
    return accounts_exist(session) and not single_user_mode(session)


def set_single_user_mode(session: Session, on: bool) -> None:
    """Chosen at setup; later only the admin changes it."""
    require(session, "change_settings", Role.ADMIN)
    session.merge(Setting(key=SINGLE_USER_KEY, value="1" if on else "0"))
    session.flush()


def idle_lock_minutes(session: Session) -> int:
    """Minutes without input before the window locks; 0 never locks."""
    row = session.get(Setting, IDLE_LOCK_KEY)
    return int(row.value) if row is not None and row.value.isdigit() else DEFAULT_IDLE_LOCK_MINUTES


def set_idle_lock_minutes(session: Session, minutes: int) -> None:
    require(session, "change_settings", Role.ADMIN)
    if not 0 <= minutes <= 24 * 60:
        raise InvalidInput("out_of_range", field="idle_lock_minutes", min=0, max=24 * 60)
    session.merge(Setting(key=IDLE_LOCK_KEY, value=str(minutes)))
    session.flush()


def create_first_admin(
    session: Session, username: str, password: str, *, single_user: bool = False
) -> Account:
    """The office's first account, an admin, made at first start; refused once any exists."""
    if accounts_exist(session):
        raise DomainError("accounts_exist")
    with acting_as(session, Actor(username.strip())):
        account = _new_account(session, username, password, Role.ADMIN, username)
        session.merge(Setting(key=SINGLE_USER_KEY, value="1" if single_user else "0"))
        session.flush()
    return account


def create_account(
    session: Session, username: str, password: str, role: Role, display_name: str = ""
) -> Account:
    """A new account (admin only)."""
    require(session, "manage_accounts", Role.ADMIN)
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise InvalidInput("account_exists", field="username", username=username)
    return _new_account(session, username, password, role, display_name)


def _new_account(
    session: Session, username: str, password: str, role: Role, display_name: str
) -> Account:
    username = username.strip()
    if not username or len(username) > 60:
        raise InvalidInput("required", field="username")
    _check_password(password)
    user = User(
        username=username,
        display_name=display_name.strip() or username,
        password_hash=_hasher.hash(password),
        role=role,
    )
    session.add(user)
    session.flush()
    return _account(user)


def list_accounts(session: Session) -> list[Account]:
    return [_account(u) for u in session.scalars(select(User).order_by(User.username))]


def set_active(session: Session, username: str, active: bool) -> Account:
    """Disable an account (it can no longer log in) or enable it again (admin only)."""
    require(session, "manage_accounts", Role.ADMIN)
    user = _user(session, username)
    if not active:
        _keep_an_admin(session, user)
        user.token_hash = ""
    user.active = active
    session.flush()
    return _account(user)


def set_role(session: Session, username: str, role: Role) -> Account:
    require(session, "manage_accounts", Role.ADMIN)
    user = _user(session, username)
    if role is not Role.ADMIN:
        _keep_an_admin(session, user)
    user.role = role
    session.flush()
    return _account(user)


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse to disable or demote the last active admin: nobody could manage accounts."""
    if user.role is not Role.ADMIN or not user.active:
        return
    admins = session.scalar(
        select(func.count()).where(User.role == Role.ADMIN, User.active.is_(True))
    )
    if (admins or 0) <= 1:
        raise DomainError("last_admin", username=user.username)


def reset_password(session: Session, username: str, password: str) -> Account:
    """A new password set by the admin; the lock-out is lifted and the CLI token revoked."""
    require(session, "manage_accounts", Role.ADMIN)
    _check_password(password)
    user = _user(session, username)
    user.password_hash = _hasher.hash(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.token_hash = ""
    session.flush()
    return _account(user)


def attempt_login(
    session: Session, username: str, password: str, now: datetime | None = None
) -> Actor | LoginRefused:
    """Log in: the actor for this account, or the refusal (wrong, disabled, locked).

    The refusal is returned, not raised, so the caller's unit of work commits the failure
    count: after MAX_FAILED_ATTEMPTS wrong passwords in a row the account is locked for
    LOCK_OUT, whoever tries.
    """
    now = now or utcnow()
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.password_hash:
        return LoginRefused("login_wrong")
    if not user.active:
        return LoginRefused("login_disabled", username=user.username)
    if user.locked_until is not None and user.locked_until > now:
        return LoginRefused("login_locked", minutes=_minutes_left(user.locked_until, now))
    with acting_as(session, Actor(user.username)):
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return _failed(session, user, now)
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_attempts = 0
        user.locked_until = None
        user.last_login_at = now
        session.flush()
    return Actor(user.username, user.role)


def _failed(session: Session, user: User, now: datetime) -> LoginRefused:
    user.failed_attempts += 1
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.failed_attempts = 0
        user.locked_until = now + LOCK_OUT
        session.flush()
        return LoginRefused("login_locked", minutes=_minutes_left(user.locked_until, now))
    session.flush()
    return LoginRefused("login_wrong_left", left=MAX_FAILED_ATTEMPTS - user.failed_attempts)


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))


def change_own_password(session: Session, username: str, old: str, new: str) -> None:
    """Anyone may change their own password, knowing the old one."""
    _check_password(new)
    user = _user(session, username)
    try:
        _hasher.verify(user.password_hash, old)
    except (VerificationError, InvalidHashError):
        raise LoginRefused("login_wrong") from None
    with acting_as(session, Actor(user.username)):
        user.password_hash = _hasher.hash(new)
        user.token_hash = ""
        session.flush()


def issue_token(session: Session, username: str) -> str:
    """A new CLI token for the account (the old one stops working); only its hash is stored.

    The token reads "username:secret" so a script needs nothing else.
    """
    user = _user(session, username)
    secret = secrets.token_urlsafe(32)
    with acting_as(session, Actor(user.username)):
        user.token_hash = _token_digest(secret)
        session.flush()
    return f"{user.username}:{secret}"


def token_actor(session: Session, token: str) -> Actor:
    """The actor a token stands for; LoginRefused when it is unknown, revoked or disabled."""
    username, _, secret = token.strip().partition(":")
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.token_hash or not secret:
        raise LoginRefused("token_refused")
    if not secrets.compare_digest(user.token_hash, _token_digest(secret)):
        raise LoginRefused("token_refused")
    if not user.active:
        raise LoginRefused("login_disabled", username=user.username)
    return Actor(user.username, user.role)


def _token_digest(secret: str) -> str:
    # A random 256-bit secret needs no slow hash: SHA-256 cannot be guessed backwards.
    return hashlib.sha256(secret.encode()).hexdigest()
