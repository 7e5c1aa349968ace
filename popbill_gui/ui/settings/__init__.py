"""Settings: the dialog, and the keeper that reads the keyring and applies what the dialog returns."""
