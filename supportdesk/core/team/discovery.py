"""Finding the commune's other desks on the office LAN by mDNS/DNS-SD (the `zeroconf` library),
with an address typed by hand as the fallback (docs/ARCHITECTURE.md, "A team sync").

A desk's endpoint advertises `_supportdesk._tcp.local.` (RFC 6335 allows service names of at
most 15 letters, so not "supportdesk-team"; Bonjour and zeroconf refuse longer ones) with only
the commune code and the desk id in its TXT record: no names, nothing personal — anyone on the
LAN sees it. A desk finds its peers by browsing for a moment and keeping those of its commune;
what it then says to them is sealed with the team key as always, so a false advertisement
costs a refused connection, nothing more.

Multicast may be missing (a guest Wi-Fi that blocks it, a CI machine, a firewall): every call
here then raises `Unavailable` with one plain sentence, and typed addresses work as before."""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import threading
import time

from supportdesk.core.errors import UserError

SERVICE = "_supportdesk._tcp.local."
TXT_VERSION = "1"
INTERFACE_VARIABLE = "SUPPORTDESK_MDNS_INTERFACE"  # an IPv4 address of this PC
BROWSE_SECONDS = 1.5  # answers come within a few hundred ms on a LAN; a sync waits this once
_DESK_ID = re.compile(r"^[0-9a-f]{8,64}$")
_COMMUNE = re.compile(r"^[0-9A-Za-z]{1,12}$")


class Unavailable(UserError):
    """mDNS cannot run here; the message says so and that typed addresses still work."""

    exit_code = 1


def _unavailable(exc: BaseException) -> Unavailable:
    return Unavailable(
        "không dò được máy cùng xã trên mạng nội bộ (mDNS bị chặn hoặc không có mạng: "
        f"{exc.__class__.__name__}); hãy gõ địa chỉ máy kia, ví dụ 192.168.1.10:8766"
    )


def txt_record(commune_code: str, desk_id: str) -> dict[str, str]:
    """What a desk says about itself on the LAN: the commune and its desk id, nothing else."""
    if not _COMMUNE.match(commune_code or "") or not _DESK_ID.match(desk_id or ""):
        raise ValueError("mã xã hoặc mã máy không hợp lệ để quảng bá")
    return {"v": TXT_VERSION, "commune": commune_code, "desk": desk_id}


def instance_name(desk_id: str) -> str:
    return f"supportdesk-{desk_id[:16]}.{SERVICE}"


def service_info(commune_code: str, desk_id: str, port: int, addresses: list[str]):
    """The zeroconf record of a desk's endpoint at `addresses` (IPv4 text) and `port`."""
    from zeroconf import ServiceInfo

    return ServiceInfo(
        SERVICE,
        instance_name(desk_id),
        addresses=[socket.inet_aton(a) for a in addresses],
        port=int(port),
        properties=txt_record(commune_code, desk_id),
        server=f"supportdesk-{desk_id[:16]}.local.",
    )


def peer_of(properties: dict, addresses: list[str], port: int | None) -> dict | None:
    """A found desk as {"desk_id", "commune_code", "address"}, or None for a record that is
    not a SupportDesk desk's (wrong version, missing or malformed fields, no IPv4 address)."""
    text = {
        (k.decode() if isinstance(k, bytes) else str(k)): (
            v.decode(errors="replace") if isinstance(v, bytes) else ("" if v is None else str(v))
        )
        for k, v in properties.items()
    }
    if text.get("v") != TXT_VERSION or not port:
        return None
    commune, desk = text.get("commune", ""), text.get("desk", "")
    if not _COMMUNE.match(commune) or not _DESK_ID.match(desk):
        return None
    usable = [a for a in addresses if _is_ipv4(a)]
    if not usable:
        return None
    return {"desk_id": desk, "commune_code": commune, "address": f"{usable[0]}:{int(port)}"}


def _is_ipv4(text: str) -> bool:
    try:
        return isinstance(ipaddress.ip_address(text), ipaddress.IPv4Address)
    except ValueError:
        return False


def _zeroconf(interface: str | None):
    from zeroconf import InterfaceChoice, IPVersion, Zeroconf

    # A PC on two networks (office LAN and a 4G dongle) may name the one its team is on.
    interface = interface or os.environ.get(INTERFACE_VARIABLE) or None
    chosen = [interface] if interface and interface != "0.0.0.0" else InterfaceChoice.All
    return Zeroconf(interfaces=chosen, ip_version=IPVersion.V4Only)


class Advertiser:
    """Says on the LAN where this desk's endpoint is, until `close()`. Registering takes a
    second or two (the name is probed first), so it happens on a thread: the endpoint answers
    typed addresses meanwhile, and `problem` holds the sentence if mDNS could not start."""

    def __init__(
        self,
        commune_code: str,
        desk_id: str,
        port: int,
        host: str | None = None,
        on_ready=None,
    ):
        self.info_args = (commune_code, desk_id, int(port))
        self.host = host
        self.on_ready = on_ready  # called with the problem (None: advertised) from the thread
        self.problem: str | None = None
        self.ready = threading.Event()
        self._zc = None
        self._info = None
        self._thread = threading.Thread(target=self._register, name="team-mdns", daemon=True)

    def start(self) -> Advertiser:
        self._thread.start()
        return self

    def _register(self) -> None:
        try:
            chosen = self.host if self.host and self.host != "0.0.0.0" else None
            address = chosen or os.environ.get(INTERFACE_VARIABLE) or _lan_address()
            self._info = service_info(*self.info_args[:2], self.info_args[2], [address])
            self._zc = _zeroconf(self.host)
            self._zc.register_service(self._info, allow_name_change=True)
        except Exception as exc:  # noqa: BLE001 — any failure of multicast is "unavailable"
            self.problem = str(_unavailable(exc))
            self._close_quietly()
        finally:
            self.ready.set()
            if self.on_ready is not None:
                self.on_ready(self.problem)

    def close(self) -> None:
        self.ready.wait(10)
        self._close_quietly()

    def _close_quietly(self) -> None:
        zc, self._zc = self._zc, None
        if zc is None:
            return
        try:
            if self._info is not None:
                zc.unregister_service(self._info)
        except Exception:  # noqa: BLE001 — closing must not fail the endpoint's shutdown
            pass
        finally:
            zc.close()


def _lan_address() -> str:
    from supportdesk.core.team.pairing import lan_address

    return lan_address()


def browse(
    commune_code: str,
    *,
    seconds: float = BROWSE_SECONDS,
    interface: str | None = None,
    exclude: str | None = None,
) -> list[dict]:
    """The desks of `commune_code` advertising on the LAN now (not `exclude`, our own id).
    Raises Unavailable when mDNS cannot run here."""
    try:
        from zeroconf import ServiceBrowser, ServiceStateChange

        zc = _zeroconf(interface)
    except Exception as exc:  # noqa: BLE001 — no multicast socket: say so, once
        raise _unavailable(exc) from exc
    names: list[str] = []

    def seen(zeroconf, service_type, name, state_change) -> None:
        if state_change is not ServiceStateChange.Removed and name not in names:
            names.append(name)

    found: dict[str, dict] = {}
    try:
        browser = ServiceBrowser(zc, SERVICE, handlers=[seen])
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(0.05)
        browser.cancel()
        for name in list(names):
            info = zc.get_service_info(SERVICE, name, timeout=1000)
            if info is None:
                continue
            peer = peer_of(info.properties, info.parsed_addresses(), info.port)
            if peer and peer["commune_code"] == commune_code and peer["desk_id"] != exclude:
                found.setdefault(peer["desk_id"], peer)
    except Exception as exc:  # noqa: BLE001
        raise _unavailable(exc) from exc
    finally:
        zc.close()
    return sorted(found.values(), key=lambda p: p["desk_id"])
