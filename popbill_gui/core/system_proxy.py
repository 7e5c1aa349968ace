"""The proxy that the variables or the system's manual settings name for one origin, or None for its exceptions.

HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and the system's settings (the Windows registry, macOS System Settings) come
from the standard library's `urllib.request.getproxies()`; the exceptions are NO_PROXY (host names and their
subdomains, with or without the port, IPv4 addresses and CIDR networks) and then the system's own bypass list. This
is how requests decided it (`get_environ_proxies`, `select_proxy`, version 2.34), kept rule for rule since the client
no longer uses requests (tests/core/test_system_proxy.py compares the two where requests is installed); on Windows,
as requests does, the registry's exceptions are matched without DNS look-ups. The caller (`proxies.py`) asks once per
origin and session; loopback never gets this far.
"""

from __future__ import annotations

import os
import re
import socket
import struct
import sys
import urllib.request


def environ_proxy(scheme: str, host: str, port: int | None) -> str | None:
    """The proxy URL for scheme://host[:port], or None: direct (an exception, or no proxy named for the scheme).
    A proxy named without a scheme (`HTTPS_PROXY=proxy.corp:3128`) is an HTTP proxy, as curl and requests take it."""
    if not host or _bypassed(host, port):
        return None
    proxies = urllib.request.getproxies()
    for key in (f"{scheme}://{host}", scheme, f"all://{host}", "all"):
        if key in proxies:
            return with_scheme(proxies[key])
    return None


def with_scheme(proxy: str) -> str:
    return proxy if "://" in proxy else f"http://{proxy}"


def _bypassed(host: str, port: int | None) -> bool:
    no_proxy = os.environ.get("no_proxy") or os.environ.get("NO_PROXY")
    if no_proxy:
        entries = [entry for entry in no_proxy.replace(" ", "").split(",") if entry]
        if _is_ipv4(host):
            for entry in entries:
                if _address_in_network(host, entry) if _is_cidr(entry) else host == entry:
                    return True
        else:
            with_port = f"{host}:{port}" if port else host
            for entry in entries:
                entry = entry.lstrip(".")
                if entry in (host, with_port) or host.endswith("." + entry) or with_port.endswith("." + entry):
                    return True
    try:
        return bool(_proxy_bypass(host))
    except (TypeError, socket.gaierror):
        return False


def _is_ipv4(text: str) -> bool:
    try:
        socket.inet_aton(text)
    except OSError:
        return False
    return True


def _is_cidr(text: str) -> bool:
    if text.count("/") != 1:
        return False
    address, bits = text.split("/")
    try:
        mask = int(bits)
    except ValueError:
        return False
    return 1 <= mask <= 32 and _is_ipv4(address)


def _address_in_network(ip: str, network: str) -> bool:
    address, bits = network.split("/")
    mask = (0xFFFFFFFF << (32 - int(bits))) & 0xFFFFFFFF
    ours: int = struct.unpack(">L", socket.inet_aton(ip))[0]
    theirs: int = struct.unpack(">L", socket.inet_aton(address))[0]
    return (ours & mask) == (theirs & mask)


if sys.platform == "win32":  # pragma: no cover -- Windows only

    def _proxy_bypass(host: str) -> bool:
        """The variables' exceptions when a proxy variable is set, else the registry's ProxyOverride, matched
        without DNS look-ups (the standard library's version resolves the host first)."""
        if urllib.request.getproxies_environment():  # then the standard library looks at the variables only
            return bool(urllib.request.proxy_bypass(host))
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"
            ) as settings:
                enabled = int(winreg.QueryValueEx(settings, "ProxyEnable")[0])  # REG_SZ or REG_DWORD
                override = winreg.QueryValueEx(settings, "ProxyOverride")[0]
        except (OSError, ValueError):
            return False
        if not enabled or not override:
            return False
        for test in filter(None, str(override).split(";")):
            if test == "<local>" and "." not in host:
                return True
            pattern = test.replace(".", r"\.").replace("*", r".*").replace("?", r".")
            if re.match(pattern, host, re.I):
                return True
        return False

else:

    def _proxy_bypass(host: str) -> bool:
        return bool(urllib.request.proxy_bypass(host))
