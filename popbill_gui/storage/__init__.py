"""Storage without Qt: credentials in the OS keyring (secrets), later settings and call history."""
