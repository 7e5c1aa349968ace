"""Which proxy a call goes through: decided once per host and client session, never for this computer itself.

The first of these that has an answer decides, as browsers and Windows do it:

1. this computer's own (loopback) addresses never go through a proxy: they are the simulator and the demo, and a
   proxy would see their Authorization header in clear;
2. the standard variables HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, with NO_PROXY, set on purpose by whoever started
   the program;
3. a proxy auto-configuration script (PAC): the one named in the settings or by POPBILL_PAC_URL, else the system's
   (Windows' "Use setup script", macOS' "Automatic proxy configuration"), else one found by WPAD (wpad.<domain>)
   where the system has automatic detection on (Windows, macOS). Its FindProxyForURL decides per host;
4. the system's manual proxy settings (the Windows registry, macOS System Settings) with their exceptions;
5. a direct connection.

The script is fetched (directly, a few seconds at most) on the first call to a real host and run by pypac in
dukpy's QuickJS, in a child process with each run bounded in time (`pac_engine.py`: a script that loops forever
cannot hang the program); neither is imported in this process. What was found is kept with each route, so a
DNS or connection failure can say that a script or a system proxy was involved (`Route.note`).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import pac_engine
from .environments import is_loopback_host
from .messages import Lang, text
from .pac_engine import TOO_SLOW, PacProblem, PacScript

log = logging.getLogger(__name__)

PAC_TIMEOUT = 3.0  # seconds to fetch one candidate script: a missing WPAD host must not hold up the first call
MAX_PAC = 1 << 20  # bytes: company scripts are a few KB
# What servers label PAC scripts with; pypac alone takes only the first two, which many servers do not send.
PAC_TYPES = frozenset(
    {
        "application/x-ns-proxy-autoconfig",
        "application/x-javascript-config",
        "application/javascript",
        "application/x-javascript",
        "text/javascript",
        "text/plain",
        "application/octet-stream",
    }
)


@dataclass(frozen=True)
class Note:
    """A sentence to add to a DNS or connection failure: the message key and its values."""

    key: str
    params: dict[str, str] = field(default_factory=dict)

    def describe(self, lang: Lang) -> str:
        params = dict(self.params)
        if "reason" in params:
            params["reason"] = text(params["reason"], lang, **self.params)
        return text(self.key, lang, **params)


@dataclass(frozen=True)
class Route:
    """How calls to one origin go: through `proxy` (a URL) or directly (None); `source` says who decided."""

    proxy: str | None
    source: str  # "loopback", "variables", "pac", "system" or "direct"
    note: Note | None = None


@dataclass
class SystemAutoConfig:
    """What the operating system says about automatic proxy configuration."""

    script: str | None = None  # a PAC URL or file path
    detect: bool = False  # WPAD: automatic detection is on


@dataclass
class _Pac:
    """The session's proxy auto-configuration script, once looked for."""

    where: str | None = None  # the URL or path it came from (shown to the user), None when there is none
    problem: str | None = None  # message key of why it cannot be used
    script: PacScript | None = None


def shown(url: str) -> str:
    """A proxy's or script's address as it may be shown: never a user name or password written into it."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=netloc).geturl()


def system_auto_config() -> SystemAutoConfig:
    """The system's PAC script and automatic detection (Windows registry, macOS SystemConfiguration); none on Linux."""
    try:
        if sys.platform == "win32":
            return _windows_auto_config()
        if sys.platform == "darwin":
            return _macos_auto_config()
    except Exception as exc:  # noqa: BLE001 -- a setting that cannot be read is a setting that is not there
        log.warning("the system's proxy auto-configuration could not be read: %s", type(exc).__name__)
    return SystemAutoConfig()


if sys.platform == "win32":  # pragma: no cover -- Windows only

    def _windows_auto_config() -> SystemAutoConfig:
        import winreg

        from pypac.os_settings import autoconfig_url_from_registry

        detect = False
        path = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings\Connections"
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                blob = winreg.QueryValueEx(key, "DefaultConnectionSettings")[0]
            # Byte 8 holds the flags of Internet Options → LAN settings; 0x08: "Automatically detect settings".
            detect = isinstance(blob, bytes) and len(blob) > 8 and bool(blob[8] & 0x08)
        except OSError:
            detect = False
        return SystemAutoConfig(autoconfig_url_from_registry() or None, detect)


if sys.platform == "darwin":  # pragma: no cover -- macOS only

    def _macos_auto_config() -> SystemAutoConfig:
        import SystemConfiguration  # pypac's dependency on macOS (pyobjc)

        config = SystemConfiguration.SCDynamicStoreCopyProxies(None) or {}
        script = None
        if config.get("ProxyAutoConfigEnable") and config.get("ProxyAutoConfigURLString"):
            script = str(config["ProxyAutoConfigURLString"])
        return SystemAutoConfig(script, bool(config.get("ProxyAutoDiscoveryEnable")))


def _variables_set() -> bool:
    import urllib.request

    names = urllib.request.getproxies_environment()
    return any(names.get(n) for n in ("https", "http", "all"))


class ProxyRoutes:
    """Routes per origin for one client session; safe to share between the session's worker threads.

    `pac_url`: the settings' script (POPBILL_PAC_URL), which takes the place of the system's. `fetch(url)`:
    how a script is downloaded (the transport's trust, no proxy); `auto_config`: the system's settings.
    """

    def __init__(
        self,
        pac_url: str | None = None,
        *,
        fetch: Callable[[str], tuple[int, str, bytes]] | None = None,
        auto_config: Callable[[], SystemAutoConfig] | None = None,
    ) -> None:
        self.pac_url = (pac_url or "").strip() or None
        self._fetch = fetch
        self._auto_config = auto_config or system_auto_config
        self._routes: dict[str, Route] = {}
        self._pac: _Pac | None = None
        self._lock = threading.Lock()

    def route(self, scheme: str, netloc: str, host: str) -> Route:
        """The route for scheme://netloc (looked up once, then remembered)."""
        origin = f"{scheme}://{netloc}"
        found = self._routes.get(origin)
        if found is None:
            with self._lock:  # the first calls of a batch arrive together: one look-up, one script download
                found = self._routes.get(origin)
                if found is None:
                    found = self._routes[origin] = self._decide(origin, scheme, host)
                    log.debug("route to %s: %s (%s)", origin, shown(found.proxy or "direct"), found.source)
        return found

    def _decide(self, origin: str, scheme: str, host: str) -> Route:
        if is_loopback_host(host):
            return Route(None, "loopback")
        from .system_proxy import environ_proxy  # loaded for a real host only

        port = urlsplit(origin).port
        if _variables_set():
            proxy = environ_proxy(scheme, host, port)
            if proxy:
                return Route(proxy, "variables")
            return Route(None, "direct", self._bypassed())
        pac = self._script()
        if pac.script is not None:
            route = self._from_script(pac.script, pac.where or "", origin, host)
            if route is not None:
                return route
        proxy = environ_proxy(scheme, host, port)
        if proxy:
            return Route(proxy, "system")
        if pac.where is not None:  # a script was named or found, and could not be used
            return Route(None, "direct", _unusable(pac.where, pac.problem or ""))
        return Route(None, "direct", self._bypassed())

    def _bypassed(self) -> Note | None:
        """The system or the variables name a proxy, but not for this address (an exception, another scheme)."""
        import urllib.request

        named = {k: v for k, v in urllib.request.getproxies().items() if k != "no" and v}
        proxy = named.get("https") or named.get("all") or named.get("http")
        return Note("proxy.system_bypassed", {"proxy": shown(proxy)}) if proxy else None

    def _from_script(self, script: PacScript, where: str, origin: str, host: str) -> Route | None:
        try:
            # Only scheme, host and port: what browsers hand the script for https, and all a route depends on.
            value, choices = script.find(origin + "/", host)
        except PacProblem as problem:  # it failed, returned garbage or ran too long: this session goes without it
            log.warning("the proxy auto-configuration script failed for %s: %s", host, problem.reason)
            return Route(None, "direct", _unusable(where, problem.reason))
        for choice in choices:
            if choice == "DIRECT":
                return Route(None, "pac", Note("proxy.pac_direct", {"where": where}))
            if choice.startswith(("http://", "https://")):
                return Route(choice, "pac", Note("proxy.pac_chose", {"where": where, "proxy": shown(choice)}))
        # SOCKS only (not supported), or nothing usable: say what the script asked for.
        log.warning("the proxy auto-configuration script gave no usable proxy for %s: %r", host, value)
        return Route(None, "direct", _unusable(where, "proxy.reason.no_proxy"))

    # -- the script -----------------------------------------------------------------------------------------

    def _script(self) -> _Pac:
        if self._pac is None:
            self._pac = self._find_script()
        return self._pac

    def _find_script(self) -> _Pac:
        candidates: list[str] = []
        if self.pac_url:
            candidates = [self.pac_url]
        else:
            system = self._auto_config()
            if system.script:
                candidates.append(system.script)
            if system.detect:
                candidates += _wpad_urls()
        if not candidates:
            return _Pac()
        problem = "proxy.reason.unreachable"
        for where in candidates:
            try:
                source = self._read(where)
            except _NotAScript:
                problem = "proxy.reason.not_script"
                continue
            except OSError:
                continue
            return self._parse(where, source)
        log.warning("no proxy auto-configuration script could be read from %s", ", ".join(map(shown, candidates)))
        return _Pac(shown(candidates[0]), problem)

    def _read(self, where: str) -> str:
        if where.lower().startswith(("http://", "https://")):
            if self._fetch is None:
                raise OSError("no way to fetch a script")
            status, content_type, body = self._fetch(where)
            kind = content_type.split(";")[0].strip().lower()
            if status != 200 or (kind and kind not in PAC_TYPES) or len(body) > MAX_PAC:
                raise _NotAScript(where)
            return body.decode("utf-8", "replace")
        path = where
        if where.lower().startswith("file:"):
            from pypac.os_settings import file_url_to_local_path

            path = (file_url_to_local_path(where) if sys.platform == "win32" else unquote(urlsplit(where).path)) or ""
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_PAC:
            raise OSError(f"not a file: {path}")
        return file.read_text(encoding="utf-8", errors="replace")

    def _parse(self, where: str, source: str) -> _Pac:
        script = PacScript(source)
        try:
            script.start()  # in its child process: the engine loaded, the script compiled and tried once
        except PacProblem as problem:
            log.warning("the proxy auto-configuration script from %s cannot be used: %s", shown(where), problem.reason)
            return _Pac(shown(where), problem.reason)
        return _Pac(shown(where), None, script)

    def close(self) -> None:
        """End the script's child process; a later route looks for the script again."""
        with self._lock:
            pac, self._pac = self._pac, None
            self._routes.clear()
        if pac is not None and pac.script is not None:
            pac.script.close()


def _unusable(where: str, reason: str) -> Note:
    """The sentence for a script that was named or found but not used: why, and so the connection went direct."""
    params = {"where": where, "reason": reason}
    if reason == TOO_SLOW:
        params["seconds"] = f"{pac_engine.PAC_RUN_TIMEOUT:g}"
    return Note("proxy.pac_unusable", params)


class _NotAScript(OSError):
    """An answer that is not a PAC script (an error status, an HTML page, far too large)."""


def _wpad_urls() -> list[str]:
    """WPAD's candidate URLs from this computer's domain (wpad.corp.example.com/wpad.dat, then up the tree)."""
    try:
        from pypac.wpad import proxy_urls_from_dns

        return list(proxy_urls_from_dns())
    except Exception as exc:  # noqa: BLE001 -- no domain, or the public suffix list unavailable: no WPAD
        log.debug("no WPAD candidates: %s", type(exc).__name__)
        return []
