"""popbill-cli on terminals that cannot show Korean, and secrets that are never echoed (issue 14.4)."""

from __future__ import annotations

import getpass
import io
import json
import subprocess
import warnings
from pathlib import Path

import pytest

from popbill_gui.cli import Cli, terminal
from popbill_gui.cli.advice import advice
from popbill_gui.simulator import DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore

from .test_batch import cp949_resend_csv
from .test_cli import CLI, ITEM_KEY, base_env, demo_env

SENT_KO = "이메일 재전송 완료"  # the simulator's Korean answer to a SendEmail


def run_bytes(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Output redirected to pipes and kept as bytes: exactly what a file would receive."""
    result = subprocess.run([CLI, *args], env=env, capture_output=True, timeout=60, check=False)
    assert b"Traceback" not in result.stdout + result.stderr
    assert b"UnicodeEncodeError" not in result.stdout + result.stderr
    return result


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_redirected_output_on_a_code_page_without_korean_exits_as_the_call_did(
    sim: Simulator, tmp_path: Path, encoding: str
) -> None:
    # Before: every one of these ended in UnicodeEncodeError, exit 70, after the call had been made.
    env = demo_env(sim, PYTHONIOENCODING=encoding, POPBILL_HISTORY=str(tmp_path / "h.sqlite3"))
    resend = ["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co"]

    sent = run_bytes(resend, env)
    assert sent.returncode == 0
    line = sent.stdout.decode(encoding).strip()
    assert line == "[1] " + SENT_KO.encode(encoding, "backslashreplace").decode(encoding)  # escaped, not lost
    assert line.encode(encoding).decode("unicode_escape").endswith(SENT_KO)

    as_json = run_bytes([*resend, "--json"], env)
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout.decode(encoding))["message"] == SENT_KO  # valid JSON, the same text

    taken = ["assign-mgtkey", "--item-key", ITEM_KEY, "--type", "BUY", "--mgt-key", "TAKEN-1", "--json"]
    refused = run_bytes(taken, env)
    assert refused.returncode == 1  # POPBiLL's refusal, in Korean, as JSON
    answer = json.loads(refused.stdout.decode(encoding))
    assert answer["code"] == -11001038 and not answer["message"].isascii()

    no_credentials = base_env(sim.base_url, PYTHONIOENCODING=encoding)
    missing = run_bytes(resend, no_credentials)
    assert missing.returncode == 4 and missing.stderr.decode(encoding).startswith("[-99999999] ")
    missing_json = run_bytes([*resend, "--json"], no_credentials)
    assert missing_json.returncode == 4 and json.loads(missing_json.stdout.decode(encoding))["kind"]

    source = cp949_resend_csv(tmp_path / "메일.csv", [("SELL", f"B-{i}", "a@b.co") for i in range(3)])
    batch = run_bytes(["batch", "resend-email", str(source), "--out", str(tmp_path / "결과.csv")], env)
    assert batch.returncode == 0
    assert "\\uacb0\\uacfc.csv" in batch.stderr.decode(encoding)  # "Results written to 결과.csv", escaped
    assert sim.count("send_email") == 1 + 1 + 3


def test_a_utf8_stream_gets_the_text_as_it_is(sim: Simulator) -> None:
    env = demo_env(sim, PYTHONIOENCODING="utf-8")
    result = run_bytes(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co", "--json"], env)
    assert result.returncode == 0 and SENT_KO.encode() in result.stdout  # no escapes where none are needed


def test_an_injected_stream_without_korean_never_fails(sim: Simulator) -> None:
    # A stream that main() did not reconfigure (a caller embedding Cli): still no UnicodeEncodeError.
    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(raw_out, encoding="cp1252", errors="strict")
    err = io.TextIOWrapper(raw_err, encoding="cp1252", errors="strict")
    cli = Cli(demo_env(sim), io.StringIO(), out, err)
    assert cli.run(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co"]) == 0
    assert cli.run(["resend-email", "--type", "SELL", "--mgt-key", "K1", "--receiver", "a@b.co", "--json"]) == 0
    first, second = raw_out.getvalue().decode("cp1252").splitlines()
    assert first.startswith("[1] \\u") and json.loads(second)["message"] == SENT_KO


def test_never_fail_only_touches_streams_that_need_it() -> None:
    ascii_stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    utf8_stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    terminal.never_fail(ascii_stream)
    terminal.never_fail(utf8_stream)
    assert ascii_stream.errors == "backslashreplace" and utf8_stream.errors == "strict"
    assert terminal.unicode_capable(io.StringIO())  # str all the way down
    for name, capable in (("UTF8", True), ("cp65001", True), ("utf_16_le", True), ("cp949", False), ("latin-1", False)):
        stream = io.TextIOWrapper(io.BytesIO(), encoding=name)
        assert terminal.unicode_capable(stream) is capable, name


# ---- the secret prompt ----
class Keyboard(io.StringIO):
    """What a terminal looks like to the program: isatty() is true."""

    def isatty(self) -> bool:
        return True


def login(stdin: io.StringIO, lang: str = "en") -> tuple[int, str, str, MemoryKeyring]:
    backend = MemoryKeyring()
    out, err = io.StringIO(), io.StringIO()
    cli = Cli(base_env(POPBILL_LANG=lang), stdin, out, err, lambda lang: SecretStore(backend, lang))
    return cli.run(["login", "--link-id", DEMO_LINK_ID]), out.getvalue(), err.getvalue(), backend


def test_a_terminal_is_asked_with_getpass(monkeypatch: pytest.MonkeyPatch) -> None:
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or DEMO_SECRET_KEY)
    code, out, _, backend = login(Keyboard(""))
    assert code == 0 and prompts == ["SecretKey: "] and DEMO_SECRET_KEY not in out
    assert SecretStore(backend).load("test") is not None


def test_a_terminal_whose_echo_cannot_be_switched_off_is_not_read_from(monkeypatch: pytest.MonkeyPatch) -> None:
    def echoing(prompt: str) -> str:  # what getpass does when termios cannot switch echo off
        warnings.warn("Can not control echo on the terminal.", getpass.GetPassWarning, stacklevel=2)
        return DEMO_SECRET_KEY

    monkeypatch.setattr(getpass, "getpass", echoing)
    code, out, err, backend = login(Keyboard(DEMO_SECRET_KEY + "\n"))
    assert code == 2 and advice("secret_would_echo", "en") in err
    assert DEMO_SECRET_KEY not in out + err and backend._items == {}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_git_bash_mintty_is_refused_with_what_to_do_instead(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    # On Windows, mintty without a pseudo console is a pipe named like the ones below; shown here by injecting the
    # detection (the ctypes call itself runs only on Windows).
    monkeypatch.setattr("popbill_gui.cli.commands.echoing_terminal", lambda stream: True)
    typed = io.StringIO(DEMO_SECRET_KEY + "\n")
    code, out, err, backend = login(typed, lang)
    assert code == 2 and advice("secret_would_echo", lang) in err  # type: ignore[arg-type]
    assert "winpty" in err and "read -rs" in err
    assert typed.tell() == 0  # not a character was read
    assert backend._items == {} and DEMO_SECRET_KEY not in out + err


def test_a_pipe_from_a_script_is_read_without_a_prompt() -> None:
    code, out, err, backend = login(io.StringIO(DEMO_SECRET_KEY + "\n"))
    assert code == 0 and "SecretKey:" not in out + err
    assert SecretStore(backend).load("test") is not None


@pytest.mark.parametrize(
    ("name", "pty"),
    [
        ("\\msys-1888ae32e00d56aa-pty0-from-master", True),  # Git Bash (MSYS2) stdin
        ("\\msys-1888ae32e00d56aa-pty3-to-master", True),  # its stdout
        ("\\cygwin-e022582115c10879-pty12-from-master", True),  # Cygwin's mintty
        ("\\msys-1888ae32e00d56aa-4480-pipe-0x1", False),  # a pipe between two programs in Git Bash
        ("\\Device\\NamedPipe\\other", False),
        ("\\msys-1888ae32e00d56aa-ptyX-from-master", False),
    ],
)
def test_msys_terminal_pipe_names(name: str, pty: bool) -> None:
    assert terminal.is_msys_pty_name(name) is pty


def test_no_terminal_echoes_off_windows() -> None:
    assert terminal.echoing_terminal(io.StringIO()) is False
