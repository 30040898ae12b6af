"""How the desk reaches the hub safely: HTTPS unless the hub is on this PC or plain HTTP was
asked for, the province's own CA honoured on every request, certificate errors in Vietnamese.

The token travels in every request, so plain HTTP over a network hands it to anyone on the
path (and lets a fake hub forge receipts and push a tampered catalog). `hub_ca_bundle` is
passed to each request explicitly, because requests lets REQUESTS_CA_BUNDLE replace a
session's own `verify` (docs/ARCHITECTURE.md, "A sync")."""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from sqlite_utils import Database

from supportdesk.core.errors import UserError
from supportdesk.core.store import settings


class InsecureHub(UserError):
    """The hub's address is refused as it stands (plain HTTP over a network, a bad scheme)."""


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, allow_http: bool = False) -> None:
    parts = urlsplit(url or "")
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InsecureHub(f"địa chỉ máy chủ tỉnh không hợp lệ: {url!r} (ví dụ https://hub.tinh.vn)")
    if parts.scheme == "http" and not allow_http and not is_loopback(parts.hostname):
        raise InsecureHub(
            f"máy chủ tỉnh {url} dùng http:// không mã hoá: mã truy cập sẽ lộ trên đường truyền. "
            "Hãy dùng https://, hoặc thêm --allow-http nếu tỉnh đã xác nhận mạng an toàn."
        )


def insecure(db: Database) -> bool:
    """True when this desk talks to a hub over plain HTTP across a network (the status bar
    warns about it)."""
    url = settings.get(db, "hub_url") or ""
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_loopback(parts.hostname)


def verify_for(db: Database, ca: str | None = None) -> bool | str:
    """What requests should verify the hub's certificate with: the CA file given, the one kept
    from enrollment, or the system's trust store."""
    path = ca or settings.get(db, "hub_ca_bundle")
    if not path:
        return True
    if not os.path.isfile(path):
        raise InsecureHub(f"không đọc được tệp chứng chỉ {path} (hub_ca_bundle / --ca)")
    return str(path)


def certificate_problem(exc: Exception) -> str:
    """A certificate failure as a counter worker reads it."""
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text and "hostname" in text.lower():
        why = "chứng chỉ không mang tên máy chủ này"
    elif "expired" in text.lower():
        why = "chứng chỉ đã hết hạn"
    elif "CERTIFICATE_VERIFY_FAILED" in text:
        why = "chứng chỉ không do nơi cấp đáng tin cậy ký (thiếu chứng chỉ gốc của tỉnh?)"
    else:
        why = "không thiết lập được kết nối mã hoá"
    return (
        f"lỗi chứng chỉ của máy chủ tỉnh: {why}. Không gửi gì cho đến khi chứng chỉ đúng; "
        "nếu tỉnh dùng chứng chỉ riêng, hãy đăng ký lại với --ca TỆP."
    )
