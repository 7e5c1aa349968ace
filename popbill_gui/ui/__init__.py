"""Everything Qt: the main window, the tabs, the log pane, dialogs, workers and translations."""
