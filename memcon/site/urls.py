"""The site's URL table: the reading room and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("memcon.web.urls")),
]

# readers get the reading room's own error pages, never Django's bare ones
handler404 = "memcon.web.views.not_found"
handler500 = "memcon.web.views.server_error"
