"""An ASGI layer in front of the app: bounded request bodies, security headers, one-line JSON errors.

- A body larger than the limit is refused with 413 before the app sees it (by its Content-Length, or
  while it streams in); a body that does not arrive within the time limit gets 408, so a slow client
  never holds a worker.
- Every response carries a Content-Security-Policy that lets a page load only this server's own
  script and stylesheets: even text that escaped escaping could not run.
- Requests naming a host the server does not serve (``allowed_hosts``) get 400, as DNS rebinding
  would send them.
- An exception the app did not handle becomes a one-line JSON 500 instead of a dropped connection.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("newsynth.serve")

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The API docs page starts Swagger UI with an inline script; no article text is shown there.
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
DOCS_PATHS = ("/docs", "/redoc")


class BodyTooLarge(Exception):
    pass


def json_error(status: int, message: str) -> tuple[int, bytes]:
    return status, json.dumps({"error": " ".join(message.split())}).encode()


class Guard:
    def __init__(
        self, app: ASGIApp, max_body_bytes: int, body_timeout_s: float, allowed_hosts: list[str]
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout_s = body_timeout_s
        self.allowed_hosts = {host.lower() for host in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(scope, send)
        if not self._host_allowed(scope):
            await respond(send, *json_error(400, "this server does not answer for that Host header"))
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            refused = await self._read_body(scope, receive)
            if isinstance(refused, tuple):
                await respond(send, *refused)
                return
            receive = replay(refused)
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if not started:
                await respond(send, *json_error(500, "internal error (logged on the server)"))

    def _host_allowed(self, scope: Scope) -> bool:
        """Only the names this server is known by: a page of another site that rebinds its own name
        to 127.0.0.1 must not reach a server that listens there."""
        if "*" in self.allowed_hosts:
            return True
        host = (header(scope, b"host") or "").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in self.allowed_hosts

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | tuple[int, bytes]:
        """The whole request body, or the (status, body) of a refusal."""
        declared = header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            return json_error(413, f"request body larger than {self.max_body_bytes} bytes")
        chunks: list[bytes] = []
        size = 0
        try:
            with anyio.fail_after(self.body_timeout_s):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        break
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_body_bytes:
                        raise BodyTooLarge
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except BodyTooLarge:
            return json_error(413, f"request body larger than {self.max_body_bytes} bytes")
        except TimeoutError:
            return json_error(408, f"request body not received within {self.body_timeout_s:g} s")
        return b"".join(chunks)

    @staticmethod
    def _with_headers(scope: Scope, send: Send) -> Send:
        policy = DOCS_POLICY if scope["path"].startswith(DOCS_PATHS) else PAGE_POLICY
        extra = [
            (b"content-security-policy", policy.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        return send_with_headers


def header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


def replay(body: bytes) -> Receive:
    """A receive callable that hands the app the body already read, then waits for a disconnect."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await anyio.sleep_forever()
        return {"type": "http.disconnect"}

    return receive


async def respond(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
