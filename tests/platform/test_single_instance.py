"""One window per user and data (platform/single_instance.py), over the real channel (a Unix socket here; a named
pipe on Windows): the first start holds the lock and listens, a second hands its files over and is told "ok", a
window killed with SIGKILL leaves nothing that stops the next, and a first window that does not answer lets the
second open its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from popbill_gui.platform import single_instance
from popbill_gui.platform.single_instance import Instance, claim, hand_over, instance_key


@pytest.fixture
def key() -> str:
    return f"test-{uuid.uuid4()}"  # of its own: tests run in parallel, beside a real window perhaps


@pytest.fixture
def first(key: str) -> Iterator[Instance]:
    instance = claim(key)
    assert instance is not None
    yield instance
    instance.close()


class Received:
    def __init__(self) -> None:
        self.lists: list[list[str]] = []
        self.event = threading.Event()

    def __call__(self, files: list[str]) -> None:
        self.lists.append(files)
        self.event.set()


def test_a_second_start_hands_its_files_to_the_first(
    first: Instance, key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received = Received()
    assert first.listen(received)
    assert claim(key) is None  # the lock is held: a second start is a second start
    monkeypatch.chdir(tmp_path)
    assert hand_over(key, ["목록.xlsx", str(tmp_path / "b.csv")])
    # Made absolute by the second start: the first has another working folder.
    assert received.lists == [[str(tmp_path / "목록.xlsx"), str(tmp_path / "b.csv")]]
    assert hand_over(key, [])  # a start without files: the first is only asked to come to the front
    assert received.lists[-1] == []


def test_nobody_to_hand_over_to(key: str) -> None:
    assert not hand_over(key, ["a.csv"], wait=0.2)


def test_other_data_is_another_window(first: Instance, key: str) -> None:
    first.listen(Received())
    other = claim(key + "-other")
    assert other is not None
    other.close()
    assert instance_key(None, demo=True) == "demo" != instance_key(None, demo=False)
    assert instance_key("h.sqlite3", demo=False) == str(Path("h.sqlite3").absolute())


def test_closing_lets_the_next_start_be_first(key: str) -> None:
    instance = claim(key)
    assert instance is not None and instance.listen(Received())
    instance.close()
    instance.close()  # idempotent
    assert not instance.listening
    again = claim(key)
    assert again is not None
    again.close()


def test_a_garbled_message_is_refused_and_the_listener_goes_on(first: Instance, key: str) -> None:
    from multiprocessing.connection import Client

    received = Received()
    first.listen(received)
    assert first.wait_listening(10)
    for garbage in (b"\xff\xfe", b'{"files": "a.csv"}', b"[]", b'{"files": [1]}'):
        with Client(first.address, first.family) as connection:
            connection.send_bytes(garbage)
            with pytest.raises(EOFError):  # closed without an "ok"
                connection.recv_bytes()
    assert received.lists == []
    assert hand_over(key, ["a.csv"])
    assert len(received.lists) == 1


FIRST_WINDOW = """
import sys, time
from popbill_gui.platform.single_instance import claim
instance = claim(sys.argv[1])
instance.listen(lambda files: print("got", *files, flush=True))
print("listening", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; Windows removes a killed process's pipe itself")
def test_a_killed_first_window_leaves_nothing_in_the_way(key: str, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", FIRST_WINDOW, key], stdout=subprocess.PIPE, text=True, env={**os.environ}
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "listening"
        # Two real processes: the files go to the other one.
        assert hand_over(key, [str(tmp_path / "a.xlsx")])
        assert process.stdout.readline().split() == ["got", str(tmp_path / "a.xlsx")]
        address = single_instance._address(single_instance._digest(key), single_instance._folder())[0]
        assert os.path.exists(address)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert os.path.exists(address)  # the crashed window's socket is still there, nobody listening on it
    assert not hand_over(key, ["a.xlsx"], wait=0.3)  # no answer: the second start would open its own window
    instance = claim(key)  # the lock went with the process: this start is first
    assert instance is not None
    try:
        received = Received()
        assert instance.listen(received) and instance.wait_listening(10)  # over the stale socket file
        assert hand_over(key, ["b.xlsx"])
        assert received.lists == [[os.path.abspath("b.xlsx")]]
    finally:
        instance.close()
    assert not os.path.exists(address)


def test_a_first_window_that_takes_the_connection_but_never_answers(
    first: Instance, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = threading.Event()
    first.listen(lambda files: stuck.wait(10))  # the first is busy and never says "ok" in time
    monkeypatch.setattr(single_instance, "_ANSWER_WAIT", 0.3)
    try:
        assert not hand_over(key, ["a.csv"])
    finally:
        stuck.set()
