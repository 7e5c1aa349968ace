"""POPBiLL's test and production hosts, their static-IP and GA alternatives, and custom URLs.

An `Environment` says where the API and the token service are and which ServiceID the token is asked
for. Custom URLs serve firewalled networks and the loopback simulator; plain http:// is allowed only for
loopback addresses, so a typo can never send a token in clear text over a network.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from .errors import Kind, PopbillError
from .messages import Lang

EnvName = Literal["test", "production"]
HostVariant = Literal["default", "static", "ga"]
ENV_NAMES: tuple[EnvName, ...] = ("test", "production")
HOST_VARIANTS: tuple[HostVariant, ...] = ("default", "static", "ga")

SERVICE_IDS: dict[EnvName, str] = {"test": "POPBILL_TEST", "production": "POPBILL"}

_API_HOSTS: dict[tuple[EnvName, HostVariant], str] = {
    ("test", "default"): "popbill-test.linkhub.co.kr",
    ("test", "static"): "static-popbill-test.linkhub.co.kr",
    ("test", "ga"): "ga-popbill-test.linkhub.co.kr",
    ("production", "default"): "popbill.linkhub.co.kr",
    ("production", "static"): "static-popbill.linkhub.co.kr",
    ("production", "ga"): "ga-popbill.linkhub.co.kr",
}
_AUTH_HOSTS: dict[HostVariant, str] = {
    "default": "auth.linkhub.co.kr",
    "static": "static-auth.linkhub.co.kr",
    "ga": "ga-auth.linkhub.co.kr",
}


@dataclass(frozen=True)
class Environment:
    """Where calls go. `auth_url` is the token service base; `/{service_id}/Token` is added to it."""

    name: EnvName
    base_url: str
    auth_url: str
    service_id: str

    @property
    def token_path(self) -> str:
        return f"/{self.service_id}/Token"

    @property
    def is_production(self) -> bool:
        return self.name == "production"


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, lang: Lang = "ko") -> str:
    """The URL without a trailing slash, or a PopbillError: https anywhere, plain http on loopback only."""
    cleaned = url.strip().rstrip("/")
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname or ""
        parts.port  # noqa: B018 -- raises ValueError for a malformed port
    except ValueError:
        raise PopbillError.client(Kind.BAD_URL, lang, url=cleaned) from None
    if not host or parts.scheme not in ("http", "https") or parts.query or parts.fragment or parts.username:
        raise PopbillError.client(Kind.BAD_URL, lang, url=cleaned)
    if parts.scheme == "http" and not is_loopback_host(host):
        raise PopbillError.client(Kind.PLAIN_HTTP, lang, url=cleaned)
    return cleaned


def check_pac_url(location: str, lang: Lang = "ko") -> str:
    """A proxy auto-configuration script's location, trimmed, or a PopbillError (BAD_URL): an http:// or https://
    address with a host (plain http is how offices serve these scripts; the calls themselves stay on verified TLS),
    a file: URL, or a path to a file on this computer (C:\\..., \\\\server\\share\\..., /etc/...)."""
    cleaned = location.strip().strip('"')
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 -- raises ValueError for a malformed port
    except ValueError:
        raise PopbillError.client(Kind.BAD_URL, lang, url=cleaned) from None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.hostname and not parts.username and not parts.fragment:
        return cleaned
    windows_path = len(cleaned) > 3 and cleaned[1:3] in (":\\", ":/") and cleaned[0].isalpha()
    if scheme == "file" or windows_path or cleaned.startswith(("/", "\\\\")):
        return cleaned
    raise PopbillError.client(Kind.BAD_URL, lang, url=cleaned)


def resolve(
    name: EnvName = "test",
    variant: HostVariant = "default",
    base_url: str | None = None,
    auth_url: str | None = None,
    lang: Lang = "ko",
) -> Environment:
    """The environment `name` with its `variant` hosts, custom URLs taking precedence when given."""
    if name not in SERVICE_IDS:
        raise ValueError(f"unknown environment {name!r}")
    if variant not in _AUTH_HOSTS:
        raise ValueError(f"unknown host variant {variant!r}")
    base = check_url(base_url, lang) if base_url else f"https://{_API_HOSTS[(name, variant)]}"
    auth = check_url(auth_url, lang) if auth_url else f"https://{_AUTH_HOSTS[variant]}"
    return Environment(name, base, auth, SERVICE_IDS[name])
