"""Everything Qt: the main window, the tabs, the log pane, dialogs, the job runner and translations."""
