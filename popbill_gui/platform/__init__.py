"""What differs between Windows, macOS and Linux desktops, kept out of the window and the core (no Qt here)."""
