"""What goes over the office LAN: every body sealed with PyNaCl's SecretBox (XSalsa20-Poly1305).

A body that opens with the team key was written by a desk of the team and not changed on the
way; the LAN sees only its size. Pairing has no team key yet: its two messages are sealed with a
key stretched from the one-time code by Argon2id, so a person who captures them must guess the
code at a fraction of a second per try, while the inviting desk allows five tries in 15 minutes."""

from __future__ import annotations

import base64
import json
import secrets
import zlib

import nacl.exceptions
import nacl.pwhash
import nacl.secret

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over a shoulder
CODE_LENGTH = 8
SALT_BYTES = nacl.pwhash.argon2id.SALTBYTES


class WireError(ValueError):
    """A body that does not open with the key: another team, a wrong code, or tampering."""


def seal(key: bytes, value: object) -> bytes:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return bytes(nacl.secret.SecretBox(key).encrypt(zlib.compress(raw, 1)))


def unseal(key: bytes, body: bytes) -> object:
    try:
        raw = zlib.decompress(nacl.secret.SecretBox(key).decrypt(body))
    except (nacl.exceptions.CryptoError, zlib.error, ValueError, TypeError) as exc:
        raise WireError("nội dung không mở được bằng khoá của nhóm") from exc
    return json.loads(raw)


def new_code() -> str:
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{letters[:4]}-{letters[4:]}"


def clean_code(code: str) -> str:
    return "".join(ch for ch in str(code).upper() if ch.isalnum())


def code_key(code: str, salt: bytes) -> bytes:
    return nacl.pwhash.argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE,
        clean_code(code).encode(),
        salt,
        opslimit=nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE,
        memlimit=nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE,
    )


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except ValueError as exc:
        raise WireError("dữ liệu ghép nối không hợp lệ") from exc
