"""The Django project: settings, URLs, WSGI application."""
