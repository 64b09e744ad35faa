"""The WSGI application that ``memcon serve`` runs under gunicorn."""

from memcon.archive.database import setup

setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
