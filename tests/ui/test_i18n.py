"""The Qt Linguist sources are complete and consistent, and the shipped .qm files are compiled from them."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "popbill_gui" / "i18n"
LANGS = ("ko", "en")

PLACEHOLDER = re.compile(r"%\d|\{\d\}")
MNEMONIC = re.compile(r"&(?!&)")  # '&&' is a literal ampersand, not a mnemonic
MNEMONIC_LETTER = re.compile(r"&(?!&)([^\W\d_])")


def ts_path(lang: str) -> Path:
    return TS_DIR / f"popbill_gui_{lang}.ts"


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message; ElementTree un-escapes the XML."""
    found = []
    for context in ET.parse(ts_path(lang)).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (lang, name, message.findtext("source"))
            found.append((name, message.findtext("source", ""), translation))
    return found


ALL = [(lang, context, source, tr) for lang in LANGS for context, source, tr in messages(lang)]
IDS = [f"{lang}:{context}:{source[:40]}" for lang, context, source, _ in ALL]


def mnemonics(text: str) -> int:
    return len(MNEMONIC.findall(text.replace("&&", "")))


@pytest.mark.parametrize("lang", LANGS)
def test_i18n_ts_has_messages(lang: str) -> None:
    assert len(messages(lang)) > 50


@pytest.mark.parametrize(("lang", "context", "source", "translation"), ALL, ids=IDS)
def test_i18n_translation_finished(lang: str, context: str, source: str, translation: ET.Element) -> None:
    assert translation.get("type") not in ("unfinished", "vanished", "obsolete")
    assert (translation.text or "").strip(), "empty translation"


@pytest.mark.parametrize(("lang", "context", "source", "translation"), ALL, ids=IDS)
def test_i18n_placeholders_kept(lang: str, context: str, source: str, translation: ET.Element) -> None:
    text = translation.text or ""
    for placeholder in set(PLACEHOLDER.findall(source)):
        assert text.count(placeholder) == source.count(placeholder), placeholder
    assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source))
    assert text.count("\n") == source.count("\n")


@pytest.mark.parametrize(("lang", "context", "source", "translation"), ALL, ids=IDS)
def test_i18n_mnemonics_kept(lang: str, context: str, source: str, translation: ET.Element) -> None:
    text = translation.text or ""
    wanted = MNEMONIC_LETTER.search(source.replace("&&", ""))
    if wanted:
        assert mnemonics(text) == 1, text
        got = MNEMONIC_LETTER.search(text.replace("&&", ""))
        assert got is not None and got.group(1).lower() == wanted.group(1).lower(), text
    else:
        assert mnemonics(text) == 0, text


def test_i18n_korean_tab_titles() -> None:
    main = {source: tr.text for context, source, tr in messages("ko") if context == "MainWindow"}
    assert main["Resend Email"] == "이메일 재전송"
    assert main["Assign MgtKey"] == "문서번호 할당"
    resend = {source: tr.text for context, source, tr in messages("ko") if context == "ResendTab"}
    assert resend["&Send"] == "보내기(&S)"


def lrelease() -> Path:
    name = "pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease"
    tool = Path(sys.executable).parent / name
    if not tool.exists():
        pytest.skip(f"{name} not found next to {sys.executable}")
    return tool


@pytest.mark.parametrize("lang", LANGS)
def test_i18n_qm_up_to_date(lang: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"popbill_gui_{lang}.qm"
    subprocess.run([str(lrelease()), "-silent", str(ts_path(lang)), "-qm", str(compiled)], check=True, timeout=120)
    shipped = QM_DIR / compiled.name
    assert shipped.read_bytes() == compiled.read_bytes(), f"{shipped.name} is stale: run scripts/i18n compile"


def test_i18n_korean_qm_translates(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_DIR / "popbill_gui_ko.qm"))
    assert translator.translate("MainWindow", "Resend Email") == "이메일 재전송"
    assert translator.translate("MainWindow", "Assign MgtKey") == "문서번호 할당"
    assert QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Resend Email") == "이메일 재전송"
    finally:
        QCoreApplication.removeTranslator(translator)
