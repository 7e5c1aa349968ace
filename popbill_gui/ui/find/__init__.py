"""Finding invoices: the Find dialog (찾기) with its numbering panel, and the look-up of a typed key."""
