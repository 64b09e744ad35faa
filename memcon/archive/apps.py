"""Django app configuration for the archive."""

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """The archive app: documents, body items, sources, credits, collections."""

    name = "memcon.archive"
    label = "archive"
    verbose_name = "Archive"
    default_auto_field = "django.db.models.BigAutoField"
