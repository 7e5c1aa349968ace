"""Fixtures for the window's tests: a real window (demo, or a first start with an empty or no keyring) at a size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from popbill_gui.app import DemoWindow, create_window
from popbill_gui.simulator import DEMO_CORP_NUM, DEMO_LINK_ID, DEMO_SECRET_KEY, Simulator
from popbill_gui.storage.secrets import MemoryKeyring, SecretStore
from popbill_gui.ui.shared import i18n
from popbill_gui.ui.shared.session import Source
from popbill_gui.ui.window.main_window import STARTUP_WORK_DELAY_MS, MainWindow

from .confirmations import Confirmations

ClerkWindow = Callable[..., MainWindow]


def switch_language(lang: str) -> None:
    """What the window does when the language changes: Qt's translators, and LanguageChange delivered now."""
    i18n.install(lang)  # type: ignore[arg-type]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


@pytest.fixture
def clerk_window(qtbot: QtBot, tmp_path: Path) -> Iterator[ClerkWindow]:
    """clerk_window(lang="ko", size=(1100, 720), demo=True, keyring=True, environ=None): shown, the keyring read,
    the demo's simulator running; confirmations answered yes."""
    made: list[MainWindow] = []

    def make(
        lang: str = "ko",
        size: tuple[int, int] = (1100, 720),
        *,
        demo: bool = True,
        keyring: bool = True,
        environ: dict[str, str] | None = None,
    ) -> MainWindow:
        environ = {"POPBILL_LANG": lang, **(environ or {})}
        if demo:
            window = create_window(demo=True, environ=environ, history_path=tmp_path / f"h{len(made)}.sqlite3")
        else:
            store = SecretStore(MemoryKeyring() if keyring else None, lang)  # type: ignore[arg-type]
            window = create_window(
                environ=environ,
                settings_path=tmp_path / "settings.json",
                store_factory=lambda _lang: store,
                history_path=tmp_path / f"h{len(made)}.sqlite3",
            )
        i18n.install(lang)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.confirm = lambda title, text: True
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        if isinstance(window, DemoWindow):
            window.ensure_simulator()
        qtbot.wait(STARTUP_WORK_DELAY_MS + 50)  # the start-up work (keyring, history) is posted after first paint
        assert window.jobs.wait(5000)
        qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.jobs.wait(5000)


@pytest.fixture
def window_factory(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """window_factory(sim, credentials=True, lang="en"): a window on `sim` (a test's own simulator, over real
    sockets), shown, the keyring read; confirmations kept and answered yes (`Confirmations`)."""
    made: list[MainWindow] = []

    def make(sim: Simulator, *, credentials: bool = True, lang: str | None = "en") -> MainWindow:
        environ = {"POPBILL_BASE_URL": sim.base_url, "POPBILL_AUTH_URL": sim.base_url}
        environ["POPBILL_CORP_NUM"] = DEMO_CORP_NUM
        if lang is not None:  # a language set by the variable cannot be changed in Settings
            environ["POPBILL_LANG"] = lang
        if credentials:
            environ.update(POPBILL_LINK_ID=DEMO_LINK_ID, POPBILL_SECRET_KEY=DEMO_SECRET_KEY)
        window = create_window(
            environ=environ,
            settings_path=tmp_path / "settings.json",
            store_factory=lambda lang: SecretStore(MemoryKeyring(), lang),
            history_path=tmp_path / f"history-{len(made)}.sqlite3",
        )
        qtbot.addWidget(window)
        window.confirm = Confirmations()
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.session.source is not Source.PENDING)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.jobs.wait(5000)
