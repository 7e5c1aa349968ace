"""What happened on the wire during one call: was the request written yet, and is the call past its deadline.

Whether a failed call may have been carried out decides whether it can be sent again (AssignMgtKey must never
be sent twice), so it is recorded, not guessed from the error: urllib3 connections of our own mark the call
"written" just before the first byte of the request leaves. Connecting (TCP, a proxy's CONNECT, the TLS
handshake and certificate check) is not writing; a failure there is provably "not sent".

A socket timeout bounds each read, not a call: a server that dribbles a byte every half second never trips
it. One watchdog thread cuts off (shuts down the socket of) any call still running past its whole-call
deadline, however slowly its bytes arrive; the transport then reports a timeout.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import socket
import threading
import time
from contextvars import ContextVar, Token
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

log = logging.getLogger(__name__)


class Call:
    """One request's progress on the wire, shared by the calling thread, its connection and the watchdog."""

    __slots__ = ("_conn", "_finished", "_lock", "deadline", "expired", "written")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline  # time.monotonic() after which the call is cut off
        self.written = False  # the first byte of the request was handed to the socket
        self.expired = False  # the watchdog cut the call off
        self._finished = False
        self._conn: HTTPConnection | None = None
        self._lock = threading.Lock()

    def attach(self, conn: HTTPConnection) -> None:
        self._conn = conn

    def finish(self) -> None:
        """The call is over: from now on the watchdog leaves its connection alone (another call may reuse it).

        A call that was cut off closes its connection here, on the calling thread: the socket was only shut
        down, and a connection put back in the pool would keep the server talking into it.
        """
        with self._lock:
            self._finished = True
            conn, self._conn = self._conn, None
        if self.expired and conn is not None:
            conn.close()

    @property
    def finished(self) -> bool:
        return self._finished

    def expire(self) -> None:
        """Cut the call off: shut its socket down, which wakes a read blocked on it with end-of-file."""
        with self._lock:
            if self._finished:
                return
            self.expired = True
            sock = self._conn.sock if self._conn is not None else None
        if sock is None:
            return
        try:
            # The plain socket's shutdown, even for a TLS socket: the TLS layer is left to fail on its own.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass  # already closed, or (during a TLS handshake) not the connection's socket any more


_current: ContextVar[Call | None] = ContextVar("popbill_call", default=None)


class _Watchdog:
    """One daemon thread for the process; a heap of running calls ordered by deadline.

    Finished calls leave the heap as they reach its top (on the thread, or when the next call is watched), and
    the thread is woken only for a deadline earlier than the one it sleeps until: calls one after another, each
    with a later deadline, never wake it.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Call]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._sleeps_until = math.inf  # the deadline the thread waits for

    def watch(self, call: Call) -> None:
        with self._cond:
            heap = self._heap
            while heap and heap[0][2].finished:
                heapq.heappop(heap)
            heapq.heappush(heap, (call.deadline, next(self._order), call))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="popbill-deadline", daemon=True)
                self._thread.start()
            if call.deadline < self._sleeps_until:
                self._sleeps_until = call.deadline
                self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    while self._heap and self._heap[0][2].finished:
                        heapq.heappop(self._heap)  # finished calls leave when they reach the top
                    if not self._heap:
                        self._sleeps_until = math.inf
                        self._cond.wait()
                        continue
                    wait = self._heap[0][0] - time.monotonic()
                    if wait <= 0:
                        call = heapq.heappop(self._heap)[2]
                        break
                    self._sleeps_until = self._heap[0][0]
                    self._cond.wait(wait)
            log.debug("call cut off at its deadline")
            call.expire()


_watchdog = _Watchdog()


def begin(deadline: float) -> tuple[Call, Token[Call | None]]:
    """Start watching a call made on this thread; pair with `end`."""
    call = Call(deadline)
    token = _current.set(call)
    _watchdog.watch(call)
    return call, token


def end(call: Call, token: Token[Call | None]) -> None:
    call.finish()
    _current.reset(token)


def _connecting(conn: HTTPConnection) -> None:
    call = _current.get()
    if call is not None:
        if call.expired:  # the deadline passed with no socket to cut (a slow name look-up, a retry's pause)
            raise TimeoutError("the call's deadline has passed")
        call.attach(conn)


def _writing(conn: HTTPConnection) -> None:
    call = _current.get()
    if call is not None:
        if call.expired and not call.written:  # past its deadline before a byte left: it never will
            raise TimeoutError("the call's deadline has passed")
        call.attach(conn)
        call.written = True


class _Tracking:
    """What both tracked connections add to http.client's: the moment they connect, and the first byte written."""

    _popbill_connecting = False
    sock: Any

    def connect(self) -> None:
        _connecting(self)  # type: ignore[arg-type]
        self._popbill_connecting = True  # a proxy's CONNECT is written from inside connect(): not our request
        try:
            super().connect()  # type: ignore[misc]
        finally:
            self._popbill_connecting = False

    def send(self, data: Any) -> None:
        if not self._popbill_connecting:
            if self.sock is None:
                self.connect()  # http.client would connect lazily inside send(); a failure there is "not sent"
            _writing(self)  # type: ignore[arg-type]
        super().send(data)  # type: ignore[misc]


class _TrackedHTTPConnection(_Tracking, HTTPConnection):
    pass


class _TrackedHTTPSConnection(_Tracking, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection


# For PoolManager.pool_classes_by_scheme (a copy per manager: urllib3's own dict is module-wide).
POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {"http": _HTTPPool, "https": _HTTPSPool}
