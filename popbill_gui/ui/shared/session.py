"""What the window knows about its connection beyond the service: where the credentials came from, and what the
settings file and POPBILL_* variables hold. Qt-free.

The settings, the credentials and the client are the service's (`service.Service`); this adds the state the
window shows: the credentials' source (status bar), whether a keyring is usable, which settings a variable fixes,
and what to do before anything is sent (`prepare`: the demo starts its simulator there).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from ...core.models import Credentials
from ...service import Service
from ...storage.settings import Settings


class Source(str, Enum):
    NONE = "none"
    PENDING = "pending"  # the keyring is being read
    ENV = "env"
    KEYRING = "keyring"
    SESSION = "session"  # memory only, by the user's choice (no usable keyring)
    DEMO = "demo"


@dataclass
class Session:
    service: Service
    source: Source = Source.NONE
    keyring_available: bool | None = None  # None: not asked (yet, or not needed)
    locked: set[str] = field(default_factory=set)  # settings fixed by POPBILL_* variables
    saved: Settings = field(default_factory=Settings)  # what the settings file holds
    environ: Mapping[str, str] = field(default_factory=dict, repr=False)
    # False on a first start (no settings saved, no POPBILL_* variable naming a server or credentials): 운영 or
    # 테스트 is then asked, never assumed; nothing is sent until it is chosen in Settings.
    env_chosen: bool = True
    # Called before anything is sent or looked up (a call, a look-up, a search, a batch, the settings).
    prepare: Callable[[], None] = field(default=lambda: None, repr=False, compare=False)

    @property
    def settings(self) -> Settings:
        return self.service.settings

    @property
    def credentials(self) -> Credentials | None:
        return self.service.credentials

    @property
    def demo(self) -> bool:
        return self.service.demo

    @property
    def environment_name(self) -> str:
        """"demo", "test" or "production": what the strip shows and the history records."""
        return self.service.environment_name
