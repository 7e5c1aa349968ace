"""Proxy auto-configuration (issue 21): a PAC script served from loopback routes the API host to a CONNECT proxy.

Real sockets throughout: the script comes from `PacServer`, the proxy is `ConnectProxy`, the API a `TlsServer`
with a certificate for the real API host name (never resolved: the proxy connects). Where the operating system's
settings are read (Windows' registry, macOS' SystemConfiguration), the tests hand in what they would say.
"""

from __future__ import annotations

import io
import json
import ssl
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import trustme

from popbill_gui.cli import Cli
from popbill_gui.core import proxies
from popbill_gui.core.client import TaxinvoiceClient
from popbill_gui.core.errors import Kind, PopbillError
from popbill_gui.simulator import DEMO_CORP_NUM, Simulator
from popbill_gui.storage import settings as settings_store
from tests.servers import ConnectProxy, PacServer, TlsServer

ClientFactory = Callable[..., TaxinvoiceClient]
API_HOST = "popbill-test.linkhub.co.kr"
ROOT = Path(__file__).resolve().parents[2]


def script(rule: str) -> str:
    """A PAC script whose FindProxyForURL returns `rule` for the API host and DIRECT for any other."""
    return f"""
        function FindProxyForURL(url, host) {{
            if (dnsDomainIs(host, "linkhub.co.kr") && url.indexOf("https://") === 0) {{ return "{rule}"; }}
            return "DIRECT";
        }}
    """


@pytest.fixture(autouse=True)
def _no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.delenv("POPBILL_PAC_URL", raising=False)
    # This computer's own settings say nothing, whatever machine the tests run on.
    monkeypatch.setattr(proxies, "system_auto_config", proxies.SystemAutoConfig)


@pytest.fixture
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def api_behind_proxy(ca: trustme.CA) -> Iterator[tuple[TlsServer, ConnectProxy]]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(API_HOST).configure_cert(context)
    with TlsServer(context) as api, ConnectProxy(("127.0.0.1", api.port)) as proxy:
        yield api, proxy


def api_client(make_client: ClientFactory, ca_file: str, **kw: object) -> TaxinvoiceClient:
    return make_client(base_url=f"https://{API_HOST}", token="pasted-token", ca_bundle=ca_file, **kw)


def test_a_pac_script_routes_the_api_through_its_proxy_and_is_fetched_once(
    api_behind_proxy: tuple[TlsServer, ConnectProxy], ca_file: str, make_client: ClientFactory
) -> None:
    api, proxy = api_behind_proxy
    with PacServer(script(f"PROXY 127.0.0.1:{proxy.port}; DIRECT")) as pac:
        client = api_client(make_client, ca_file, pac_url=pac.url)
        for key in ("K1", "K2", "K3"):
            assert client.resend_email("SELL", key, "a@example.com").code == 1
    assert proxy.targets == [f"CONNECT {API_HOST}:443"] * 3  # the test server closes after each answer
    assert [r.headers["authorization"] for r in api.requests] == ["Bearer pasted-token"] * 3  # inside TLS
    assert len(pac.requests) == 1  # the script was fetched once for the session, not per call
    assert "authorization" not in pac.requests[0].headers  # no token goes to the script's server


def test_the_settings_variable_names_the_script_for_the_command_line(
    api_behind_proxy: tuple[TlsServer, ConnectProxy], ca_file: str, tmp_path: Path
) -> None:
    api, proxy = api_behind_proxy
    with PacServer(script(f"PROXY 127.0.0.1:{proxy.port}")) as pac:
        environ = {
            "POPBILL_BASE_URL": f"https://{API_HOST}",
            "POPBILL_AUTH_URL": f"https://{API_HOST}",
            "POPBILL_CORP_NUM": DEMO_CORP_NUM,
            "POPBILL_TOKEN": "pasted-token",
            "POPBILL_CA_BUNDLE": ca_file,
            "POPBILL_PAC_URL": pac.url,
            "POPBILL_HISTORY": str(tmp_path / "history.sqlite3"),
        }
        out = io.StringIO()
        code = Cli(environ=environ, stdout=out, stderr=io.StringIO()).run(
            ["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@example.com", "--json"]
        )
    assert code == 0, out.getvalue()
    assert proxy.targets == [f"CONNECT {API_HOST}:443"] and len(api.requests) == 1


def test_the_pac_url_is_a_setting_kept_in_the_file(tmp_path: Path) -> None:
    assert settings_store.resolve({}, {"POPBILL_PAC_URL": " http://wpad.corp/proxy.pac "}).pac_url == (
        "http://wpad.corp/proxy.pac"
    )
    assert "pac_url" in settings_store.overridden({"POPBILL_PAC_URL": "http://wpad.corp/proxy.pac"})
    path = tmp_path / "settings.json"
    settings_store.save(settings_store.Settings(pac_url="http://wpad.corp/proxy.pac"), path)
    assert settings_store.load(path).pac_url == "http://wpad.corp/proxy.pac"


@pytest.mark.parametrize("how", ["system", "wpad", "file"])
def test_the_systems_script_wpad_and_a_script_file_are_used(
    api_behind_proxy: tuple[TlsServer, ConnectProxy],
    ca_file: str,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    api, proxy = api_behind_proxy
    body = script(f"PROXY 127.0.0.1:{proxy.port}")
    with PacServer(body) as pac:
        pac_url = None
        if how == "system":  # what Windows' "Use setup script" or macOS' "Automatic proxy configuration" say
            monkeypatch.setattr(proxies, "system_auto_config", lambda: proxies.SystemAutoConfig(pac.url))
        elif how == "wpad":  # "Automatically detect settings" on, wpad.<domain> answering
            monkeypatch.setattr(proxies, "system_auto_config", lambda: proxies.SystemAutoConfig(None, detect=True))
            monkeypatch.setattr(proxies, "_wpad_urls", lambda: [f"http://127.0.0.1:{pac.port}/wpad.dat"])
        else:
            (tmp_path / "회사 프록시.pac").write_text(body, encoding="utf-8")
            pac_url = str(tmp_path / "회사 프록시.pac")
        client = api_client(make_client, ca_file, pac_url=pac_url)
        assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    assert proxy.targets == [f"CONNECT {API_HOST}:443"] and len(api.requests) == 1


def test_without_detection_no_wpad_is_asked(make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(proxies, "_wpad_urls", lambda: asked.append("wpad") or [])
    with pytest.raises(PopbillError) as caught:
        make_client(base_url="https://popbill.invalid", token="t").resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.DNS and asked == []


def test_loopback_is_never_proxied_whatever_the_script_says(
    sim: Simulator, make_client: ClientFactory, closed_port: int
) -> None:
    every = f'function FindProxyForURL(url, host) {{ return "PROXY 127.0.0.1:{closed_port}"; }}'
    with PacServer(every) as pac:
        for host in ("127.0.0.1", "localhost"):
            client = make_client(base_url=sim.base_url.replace("127.0.0.1", host), pac_url=pac.url)
            assert client.resend_email("SELL", "K1", "a@example.com").code == 1
    assert pac.requests == []  # loopback is decided before any script is looked for
    assert sim.count("send_email") == 2


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "says to reach this address directly"), ("ko", "프록시 없이 직접 연결하라고 합니다")],
)
def test_a_dns_failure_says_the_script_sent_it_direct(make_client: ClientFactory, lang: str, words: str) -> None:
    with PacServer('function FindProxyForURL(url, host) { return "DIRECT"; }') as pac:
        client = make_client(base_url="https://popbill.invalid", token="t", pac_url=pac.url, lang=lang)
        with pytest.raises(PopbillError) as caught:
            client.assign_mgt_key("024112415000000001", "SELL", "T1")
    error = caught.value
    assert error.kind is Kind.DNS and not error.maybe_delivered
    assert "popbill.invalid" in error.message and words in error.message and pac.url in error.message
    assert str(error).endswith(error.message)  # the sentence reaches every face whole


@pytest.mark.parametrize(
    ("serve", "words"),
    [
        (None, "it could not be fetched"),
        (("<html>sign in to the hotel Wi-Fi</html>", "text/html"), "what came back is not a valid script"),
        (("function FindProxyForURL(url, host) { return ", "application/x-ns-proxy-autoconfig"), "not a valid script"),
        (("function FindProxyForURL(url, host) { return 'SOCKS 127.0.0.1:1080'; }", "text/plain"), "(HTTP)"),
    ],
)
def test_a_script_that_cannot_be_used_goes_direct_and_says_so(
    make_client: ClientFactory, closed_port: int, serve: tuple[str, str] | None, words: str
) -> None:
    def call(url: str) -> PopbillError:
        client = make_client(base_url="https://popbill.invalid", token="t", pac_url=url, lang="en")
        with pytest.raises(PopbillError) as caught:
            client.resend_email("SELL", "K1", "a@example.com")
        return caught.value

    if serve is None:
        error = call(f"http://127.0.0.1:{closed_port}/proxy.pac")
    else:
        with PacServer(*serve) as pac:
            error = call(pac.url)
    assert error.kind is Kind.DNS
    assert "names a proxy auto-configuration script" in error.message and words in error.message


def test_a_script_engine_missing_its_files_goes_direct_and_says_so(
    make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # What a packaged program built without dukpy's runtime scripts (dukpy/jsruntime) would meet: the script's
    # child process (which takes this process's import path) loads a dukpy without them.
    import importlib.util
    import shutil

    spec = importlib.util.find_spec("dukpy")
    assert spec is not None and spec.origin is not None
    shutil.copytree(Path(spec.origin).parent, tmp_path / "dukpy", ignore=shutil.ignore_patterns("jsmodules", "*.pyc"))
    (tmp_path / "dukpy" / "jsruntime" / "process_runtime.js").unlink()
    monkeypatch.syspath_prepend(str(tmp_path))
    with PacServer('function FindProxyForURL(url, host) { return "DIRECT"; }') as pac:
        client = make_client(base_url="https://popbill.invalid", token="t", pac_url=pac.url, lang="en")
        with pytest.raises(PopbillError) as caught:
            client.resend_email("SELL", "K1", "a@example.com")
    assert caught.value.kind is Kind.DNS and "the part that runs such scripts is missing" in caught.value.message


def test_a_proxy_chosen_by_the_script_that_fails_names_the_script(
    ca_file: str, make_client: ClientFactory, closed_port: int
) -> None:
    with PacServer(script(f"PROXY 127.0.0.1:{closed_port}")) as pac:
        client = api_client(make_client, ca_file, pac_url=pac.url, lang="en")
        with pytest.raises(PopbillError) as caught:
            client.assign_mgt_key("024112415000000001", "SELL", "T1")
    error = caught.value
    assert error.kind is Kind.PROXY and not error.maybe_delivered
    assert f"127.0.0.1:{closed_port}" in error.message and "chosen by" in error.message and pac.url in error.message


def test_a_system_proxy_not_used_for_this_address_is_named_without_its_password(
    make_client: ClientFactory, closed_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://clerk:hunter2@127.0.0.1:{closed_port}")
    monkeypatch.setenv("NO_PROXY", ".invalid")
    for lang, words in (("en", "but not for this address"), ("ko", "이 주소에는 쓰지 않도록")):
        client = make_client(base_url="https://popbill.invalid", token="t", lang=lang)
        with pytest.raises(PopbillError) as caught:
            client.resend_email("SELL", "K1", "a@example.com")
        assert caught.value.kind is Kind.DNS
        assert words in caught.value.message and f"127.0.0.1:{closed_port}" in caught.value.message
        assert "hunter2" not in caught.value.message and "clerk" not in caught.value.message


def test_pypac_and_its_engine_load_only_when_a_script_is_run_and_not_here(tmp_path: Path) -> None:
    # The window's start-up and a call to this computer (the demo, the simulator) never import them.
    code = """
import sys
from popbill_gui.core.client import LinkCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
import popbill_gui.service
assert "pypac" not in sys.modules and "dukpy" not in sys.modules, "imported up front"
with Simulator() as sim:
    env = resolve("test", base_url=sim.base_url, auth_url=sim.base_url)
    client = open_client(env, DEMO_CORP_NUM, LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY), pac_url=sys.argv[1])
    client.resend_email("SELL", "K1", "a@example.com")
assert "pypac" not in sys.modules and "dukpy" not in sys.modules, "imported for loopback"
from popbill_gui.core.proxies import ProxyRoutes
route = ProxyRoutes(sys.argv[1]).route("https", "popbill.example", "popbill.example")
assert route.source == "pac" and route.note is not None and route.note.key == "proxy.pac_direct", route
assert "pypac" not in sys.modules and "dukpy" not in sys.modules, "the engine runs in its own process, not here"
print("ok")
"""
    pac = tmp_path / "proxy.pac"
    pac.write_text('function FindProxyForURL(url, host) { return "DIRECT"; }', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code, str(pac)], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_routes_are_decided_once_per_origin_and_session(monkeypatch: pytest.MonkeyPatch, closed_port: int) -> None:
    # A variable changed after the first call does not change this session's route (nothing read per call).
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{closed_port}")
    routes = proxies.ProxyRoutes()
    first = routes.route("https", API_HOST, API_HOST)
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    assert routes.route("https", API_HOST, API_HOST) is first
    assert first.proxy == f"http://127.0.0.1:{closed_port}" and first.source == "variables"
    assert json.dumps(proxies.ProxyRoutes().route("https", API_HOST, API_HOST).proxy) == '"http://127.0.0.1:9"'


def test_a_script_reaches_neither_the_environment_nor_files(monkeypatch: pytest.MonkeyPatch, closed_port: int) -> None:
    # A script from the network could spell a secret out in a DNS look-up; it must not be able to read one.
    monkeypatch.setenv("POPBILL_SECRET_KEY", "c2VjcmV0LWtleQ==")
    probe = f"""
        function FindProxyForURL(url, host) {{
            var found = [];
            try {{ if (process.env.POPBILL_SECRET_KEY) {{ found.push("env"); }} }} catch (e) {{}}
            try {{ if (require("fs")) {{ found.push("require"); }} }} catch (e) {{}}
            try {{ if (call_python("dukpy.load_module", "fs")) {{ found.push("loader"); }} }} catch (e) {{}}
            try {{ if (call_python("dukpy.normalize_module", "", "fs")) {{ found.push("resolver"); }} }} catch (e) {{}}
            if (!isPlainHostName("a.b") && dnsDomainIs(host, ".kr") && shExpMatch(host, "*.linkhub.*")) {{
                return found.length ? "PROXY leak.example:" + found.join("-") : "PROXY 127.0.0.1:{closed_port}";
            }}
            return "DIRECT";
        }}
    """
    with PacServer(probe) as pac:
        route = proxies.ProxyRoutes(pac.url, fetch=_fetch_plain).route("https", API_HOST, API_HOST)
    assert route.proxy == f"http://127.0.0.1:{closed_port}", route  # PAC's own functions still work


def _fetch_plain(url: str) -> tuple[int, str, bytes]:
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as answer:  # a loopback test server
        return answer.status, answer.headers.get("Content-Type", ""), answer.read()
