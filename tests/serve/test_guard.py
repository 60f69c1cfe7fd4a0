"""Slow and oversized request bodies against a real server: a quick 4xx, never a held worker."""

from __future__ import annotations

import contextlib
import json
import socket
import time
from pathlib import Path

from newsynth.serve import ServeSettings
from tests.serve.live import running_server

HEAD = "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"


def exchange(base: str, request: bytes, pause_s: float = 0.0, rest: bytes = b"") -> tuple[int, dict, float]:
    """Send a raw request (then, after a pause, more of it); the status, JSON body and seconds taken."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(request)
        if pause_s:
            time.sleep(pause_s)
            with contextlib.suppress(OSError):  # the server may have answered and closed already
                connection.sendall(rest)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body), time.monotonic() - started


def test_a_body_that_does_not_arrive_in_time_gets_408(tmp_path: Path) -> None:
    settings = ServeSettings(store=tmp_path / "s.sqlite", warm=False, writes=False, body_timeout_s=0.5)
    with running_server(settings) as base:
        request = (HEAD + "Content-Length: 100\r\n\r\n").encode() + b'{"text": "'
        status, body, seconds = exchange(base, request, pause_s=2.0, rest=b"x" * 90)
    assert status == 408 and "not received within 0.5 s" in body["error"]
    assert seconds < 2.5


def test_a_streamed_body_over_the_limit_gets_413(tmp_path: Path) -> None:
    settings = ServeSettings(store=tmp_path / "s.sqlite", warm=False, writes=False, max_body_bytes=1000)
    chunk = b"x" * 600
    piece = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    with running_server(settings) as base:
        request = (HEAD + "Transfer-Encoding: chunked\r\n\r\n").encode() + piece
        status, body, _ = exchange(base, request, pause_s=0.2, rest=piece * 2 + b"0\r\n\r\n")
    assert status == 413 and "larger than 1000 bytes" in body["error"]
