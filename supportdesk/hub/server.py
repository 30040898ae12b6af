"""A hub served by uvicorn in a background thread on a free loopback port (tests, benchmark)."""

from __future__ import annotations

import socket
import threading
import time


class BackgroundHub:
    def __init__(
        self,
        storage,
        host: str = "127.0.0.1",
        *,
        cert: str | None = None,
        key: str | None = None,
        **app_options,
    ):
        import uvicorn

        from supportdesk.hub.app import create_app

        config = uvicorn.Config(
            create_app(storage, **app_options),
            log_level="warning",
            lifespan="off",
            access_log=False,
            timeout_graceful_shutdown=2,
            ssl_certfile=cert,
            ssl_keyfile=key,
        )
        self.server = uvicorn.Server(config)
        sock = socket.socket()
        sock.bind((host, 0))
        self.port = sock.getsockname()[1]
        self.url = f"{'https' if cert else 'http'}://{host}:{self.port}"
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("hub did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
