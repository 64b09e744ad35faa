"""Django app configuration for the reading room."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    """The reading room's templates, static files and views."""

    name = "memcon.web"
    label = "web"
    verbose_name = "Reading room"
