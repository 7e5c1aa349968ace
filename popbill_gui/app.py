"""The popbill-gui entry point: create_window() for tests and tools, main() for `popbill-gui`.

popbill-gui                 the window, with saved settings and POPBILL_* overrides
popbill-gui --demo          against the simulator started in-process, demo credentials, keyring untouched
popbill-gui [--demo] FILE…  the same, with FILE on the batch tab; a window already open takes FILE and comes to the
                            front instead (platform/single_instance.py, ui/files/opener.py)
popbill-gui --smoke-test    show the window, check it is whole (ui/smoke.py), exit 0 printing nothing (CI, packages)
popbill-gui --install-shortcut / --remove-shortcut
                            the Start-menu shortcut (Windows) or menu entry (Linux), no window (platform/shortcuts.py)
"""

from __future__ import annotations

import gc

# The window's modules load without the cyclic collector: Qt's bindings and ours make some 100,000 objects here, none
# of them garbage (modules, classes, enums), and the collector would walk them about 50 times, 7 ms of the start-up
# (benchmarks/bench_gui.py). It is on again, as it was, once they are loaded, and what they made is frozen first
# (gc.freeze: left out of every later collection), or the first collections after it would walk it all again while
# the window is built (a young and a middle one, another 8 ms before the first paint).
_collecting = gc.isenabled()
gc.disable()
try:
    import argparse
    import atexit
    import logging
    import os
    import shutil
    import sys
    import tempfile
    from collections.abc import Mapping, Sequence
    from dataclasses import replace
    from datetime import datetime
    from functools import partial
    from pathlib import Path
    from typing import TYPE_CHECKING

    import platformdirs
    from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QCloseEvent, QIcon, QShowEvent
    from PySide6.QtWidgets import QApplication

    from . import ui  # noqa: F401 -- first of the window's: PySide's import hook made cheap (ui/__init__.py)

    # isort: split
    from . import __version__
    from .service import LinkCredentials, PopbillError, Service, StoreFactory
    from .storage import settings as settings_store
    from .storage.settings import APP_NAME, Settings, SettingsError
    from .ui.files import opener as opened_files
    from .ui.files.opener import FileOpener
    from .ui.log.log_model import LogEntry
    from .ui.shared import i18n, input_hints
    from .ui.shared.interpreter import share_with_the_gui
    from .ui.shared.session import Session, Source
    from .ui.window.main_window import MainWindow
    from .ui.window.warm_up import NetworkWarmUp
finally:
    if _collecting:
        gc.freeze()
        gc.enable()

if TYPE_CHECKING:
    from .platform.single_instance import Instance
    from .simulator import Simulator

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_MS = 15000
LOG_FILE_DELAY_MS = 200  # after the first paint (a zero timer would run before it)
ICON_PATH = Path(__file__).resolve().parent / "icons" / "popbill-gui.png"
ENV_CHOSEN_BY = ("POPBILL_ENV", "POPBILL_BASE_URL", "POPBILL_LINK_ID", "POPBILL_TOKEN")


# Throw-away folders (the demo's history): removed at exit, and by main() before an os._exit, which skips atexit.
_temp_folders: list[str] = []


def remove_temp_folders() -> None:
    """Remove the throw-away folders made so far. Safe to call twice."""
    while _temp_folders:
        shutil.rmtree(_temp_folders.pop(), ignore_errors=True)


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    share_with_the_gui()  # the process's interpreter settings for a window, and why: ui/shared/interpreter.py
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The PNG, not the SVG: no image plugin to load before the first paint. Every window inherits it.
    app.setWindowIcon(QIcon(str(ICON_PATH)))
    input_hints.follow_focus(app)  # Latin input in every ASCII field as it takes focus (ui/shared/input_hints.py)
    return app


class DemoWindow(MainWindow):
    """The main window bound to an in-process simulator: started once the window is on screen (its imports
    need not delay the first paint), or at the first call if that comes sooner; stopped with the window."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, save_settings=None)
        self.simulator: Simulator | None = None
        self._closed = False
        session.prepare = self.ensure_simulator  # before anything is sent, looked up or set

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the first paint (a zero timer would run before it); a click that comes sooner starts it itself.
        QTimer.singleShot(100, self.ensure_simulator)

    def ensure_simulator(self) -> None:
        if self.simulator is not None or self._closed:
            return
        from .simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator

        self.simulator = Simulator(latency_ms=150).start()  # a little latency: the demo should feel like a network
        url = self.simulator.base_url
        settings = replace(self.session.settings, base_url=url, auth_url=url, corp_num=DEMO_CORP_NUM)
        self.service.configure(settings=settings, credentials=LinkCredentials(DEMO_LINK_ID, DEMO_SECRET_KEY))
        self.refresh_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        super().closeEvent(event)
        if self.simulator is not None:
            # A call still waiting on the simulator now fails at once instead of running out its timeout.
            self.simulator.stop()


def create_window(
    demo: bool = False,
    *,
    environ: Mapping[str, str] | None = None,
    settings_path: Path | None = None,
    store_factory: StoreFactory | None = None,
    history_path: Path | None = None,
    open_files: Sequence[str] = (),
) -> MainWindow:
    """The main window, ready to show; no event loop is started.

    The call history is `history_path`, else POPBILL_HISTORY, else the platform's data folder; the demo keeps
    its own throw-away history so that it never mixes with real calls. `open_files` go to the batch tab once the
    window is shown (the first; a bad path is a sentence in the log); files handed later go to its FileOpener
    (`window.findChild(FileOpener)`), which on macOS also takes the Finder's FileOpen events.
    """
    app = ensure_app()
    environ = os.environ if environ is None else environ
    if history_path is None:
        history_path = settings_store.history_path(environ)
    if history_path is None and demo:
        folder = tempfile.mkdtemp(prefix="popbill-gui-demo-")
        if not _temp_folders:
            atexit.register(remove_temp_folders)  # the demo's history goes with the demo
        _temp_folders.append(folder)
        history_path = Path(folder) / "history.sqlite3"
    notes: list[str] = []
    saved = Settings() if demo else settings_store.load(settings_path)
    # A first start asks 운영 or 테스트 (never assumes 테스트): unless settings were saved, or variables name the
    # environment, a server or credentials (someone set this run up on purpose).
    chosen = demo or (settings_path or settings_store.default_path()).exists() or any(
        environ.get(name) for name in ENV_CHOSEN_BY
    )
    try:
        settings = settings_store.resolve({}, environ, saved)
        locked = settings_store.overridden(environ)
    except SettingsError as exc:
        notes.append(str(exc))
        settings, locked = saved, set()

    window: MainWindow
    if demo:
        settings = Settings(env="test", lang=settings.lang, timeout=settings.timeout)
        service = Service(settings, history_path=history_path, demo=True)
        i18n.install(settings.lang)
        window = DemoWindow(Session(service, Source.DEMO))
    else:
        service = Service(settings, store_factory=store_factory, history_path=history_path)
        session = Session(service, Source.PENDING, locked=locked, saved=saved, environ=dict(environ), env_chosen=chosen)
        try:
            if service.use_environment_credentials(environ):
                session.source = Source.ENV  # the keyring is never asked
        except PopbillError as exc:
            notes.append(exc.message)  # half a pair of variables: named, and the keyring is read instead
        i18n.install(settings.lang)
        window = MainWindow(session, save_settings=partial(settings_store.save, path=settings_path))
    for note in notes:
        window.log_model.add(LogEntry(datetime.now(), "settings", "", False, None, note))
    opener = FileOpener(window, window.show_batch_tab)
    opener.logged.connect(window.log)
    if opened_files.SYSTEM_SENDS_FILE_OPEN:
        opener.watch_file_open(app)
    if open_files:
        opener.open_when_shown(open_files)
    NetworkWarmUp(window.service, window.jobs, window)  # kept by its parent, the window
    return window


# -- the program ---------------------------------------------------------------------------------------
class _EarlyRecords(logging.Handler):
    """Keeps what is logged before the log file is open (see _open_log_file)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_early = _EarlyRecords()


def _setup_logging() -> None:
    """Log to a file in the platform's log directory; nothing is printed on a console.

    Qt's messages go to the log from the start; the file itself is opened by _open_log_file, after the first
    paint: logging.handlers (with socket, pickle, queue) is 7 ms of imports the window need not wait for."""
    logging.basicConfig(level=logging.INFO, handlers=[_early], force=True)
    logging.captureWarnings(True)
    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qInstallMessageHandler(lambda kind, _context, message: qt_log.log(levels.get(kind, logging.WARNING), message))


def _open_log_file() -> None:
    """Replace the early handler with the rotating log file, and write what was kept until now. Idempotent.

    The file is the owner's alone, and a second window sharing it never stops either from logging
    (storage/logfile.py)."""
    root = logging.getLogger()
    if _early not in root.handlers:
        return
    from .storage.logfile import LogFileHandler

    handler: logging.Handler
    try:
        log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        handler = LogFileHandler(log_dir / "popbill-gui.log", max_bytes=1 << 20, backup_count=2)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.removeHandler(_early)
    for record in _early.records:
        handler.handle(record)
    _early.records.clear()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="popbill-gui", description="POPBiLL e-Tax invoice tools (window)")
    parser.add_argument("--demo", action="store_true", help="run against the built-in simulator, no account needed")
    parser.add_argument("--smoke-test", action="store_true", help="show the window, wait for its first paint, exit")
    parser.add_argument("--version", action="version", version=f"popbill-gui {__version__}")
    shortcut = parser.add_mutually_exclusive_group()
    shortcut.add_argument(
        "--install-shortcut", action="store_true", help="add to the Start menu (Windows) or the application menu, exit"
    )
    shortcut.add_argument("--remove-shortcut", action="store_true", help="take that shortcut away again, exit")
    parser.add_argument("files", nargs="*", metavar="FILE", help="a CSV or Excel file to show on the batch tab")
    args = parser.parse_args(argv)
    if args.install_shortcut or args.remove_shortcut:
        return _shortcut(install=args.install_shortcut)
    _setup_logging()
    instance: Instance | None = None
    try:
        if not args.smoke_test:  # a smoke test is its own window, always
            instance, handed = _one_window(args.demo, args.files)
            if handed:
                return 0  # the window already open has the files, and came to the front (no Qt started here)
        app = ensure_app()
        window = create_window(demo=args.demo, open_files=args.files)
        if instance is not None:
            opener = window.findChild(FileOpener)
            assert opener is not None
            # After the first paint, like the log file: a second start meanwhile waits for it (HAND_OVER_WAIT).
            QTimer.singleShot(LOG_FILE_DELAY_MS, partial(instance.listen, opener.received.emit))
        if args.smoke_test:
            from .ui.window.smoke import SmokeTest

            watcher = SmokeTest(window, demo=args.demo, timeout_ms=SMOKE_TIMEOUT_MS)
            app.installEventFilter(watcher)
        window.show()
        QTimer.singleShot(LOG_FILE_DELAY_MS, _open_log_file)
        code = app.exec()
        if args.smoke_test:
            window.close()
            for problem in watcher.problems:
                print(f"popbill-gui --smoke-test: {problem}", file=sys.stderr)
            if watcher.problems:
                return 1
    except Exception as exc:
        _open_log_file()
        log.exception("popbill-gui failed")
        print(f"popbill-gui: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        if instance is not None:
            instance.close()  # a start from now on opens its own window
    _open_log_file()  # a window closed within LOG_FILE_DELAY_MS still leaves its log
    finished = window.jobs.shutdown(2000)
    # The history file is closed before its folder goes (the demo's): Windows cannot delete an open file.
    window.service.close()
    if not finished:
        # A call is still waiting on the network: the window is gone, don't keep the process for it.
        remove_temp_folders()  # os._exit skips atexit
        logging.shutdown()
        os._exit(code)
    return code


def _one_window(demo: bool, files: Sequence[str]) -> tuple[Instance | None, bool]:
    """(the claim of the first window, or None; whether the files went to a window already open)."""
    from .platform import single_instance

    key = single_instance.instance_key(settings_store.history_path(os.environ), demo=demo)
    try:
        instance = single_instance.claim(key)
    except single_instance.NoClaim:
        return None, False  # no lock to be had here: this window works alone
    if instance is not None:
        return instance, False
    handed = single_instance.hand_over(key, files)
    if not handed:
        log.warning("the window already open did not answer: opening another")
    return None, handed


def _shortcut(*, install: bool) -> int:
    """--install-shortcut / --remove-shortcut: 0 and where, or 1 and why; one sentence, no main window.

    The sentence goes to stdout (stderr when it failed); a windowed program started with no console at all
    (popbill-gui.exe from Explorer) has neither, and shows it in a message box instead."""
    from .core.messages import normalize_lang
    from .platform import shortcuts

    try:
        lang = settings_store.resolve({}, os.environ, settings_store.load()).lang
    except SettingsError:
        lang = normalize_lang(os.environ.get("POPBILL_LANG"))
    try:
        message, code = (shortcuts.install if install else shortcuts.remove)(lang), 0
    except shortcuts.ShortcutError as exc:
        message, code = str(exc), 1
    stream = sys.stdout if code == 0 else sys.stderr
    if stream is not None:
        print(message, file=stream)
    else:
        from PySide6.QtWidgets import QMessageBox

        ensure_app()
        show = QMessageBox.information if code == 0 else QMessageBox.warning
        show(None, APP_NAME, message)
    return code


def gui_main() -> None:
    sys.exit(main())
