"""Personal data is the owner's alone: the history (with SQLite's -wal and -shm), the settings and the log file
are 0600 in 0700 folders, whatever the umask; what an older version left open is tightened."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from popbill_gui.storage import settings as settings_store
from popbill_gui.storage.history import History, HistoryError
from popbill_gui.storage.private import app_folders, private_file, private_folder
from popbill_gui.storage.settings import APP_NAME, Settings

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows keeps AppData private by its ACL")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000, 0o277], ids=["umask-022", "umask-000", "umask-277"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The usual umask, none at all, and one that would leave the owner unable to write: modes must not vary."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of the test's own, not made yet (under scripts/dev test the shared one holds the keyring)."""
    folder = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def record(history: History) -> None:
    history.record_request(
        environment="test",
        corp_num="1234567890",
        operation="resend_email",
        keys={"mgt_key_type": "SELL", "mgt_key": "INV-1", "receiver": "person@example.com"},
        http_status=200,
        code=1,
        message="ok",
        duration=0.1,
        ok=True,
    )


def test_the_history_and_its_wal_and_shm_are_private(data_home: Path, umask: int) -> None:
    assert not data_home.exists()
    history = History()
    try:
        record(history)
        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        assert history.path.parent == folder
        files = {p.name: mode(p) for p in folder.iterdir()}
        # WAL mode: the write-ahead log and its index exist while the history is open.
        assert files == {"history.sqlite3": 0o600, "history.sqlite3-wal": 0o600, "history.sqlite3-shm": 0o600}
        assert mode(folder) == 0o700 and mode(data_home) == 0o700  # a missing XDG folder too (the XDG rule)
        assert history.recent(5)[0].receiver == "person@example.com"  # still the owner's to read and write
    finally:
        history.close()


def test_a_history_an_older_version_left_open_is_tightened(data_home: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        folder.mkdir(parents=True)
        path = folder / "history.sqlite3"
        conn = sqlite3.connect(path)  # as before: 0644 files in a 0755 folder, the WAL left behind by a crash
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (x)")
        wal = Path(f"{path}-wal")
        assert mode(path) == 0o644 and mode(folder) == 0o755 and wal.exists() and mode(wal) == 0o644
        history = History()
        try:
            assert (mode(folder), mode(path), mode(wal)) == (0o700, 0o600, 0o600)
        finally:
            history.close()
            conn.close()
    finally:
        os.umask(old)


def test_a_history_in_the_users_own_folder(tmp_path: Path, umask: int) -> None:
    """POPBILL_HISTORY in an existing folder of the user's: the folder is theirs and stays as it is; folders
    created for it are private."""
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    history = History(documents / "popbill" / "history.sqlite3")
    try:
        record(history)
    finally:
        history.close()
    assert mode(documents) == 0o755
    assert mode(documents / "popbill") == 0o700 and mode(documents / "popbill" / "history.sqlite3") == 0o600


def test_settings_are_private(umask: int) -> None:
    settings_store.save(Settings(corp_num="1234567890"))
    path = settings_store.default_path()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    assert settings_store.load().corp_num == "1234567890"


def test_the_apps_own_folders_are_tightened_up_to_their_root(tmp_path: Path) -> None:
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))  # …/popbill-gui/log on Linux
    state_home = Path(os.environ["XDG_STATE_HOME"])
    log_dir.mkdir(parents=True)
    for level in (state_home, log_dir.parent, log_dir):
        level.chmod(0o755)
    assert private_folder(log_dir) == log_dir
    assert mode(log_dir) == 0o700 and mode(log_dir.parent) == 0o700
    assert mode(state_home) == 0o755  # the user's XDG folder, not the app's: left as it is
    assert log_dir.parent in app_folders() or log_dir in app_folders()


def test_private_file_never_changes_a_folder_of_that_name(tmp_path: Path) -> None:
    folder = tmp_path / "history.sqlite3"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    private_file(folder)
    assert mode(folder) == 0o755
    with pytest.raises(HistoryError):  # the file cannot be opened, and said so
        History(folder)


def test_private_folder_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        private_folder(tmp_path / "file" / "sub")
