"""The single-call tabs' common parts: the form page, the flow of one call, and its result line."""
