"""Who may read the hub: province and national users, passwords, sessions, CSRF tokens.

Passwords are hashed with argon2id (argon2-cffi). A session is a random token in an HttpOnly,
SameSite=Strict cookie (Secure under TLS); the hub keeps only its hash, with an expiry and the
session's CSRF token, which every state-changing form must echo. A province user (`province`
= the province's two-digit code) sees only the communes whose code the admin-units list puts
in that province; a national user (`province` NULL) sees all and may filter."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from supportdesk.hub.service import HubError, utcnow
from supportdesk.hub.storage import Storage

SESSION_HOURS = 12
COOKIE = "sd_session"
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# Verifying against this when the user does not exist costs the same time as a real check, so
# the answer's timing does not tell which user names exist.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


@dataclass(frozen=True)
class User:
    name: str
    province: str | None  # None: national

    @property
    def national(self) -> bool:
        return self.province is None


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(storage: Storage, name: str, password: str, province: str | None) -> User:
    """Create a user or set a new password and scope for an existing one."""
    name = name.strip()
    if not name or len(name) > 64 or not name.isprintable():
        raise HubError(422, "invalid", "user name must be 1–64 printable characters")
    if len(password) < MIN_PASSWORD:
        raise HubError(422, "invalid", f"password must have at least {MIN_PASSWORD} characters")
    if province is not None and not (len(province) == 2 and province.isdigit()):
        raise HubError(422, "invalid", "province code must be 2 digits (e.g. 02)")
    with storage.tx() as db:
        db.execute(
            "INSERT INTO users (name, password_hash, province, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, "
            "province = excluded.province",
            [name, _hasher.hash(password), province, utcnow()],
        )
        db.execute("DELETE FROM sessions WHERE user_name = ?", [name])  # new password: log out
    return User(name, province)


def remove_user(storage: Storage, name: str) -> bool:
    with storage.tx() as db:
        db.execute("DELETE FROM sessions WHERE user_name = ?", [name])
        return db.execute("DELETE FROM users WHERE name = ?", [name]).rowcount == 1


def users(storage: Storage) -> list[dict]:
    with storage.tx(write=False) as db:
        rows = db.all("SELECT name, province, created_at FROM users ORDER BY name")
    return [{"name": n, "province": p, "created_at": c} for n, p, c in rows]


def login(storage: Storage, name: str, password: str) -> tuple[str, Session]:
    """A new session's cookie token for a right name and password; 401 otherwise."""
    with storage.tx(write=False) as db:
        row = db.one("SELECT password_hash, province FROM users WHERE name = ?", [name])
    try:
        _hasher.verify(row[0] if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        row = None
    if row is None:
        raise HubError(401, "bad_login", "tên đăng nhập hoặc mật khẩu không đúng")
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
    expires = datetime.now(UTC) + timedelta(hours=SESSION_HOURS)
    with storage.tx() as db:
        db.execute("DELETE FROM sessions WHERE expires_at < ?", [utcnow()])
        db.execute(
            "INSERT INTO sessions (token_hash, user_name, csrf, expires_at) VALUES (?, ?, ?, ?)",
            [_digest(token), name, csrf, expires.isoformat(timespec="microseconds")],
        )
    return token, Session(User(name, row[1]), csrf)


def session(storage: Storage, token: str | None) -> Session | None:
    if not token or len(token) > 100:
        return None
    with storage.tx(write=False) as db:
        row = db.one(
            "SELECT u.name, u.province, s.csrf FROM sessions s JOIN users u "
            "ON u.name = s.user_name WHERE s.token_hash = ? AND s.expires_at > ?",
            [_digest(token), utcnow()],
        )
    return Session(User(row[0], row[1]), row[2]) if row else None


def logout(storage: Storage, token: str | None) -> None:
    if token:
        with storage.tx() as db:
            db.execute("DELETE FROM sessions WHERE token_hash = ?", [_digest(token)])


def csrf_ok(session: Session, sent: str | None) -> bool:
    return bool(sent) and secrets.compare_digest(session.csrf, str(sent))
