"""Shared fixtures (a simulator on loopback per test and clients pointed at it) and how tests share the machine.

Markers (pyproject.toml lists them), so that the suite runs in parallel under pytest-xdist (`scripts/dev test`: one
worker more than there are cores, `--dist loadgroup`) and one test at a time without it (`python -m pytest`, as the
workflow runs it on Windows and macOS):

- `real_keyring`: uses the operating system's own keyring. Runs only where POPBILL_REAL_KEYRING=1 (scripts/dev test's
  private gnome-keyring, the workflow's Credential Manager and throw-away keychain): in one worker, in order, and
  like `serial` alone (with 3 workers a login test lost its credentials once, to something another test started).
- `serial`: must not run alongside any other test (a fixed port, the whole machine's CPU, the display). Under
  xdist every test holds a shared lock on one file, a `serial` test an exclusive one (_take_turns).
- `xdist_group(name)`: pytest-xdist's own: the tests of one group run in one worker (in-process state they share).
- `windows`: calls Windows itself (msvcrt's locks, the console, named pipes); skipped elsewhere with the reason.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from popbill_gui.core.client import LinkCredentials, TaxinvoiceClient, TokenCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator

# Before anything imports Qt: tests render offscreen, no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ClientFactory = Callable[..., TaxinvoiceClient]

if sys.platform != "win32":
    import fcntl

    _flock = fcntl.flock  # taken now: a test may monkeypatch fcntl.flock (tests/storage/test_locks.py does)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (its hook names each test by its group)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    real_keyring = os.environ.get("POPBILL_REAL_KEYRING") == "1"
    for item in items:
        if item.get_closest_marker("real_keyring"):
            # One keyring for the whole run: its tests take turns in one worker.
            item.add_marker(pytest.mark.xdist_group("real_keyring"))
            if not real_keyring:
                item.add_marker(pytest.mark.skip(reason="needs the real keyring: scripts/dev test, or the workflow"))
        if item.get_closest_marker("windows") and sys.platform != "win32":
            item.add_marker(pytest.mark.skip(reason="calls Windows itself: runs in the workflow's windows job"))


@pytest.fixture(scope="session")
def _turns_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int] | None]:
    """Under pytest-xdist on POSIX: two files all workers of this run lock (in the run's shared temporary root)."""
    if not os.environ.get("PYTEST_XDIST_WORKER") or sys.platform == "win32":
        yield None
        return
    root = Path(tmp_path_factory.getbasetemp()).parent
    with open(root / "turns.gate", "a+b") as gate, open(root / "turns.lock", "a+b") as turns:
        yield gate.fileno(), turns.fileno()


@pytest.fixture(autouse=True)
def _take_turns(request: pytest.FixtureRequest, _turns_files: tuple[int, int] | None) -> Iterator[None]:
    """First of the autouse fixtures, so the turn covers every other fixture's set-up and tear-down too.

    Every test holds `turns` shared, a serial one exclusive. The gate is passed on the way in, so that a serial test
    waiting for the running ones to end is not passed by new ones (flock would let shared locks through for ever)."""
    if _turns_files is None:
        yield
        return
    gate, turns = _turns_files
    # The real keyring is one for the whole machine: a program another test starts may reach it too.
    serial = any(request.node.get_closest_marker(name) for name in ("serial", "real_keyring"))
    _flock(gate, fcntl.LOCK_EX)
    try:
        _flock(turns, fcntl.LOCK_EX if serial else fcntl.LOCK_SH)
    finally:
        _flock(gate, fcntl.LOCK_UN)
    try:
        yield
    finally:
        _flock(turns, fcntl.LOCK_UN)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator() as simulator:
        yield simulator


@pytest.fixture
def make_client(sim: Simulator) -> Iterator[ClientFactory]:
    """open_client() against the simulator; keyword arguments override the defaults."""
    made: list[TaxinvoiceClient] = []

    def factory(
        *,
        secret_key: str = DEMO_SECRET_KEY,
        token: str | None = None,
        corp_num: str = DEMO_CORP_NUM,
        base_url: str | None = None,
        **kw: Any,
    ) -> TaxinvoiceClient:
        url = base_url or sim.base_url
        env = resolve("test", base_url=url, auth_url=url)
        credentials = TokenCredentials(token) if token else LinkCredentials(DEMO_LINK_ID, secret_key)
        kw.setdefault("read_timeout", 5.0)
        kw.setdefault("connect_timeout", 2.0)
        client = open_client(env, corp_num, credentials, **kw)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_real_getaddrinfo = socket.getaddrinfo


def _loopback_only(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name in ("localhost", "::1") or name.startswith("127.") or name == "":
        return _real_getaddrinfo(host, *args, **kwargs)
    # Tests never leave this computer: a real host name here is a test bug, not a network to ask.
    raise socket.gaierror(socket.EAI_NONAME, f"tests resolve loopback names only, not {name!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only)


@pytest.fixture(autouse=True)
def _private_folders(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Settings, history and logs of a test go to its own folders, never the user's (platformdirs reads these).
    # platformdirs reads XDG_* on Linux and (4.x) on macOS, and WIN_PD_OVERRIDE_* on Windows (4.x).
    base = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        if name == "XDG_DATA_HOME" and os.environ.get("POPBILL_REAL_KEYRING") == "1" and sys.platform == "linux":
            continue  # the private gnome-keyring of scripts/dev test keeps its data there (macOS: platformdirs')
        monkeypatch.setenv(name, str(base / name.lower()))
    for name in ("APPDATA", "LOCAL_APPDATA"):
        monkeypatch.setenv("WIN_PD_OVERRIDE_" + name, str(base / name.lower()))
    monkeypatch.delenv("POPBILL_HISTORY", raising=False)


@pytest.fixture(autouse=True)
def _no_translation_leaks() -> Iterator[None]:
    # Windows install translators application-wide; each test starts from the source language again.
    yield
    from popbill_gui.ui.shared import i18n

    i18n.remove()


@pytest.fixture(autouse=True)
def _debug_logging(caplog: pytest.LogCaptureFixture) -> None:
    # Every test runs with DEBUG logging captured, so secret scans see everything that is logged.
    caplog.set_level(logging.DEBUG)
