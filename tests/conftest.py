"""Shared fixtures: a simulator on loopback per test and clients pointed at it."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from popbill_gui.core.client import LinkCredentials, TaxinvoiceClient, TokenCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator

# Before anything imports Qt: tests render offscreen, no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ClientFactory = Callable[..., TaxinvoiceClient]


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
    base = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        if name == "XDG_DATA_HOME" and os.environ.get("POPBILL_REAL_KEYRING") == "1":
            continue  # the private gnome-keyring of scripts/dev test keeps its data there
        monkeypatch.setenv(name, str(base / name.lower()))
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
