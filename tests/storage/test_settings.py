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


# ---- the CA file (issues 12.12 and 14.1) ----
@pytest.fixture
def ca_pem(tmp_path: Path) -> Path:
    trustme = pytest.importorskip("trustme")
    path = tmp_path / "회사 루트.pem"
    trustme.CA().cert_pem.write_to_path(str(path))
    return path


def test_a_ca_file_from_a_variable_or_option_must_exist(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.pem")
    with pytest.raises(SettingsError) as by_variable:
        resolve({}, {"POPBILL_CA_BUNDLE": missing, "POPBILL_LANG": "en"})
    assert missing in str(by_variable.value) and "does not exist" in str(by_variable.value)
    assert "POPBILL_CA_BUNDLE" in str(by_variable.value)
    with pytest.raises(SettingsError) as by_option:
        resolve({"ca_bundle": missing}, {})
    assert missing in str(by_option.value) and "없습니다" in str(by_option.value)  # Korean by default


def test_a_quoted_ca_path_is_accepted_without_its_quotes(ca_pem: Path) -> None:
    # Windows Explorer's "Copy as path" gives "C:\...\ca.pem", quotes included.
    assert resolve({}, {"POPBILL_CA_BUNDLE": f'"{ca_pem}"'}).ca_bundle == str(ca_pem)
    assert resolve({"ca_bundle": f"  '{ca_pem}'  "}, {}).ca_bundle == str(ca_pem)


def test_a_saved_ca_file_that_went_missing_costs_no_other_setting(tmp_path: Path) -> None:
    saved = Settings(ca_bundle=str(tmp_path / "gone.pem"))
    s = resolve({}, {"POPBILL_ENV": "production"}, saved)  # no exception: the call that needs the file says so
    assert (s.env, s.ca_bundle) == ("production", saved.ca_bundle)


def test_the_dialog_check_says_it_at_once(ca_pem: Path, tmp_path: Path) -> None:
    assert store.ca_bundle_problem("") is None and store.ca_bundle_problem("   ") is None
    assert store.ca_bundle_problem(str(ca_pem)) is None
    assert store.ca_bundle_problem(f'"{ca_pem}"', "en") is None
    not_cert = tmp_path / "readme.txt"
    not_cert.write_text("not a certificate")
    for path, words in ((tmp_path / "gone.pem", "does not exist"), (tmp_path, "folder"), (not_cert, "no certificate")):
        problem = store.ca_bundle_problem(str(path), "en")
        assert problem is not None and str(path) in problem and words in problem
        korean = store.ca_bundle_problem(str(path), "ko")
        assert korean is not None and str(path) in korean and korean != problem
