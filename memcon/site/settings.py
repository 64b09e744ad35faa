"""Django settings, driven by the environment (``MEMCON_DATABASE_URL`` and friends)."""

from __future__ import annotations

import os
from pathlib import Path

from memcon.archive.database import database_settings, database_url
from memcon.site import LOOPBACK_HOSTS
from memcon.site.secret import secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent

_default = database_settings(database_url())
DATABASES = {"default": _default}
_extra_test_db = os.environ.get("MEMCON_TEST_POSTGRESQL_URL")
if _extra_test_db and os.environ.get("MEMCON_TESTING"):
    DATABASES["postgresql"] = database_settings(_extra_test_db)

SECRET_KEY = secret_key(_default["NAME"], _default["ENGINE"].endswith("sqlite3"))
DEBUG = os.environ.get("MEMCON_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("MEMCON_ALLOWED_HOSTS", ",".join(LOOPBACK_HOSTS)).split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "memcon.archive",
    "memcon.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "memcon.site.urls"
WSGI_APPLICATION = "memcon.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("MEMCON_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
