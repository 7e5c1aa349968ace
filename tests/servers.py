"""Small misbehaving servers on loopback for network tests: real sockets, one thread per connection.

- `TlsServer`: HTTPS with a trustme certificate; per request, a normal JSON answer or a corrupt TLS record
  sent after the request was read whole (the answer is lost, the request was delivered).
- `DribbleServer`: plain HTTP that sends its answer one byte at a time, in the status line and headers or in
  the body, and notes whether the client cut it off before it finished.
- `ConnectProxy`: an HTTP CONNECT proxy that tunnels every connection to one upstream address (whatever
  host was asked for, so tests need no DNS), or refuses with 403.
- `PacServer`: plain HTTP that serves one proxy auto-configuration script (or any body and type) and counts the
  requests for it.
"""

from __future__ import annotations

import json
import os
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CORRUPT = b"corrupt"  # a TlsServer handler's answer: send a broken TLS record instead of an HTTP answer


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


def read_request(conn: socket.socket) -> Request | None:
    """One HTTP/1.1 request with a Content-Length body (what our client sends); None if the client went away."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return Request(method, path, headers, body)


def http_answer(status: int, payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload).encode()
    head = (
        f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def ok_answer(request: Request) -> bytes:
    return http_answer(200, {"code": 1, "message": "ok"})


class _Server:
    """A listening loopback socket, an accept thread, one daemon thread per connection."""

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)

    def start(self) -> Any:
        self._accepter.start()
        return self

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve_safely, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve_safely(self, conn: socket.socket) -> None:
        try:
            self.serve(conn)
        except (OSError, ValueError):
            pass
        finally:
            conn.close()

    def serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def join(self, timeout: float = 10.0) -> None:
        """Wait for the connections served so far to end."""
        for thread in list(self._threads):
            thread.join(timeout)

    def stop(self) -> None:
        self._stop.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not
        except OSError:
            pass
        self._listener.close()
        self._accepter.join(5)
        self.join(5)

    def __enter__(self) -> Any:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class TlsServer(_Server):
    """HTTPS on loopback; `handler(request)` gives the raw HTTP answer, or CORRUPT for a broken TLS record."""

    def __init__(self, context: ssl.SSLContext, handler: Callable[[Request], bytes] = ok_answer) -> None:
        super().__init__()
        self.context = context
        self.handler = handler
        self.requests: list[Request] = []
        self.url = f"https://127.0.0.1:{self.port}"

    def serve(self, conn: socket.socket) -> None:
        try:
            tls = self.context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate: nothing was sent
        with tls:
            request = read_request(tls)
            if request is None:
                return
            self.requests.append(request)
            answer = self.handler(request)
            if answer is CORRUPT:
                # An application-data record of garbage, written past the TLS layer: the client cannot decrypt it.
                socket.socket.sendall(tls, b"\x17\x03\x03\x00\x40" + os.urandom(64))
                time.sleep(0.2)
                return
            tls.sendall(answer)


class DribbleServer(_Server):
    """Plain HTTP that answers one byte every `interval` seconds, in the headers or in the body."""

    def __init__(self, where: str = "body", count: int = 60, interval: float = 0.1) -> None:
        super().__init__()
        assert where in ("headers", "body")
        self.where, self.count, self.interval = where, count, interval
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[Request] = []
        self.sent = 0  # bytes dribbled so far
        self.finished = False  # the whole answer went out
        self.cut_off = False  # the client closed the connection before the answer was whole

    def serve(self, conn: socket.socket) -> None:
        request = read_request(conn)
        if request is None:
            return
        self.requests.append(request)
        body = json.dumps({"code": 1, "message": "ok" + " " * self.count}).encode()
        try:
            if self.where == "headers":
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                self._dribble(conn, b"a" * self.count)
                conn.sendall(f"\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
            else:
                head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                conn.sendall(head.encode())
                self._dribble(conn, body)
        except OSError:
            self.cut_off = True
            return
        self.finished = True

    def _dribble(self, conn: socket.socket, data: bytes) -> None:
        for i in range(len(data)):
            if self._stop.is_set():
                raise OSError("server stopped")
            conn.sendall(data[i : i + 1])
            self.sent += 1
            time.sleep(self.interval)


class ConnectProxy(_Server):
    """An HTTP proxy for CONNECT only: tunnels to `upstream` (or answers 403 when `refuse`)."""

    def __init__(self, upstream: tuple[str, int], refuse: bool = False) -> None:
        super().__init__()
        self.upstream, self.refuse = upstream, refuse
        self.targets: list[str] = []  # "CONNECT host:port" as asked
        self.headers: list[dict[str, str]] = []  # each request's headers, names in lower case
        self.url = f"http://127.0.0.1:{self.port}"

    def serve(self, conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        method, target, _ = head[0].split(" ", 2)
        self.targets.append(f"{method} {target}")
        self.headers.append({k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])})
        if method != "CONNECT" or self.refuse:
            conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        with socket.create_connection(self.upstream, timeout=5) as up:
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            pipes = {conn: up, up: conn}
            while not self._stop.is_set():
                readable, _, _ = select.select(list(pipes), [], [], 0.2)
                for sock in readable:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    pipes[sock].sendall(chunk)


class PacServer(_Server):
    """Serves `body` (a PAC script by default) with `content_type` to every GET; `requests` counts them."""

    def __init__(self, body: str, content_type: str = "application/x-ns-proxy-autoconfig", status: int = 200) -> None:
        super().__init__()
        self.body, self.content_type, self.status = body.encode(), content_type, status
        self.requests: list[Request] = []
        self.url = f"http://127.0.0.1:{self.port}/proxy.pac"

    def serve(self, conn: socket.socket) -> None:
        request = read_request(conn)
        if request is None:
            return
        self.requests.append(request)
        head = (
            f"HTTP/1.1 {self.status} X\r\nContent-Type: {self.content_type}\r\nContent-Length: {len(self.body)}\r\n"
            "Connection: close\r\n\r\n"
        )
        conn.sendall(head.encode() + self.body)
