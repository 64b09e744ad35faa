"""memcon: a self-hosted archive for records of diplomatic conversations."""

__version__ = "0.1.0"
