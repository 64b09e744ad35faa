"""The command line: a thin layer, one module per command group, each calling the library."""
