"""Non-secret settings: what they are, where they are saved, and how POPBILL_* variables override them.

The window saves them as a small JSON file in the platform's config directory (platformdirs); the command
line reads only the environment and its options. Both resolve values through `resolve`, so a variable
means the same in both. Secrets are never here: they live in the keyring (`secrets.py`).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from ..core.environments import ENV_NAMES, HOST_VARIANTS
from ..core.errors import Kind, PopbillError
from ..core.messages import LANGS, Lang, normalize_lang
from ..core.models import Credentials, LinkCredentials, TokenCredentials
from .private import private_file, private_folder

log = logging.getLogger(__name__)

APP_NAME = "popbill-gui"
DEFAULT_TIMEOUT = 30.0
MAX_TIMEOUT = 600.0

# Setting → environment variable (the same names for the window and the command line).
ENV_VARS: dict[str, str] = {
    "env": "POPBILL_ENV",
    "hosts": "POPBILL_HOSTS",
    "base_url": "POPBILL_BASE_URL",
    "auth_url": "POPBILL_AUTH_URL",
    "corp_num": "POPBILL_CORP_NUM",
    "user_id": "POPBILL_USER_ID",
    "lang": "POPBILL_LANG",
    "timeout": "POPBILL_TIMEOUT",
    "ca_bundle": "POPBILL_CA_BUNDLE",
    "pac_url": "POPBILL_PAC_URL",  # a proxy auto-configuration script in place of the system's (core/proxies.py)
}


class SettingsError(ValueError):
    """A setting value that cannot be used (the message names the variable and the allowed values)."""


@dataclass(frozen=True)
class Settings:
    env: str = "test"
    hosts: str = "default"
    base_url: str | None = None
    auth_url: str | None = None
    corp_num: str | None = None
    user_id: str | None = None
    lang: Lang = "ko"
    timeout: float = DEFAULT_TIMEOUT
    ca_bundle: str | None = None
    pac_url: str | None = None  # the window's field comes with the settings dialog's next change (phase 2)

    @property
    def connect_timeout(self) -> float:
        return min(self.timeout, 10.0)


def _parse(name: str, raw: str | float | None) -> object:
    """One setting from text (an option, a variable or the file), checked."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return getattr(Settings(), name)
    if name == "timeout":
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0 < value <= MAX_TIMEOUT:
            raise SettingsError(
                f"{ENV_VARS[name]}/--timeout must be seconds between 0 and {MAX_TIMEOUT:g}, not {raw!r}"
            )
        return value
    text = str(raw).strip()
    if name == "ca_bundle":
        from ..core.trust import clean_ca_path  # when a CA file is named: ssl is no start-up import

        return clean_ca_path(text) or None  # "Copy as path" quotes it
    allowed: tuple[str, ...] | None = {"env": ENV_NAMES, "hosts": HOST_VARIANTS, "lang": LANGS}.get(name)
    if allowed is not None:
        if text.lower() not in allowed:
            option = "--" + name.replace("_", "-")
            raise SettingsError(f"{ENV_VARS[name]}/{option} must be one of {', '.join(allowed)}, not {text!r}")
        return normalize_lang(text) if name == "lang" else text.lower()
    return text


def resolve(
    options: Mapping[str, str | None] | None = None,
    environ: Mapping[str, str] | None = None,
    saved: Settings | None = None,
) -> Settings:
    """Options first, then POPBILL_* variables, then saved settings, then defaults.

    A CA file given by an option or a variable must exist and hold certificates (SettingsError naming the path).
    A saved one is not checked here, so that a file gone missing never costs the other settings: the call that
    needs it says so (Kind.CA_FILE), and the settings dialog checks it at once (`ca_bundle_problem`).
    """
    options = options or {}
    environ = os.environ if environ is None else environ
    base = saved or Settings()
    values: dict[str, object] = {}
    given: set[str] = set()
    for name in ENV_VARS:
        raw = options.get(name)
        if raw is None:
            raw = environ.get(ENV_VARS[name]) or None
        if raw is not None:
            given.add(name)
        values[name] = _parse(name, raw) if raw is not None else getattr(base, name)
    bundle = values["ca_bundle"]
    if "ca_bundle" in given and isinstance(bundle, str):
        from ..core.trust import ca_file_problem

        problem = ca_file_problem(bundle, values["lang"])  # type: ignore[arg-type]
        if problem is not None:
            raise SettingsError(f"{ENV_VARS['ca_bundle']}/--ca-bundle: {problem}")
    return Settings(**values)  # type: ignore[arg-type]


def ca_bundle_problem(raw: str, lang: Lang = "ko") -> str | None:
    """Why this CA file cannot be used, as one sentence in `lang`; None when it can, or when the field is empty.

    For the settings dialog, to say it as soon as the path is typed or chosen. Save `clean_ca_path(raw)`:
    the path without the quotes that Windows' "Copy as path" adds.
    """
    from ..core.trust import ca_file_problem

    return ca_file_problem(raw, lang)


def overridden(environ: Mapping[str, str] | None = None) -> set[str]:
    """The settings that POPBILL_* variables set for this run (the window shows them as fixed)."""
    environ = os.environ if environ is None else environ
    return {name for name, var in ENV_VARS.items() if environ.get(var)}


def default_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load(path: Path | None = None) -> Settings:
    """The saved settings; defaults when there are none or the file is unreadable (never an exception)."""
    path = path or default_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s is unreadable (%s); using defaults", path, type(exc).__name__)
        return Settings()
    values: dict[str, object] = {}
    for name, raw in data.items() if isinstance(data, dict) else ():
        if name in ENV_VARS:
            try:
                values[name] = _parse(name, raw)
            except SettingsError:
                log.warning("ignoring the saved value of %s", name)
    return Settings(**values)  # type: ignore[arg-type]


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically (a temporary file, then rename), so a crash never leaves half a file."""
    path = path or default_path()
    private_folder(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        private_file(Path(tmp))  # 0600 whatever the umask (mkstemp's 0600 is subject to it)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(settings), handle, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def history_path(environ: Mapping[str, str]) -> Path | None:
    """The history file POPBILL_HISTORY names, or None for the default (the platform's data folder)."""
    value = environ.get("POPBILL_HISTORY", "").strip()
    return Path(value) if value else None


def env_credentials(environ: Mapping[str, str], lang: Lang = "ko") -> Credentials | None:
    """Credentials from POPBILL_TOKEN or POPBILL_LINK_ID + POPBILL_SECRET_KEY; None when none is set.

    When these are set the keyring is neither needed nor asked.
    """
    token = environ.get("POPBILL_TOKEN", "").strip()
    link_id = environ.get("POPBILL_LINK_ID", "").strip()
    secret = environ.get("POPBILL_SECRET_KEY", "").strip()
    if token:
        return TokenCredentials(token)
    if link_id or secret:
        if not (link_id and secret):  # half set: a mistake worth naming, not a reason to ask the keyring
            raise PopbillError.client(Kind.NO_CREDENTIALS, lang)
        return LinkCredentials(link_id, secret)
    return None
