"""popbill-cli: the exact interface, exit codes 0-4, one clear line per failure, never a traceback."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.cli import Cli
from popbill_gui.core.client import LinkCredentials
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore

CLI = str(Path(sys.executable).with_name("popbill-cli"))
ITEM_KEY = "024112415000000001"


def base_env(sim_url: str | None = None, **extra: str) -> dict[str, str]:
    """A clean environment: no POPBILL_* from the caller, no D-Bus (so no keyring) unless given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("POPBILL_") and k != "DBUS_SESSION_BUS_ADDRESS"}
    if sim_url:
        env.update(POPBILL_BASE_URL=sim_url, POPBILL_AUTH_URL=sim_url, POPBILL_CORP_NUM=DEMO_CORP_NUM)
    env.update(extra)
    return env


def demo_env(sim: Simulator, **extra: str) -> dict[str, str]:
    return base_env(sim.base_url, **{"POPBILL_LINK_ID": DEMO_LINK_ID, "POPBILL_SECRET_KEY": DEMO_SECRET_KEY, **extra})


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    result = subprocess.run([CLI, *args], env=env, input=stdin, capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in result.stderr + result.stdout
    assert DEMO_SECRET_KEY not in result.stderr + result.stdout
    return result


# ---- the whole thing as a user runs it: two processes ----
@pytest.fixture
def cli_simulator() -> Iterator[str]:
    proc = subprocess.Popen(
        [CLI, "simulator", "--latency-ms", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    yield url
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0


def test_cli_against_cli_simulator(cli_simulator: str) -> None:
    assert cli_simulator.startswith("http://127.0.0.1:")
    env = base_env(cli_simulator, POPBILL_LINK_ID=DEMO_LINK_ID, POPBILL_SECRET_KEY=DEMO_SECRET_KEY)
    sent = run(["resend-email", "--type", "SELL", "--mgt-key", "INV-1", "--receiver", "a@example.com"], env)
    assert (sent.returncode, sent.stdout.strip()) == (0, "[1] 이메일 재전송 완료")
    assign = ["assign-mgtkey", "--item-key", ITEM_KEY, "--type", "SELL", "--mgt-key", "DOC-1"]
    assert run(assign, env).returncode == 0
    again = run([*assign, "--json"], {**env, "POPBILL_LANG": "en"})
    assert again.returncode == 1
    answer = json.loads(again.stdout)
    assert answer["code"] == -11005018 and answer["kind"] == "popbill" and answer["hint"]
    assert answer["message"].isascii()  # English, as asked
    checked = run(["check"], env)
    assert checked.returncode == 0 and "token expires" in checked.stdout


def test_simulator_options_are_checked() -> None:
    result = run(["simulator", "--fault", "explode"], base_env())
    assert result.returncode == 2 and "--fault must be one of" in result.stderr


# ---- exit codes, one process against an in-process simulator ----
def test_exit_2_invalid_input_names_every_problem_and_sends_nothing(sim: Simulator) -> None:
    result = run(["resend-email", "--type", "sell", "--mgt-key", "문서/1", "--receiver", "nobody"], demo_env(sim))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("[-99999999]")
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["- mgt_key_type", "- mgt_key", "- receiver"]
    assert sim.requests == []


def test_exit_2_for_missing_options_and_bad_settings(sim: Simulator) -> None:
    assert run(["assign-mgtkey", "--type", "SELL"], demo_env(sim)).returncode == 2
    bad_env = run(["check"], demo_env(sim, POPBILL_ENV="staging"))
    assert bad_env.returncode == 2 and "POPBILL_ENV" in bad_env.stderr
    plain = run(["check"], demo_env(sim, POPBILL_BASE_URL="http://popbill.example.com"))
    assert plain.returncode == 2 and "루프백" in plain.stderr
    assert run(["check"], demo_env(sim, POPBILL_TIMEOUT="soon")).returncode == 2
    no_corp = run(["check"], {**demo_env(sim), "POPBILL_CORP_NUM": ""})
    assert no_corp.returncode == 2
    assert sim.requests == []


def test_exit_1_refused_by_popbill(sim: Simulator) -> None:
    result = run(["resend-email", "--type", "SELL", "--mgt-key", "NOMAIL-1", "--receiver", "a@b.co"], demo_env(sim))
    assert result.returncode == 1
    first, hint = result.stderr.strip().splitlines()
    assert first.startswith("[-11005002] ")
    assert hint.strip().startswith("→")


@pytest.mark.parametrize("fault", ["html-500", "non-json-200", "reset", "bad-gzip", "oversized"])
def test_exit_3_unreachable_or_not_understood(sim: Simulator, fault: str) -> None:
    sim.fault = fault
    result = run(["resend-email", "--type", "SELL", "--mgt-key", "K", "--receiver", "a@b.co"], demo_env(sim))
    assert result.returncode == 3
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("[-99999999] ")


def test_exit_3_hang_with_timeout(sim: Simulator) -> None:
    sim.fault = "hang"
    start = time.monotonic()
    result = run(
        ["resend-email", "--type", "SELL", "--mgt-key", "K", "--receiver", "a@b.co", "--timeout", "0.5"], demo_env(sim)
    )
    assert result.returncode == 3 and time.monotonic() - start < 10


def test_exit_3_nothing_listening(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}"
    env = base_env(url, POPBILL_TOKEN="tok", POPBILL_LANG="en")
    result = run(["resend-email", "--type", "SELL", "--mgt-key", "K", "--receiver", "a@b.co"], env)
    assert result.returncode == 3 and "refused the connection" in result.stderr


def test_exit_4_no_credentials_and_no_keyring(sim: Simulator) -> None:
    result = run(["check"], base_env(sim.base_url, POPBILL_LANG="en"))
    assert result.returncode == 4
    assert "keyring" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    half = run(["check"], base_env(sim.base_url, POPBILL_LINK_ID=DEMO_LINK_ID, POPBILL_LANG="en"))
    assert half.returncode == 4
    # The core says what is missing; the command line adds its own commands (cli/advice.py).
    assert "No credentials" in half.stderr and "popbill-cli login" in half.stderr and "POPBILL_TOKEN" in half.stderr


def test_exit_4_credentials_refused(sim: Simulator) -> None:
    wrong = "c2VjcmV0LWtleS1mb3ItdGVzdHMtMDEyMzQ1Njc4OWFi"
    result = run(["check"], demo_env(sim, POPBILL_SECRET_KEY=wrong))
    assert result.returncode == 4 and result.stderr.startswith("[-99010007] ")
    assert wrong not in result.stderr
    sim.fault = "token-refused"
    refused = run(["resend-email", "--type", "SELL", "--mgt-key", "K", "--receiver", "a@b.co"], demo_env(sim))
    assert refused.returncode == 4


# ---- login / logout with an in-memory keyring (the real one: test_keyring_real.py) ----
class Harness:
    def __init__(self, environ: dict[str, str]) -> None:
        self.backend = MemoryKeyring()
        self.environ = environ
        self.asked = 0

    def store(self, lang: str) -> SecretStore:
        self.asked += 1
        return SecretStore(self.backend, lang)  # type: ignore[arg-type]

    def __call__(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        cli = Cli(self.environ, io.StringIO(stdin), out, err, self.store)
        return cli.run(list(argv)), out.getvalue(), err.getvalue()


def test_login_then_calls_use_the_keyring_then_logout(sim: Simulator) -> None:
    cli = Harness(base_env(sim.base_url, POPBILL_LANG="en"))
    code, out, _ = cli("login", "--link-id", DEMO_LINK_ID, stdin=DEMO_SECRET_KEY + "\n")
    assert code == 0 and "Saved" in out and DEMO_SECRET_KEY not in out
    assert SecretStore(cli.backend).load("test") == LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY)
    code, out, _ = cli("resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co", "--json")
    assert code == 0 and json.loads(out)["code"] == 1
    assert cli("logout")[0] == 0
    code, _, err = cli("check")
    assert code == 4 and "No credentials" in err
    assert "No credentials are saved" in cli("logout")[1]


def test_login_token_and_production_are_separate(sim: Simulator) -> None:
    cli = Harness(base_env(sim.base_url))
    assert cli("login", "--token", "--env", "production", stdin="pasted.token-1\n")[0] == 0
    assert SecretStore(cli.backend).load("test") is None
    assert cli("check", "--env", "test")[0] == 4


def test_login_refuses_a_bad_secret_without_echoing_it(sim: Simulator) -> None:
    cli = Harness(base_env(sim.base_url, POPBILL_LANG="en"))
    code, out, err = cli("login", "--link-id", "LINK", stdin="not-base64!!\n")
    assert code == 2 and "looks like a password" in err  # short: a POPBiLL password typed as the SecretKey
    assert "not-base64" not in out + err
    assert cli("login", "--link-id", "LINK", stdin="\n")[0] == 2
    assert cli("login", "--token", stdin="two words\n")[0] == 2
    assert SecretStore(cli.backend).load("test") is None


def test_environment_credentials_never_ask_the_keyring(sim: Simulator) -> None:
    cli = Harness(demo_env(sim))
    code, _, _ = cli("resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co")
    assert code == 0
    assert cli.asked == 0


def test_options_override_environment(sim: Simulator) -> None:
    cli = Harness(demo_env(sim, POPBILL_LANG="ko"))
    code, out, _ = cli("resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co", "--lang", "en")
    assert code == 0 and out.isascii()
    assert sim.requests[-1].header("Accept-Language") == "en-US"


def test_the_session_token_is_kept_in_the_keyring_between_runs(sim: Simulator) -> None:
    cli = Harness(base_env(sim.base_url))
    assert cli("login", "--link-id", DEMO_LINK_ID, stdin=DEMO_SECRET_KEY + "\n")[0] == 0
    for key in ("K1", "K2", "K3"):  # three processes' worth of runs
        assert cli("resend-email", "--type", "SELL", "--mgt-key", key, "--receiver", "a@b.co")[0] == 0
    assert sim.count("token") == 1
    assert any(user == "test/token" for _, user in cli.backend._items)
    assert cli("logout")[0] == 0
    assert cli.backend._items == {}


def test_single_calls_are_written_to_the_history(sim: Simulator, tmp_path: Path) -> None:
    from popbill_gui.storage.history import History

    env = demo_env(sim, POPBILL_HISTORY=str(tmp_path / "h.sqlite3"))
    assert run(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co"], env).returncode == 0
    assign = ["assign-mgtkey", "--item-key", ITEM_KEY, "--type", "BUY", "--mgt-key", "TAKEN-1"]
    assert run(assign, env).returncode == 1
    ok, refused = History(tmp_path / "h.sqlite3").recent()
    assert (ok.operation, ok.mgt_key, ok.receiver, ok.code, ok.ok) == ("resend_email", "K1", "a@b.co", 1, True)
    assert (refused.item_key, refused.mgt_key_type, refused.code, refused.ok) == (ITEM_KEY, "BUY", -11001038, False)
