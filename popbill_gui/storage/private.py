"""Files that hold personal data, readable by their owner only: folders 0700, files 0600 (POSIX).

The history (receiver addresses, document IDs), the log and the settings live in the platform's data, state
and config folders. Every folder created here is 0700 and every file 0600, whatever the umask (the XDG rule
for a missing folder, applied to files too). The app's own folders (`popbill-gui` in those places) and the
files in them that an older version left 0755 / 0644 are tightened when next used; a folder outside them that
already exists (a POPBILL_HISTORY in the user's Documents) is never changed.

Windows: nothing is changed there: a profile's AppData folder is the user's alone by its ACL.
Qt-free; a folder or file whose mode cannot be changed (another owner) is used as it is, with a warning.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import platformdirs

log = logging.getLogger(__name__)

FOLDER_MODE: Final = 0o700
FILE_MODE: Final = 0o600
# What SQLite keeps beside a database: the write-ahead log and its index, or a rollback journal. SQLite creates
# them with the database file's own mode, so a 0600 database gets 0600 companions; these names tighten the
# ones an older version left.
SQLITE_COMPANIONS: Final = ("-wal", "-shm", "-journal")

_POSIX: Final = os.name != "nt"


def app_folders() -> list[Path]:
    """The app's own folders: where its data, settings, state, logs and cache live on this platform."""
    from .settings import APP_NAME  # settings uses this module: imported here, not at the top

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    found = (dirs.user_data_dir, dirs.user_config_dir, dirs.user_state_dir, dirs.user_log_dir, dirs.user_cache_dir)
    return [Path(folder).absolute() for folder in found]


def private_folder(folder: Path) -> Path:
    """`folder`, created if missing (each missing level 0700); it and its parents up to the app's own folder
    are tightened to 0700 when they already exist. Returns `folder`."""
    folder = Path(folder).absolute()
    if not _POSIX:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    missing = []
    level = folder
    while not level.exists() and level != level.parent:
        missing.append(level)
        level = level.parent
    for level in reversed(missing):
        try:
            os.mkdir(level, FOLDER_MODE)  # the umask may take bits away: _tighten sets the mode exactly
        except FileExistsError:
            pass  # made by another process meanwhile (a second window, the CLI)
        _tighten(level, FOLDER_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(f"not a folder: {folder}")
    roots = app_folders()
    for level in (folder, *folder.parents):
        if level not in missing and any(level == root or root in level.parents for root in roots):
            _tighten(level, FOLDER_MODE)
    return folder


def private_file(path: Path, companions: Sequence[str] = ()) -> Path:
    """`path` in a private folder, created empty if missing, and 0600, with every existing companion file
    (`path` + suffix, e.g. SQLite's "-wal"). Returns `path`."""
    path = Path(path)
    private_folder(path.parent)
    if not _POSIX:
        return path
    try:
        # Created here, before SQLite or a log handler opens it with the umask's mode (often 0644).
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    except FileExistsError:
        pass
    else:
        os.close(fd)
    for item in (path, *(Path(f"{path}{suffix}") for suffix in companions)):
        if item.is_file():  # never a folder of that name: the caller's open says what is wrong
            _tighten(item, FILE_MODE)
    return path


def _tighten(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass  # a companion removed meanwhile (SQLite deletes its -wal on close)
    except OSError as exc:
        log.warning("could not make %s private (%s)", path, exc.strerror or type(exc).__name__)
