"""The HTTP plumbing every simulator answer goes through: reading bodies, writing JSON, gzip, errors."""

from __future__ import annotations

import gzip
import json
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

from popbill_gui.simulator import messages

if TYPE_CHECKING:
    from popbill_gui.simulator.server import _Server

MAX_BODY = 1 << 20
JSON_TYPE = "application/json; charset=utf-8"


class BadBody(Exception):
    """A request body that cannot be read: answered with this HTTP status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class HandlerBase(BaseHTTPRequestHandler):
    """Plumbing shared by the token service, the Taxinvoice API and the faults."""

    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle on, a kept-alive client waits for a delayed ACK.
    disable_nagle_algorithm = True
    server: _Server

    _language = messages.KO
    _gzip = False
    _swallow = False  # faults.AFTER_FAULTS: the request is carried out, its answer never written

    # -- plumbing ---------------------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.simulator.verbose:
            super().log_message(format, *args)

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            # The client went away, or stop() shut the socket: nothing to answer.
            self.close_connection = True

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_HEAD(self) -> None:
        self._serve()

    def do_OPTIONS(self) -> None:
        self._serve()

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._read_chunked()
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            return b""
        try:
            length = int(length_text)
        except ValueError:
            raise BadBody(400) from None
        if length < 0:
            raise BadBody(400)
        if length > MAX_BODY:
            raise BadBody(413)
        data = self.rfile.read(length)
        if len(data) < length:
            raise ConnectionAbortedError("request body cut short")
        return data

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(1024)
            if not line:
                raise ConnectionAbortedError("request body cut short")
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                raise BadBody(400) from None
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            total += size
            if total > MAX_BODY:
                raise BadBody(413)
            data = self.rfile.read(size)
            if len(data) < size:
                raise ConnectionAbortedError("request body cut short")
            chunks.append(data)
            self.rfile.readline(8)

    def _answer(
        self,
        status: int,
        body: bytes,
        content_type: str | None,
        *,
        compress: bool = True,
        content_encoding: str | None = None,
    ) -> None:
        if self._swallow:
            return
        if compress and self._gzip:
            body = gzip.compress(body)
            content_encoding = "gzip"
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        if content_encoding is not None:
            self.send_header("Content-Encoding", content_encoding)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve(self) -> None:
        raise NotImplementedError  # the final handler (server.py) dispatches

    def _json(self, status: int, payload: dict[str, Any] | list[Any]) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._answer(status, body, JSON_TYPE)

    def _error(self, status: int, code: int, detail: str = "") -> None:
        text = messages.message(code, self._language)
        self._json(status, {"code": code, "message": f"{text} ({detail})" if detail else text})

    def _success(self, operation: str) -> None:
        self._json(200, {"code": messages.OK, "message": messages.success_message(operation, self._language)})

