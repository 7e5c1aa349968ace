"""The log pane under the tabs: one row per call, batch or note, and the selected row whole."""
