"""Non-secret settings: precedence, checked values, the saved file and what environment variables fix."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path

import pytest

from popbill_gui.storage import settings as store
from popbill_gui.storage.settings import ENV_VARS, Settings, SettingsError, overridden, resolve


def test_defaults() -> None:
    s = resolve(environ={})
    assert s == Settings()
    assert (s.env, s.hosts, s.lang, s.timeout) == ("test", "default", "ko", store.DEFAULT_TIMEOUT)
    assert s.base_url is None and s.corp_num is None and s.user_id is None
    assert s.connect_timeout == 10.0
    assert Settings(timeout=4.0).connect_timeout == 4.0


def test_precedence_options_then_environment_then_saved_then_defaults() -> None:
    saved = Settings(env="production", hosts="static", corp_num="1111111111", user_id="saved", timeout=20.0)
    environ = {"POPBILL_HOSTS": "ga", "POPBILL_CORP_NUM": "2222222222", "POPBILL_USER_ID": "from-env"}
    options = {"user_id": "from-option", "corp_num": None}
    s = resolve(options, environ, saved)
    assert s.user_id == "from-option"  # option beats variable and file
    assert s.corp_num == "2222222222"  # an option given as None falls through to the variable
    assert s.hosts == "ga"  # variable beats the file
    assert s.env == "production" and s.timeout == 20.0  # the file beats the defaults
    assert s.lang == "ko"  # nobody set it: the default


def test_empty_variables_do_not_override() -> None:
    saved = Settings(env="production", corp_num="1111111111")
    assert resolve({}, {"POPBILL_ENV": "", "POPBILL_CORP_NUM": ""}, saved) == saved


def test_values_are_normalised() -> None:
    s = resolve({}, {"POPBILL_ENV": " PRODUCTION ", "POPBILL_LANG": "EN", "POPBILL_TIMEOUT": "12.5"})
    assert (s.env, s.lang, s.timeout) == ("production", "en", 12.5)
    assert resolve({"hosts": "Static"}, {}).hosts == "static"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("env", "staging"),
        ("hosts", "fast"),
        ("lang", "fr"),
        ("timeout", "abc"),
        ("timeout", "0"),
        ("timeout", "-5"),
        ("timeout", "601"),
        ("timeout", "nan"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    variable = ENV_VARS[name]
    with pytest.raises(SettingsError) as caught:
        resolve({}, {variable: value})
    assert variable in str(caught.value)
    assert value.strip() in str(caught.value)


def test_bad_option_names_the_option() -> None:
    with pytest.raises(SettingsError, match="--env"):
        resolve({"env": "staging"}, {})
    with pytest.raises(SettingsError, match="--timeout"):
        resolve({"timeout": "never"}, {})


def test_timeout_bounds_are_inclusive_of_the_maximum() -> None:
    assert resolve({}, {"POPBILL_TIMEOUT": "600"}).timeout == store.MAX_TIMEOUT
    assert resolve({}, {"POPBILL_TIMEOUT": "0.5"}).timeout == 0.5


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "nested" / "settings.json"  # missing folders are made
    original = Settings(
        env="production",
        hosts="ga",
        base_url="https://api.example.com",
        auth_url="https://auth.example.com",
        corp_num="1248100998",
        user_id="clerk01",
        lang="en",
        timeout=45.5,
        ca_bundle=str(tmp_path / "회사 인증서.pem"),  # non-ASCII paths survive
    )
    store.save(original, path)
    assert store.load(path) == original
    assert json.loads(path.read_text(encoding="utf-8")) == asdict(original)
    # Atomic write: only the file itself is left behind, no temporary file.
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    store.save(Settings(), path)
    assert store.load(path) == Settings()


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert store.load(tmp_path / "nothing.json") == Settings()


@pytest.mark.parametrize("content", ["{not json", "[1, 2, 3]", '"text"', "", "\xff\xfe garbage"])
def test_unreadable_file_gives_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="latin-1")
    assert store.load(path) == Settings()


def test_a_directory_in_place_of_the_file_gives_defaults(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    assert store.load(path) == Settings()
    assert "unreadable" in caplog.text


def test_partly_invalid_file_keeps_the_good_values(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    data = {"env": "staging", "timeout": 45, "lang": "en", "hosts": 7, "corp_num": "1248100998", "unknown": 1}
    path.write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        loaded = store.load(path)
    assert loaded == Settings(timeout=45.0, lang="en", corp_num="1248100998")
    assert "ignoring the saved value of env" in caplog.text
    assert "ignoring the saved value of hosts" in caplog.text


def test_saved_settings_feed_resolve(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store.save(Settings(corp_num="1248100998", lang="en"), path)
    s = resolve({}, {"POPBILL_LANG": "ko"}, store.load(path))
    assert (s.corp_num, s.lang) == ("1248100998", "ko")


def test_default_path_is_in_the_config_directory() -> None:
    path = store.default_path()
    assert path.name == "settings.json"
    assert store.APP_NAME in path.parts


def test_overridden_names_the_settings_set_by_variables() -> None:
    environ = {
        "POPBILL_ENV": "production",
        "POPBILL_TIMEOUT": "5",
        "POPBILL_LANG": "",  # empty: not set
        "POPBILL_SECRET_KEY": "x",  # a credential, not a setting
        "HOME": "/root",
    }
    assert overridden(environ) == {"env", "timeout"}
    assert overridden({}) == set()
    assert overridden({var: "1" for var in ENV_VARS.values()}) == set(ENV_VARS)
