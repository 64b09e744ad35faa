"""The Django project: settings, URLs, WSGI application."""

# The names a site on this machine answers to when MEMCON_ALLOWED_HOSTS names none; kept out of
# settings.py so ``memcon serve`` can use them before Django reads its settings.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
