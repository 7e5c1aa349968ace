"""popbill-gui: resend e-Tax invoice mail and assign document IDs through POPBiLL."""

# The one place the version is written; pyproject.toml reads it (importlib.metadata costs ~15 ms at start-up).
__version__ = "0.1.0"
