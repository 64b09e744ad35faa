"""The reading room's routes."""

from django.urls import URLPattern, path

from memcon.web import views

app_name = "memcon"

urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("documents/<str:doc_id>", views.document, name="document"),
    path("search", views.search, name="search"),
]
