"""A real headless Chromium driven over the DevTools protocol (a websocket on 127.0.0.1).

`--dump-dom` cannot type into a login form; the DevTools protocol can, with the browser's own
cookie jar, redirects and JavaScript: what a province officer's browser does."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
from pathlib import Path

import requests

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000", "--hide-scrollbars", "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]  # fmt: skip


class Browser:
    def __init__(self, profile: Path, *extra: str):
        from websockets.sync.client import connect

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        port_file = profile / "DevToolsActivePort"
        self._until(lambda: port_file.exists() and port_file.read_text().strip(), 60)
        port = port_file.read_text().split()[0]
        targets = self._until(lambda: _pages(port), 30)
        self._connection = connect(targets[0]["webSocketDebuggerUrl"], max_size=None,
                                   open_timeout=30)  # fmt: skip
        self.ws = self._connection.__enter__()
        self._id = 0
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _until(self, probe, seconds: float):
        deadline = time.monotonic() + seconds
        while True:
            try:
                value = probe()
            except (OSError, ValueError, requests.RequestException):
                value = None
            if value:
                return value
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("Chromium did not get ready")
            time.sleep(0.05)

    def call(self, method: str, **params) -> dict:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression: str):
        result = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, seconds: float = 30):
        """Poll a JavaScript condition until it is truthy (pages load, scripts fetch)."""
        return self._until(lambda: self.eval(expression), seconds)

    def goto(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for(f"location.href.startsWith({json.dumps(url.split('#')[0][:40])}) "
                      "&& document.readyState === 'complete'")  # fmt: skip

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._connection.__exit__(None, None, None)
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def _pages(port: str) -> list[dict]:
    targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=2).json()
    return [t for t in targets if t.get("type") == "page"]
