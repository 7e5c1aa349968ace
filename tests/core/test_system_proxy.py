"""Which proxy the variables name for an origin, and NO_PROXY's exceptions (core/system_proxy.py, through the
session's routes): the rules requests applied before the client stopped using it, answer for answer."""

from __future__ import annotations

import importlib.util

import pytest

from popbill_gui.core import proxies
from popbill_gui.core.system_proxy import environ_proxy

PROXY = "http://proxy.corp.example:3128"
# (NO_PROXY, scheme, host, port, goes through the proxy)
CASES = [
    ("", "https", "popbill.linkhub.co.kr", None, True),
    ("linkhub.co.kr", "https", "popbill.linkhub.co.kr", None, False),  # a domain and everything under it
    (".linkhub.co.kr", "https", "popbill.linkhub.co.kr", None, False),
    ("linkhub.co.kr", "https", "linkhub.co.kr", None, False),
    ("hub.co.kr", "https", "popbill.linkhub.co.kr", None, True),  # not a name's tail without the dot
    ("other.example, linkhub.co.kr", "https", "popbill.linkhub.co.kr", None, False),  # spaces, lists
    ("popbill.linkhub.co.kr:8443", "https", "popbill.linkhub.co.kr", 8443, False),  # with the port
    ("popbill.linkhub.co.kr:8443", "https", "popbill.linkhub.co.kr", None, True),
    ("*", "https", "popbill.linkhub.co.kr", None, False),
    ("10.0.0.0/8", "https", "10.20.30.40", None, False),  # CIDR
    ("10.0.0.0/8", "https", "11.20.30.40", None, True),
    ("10.20.30.40", "https", "10.20.30.40", None, False),
    ("10.0.0.0/33", "https", "10.20.30.40", None, True),  # not a network
    ("LINKHUB.CO.KR", "https", "popbill.linkhub.co.kr", None, False),  # case
    (",,", "https", "popbill.linkhub.co.kr", None, True),
]


@pytest.fixture(autouse=True)
def _variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setattr(proxies, "system_auto_config", proxies.SystemAutoConfig)


@pytest.mark.parametrize(("no_proxy", "scheme", "host", "port", "proxied"), CASES)
def test_no_proxy_decides_the_route(
    monkeypatch: pytest.MonkeyPatch, no_proxy: str, scheme: str, host: str, port: int | None, proxied: bool
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", PROXY)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    netloc = f"{host}:{port}" if port else host
    route = proxies.ProxyRoutes().route(scheme, netloc, host)
    assert (route.proxy, route.source) == ((PROXY, "variables") if proxied else (None, "direct"))


@pytest.mark.parametrize(
    ("variables", "scheme", "expected"),
    [
        ({"HTTPS_PROXY": PROXY}, "https", PROXY),
        ({"HTTPS_PROXY": PROXY}, "http", None),  # another scheme's variable is not used
        ({"ALL_PROXY": PROXY}, "https", PROXY),
        ({"ALL_PROXY": "http://all.example:1", "HTTPS_PROXY": PROXY}, "https", PROXY),  # the scheme's first
        ({"https_proxy": PROXY, "HTTPS_PROXY": "http://upper.example:1"}, "https", PROXY),  # lower case first
        ({"HTTPS_PROXY": "proxy.corp.example:3128"}, "https", PROXY),  # no scheme: http://
    ],
)
def test_the_variable_for_the_scheme_is_used(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], scheme: str, expected: str | None
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert environ_proxy(scheme, "popbill.linkhub.co.kr", None) == expected


@pytest.mark.skipif(importlib.util.find_spec("requests") is None, reason="requests is not installed")
@pytest.mark.parametrize(("no_proxy", "scheme", "host", "port", "proxied"), CASES)
def test_the_same_answers_as_requests(
    monkeypatch: pytest.MonkeyPatch, no_proxy: str, scheme: str, host: str, port: int | None, proxied: bool
) -> None:
    # requests is still installed (pypac needs it): its own rules give the same answer for every case.
    import requests.utils

    monkeypatch.setenv("HTTPS_PROXY", PROXY)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    origin = f"{scheme}://{host}:{port}" if port else f"{scheme}://{host}"
    theirs = requests.utils.select_proxy(origin, requests.utils.get_environ_proxies(origin))
    assert environ_proxy(scheme, host, port) == theirs == (PROXY if proxied else None)
