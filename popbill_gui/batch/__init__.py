"""Batches: rows from CSV or Excel, validated whole, run with bounded concurrency, journaled, exported."""
