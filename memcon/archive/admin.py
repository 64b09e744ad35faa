"""The Django admin for editors (behind login): correct records, and view or restore revisions.

Every model is registered with simple-history's admin, so each change page has a History
view listing its revisions, each of which can be viewed and reverted to.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from memcon.archive.models import BodyItem, Collection, Credit, Document, Source


class SourceInline(admin.StackedInline):
    """The document's source, edited on the document's page."""

    model = Source
    extra = 0
    max_num = 1


class CreditInline(admin.TabularInline):
    """Contributors, translators and funders, edited on the document's page."""

    model = Credit
    extra = 0
    fields = ("role", "position", "name")


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    """Documents: metadata, source and credits here; body items (turns) on their own pages."""

    list_display = ("doc_id", "title", "date", "doc_type", "collection", "ingested_at")
    list_filter = ("doc_type", "collection", "complete")
    search_fields = ("doc_id", "title", "summary")
    date_hierarchy = None
    inlines = (SourceInline, CreditInline)
    readonly_fields = ("identity", "origin_path", "origin_position", "origin_format",
                       "origin_sha256", "reader_version", "ingested_at", "fingerprint")
    history_list_display = ("title", "date", "origin_sha256")
    fieldsets = (
        (None, {"fields": ("doc_id", "title", "date", "date_end", "date_text", "time_start",
                           "time_end", "doc_type", "place", "doc_number", "local_id",
                           "collection", "complete")}),
        ("Text", {"fields": ("summary", "original_heading", "classification", "drafted_by",
                             "rights", "uploaded", "languages", "participants", "notes",
                             "extra")}),
        ("Provenance", {"fields": readonly_fields}),
    )


@admin.register(BodyItem)
class BodyItemAdmin(SimpleHistoryAdmin):
    """Body items: correct a turn's speaker label or text; every change is a revision."""

    list_display = ("document", "position", "kind", "turn", "speaker", "short_text")
    list_filter = ("kind",)
    list_select_related = ("document",)
    search_fields = ("document__doc_id", "speaker", "text")
    raw_id_fields = ("document",)
    ordering = ("document_id", "position")
    history_list_display = ("speaker", "kind")

    @admin.display(description="text")
    def short_text(self, item: BodyItem) -> str:
        """The first words of the item's text."""
        return item.text if len(item.text) <= 80 else item.text[:79] + "…"


@admin.register(Collection)
class CollectionAdmin(SimpleHistoryAdmin):
    """Collections, such as FRUS volumes."""

    list_display = ("key", "title")
    search_fields = ("key", "title")


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    """Sources, also editable on their document's page."""

    list_display = ("document", "repository", "collection", "box", "folder")
    search_fields = ("document__doc_id", "citation", "repository", "collection")
    raw_id_fields = ("document",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        """Sources with their documents, in one query."""
        return super().get_queryset(request).select_related("document")


@admin.register(Credit)
class CreditAdmin(SimpleHistoryAdmin):
    """Credits, also editable on their document's page."""

    list_display = ("document", "role", "position", "name")
    list_filter = ("role",)
    search_fields = ("document__doc_id", "name")
    raw_id_fields = ("document",)
