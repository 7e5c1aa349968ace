"""The history dialog: every recorded call, filtered and exported."""
