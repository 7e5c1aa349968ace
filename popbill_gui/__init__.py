"""popbill-gui: resend e-Tax invoice mail and assign document IDs through POPBiLL."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("popbill-gui")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
