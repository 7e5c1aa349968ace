"""Files handed to the program: on its command line, by a second start, by macOS' Finder; shown on the batch tab."""
