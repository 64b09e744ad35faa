"""The reading room's routes."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
