"""The simulator's HTTP handler and the Simulator class: Linkhub token service and the two Taxinvoice calls."""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import json
import re
import secrets
import select
import socket
import socketserver
import ssl
import struct
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote

from popbill_gui.simulator import messages
from popbill_gui.simulator.state import MGT_KEY_TYPES, InvoiceBook, find_magic

DEMO_LINK_ID = "POPBILL_GUI_DEMO"
# Not a secret: the simulator's own demo key, known to anyone with the source.
DEMO_SECRET_KEY = "7imtb8WN0L00WXbRqA6BbJJcvWRMAzQQIpmtSJ96Fgg="  # noqa: S105
DEMO_CORP_NUM = "1248100998"

FAULTS = (
    "html-500",
    "empty-502",
    "non-json-200",
    "no-code-json",
    "oversized",
    "hang",
    "reset",
    "bad-gzip",
    "token-refused",
)
AUTH_FAULTS = tuple(name for name in FAULTS if name != "token-refused")

SERVICE_IDS = ("POPBILL_TEST", "POPBILL")
LINKHUB_VERSION = "2.0"
LH_DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
EXPIRATION_FORMAT = "%Y-%m-%dT%H:%M:%S.000Z"

# [0-9], not \d: \d also matches non-ASCII digits.
_LH_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_MGT_KEY_RE = re.compile(r"[A-Za-z0-9_-]{1,24}")
_ITEM_KEY_RE = re.compile(r"[0-9]{18}")
_CORP_NUM_RE = re.compile(r"[0-9]{10}")

MAX_BODY = 1 << 20
OVERSIZED_LENGTH = 64 << 20
OVERSIZED_CHUNK = 64 << 10
_POLL = 0.05  # seconds between checks of the stop Event in loops that wait
_HANDSHAKE_TIMEOUT = 10.0

_JSON = "application/json; charset=utf-8"
_HTML_500 = (
    b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n'
    b'<html xmlns="http://www.w3.org/1999/xhtml">\r\n<head>\r\n'
    b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>\r\n'
    b"<title>500 - Internal server error.</title>\r\n</head>\r\n<body>\r\n"
    b'<div id="header"><h1>Server Error</h1></div>\r\n<div id="content">\r\n'
    b' <div class="content-container"><fieldset>\r\n'
    b"  <h2>500 - Internal server error.</h2>\r\n"
    b"  <h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3>\r\n"
    b" </fieldset></div>\r\n</div>\r\n</body>\r\n</html>\r\n"
)


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the simulator received it."""

    kind: str  # "token", "time", "send_email", "assign" or "other"
    method: str
    path: str  # raw request target, not percent-decoded
    headers: dict[str, str]  # names as sent
    body: bytes
    received_at: float  # time.time(), without clock_offset

    def header(self, name: str) -> str | None:
        """A header's value by case-insensitive name, or None."""
        wanted = name.lower()
        for key, value in self.headers.items():
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True)
class _Token:
    service_id: str
    corp_num: str
    expires_at: float  # server clock


class _BadBody(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _classify(method: str, path: str, override: str | None) -> str:
    """The kind of a request from its method, path (query removed) and X-HTTP-Method-Override alone."""
    parts = path.split("/")
    if method == "GET" and path == "/Time":
        return "time"
    if method == "POST" and len(parts) == 3 and parts[0] == "" and parts[1] and parts[2] == "Token":
        return "token"
    if method == "POST" and len(parts) == 4 and parts[0] == "" and parts[1] == "Taxinvoice":
        if override is None or override.strip() == "":
            return "assign"
        if override.strip().upper() == "EMAIL":
            return "send_email"
    return "other"


def _format_utc(timestamp: float, fmt: str) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime(fmt)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle on, a kept-alive client waits for a delayed ACK.
    disable_nagle_algorithm = True
    server: _Server

    _language = messages.KO
    _gzip = False

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
            raise _BadBody(400) from None
        if length < 0:
            raise _BadBody(400)
        if length > MAX_BODY:
            raise _BadBody(413)
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
                raise _BadBody(400) from None
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            total += size
            if total > MAX_BODY:
                raise _BadBody(413)
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

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._answer(status, body, _JSON)

    def _error(self, status: int, code: int) -> None:
        self._json(status, {"code": code, "message": messages.message(code, self._language)})

    def _success(self, operation: str) -> None:
        self._json(200, {"code": messages.OK, "message": messages.success_message(operation, self._language)})

    # -- the request ------------------------------------------------------------------------------------

    def _serve(self) -> None:
        sim = self.server.simulator
        received_at = time.time()
        raw_path = self.path
        path = raw_path.split("?", 1)[0]
        kind = _classify(self.command, path, self.headers.get("X-HTTP-Method-Override"))
        self._language = messages.language_of(self.headers.get("Accept-Language"))
        self._gzip = "gzip" in (self.headers.get("Accept-Encoding") or "").lower()
        try:
            body = self._read_body()
        except _BadBody as bad:
            sim._record(RecordedRequest(kind, self.command, raw_path, dict(self.headers.items()), b"", received_at))
            self.close_connection = True
            self._error(bad.status, messages.BAD_REQUEST_BODY)
            return
        sim._record(RecordedRequest(kind, self.command, raw_path, dict(self.headers.items()), body, received_at))

        if sim.latency_ms > 0 and sim._stopping.wait(sim.latency_ms / 1000.0):
            self.close_connection = True
            return

        parts = path.split("/")
        if len(parts) >= 2 and parts[0] == "" and parts[1] == "Taxinvoice":
            fault = sim.fault
            if fault is not None:
                self._fault(fault)
            else:
                self._api(kind, parts, body)
        elif kind == "token":
            auth_fault = sim.auth_fault
            if auth_fault is not None:
                self._fault(auth_fault)
            else:
                self._token(path, body)
        elif kind == "time":
            self._answer(200, _format_utc(sim.clock(), LH_DATE_FORMAT).encode("ascii"), "text/plain; charset=utf-8")
        else:
            self._error(404, messages.NOT_FOUND)

    # -- token service ----------------------------------------------------------------------------------

    def _token(self, path: str, body: bytes) -> None:
        sim = self.server.simulator
        service_id = path.split("/")[1]
        if service_id not in SERVICE_IDS:
            self._error(404, messages.NOT_FOUND)
            return

        authorization = (self.headers.get("Authorization") or "").split(" ")
        if (
            len(authorization) != 3
            or authorization[0] != "LINKHUB"
            or authorization[1] != sim.link_id
            or not authorization[2]
        ):
            self._error(401, messages.LINKHUB_SIGNATURE_MISMATCH)
            return

        date = self.headers.get("x-lh-date") or ""
        try:
            if not _LH_DATE_RE.fullmatch(date):
                raise ValueError(date)
            dated = datetime.strptime(date, LH_DATE_FORMAT).replace(tzinfo=timezone.utc).timestamp()
        except ValueError:
            self._error(401, messages.LINKHUB_DATE_OUT_OF_WINDOW)
            return
        if abs(dated - sim.clock()) > sim.max_skew:
            self._error(401, messages.LINKHUB_DATE_OUT_OF_WINDOW)
            return

        version = self.headers.get("x-lh-version")
        if version != LINKHUB_VERSION:
            self._error(400, messages.LINKHUB_BAD_VERSION)
            return

        forwarded = self.headers.get("x-lh-forwarded")
        lines = ["POST", base64.b64encode(hashlib.sha256(body).digest()).decode("ascii"), date]
        if forwarded is not None:
            lines.append(forwarded)
        lines += [version, path]
        expected = base64.b64encode(hmac.new(sim._secret, "\n".join(lines).encode("utf-8"), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, authorization[2].encode("utf-8", "replace")):
            self._error(401, messages.LINKHUB_SIGNATURE_MISMATCH)
            return

        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if not isinstance(request, dict):
            self._error(400, messages.LINKHUB_BAD_REQUEST)
            return
        access_id = request.get("access_id")
        scope = request.get("scope")
        if (
            not isinstance(access_id, str)
            or not _CORP_NUM_RE.fullmatch(access_id)
            or not isinstance(scope, list)
            or not all(isinstance(item, str) for item in scope)
            or "member" not in scope
        ):
            self._error(400, messages.LINKHUB_BAD_REQUEST)
            return
        magic = find_magic("token", corp_num=access_id)
        if magic is not None:
            self._error(magic.status, magic.code)
            return

        token, expires_at = sim._issue_token(service_id, access_id)
        self._json(
            200,
            {
                "session_token": token,
                "serviceID": service_id,
                "linkID": sim.link_id,
                "usercode": "DEMO",
                "ipaddress": self.client_address[0],
                "scope": scope,
                "expiration": _format_utc(expires_at, EXPIRATION_FORMAT),
            },
        )

    # -- the API ----------------------------------------------------------------------------------------

    def _authenticate(self) -> _Token | None:
        """The caller's token, or None once a refusal has been sent."""
        sim = self.server.simulator
        authorization = (self.headers.get("Authorization") or "").strip()
        scheme, _, value = authorization.partition(" ")
        value = value.strip()
        if scheme.lower() != "bearer" or not value:
            self._error(401, messages.TOKEN_MISSING)
            return None
        token = sim._lookup_token(value)
        if token is None:
            self._error(401, messages.TOKEN_INVALID)
            return None
        if sim.clock() > token.expires_at:
            self._error(401, messages.TOKEN_EXPIRED)
            return None
        return token

    def _api(self, kind: str, parts: list[str], body: bytes) -> None:
        token = self._authenticate()
        if token is None:
            return
        if kind == "send_email":
            self._send_email(token.corp_num, unquote(parts[2]), unquote(parts[3]), body)
        elif kind == "assign":
            self._assign(token.corp_num, unquote(parts[2]), unquote(parts[3]), body)
        elif self.command == "POST" and len(parts) == 4:
            self._error(400, messages.REQUEST_NOT_PROCESSABLE)  # an override other than EMAIL
        else:
            self._error(404, messages.NOT_FOUND)

    def _send_email(self, corp_num: str, mgt_key_type: str, mgt_key: str, body: bytes) -> None:
        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if not isinstance(request, dict):
            self._error(400, messages.REQUEST_NOT_PROCESSABLE)
            return
        receiver = request.get("receiver")
        if mgt_key_type not in MGT_KEY_TYPES:
            self._error(400, messages.INVALID_MGT_KEY_TYPE)
            return
        if not _MGT_KEY_RE.fullmatch(mgt_key):
            self._error(400, messages.INVALID_MGT_KEY)
            return
        if not isinstance(receiver, str) or "@" not in receiver:
            self._error(400, messages.INVALID_RECEIVER)
            return
        magic = find_magic("send_email", mgt_key=mgt_key)
        if magic is not None:
            self._error(magic.status, magic.code)
            return
        self.server.simulator.state.record_mail(corp_num, mgt_key_type, mgt_key, receiver)
        self._success("send_email")

    def _assign(self, corp_num: str, item_key: str, mgt_key_type: str, body: bytes) -> None:
        content_type = (self.headers.get("Content-Type") or "").strip().lower()
        mgt_keys: list[str] | None = None
        if content_type.startswith("application/x-www-form-urlencoded"):
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
            except ValueError:
                form = {}
            mgt_keys = form.get("MgtKey")
        if mgt_keys is None or len(mgt_keys) != 1:
            self._error(400, messages.REQUEST_NOT_PROCESSABLE)
            return
        mgt_key = mgt_keys[0]
        if mgt_key_type not in MGT_KEY_TYPES:
            self._error(400, messages.INVALID_MGT_KEY_TYPE)
            return
        if not _ITEM_KEY_RE.fullmatch(item_key):
            self._error(400, messages.INVOICE_MISSING)
            return
        if not _MGT_KEY_RE.fullmatch(mgt_key):
            self._error(400, messages.INVALID_MGT_KEY)
            return
        magic = find_magic("assign", mgt_key=mgt_key, item_key=item_key)
        if magic is not None:
            self._error(magic.status, magic.code)
            return
        code = self.server.simulator.state.assign(corp_num, item_key, mgt_key_type, mgt_key)
        if code != messages.OK:
            self._error(400, code)
            return
        self._success("assign")

    # -- faults -----------------------------------------------------------------------------------------

    def _fault(self, name: str) -> None:
        if name == "html-500":
            self._answer(500, _HTML_500, "text/html", compress=False)
        elif name == "empty-502":
            self._answer(502, b"", None, compress=False)
        elif name == "non-json-200":
            self._answer(200, b"OK", "text/plain", compress=False)
        elif name == "no-code-json":
            self._json(200, {"message": "ok"})
        elif name == "bad-gzip":
            body = b'{"code": 1, "message": "this body is not gzip"}'
            self._answer(200, body, _JSON, compress=False, content_encoding="gzip")
        elif name == "token-refused":
            self._error(401, messages.TOKEN_EXPIRED)
        elif name == "oversized":
            self._oversized()
        elif name == "hang":
            self._hang()
        elif name == "reset":
            self._reset()
        else:  # pragma: no cover - the setters allow only known names
            raise ValueError(name)

    def _oversized(self) -> None:
        """Announce 64 MiB and stream it, one 64 KiB chunk at a time, until the client gives up."""
        stopping = self.server.simulator._stopping
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", _JSON)
        self.send_header("Content-Length", str(OVERSIZED_LENGTH))
        self.send_header("Connection", "close")
        self.end_headers()
        head = b'{"code": 1, "message": "'
        chunk = b"x" * OVERSIZED_CHUNK
        sent = 0
        try:
            self.wfile.write(head + chunk[len(head) :])
            sent = OVERSIZED_CHUNK
            while sent < OVERSIZED_LENGTH and not stopping.is_set():
                self.wfile.write(chunk)
                sent += OVERSIZED_CHUNK
        except OSError:
            pass  # the client closed: that is what a careful client does

    def _hang(self) -> None:
        """Answer nothing until the client closes or the simulator stops."""
        stopping = self.server.simulator._stopping
        self.close_connection = True
        sock = self.connection
        while not stopping.wait(_POLL):
            try:
                readable, _, _ = select.select([sock], [], [], 0)
                # A TLS client waiting for an answer sends nothing but its close_notify (and TLS
                # sockets cannot peek): readable means it is leaving.
                if readable and (isinstance(sock, ssl.SSLSocket) or not sock.recv(1, socket.MSG_PEEK)):
                    return
            except OSError:
                return

    def _reset(self) -> None:
        """Close with SO_LINGER (1, 0): the kernel sends RST instead of FIN."""
        self.close_connection = True
        sock = self.connection
        # struct linger is two ints on POSIX, two unsigned shorts on Windows.
        linger = struct.pack("HH", 1, 0) if sys.platform == "win32" else struct.pack("ii", 1, 0)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        # Close rfile first: the socket really closes only when no file made by makefile() refers to it.
        # (wfile is a plain writer on the socket, not such a file; the base class still flushes it.)
        self.rfile.close()
        sock.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() joins the connection threads itself, with a deadline
    # On Windows SO_REUSEADDR would let a second process bind the same port.
    allow_reuse_address = sys.platform != "win32"

    def __init__(self, address: tuple[str, int], simulator: Simulator) -> None:
        self.simulator = simulator
        self._connections_lock = threading.Lock()
        self._connections: dict[socket.socket, threading.Thread] = {}
        self._closing = False
        self.accepted = 0  # connections accepted so far
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up (getfqdn), which can be slow; it is not needed.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def finish_request(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if not isinstance(request, socket.socket):  # pragma: no cover - TCP only
            return
        with self._connections_lock:
            if self._closing:
                return
            self._connections[request] = threading.current_thread()
            self.accepted += 1
        connection = request
        try:
            context = self.simulator.ssl_context
            if context is not None:
                # The handshake runs here, in the connection's thread, so a slow client blocks no one.
                request.settimeout(_HANDSHAKE_TIMEOUT)
                try:
                    connection = context.wrap_socket(request, server_side=True)  # detaches request
                except OSError:
                    return  # e.g. the client does not trust the certificate
                connection.settimeout(None)
                with self._connections_lock:
                    self._connections.pop(request, None)
                    self._connections[connection] = threading.current_thread()
                    if self._closing:
                        return
            super().finish_request(connection, client_address)
        finally:
            with self._connections_lock:
                self._connections.pop(request, None)
                self._connections.pop(connection, None)
            if connection is not request:
                connection.close()

    def close_connections(self, timeout: float) -> None:
        """Shut every open connection so its thread returns; wait up to timeout for them."""
        with self._connections_lock:
            self._closing = True
            connections = list(self._connections.items())
        for sock, _ in connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        deadline = time.monotonic() + timeout
        for _, thread in connections:
            thread.join(max(0.0, deadline - time.monotonic()))

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError) and not self.simulator.verbose:
            return
        super().handle_error(request, client_address)


class Simulator:
    """POPBiLL and Linkhub on one loopback port; see the package docstring."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        link_id: str = DEMO_LINK_ID,
        secret_key: str = DEMO_SECRET_KEY,
        latency_ms: float = 0,
        fault: str | None = None,
        auth_fault: str | None = None,
        token_ttl: float = 3600.0,
        clock_offset: float = 0.0,
        max_skew: float = 300.0,
        verbose: bool = False,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.link_id = link_id
        self.secret_key = secret_key
        self._secret = base64.b64decode(secret_key, validate=True)
        self.latency_ms = latency_ms
        self.fault = fault
        self.auth_fault = auth_fault
        self.token_ttl = token_ttl
        self.clock_offset = clock_offset
        self.max_skew = max_skew
        self.verbose = verbose
        self.ssl_context = ssl_context  # serve https with this server-side context (tests of TLS handling)
        self.requests: list[RecordedRequest] = []
        self.state = InvoiceBook()
        self._lock = threading.Lock()
        self._tokens: dict[str, _Token] = {}
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._accepted_before = 0  # connections accepted by servers already stopped

    # -- live-tunable faults, checked when set ----------------------------------------------------------

    @property
    def fault(self) -> str | None:
        """Fault for /Taxinvoice calls (one of FAULTS), or None."""
        return self._fault

    @fault.setter
    def fault(self, value: str | None) -> None:
        if value is not None and value not in FAULTS:
            raise ValueError(f"unknown fault {value!r}; expected one of {FAULTS}")
        self._fault = value

    @property
    def auth_fault(self) -> str | None:
        """Fault for the token service (one of AUTH_FAULTS), or None."""
        return self._auth_fault

    @auth_fault.setter
    def auth_fault(self, value: str | None) -> None:
        if value is not None and value not in AUTH_FAULTS:
            raise ValueError(f"unknown auth fault {value!r}; expected one of {AUTH_FAULTS}")
        self._auth_fault = value

    # -- life cycle -------------------------------------------------------------------------------------

    def start(self) -> Simulator:
        """Bind and serve in a daemon thread."""
        if self._server is not None:
            raise RuntimeError("the simulator is already running")
        self._stopping.clear()
        server = _Server((self.host, self._requested_port), self)
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": _POLL}, name="popbill-simulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close every connection, promptly even while a "hang" request is pending."""
        server = self._server
        if server is None:
            return
        self._server = None
        self._stopping.set()
        server.shutdown()
        server.close_connections(timeout=2.0)
        self._accepted_before += server.accepted
        server.server_close()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port once started, else the port asked for."""
        if self._server is not None:
            return int(self._server.server_address[1])
        return self._requested_port

    @property
    def base_url(self) -> str:
        """http://host:port (https with an ssl_context), for both the API and the token service."""
        if self._server is None:
            raise RuntimeError("the simulator is not running")
        host = f"[{self.host}]" if ":" in self.host else self.host
        scheme = "http" if self.ssl_context is None else "https"
        return f"{scheme}://{host}:{self.port}"

    # -- what tests look at -----------------------------------------------------------------------------

    def clock(self) -> float:
        """The server's clock: time.time() + clock_offset."""
        return time.time() + self.clock_offset

    @property
    def connections(self) -> int:
        """Number of TCP connections accepted so far (a client that keeps one alive makes one)."""
        server = self._server
        return self._accepted_before + (server.accepted if server is not None else 0)

    def count(self, kind: str) -> int:
        """Number of requests received of a kind: "token", "time", "send_email", "assign" or "other"."""
        with self._lock:
            return sum(1 for request in self.requests if request.kind == kind)

    def revoke_tokens(self) -> None:
        """Invalidate every token issued so far (they are then answered -10000033)."""
        with self._lock:
            self._tokens.clear()

    # -- used by the handler ----------------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _issue_token(self, service_id: str, corp_num: str) -> tuple[str, float]:
        token = secrets.token_urlsafe(24)
        expires_at = self.clock() + self.token_ttl
        with self._lock:
            self._tokens[token] = _Token(service_id, corp_num, expires_at)
        return token, expires_at

    def _lookup_token(self, token: str) -> _Token | None:
        with self._lock:
            return self._tokens.get(token)
