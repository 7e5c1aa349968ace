"""The log file: private files, and a rollover that fails (Windows, a second window holding the file) never
stops logging."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from popbill_gui.storage.logfile import LogFileHandler


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    """A logger of its own, outside the logging tree (pytest's capture stays out of the way)."""
    made = logging.Logger("popbill_gui.test_logfile", logging.INFO)
    yield made
    for handler in list(made.handlers):
        made.removeHandler(handler)
        handler.close()


class WindowsRename:
    """os.rename as Windows does it on a file another process has open: PermissionError for `held`."""

    def __init__(self, held: Path) -> None:
        self.held = str(held)
        self.refused = 0
        self.real = os.rename

    def __call__(self, source: str, target: str) -> None:
        if os.fspath(source) == self.held:
            self.refused += 1
            raise PermissionError(
                32, "The process cannot access the file because it is being used by another process", source
            )
        self.real(source, target)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_the_plain_handler_loses_every_record_once_the_rename_fails(
    tmp_path: Path, logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What LogFileHandler replaces (the bug): after the first failed rollover, each record is lost."""
    path = tmp_path / "popbill-gui.log"
    logger.addHandler(RotatingFileHandler(path, maxBytes=500, backupCount=2, encoding="utf-8"))
    monkeypatch.setattr(os, "rename", WindowsRename(path))
    for n in range(50):
        logger.info("record %03d with a little padding to fill the file", n)
    assert len(lines(path)) < 20
    assert capsys.readouterr().err.count("--- Logging error ---") > 30


def test_a_failed_rollover_keeps_logging_in_the_same_file_and_is_tried_again_later(
    tmp_path: Path, logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "log" / "popbill-gui.log"
    handler = LogFileHandler(path, max_bytes=500, backup_count=2)
    logger.addHandler(handler)
    rename = WindowsRename(path)
    monkeypatch.setattr(os, "rename", rename)
    for n in range(50):
        logger.info("record %03d with a little padding to fill the file", n)
    assert [line.split()[1] for line in lines(path)] == [f"{n:03d}" for n in range(50)]  # nothing lost
    assert rename.refused == 1  # one attempt, then not again for RETRY_AFTER seconds
    assert capsys.readouterr().err == ""  # no logging error reported, record after record
    assert not Path(f"{path}.1").exists()

    # The other window has closed and the retry time has come: the next record rolls the file over.
    monkeypatch.setattr(os, "rename", rename.real)
    handler._retry_at = 0.0
    logger.info("after the other window closed")
    assert lines(path) == ["after the other window closed"]
    assert len(lines(Path(f"{path}.1"))) == 50


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_every_log_file_is_private(tmp_path: Path, logger: logging.Logger) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "state" / "popbill-gui.log"
        logger.addHandler(LogFileHandler(path, max_bytes=200, backup_count=2))
        for n in range(20):
            logger.info("receiver person%d@example.com", n)
    finally:
        os.umask(old)
    files = sorted(path.parent.iterdir())
    assert [p.name for p in files] == ["popbill-gui.log", "popbill-gui.log.1", "popbill-gui.log.2"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}  # the first file and each after a rollover
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
