"""Everything Qt: the window, one folder per feature (window/, calls/, resend/, assign/, find/, batch/, history/,
settings/, log/, files/) joined by composition, and what they share (shared/: the job runner, translations, widgets)."""

from .shared.interpreter import lighten_pyside_imports

lighten_pyside_imports()  # before any of the window's modules loads (why: shared/interpreter.py)
