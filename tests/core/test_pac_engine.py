"""A PAC script that never returns (issue 21): the call goes direct after a bound and says why; nothing hangs.

The scripts come from loopback (`PacServer`) and run, as in the program, in their own child process. The bound is
shortened here (monkeypatched) so that a test waits about a second, not ten.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from popbill_gui.core import pac_engine, proxies
from popbill_gui.core.client import TaxinvoiceClient
from popbill_gui.core.errors import Kind, PopbillError
from tests.servers import PacServer

ClientFactory = Callable[..., TaxinvoiceClient]
ROOT = Path(__file__).resolve().parents[2]

# Loops for every real host; answers pypac's trial call ("0.0.0.0"), so it compiles and loops when asked.
LOOPS_WHEN_ASKED = """
    function FindProxyForURL(url, host) {
        if (host === "0.0.0.0") { return "DIRECT"; }
        var n = 0;
        while (true) { n = (n + 1) % 7; }
    }
"""
LOOPS_WHEN_LOADED = """
    var n = 0;
    while (true) { n = (n + 1) % 7; }
    function FindProxyForURL(url, host) { return "DIRECT"; }
"""


@pytest.fixture(autouse=True)
def _bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY", "POPBILL_PAC_URL"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setattr(proxies, "system_auto_config", proxies.SystemAutoConfig)
    monkeypatch.setattr(pac_engine, "PAC_RUN_TIMEOUT", 1.0)


@pytest.mark.parametrize(
    ("source", "lang", "words"),
    [
        (LOOPS_WHEN_ASKED, "en", "the script did not answer within 1 seconds (it may never finish), so the connection"),
        (LOOPS_WHEN_LOADED, "ko", "스크립트가 1초 안에 답하지 않아(끝나지 않는 스크립트일 수 있습니다) 프록시 없이"),
    ],
    ids=["loops-when-asked", "loops-when-loaded"],
)
def test_a_script_that_never_returns_goes_direct_and_says_so(
    make_client: ClientFactory, source: str, lang: str, words: str
) -> None:
    with PacServer(source) as pac:
        client = make_client(base_url="https://popbill.invalid", token="t", pac_url=pac.url, lang=lang)
        with pytest.raises(PopbillError) as caught:
            client.resend_email("SELL", "K1", "a@example.com")
        error = caught.value
        assert error.kind is Kind.DNS and not error.maybe_delivered  # it went direct, and popbill.invalid is no host
        assert words in error.message and pac.url in error.message
        routes = client.transport.routes
        script = routes._script().script
        assert script is None or not script.running  # the child that ran it is gone
        # Another host of the session is not made to wait again: the script is not used any more.
        other = routes.route("https", "auth.invalid", "auth.invalid")
        assert other.proxy is None and other.note is not None and other.note.params["reason"] == pac_engine.TOO_SLOW
        assert len(pac.requests) == 1


def test_a_good_script_s_process_lasts_the_session_and_ends_with_it(make_client: ClientFactory) -> None:
    with PacServer('function FindProxyForURL(url, host) { return "DIRECT"; }') as pac:
        client = make_client(base_url="https://popbill.invalid", token="t", pac_url=pac.url, lang="en")
        for _ in range(2):
            with pytest.raises(PopbillError):
                client.resend_email("SELL", "K1", "a@example.com")
        script = client.transport.routes._script().script
        assert script is not None and script.running
        assert client.transport.routes.route("https", "auth.invalid", "auth.invalid").source == "pac"
        client.close()
        assert not script.running
    assert len(pac.requests) == 1


def test_the_program_exits_after_a_script_that_never_returns(tmp_path: Path) -> None:
    # A command-line call through a looping script: it ends with the network error, and the program exits
    # (no thread or process left running that would keep it). The subprocess's timeout is a hang guard only.
    code = """
import sys
from popbill_gui.core import pac_engine
from popbill_gui.core.client import LinkCredentials, open_client
from popbill_gui.core.environments import resolve
from popbill_gui.core.errors import PopbillError
pac_engine.PAC_RUN_TIMEOUT = 1.0
env = resolve("test", base_url="https://popbill.invalid", auth_url="https://popbill.invalid")
client = open_client(env, "1248100998", LinkCredentials("ID", "c2VjcmV0"), pac_url=sys.argv[1], lang="en")
try:
    client.resend_email("SELL", "K1", "a@example.com")
except PopbillError as error:
    print(error.kind.name, "did not answer within 1 seconds" in error.message)
"""
    with PacServer(LOOPS_WHEN_ASKED) as pac:
        done = subprocess.run(
            [sys.executable, "-c", code, pac.url], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False
        )
    assert (done.returncode, done.stdout.strip()) == (0, "DNS True"), done.stderr[-2000:]


def test_a_looping_script_s_process_ends_itself_when_nobody_ends_it() -> None:
    # Should the program be killed while its script loops, the script's process must not loop on for ever.
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=pac_engine._serve, args=(theirs,), daemon=True)
    child.start()
    theirs.close()
    try:
        assert ours.recv() == ("started", True)
        ours.send(("compile", 0.5, LOOPS_WHEN_ASKED))
        assert ours.recv() == ("ready",)
        ours.send(("find", 0.5, "https://popbill.invalid/", "popbill.invalid"))  # loops; we only wait
        child.join(60)  # a hang guard: its watchdog ends it after twice the bound
        assert child.exitcode is not None and child.exitcode != 0
    finally:
        if child.is_alive():
            child.kill()
