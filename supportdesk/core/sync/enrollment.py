"""Enrollment with the hub and keeping the commune token.

The token goes to the OS keyring when `keyring` has a real backend (Windows Credential Manager,
Secret Service, macOS Keychain), else to a file in the data dir readable only by the user.
Entries are keyed by install id, because two installs on one PC share one keyring."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core.errors import UserError
from supportdesk.core.store import settings
from supportdesk.core.sync import outbox

KEYRING_SERVICE = "SupportDesk hub"
TOKEN_FILE = "hub-token"
ENV_STORE = "SUPPORTDESK_TOKEN_STORE"  # "file" or "keyring": force one (tests, kiosks)


class EnrollmentError(UserError):
    pass


def install_id(db: Database) -> str:
    """This installation's id, made once and kept in the store."""
    value = settings.get(db, "install_id")
    if not value:
        value = str(uuid.uuid4())
        settings.put(db, "install_id", value)
    return value


class FileTokenStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.where = f"file {self.path}"

    def get(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None

    def put(self, token: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(token)
        os.chmod(tmp, 0o600)  # the umask may have widened the mode os.open asked for
        os.replace(tmp, self.path)

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)


class KeyringTokenStore:
    def __init__(self, account: str):
        import keyring

        self._keyring = keyring
        self.account = account
        self.where = f"keyring {keyring.get_keyring().__class__.__name__}"

    def get(self) -> str | None:
        return self._keyring.get_password(KEYRING_SERVICE, self.account)

    def put(self, token: str) -> None:
        self._keyring.set_password(KEYRING_SERVICE, self.account, token)

    def delete(self) -> None:
        import keyring.errors

        try:
            self._keyring.delete_password(KEYRING_SERVICE, self.account)
        except keyring.errors.PasswordDeleteError:
            pass


def _keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def token_store(db: Database, data_dir: Path):
    choice = os.environ.get(ENV_STORE, "")
    if choice == "keyring" or (choice != "file" and _keyring_usable()):
        return KeyringTokenStore(f"token-{install_id(db)}")
    return FileTokenStore(Path(data_dir) / TOKEN_FILE)


def enroll(
    db: Database,
    store,
    hub_url: str,
    code: str,
    *,
    client=None,
    ca: str | None = None,
    allow_http: bool = False,
) -> dict:
    """Exchange a one-time code for this commune's token; lifts a pause caused by a revoked one.

    `ca` is the province's CA file when its hub's certificate is not signed by a public CA;
    it is kept (hub_ca_bundle) for every later sync, as is `allow_http`."""
    from supportdesk.core.sync import transport
    from supportdesk.core.sync.client import HubClient, HubUnavailable

    verify = transport.verify_for(db, ca) if ca else True
    client = client or HubClient(hub_url, verify=verify, allow_http=allow_http)
    request = {
        "code": code.strip(),
        "install_id": install_id(db),
        "commune_code": settings.get(db, "commune_code") or "",
    }
    response = client.request("POST", "/api/v1/enroll", json=request)
    if response.status_code != 200:
        try:
            detail = response.json().get("message", "")
        except ValueError:
            detail = response.text[:200]
        raise EnrollmentError(f"máy chủ tỉnh từ chối mã đăng ký ({response.status_code}: {detail})")
    try:
        answer = client.json(response)
        token, commune = answer["token"], answer["commune_code"]
    except (HubUnavailable, KeyError) as exc:
        raise EnrollmentError(f"câu trả lời lạ từ máy chủ tỉnh: {exc}") from exc
    store.put(token)
    settings.put(db, "hub_url", hub_url.rstrip("/"))
    settings.put(db, "hub_ca_bundle", str(Path(ca).resolve()) if ca else None)
    settings.put(db, "hub_allow_http", bool(allow_http))
    settings.put(db, "commune_code", commune)
    if answer.get("commune_name") and not settings.get(db, "commune_name"):
        settings.put(db, "commune_name", answer["commune_name"])
    outbox.put_state(db, paused=None, failures=0, next_attempt_at=None, last_error="")
    outbox.recover(db)
    return {"commune_code": commune, "hub_url": hub_url.rstrip("/"), "token_store": store.where}
