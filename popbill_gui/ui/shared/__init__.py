"""What every feature of the window uses: the job runner, translations, the session, the checked field, tables,
details, colours, screen fitting, file dialogs and exports."""
