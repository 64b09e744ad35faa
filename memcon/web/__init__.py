"""The reading room: server-rendered pages, search page, admin wiring."""
