"""The command line: a thin layer over the library that turns typed errors into fix-it messages."""
