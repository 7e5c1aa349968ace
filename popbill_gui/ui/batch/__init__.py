"""The batch tab (일괄 처리): a CSV or Excel file in, one call per row out, watched, resumable, exported."""
