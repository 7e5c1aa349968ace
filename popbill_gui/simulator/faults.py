"""The simulator's faults: the broken answers a real network or server can give (their names: FAULTS in names.py)."""

from __future__ import annotations

import select
import socket
import ssl
import struct
import sys
from collections.abc import Callable

from popbill_gui.simulator import messages
from popbill_gui.simulator.wire import JSON_TYPE, HandlerBase

# Faults that CARRY OUT the request first (an AssignMgtKey assigned, a mail sent, a token issued) and then lose its
# answer: the connection reset, or an HTML 500 page. Look-ups are answered normally, so a client can settle the
# lost answer by looking the invoice up.
AFTER_FAULTS = ("done-then-reset", "done-then-500")
CHANGING_KINDS = ("assign", "send_email", "token")

OVERSIZED_LENGTH = 64 << 20
OVERSIZED_CHUNK = 64 << 10
POLL = 0.05  # seconds between checks of the stop Event in loops that wait

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


class Faults(HandlerBase):
    """Answers a named fault instead of the real answer."""

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
            self._answer(200, body, JSON_TYPE, compress=False, content_encoding="gzip")
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

    def _after(self, name: str, work: Callable[[], None]) -> None:
        """Carry the request out (its answer swallowed), then lose the answer as `name` says."""
        self._swallow = True
        try:
            work()
        finally:
            self._swallow = False
        self._fault("reset" if name == "done-then-reset" else "html-500")

    def _oversized(self) -> None:
        """Announce 64 MiB and stream it, one 64 KiB chunk at a time, until the client gives up."""
        stopping = self.server.simulator._stopping
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", JSON_TYPE)
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
        while not stopping.wait(POLL):
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


