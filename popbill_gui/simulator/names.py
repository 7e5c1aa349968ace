"""The simulator's names and defaults that the command line's parser shows (its faults, its book's size and seed):
plain values, importing nothing, so that building `popbill-cli`'s parser does not load the simulator."""

from __future__ import annotations

DEFAULT_SEED = 20261124
DEFAULT_SIZE = 300

FAULTS = (
    "html-500",
    "empty-502",
    "non-json-200",
    "no-code-json",
    "oversized",
    "hang",
    "reset",
    "bad-gzip",
    "token-refused",
    "done-then-reset",
    "done-then-500",
)
AUTH_FAULTS = tuple(name for name in FAULTS if name != "token-refused")
