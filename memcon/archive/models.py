"""Stored records: documents, their ordered body items, sources, credits, collections.

Every model keeps its revisions (django-simple-history): an edit or a re-ingest makes a new
revision and the previous one can be viewed and restored. History rows are written to the
same database as the row they record (``use_base_model_db``), so one process can serve several.
The search index over turns lives in migration 0002 (FTS5 on SQLite, GIN on PostgreSQL).
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords


class Collection(models.Model):
    """A collection of records, such as a FRUS volume or an archive's collection."""

    key = models.CharField(max_length=200, unique=True, help_text="the collection's own id")
    title = models.TextField(blank=True, default="")
    history = HistoricalRecords(use_base_model_db=True)

    def __str__(self) -> str:
        return self.title or self.key


class Document(models.Model):
    """One record of a conversation, with its provenance and the identity ingest matches it by."""

    doc_id = models.SlugField(max_length=200, unique=True, help_text="stable id used in URLs")
    identity = models.TextField(
        unique=True,
        help_text="what makes a re-ingested record the same record: the collection and its id "
                  "there, else the input file and the record's place in it")
    title = models.TextField(blank=True, null=True)
    date = models.CharField(max_length=10, blank=True, null=True, db_index=True,
                            help_text="ISO 8601, as precise as the source: 1945-08-10, 1945-08, 1945")
    date_end = models.CharField(max_length=10, blank=True, null=True)
    date_text = models.TextField(blank=True, null=True)
    time_start = models.CharField(max_length=5, blank=True, null=True)
    time_end = models.CharField(max_length=5, blank=True, null=True)
    doc_type = models.CharField(max_length=200, blank=True, null=True, db_index=True)
    summary = models.TextField(blank=True, null=True)
    original_heading = models.TextField(blank=True, null=True)
    place = models.TextField(blank=True, null=True)
    doc_number = models.CharField(max_length=50, blank=True, null=True)
    local_id = models.CharField(max_length=200, blank=True, null=True,
                                help_text="the record's id inside its collection (a volume's d88)")
    classification = models.TextField(blank=True, null=True)
    drafted_by = models.TextField(blank=True, null=True)
    rights = models.TextField(blank=True, null=True)
    uploaded = models.CharField(max_length=10, blank=True, null=True)
    languages = models.JSONField(default=list, blank=True)
    participants = models.JSONField(default=list, blank=True)
    notes = models.JSONField(default=list, blank=True)
    complete = models.BooleanField(default=True)
    collection = models.ForeignKey(Collection, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="documents")
    extra = models.JSONField(default=dict, blank=True,
                             help_text="keys a reader adds beyond the Document JSON contract")
    # provenance: the input this revision was ingested from
    origin_path = models.TextField(blank=True, default="")
    origin_position = models.PositiveIntegerField(
        default=0, help_text="0-based place of the record among those its input file holds")
    origin_format = models.CharField(max_length=50, blank=True, default="")
    origin_sha256 = models.CharField(max_length=64, blank=True, default="", db_index=True)
    reader_version = models.CharField(max_length=50, blank=True, default="")
    ingested_at = models.DateTimeField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True, default="",
                                   help_text="sha256 of the record as last ingested")
    history = HistoricalRecords(use_base_model_db=True)

    class Meta:
        ordering = ("date", "doc_id")

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.title}"


class Source(models.Model):
    """Where a document is held, as its source citation says."""

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="source")
    citation = models.TextField(blank=True, null=True)
    repository = models.TextField(blank=True, null=True)
    collection = models.TextField(blank=True, null=True)
    series = models.TextField(blank=True, null=True)
    box = models.CharField(max_length=100, blank=True, null=True)
    folder = models.CharField(max_length=100, blank=True, null=True)
    record_id = models.CharField(max_length=200, blank=True, null=True)
    url = models.TextField(blank=True, null=True)
    history = HistoricalRecords(use_base_model_db=True)

    def __str__(self) -> str:
        return self.citation or ""


class Credit(models.Model):
    """A person or body credited for a document: contributor, translator or funder."""

    class Role(models.TextChoices):
        CONTRIBUTOR = "contributor"
        TRANSLATOR = "translator"
        FUNDER = "funder"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(max_length=20, choices=Role.choices)
    name = models.TextField()
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(use_base_model_db=True)

    class Meta:
        # by the column, not the document: no join just to order a document's own rows
        ordering = ("document_id", "role", "position")

    def __str__(self) -> str:
        return f"{self.role}: {self.name}"


class BodyItem(models.Model):
    """One item of a document's body in source order: a turn, stage direction, paragraph, …"""

    class Kind(models.TextChoices):
        TURN = "turn"
        STAGE = "stage"
        PARAGRAPH = "paragraph"
        HEADING = "heading"
        DATELINE = "dateline"
        GAP = "gap"

    # no index of its own: the unique (document, position) constraint's index serves lookups
    # by document, and every index costs each of the millions of rows an ingest writes
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="body",
                                 db_index=False)
    position = models.PositiveIntegerField(help_text="0-based place in the body")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    speaker = models.TextField(blank=True, null=True, help_text="the label exactly as written")
    turn = models.PositiveIntegerField(null=True, blank=True,
                                       help_text="1-based turn number, for turns")
    text = models.TextField()
    meta = models.JSONField(default=dict, blank=True)
    # revisions are looked up by document, not by the id of one item
    history = HistoricalRecords(use_base_model_db=True, no_db_index=["id"])

    class Meta:
        ordering = ("document_id", "position")
        constraints = (
            models.UniqueConstraint(fields=["document", "position"], name="body_item_position"),
        )
        indexes = (models.Index(fields=["speaker"], name="body_item_speaker"),)

    def __str__(self) -> str:
        return f"{self.document_id}#{self.position} {self.kind}"
