"""User accounts: Argon2id passwords, roles, lock-out after repeated failures, and who may do what.

Roles (DESIGN.md): ``clerk`` (经办) drafts and submits filings; ``reviewer`` (审核) also decides them; ``admin``
also manages users, reads the audit trail and enters legacy records directly.  A database without any user
account (made before accounts existed, or set up without ``--admin``) runs as the system actor until the first
admin is made; from then on every change needs a login.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError
from civicdesk.models import audit
from civicdesk.models.accounts import ROLES, UserAccount
from civicdesk.models.base import utcnow
from civicdesk.services.core.database import Database

MAX_FAILURES = 5
LOCK_MINUTES = 15
_USERNAME = re.compile(r"^[\w.\-]{2,32}$")

#: what each role may do beyond reading.  ``complaints.reporter`` (who reported a complaint) is a reviewer's, who
#: answers for the reply, and the administrator's; never a clerk's, who checks the organization reported without
#: knowing who reported it (every reading is audited: services/supervision/complaints.py).  ``cultivate``: record
#: the rows of cultivation (services/cultivation/); a volunteer's or a resident's phone is revealed with
#: ``reveal_ids``, like a person's ID number
PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": frozenset({"filing.draft", "filing.submit", "filing.withdraw", "export", "import", "print", "sync",
                        "supervise", "cultivate"}),
    "reviewer": frozenset({"filing.draft", "filing.submit", "filing.withdraw", "filing.review", "export", "import",
                           "print", "sync", "reveal_ids", "conflict.resolve", "supervise", "supervise.decide",
                           "complaints.reporter", "cultivate"}),
    "admin": frozenset({"filing.draft", "filing.submit", "filing.withdraw", "filing.review", "export", "import",
                        "print", "sync", "reveal_ids", "conflict.resolve", "users", "audit", "legacy_entry",
                        "office", "supervise", "supervise.decide", "parameters", "complaints.reporter",
                        "cultivate"}),
}

#: Argon2id cost of the office.  Changing it makes every login rehash the stored password with the new
#: parameters.
PRODUCTION_HASH_PARAMETERS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
#: The cheapest Argon2id, for test runs only (a test suite that logs in a thousand times; its subprocesses
#: inherit the setting from the environment).  A password hashed so is rehashed at the office's cost the first
#: time its user logs in without the setting.
TEST_HASH_PARAMETERS = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}  # Argon2's least memory: 8 KiB
#: Environment variable that selects :data:`TEST_HASH_PARAMETERS` (value ``1``); never set it in an office.
TEST_HASHING_ENV = "CIVICDESK_INSECURE_TEST_HASHING"
HASH_PARAMETERS = dict(TEST_HASH_PARAMETERS if os.environ.get(TEST_HASHING_ENV) == "1"
                       else PRODUCTION_HASH_PARAMETERS)


def hasher() -> PasswordHasher:
    params = HASH_PARAMETERS
    return PasswordHasher(time_cost=params["time_cost"], memory_cost=params["memory_cost"],
                          parallelism=params["parallelism"])


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: str
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    failed_logins: int

    def may(self, action: str) -> bool:
        return self.active and action in PERMISSIONS.get(self.role, frozenset())

    @property
    def display(self) -> str:
        return f"{self.full_name}（{self.username}）" if self.full_name else self.username


def _info(u: UserAccount) -> UserInfo:
    return UserInfo(u.username, u.full_name, u.role, u.active, u.locked_until, u.last_login_at, u.failed_logins)


def role_label(role: str, lang: str = "zh") -> str:
    """The role's name in ``lang`` (the catalogue's ``role.*``)."""
    return messages.label(f"role.{role}", lang, default=role)


def check_password_strength(password: str) -> None:
    if len(password) < 8 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise InputError("auth.weak_password")


def _check_username(username: str) -> str:
    username = (username or "").strip()
    if not _USERNAME.match(username):
        raise InputError("auth.username", value=username)
    return username


def has_users(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(UserAccount)))


def require(db: Database, by: UserInfo | None, action: str) -> str:
    """The one permission check every service makes: refuse unless ``by`` may do ``action`` now, and return the
    name the audit trail gives the act.

    ``by`` None (nobody logged in) is accepted only while the database has no user account at all: it then acts
    as the system (:data:`~civicdesk.models.audit.SYSTEM_ACTOR`); once accounts exist it is ``auth.required``.
    The account is read again from the database, so that a session kept open (the GUI) after an administrator
    disabled the user or changed the role is judged by the account as it is now (a locked or disabled account
    is refused).  Reads only: a refusal leaves the database as it was."""
    with db.read() as session:
        if by is None:
            if session.scalar(select(func.count()).select_from(UserAccount)):
                raise CivicDeskError("auth.required")
            return audit.SYSTEM_ACTOR
        account = _get(session, by.username)
        current = _info(account) if account is not None else None
    if current is None or (current.locked_until is not None and current.locked_until > utcnow()):
        raise CivicDeskError("auth.forbidden", user=by.username, role=by.role, action=action)
    if not current.may(action):
        raise CivicDeskError("auth.forbidden", user=current.username, role=current.role, action=action)
    return current.username


def _get(session: Session, username: str) -> UserAccount | None:
    return session.scalar(select(UserAccount).where(UserAccount.username == username))


def create_user(db: Database, username: str, password: str, role: str, *, full_name: str = "",
                by: UserInfo | None = None) -> UserInfo:
    """Add a user.  The first user of a database must be an admin and needs no ``by``; later ones need an
    admin's ``by``."""
    if by is not None:
        require(db, by, "users")
    username = _check_username(username)
    if role not in ROLES:
        raise InputError("auth.role", value=role)
    check_password_strength(password)
    password_hash = hasher().hash(password)
    with db.unit() as session:
        count = session.scalar(select(func.count()).select_from(UserAccount))
        if count:
            if by is None:
                raise CivicDeskError("auth.first_admin")
        elif role != "admin":
            raise CivicDeskError("auth.forbidden", user=username, role=role, action="first_account")
        if _get(session, username) is not None:
            raise InputError("auth.exists", user=username)
        session.info["actor"] = by.username if by else username
        user = UserAccount(username=username, full_name=full_name.strip(), role=role, password_hash=password_hash,
                           created_by=by.username if by else None)
        session.add(user)
        session.flush()
        return _info(user)


def authenticate(db: Database, username: str, password: str, *, now: datetime | None = None) -> UserInfo:
    """Check a login.  Success and every failure are in the audit trail; five failures in a row lock the
    account for fifteen minutes.  Raises ``auth.failed`` (never saying whether the name exists), ``auth.locked``
    or ``auth.disabled``.

    Many processes may guess at once: the password is checked (the slow part) before the unit of work, and
    the unit that counts the failure, locks the account and writes the audit entry holds the write lock from
    its start (SQLite: BEGIN IMMEDIATE; PostgreSQL: the writer's advisory lock), so no failure is lost and no
    attempt goes unaudited, from whichever machine it comes.  A locked account
    answers "locked" to the right password as to a wrong one."""
    now = now or utcnow()
    username = (username or "").strip()
    with db.read() as session:  # the stored hash only (a plain query: no ORM object to build)
        stored = session.execute(select(UserAccount.password_hash)
                                 .where(UserAccount.username == username)).scalar()
    if stored is None:
        _burn(password)  # same time as a wrong password: the answer does not tell which names exist
        correct = False
    else:
        correct = _verify(stored, password)
    new_hash = hasher().hash(password) if correct and stored and hasher().check_needs_rehash(stored) else None

    def count(session: Session) -> tuple[CivicDeskError | None, UserInfo | None]:
        """The attempt counted and audited in ``session``: (the refusal, None) or (None, the user)."""
        checked, rehash = correct, new_hash
        user = _get(session, username)
        if user is not None and user.password_hash != stored:  # changed since it was read: check again
            checked = _verify(user.password_hash, password)
            rehash = None
        if user is None:
            audit.record(session, "auth.login_failed", "user_account", None, reason="unknown_user", username=username)
            return CivicDeskError("auth.failed"), None
        if not user.active:
            audit.record(session, "auth.login_failed", "user_account", user.id, reason="disabled")
            return CivicDeskError("auth.disabled", user=username), None
        if user.locked_until is not None and user.locked_until > now:
            audit.record(session, "auth.login_failed", "user_account", user.id, reason="locked")
            return CivicDeskError("auth.locked", user=username, until=_local_time(user.locked_until)), None
        if not checked:
            user.failed_logins = (user.failed_logins or 0) + 1
            reason = "wrong_password"
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
                reason = "wrong_password_locked"
            audit.record(session, "auth.login_failed", "user_account", user.id, reason=reason)
            return CivicDeskError("auth.failed"), None
        if rehash is not None:
            user.password_hash = rehash
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        audit.record(session, "auth.login", "user_account", user.id)
        return None, _info(user)

    # replayed whole if the server ends it in a conflict (nothing of it written): the count stays exact
    error, result = db.run(count, actor=username or "?")
    if error is not None:
        raise error
    assert result is not None
    return result


def _verify(password_hash: str, password: str) -> bool:
    try:
        return hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_DUMMY: list[str] = []


def _burn(password: str) -> None:
    if not _DUMMY:
        _DUMMY.append(hasher().hash("civicdesk-dummy-password-1"))
    _verify(_DUMMY[0], password)


def _local_time(value: datetime) -> str:
    return value.replace(tzinfo=timezone.utc).astimezone().strftime("%H:%M")


def change_password(db: Database, username: str, old_password: str, new_password: str) -> None:
    """The user changes their own password (the old one checked like a login)."""
    authenticate(db, username, old_password)
    if old_password == new_password:
        raise InputError("auth.same_password")
    check_password_strength(new_password)
    new_hash = hasher().hash(new_password)
    with db.unit(actor=username) as session:
        user = _get(session, username)
        assert user is not None
        user.password_hash = new_hash
        user.password_changed_at = utcnow()
        audit.record(session, "auth.password_changed", "user_account", user.id)


def reset_password(db: Database, username: str, new_password: str, *, by: UserInfo) -> None:
    """An administrator sets a new password (and unlocks the account)."""
    actor = require(db, by, "users")
    check_password_strength(new_password)
    new_hash = hasher().hash(new_password)
    with db.unit(actor=actor) as session:
        user = _get(session, username)
        if user is None:
            raise NotFoundError("auth.unknown_user", user=username)
        user.password_hash = new_hash
        user.password_changed_at = utcnow()
        user.locked_until = None
        user.failed_logins = 0


def set_active(db: Database, username: str, active: bool, *, by: UserInfo) -> UserInfo:
    """An administrator disables (or enables again) an account; accounts are never deleted."""
    actor = require(db, by, "users")
    with db.unit(actor=actor) as session:
        user = _get(session, username)
        if user is None:
            raise NotFoundError("auth.unknown_user", user=username)
        if not active and user.role == "admin" and user.active:
            admins = session.execute(select(func.count()).select_from(UserAccount)
                                     .where(UserAccount.role == "admin", UserAccount.active.is_(True))).scalar_one()
            if admins <= 1:
                raise CivicDeskError("auth.last_admin")
        user.active = active
        if active:
            user.locked_until = None
            user.failed_logins = 0
        session.flush()
        return _info(user)


def set_role(db: Database, username: str, role: str, *, by: UserInfo) -> UserInfo:
    actor = require(db, by, "users")
    if role not in ROLES:
        raise InputError("auth.role", value=role)
    with db.unit(actor=actor) as session:
        user = _get(session, username)
        if user is None:
            raise NotFoundError("auth.unknown_user", user=username)
        if user.role == "admin" and role != "admin":
            admins = session.execute(select(func.count()).select_from(UserAccount)
                                     .where(UserAccount.role == "admin", UserAccount.active.is_(True))).scalar_one()
            if admins <= 1:
                raise CivicDeskError("auth.last_admin")
        user.role = role
        session.flush()
        return _info(user)


def list_users(db: Database) -> list[UserInfo]:
    with db.read() as session:
        return [_info(u) for u in session.scalars(select(UserAccount).order_by(UserAccount.username))]


def get_user(db: Database, username: str) -> UserInfo:
    with db.read() as session:
        user = _get(session, username)
        if user is None:
            raise NotFoundError("auth.unknown_user", user=username)
        return _info(user)
