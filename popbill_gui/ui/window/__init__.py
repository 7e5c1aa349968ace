"""The window's shell: the main window (tabs, job runner, log, status bar, menus), its bars and the smoke test."""
