"""The reading room's pages: the list of documents, a document, search, and the error pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from memcon.archive.models import Document
from memcon.errors import QueryError
from memcon.web import present
from memcon.web.citation import format_date_range

DOCUMENTS_PER_PAGE = 100
HITS_PER_PAGE = 20
MAX_QUERY_LENGTH = 1000

# The pages need nothing but their own stylesheet: no script, no frame, no outside origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)

View = Callable[..., HttpResponse]


def reading_room(view: View) -> View:
    """Give a page's response the reading room's content security policy."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

    return wrapped


def page_number(request: HttpRequest) -> int:
    """The ``page`` parameter as a number of at least 1 (anything else is page 1)."""
    raw = request.GET.get("page", "1")
    return max(1, int(raw)) if raw.isdigit() else 1


@reading_room
def home(request: HttpRequest) -> HttpResponse:
    """The list of documents, by date: title, date and type, each a link to its page."""
    documents = Document.objects.only("doc_id", "title", "date", "date_end", "doc_type", "place")
    page = Paginator(documents, DOCUMENTS_PER_PAGE).get_page(page_number(request))
    rows = [
        {"doc_id": d.doc_id, "title": d.title, "date": present.display_date(d),
         "iso_date": d.date, "doc_type": d.doc_type, "place": d.place}
        for d in page.object_list
    ]
    return render(request, "memcon/home.html", {"page": page, "rows": rows})


@reading_room
def document(request: HttpRequest, doc_id: str) -> HttpResponse:
    """A document: metadata, summary, source, rights, credits, citation and transcript."""
    found = Document.objects.select_related("source", "collection").filter(doc_id=doc_id).first()
    if found is None:
        return missing(request, f"No document with the id {doc_id!r} is in this archive.")
    credits = present.credits_by_role(found.credits.all())
    body, notes = present.body_views(found.body.order_by("position"), found.notes)
    url = request.build_absolute_uri(reverse("memcon:document", args=[found.doc_id]))
    source = present.source_of(found)
    languages = [code for code in found.languages or [] if isinstance(code, str)]
    context = {
        "doc": found,
        "date": present.display_date(found),
        "time": present.time_range(found.time_start, found.time_end),
        "summary": present.paragraphs(found.summary),
        "rights": present.paragraphs(found.rights),
        "source": source,
        "source_url": present.safe_url(source.url if source else None),
        "credits": credits,
        "citation": present.citation_line(found, credits, url),
        "participants": [p for p in found.participants or [] if isinstance(p, dict)],
        "body": body,
        "notes": notes,
        "turn_count": sum(1 for item in body if item.kind == "turn"),
        # the transcript's language, when the record is in exactly one
        "text_lang": languages[0] if len(languages) == 1 else None,
        "languages": languages,
    }
    return render(request, "memcon/document.html", context)


@reading_room
def search(request: HttpRequest) -> HttpResponse:
    """Turns matching a query, ranked, with a highlighted snippet and a link to each turn."""
    query = request.GET.get("q", "").strip()
    speaker = request.GET.get("speaker", "").strip() or None
    number = page_number(request)
    context: dict[str, Any] = {"query": query, "speaker": speaker or "", "result": None,
                               "error": None, "hits": []}
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = f"The query is too long: at most {MAX_QUERY_LENGTH} characters, please."
        status = 400
    elif query:
        from memcon.search.engine import search as run_search

        try:
            result = run_search(query, speaker=speaker, limit=HITS_PER_PAGE,
                                offset=(number - 1) * HITS_PER_PAGE)
        except QueryError as exc:
            context["error"] = str(exc)
            status = 400
        else:
            context["result"] = result
            context["hits"] = [
                {"hit": hit, "date": format_date_range(hit.date, None),
                 "segments": hit.segments()}
                for hit in result.hits
            ]
            context.update(search_pages(result.total, number))
    return render(request, "memcon/search.html", context, status=status)


def search_pages(total: int, number: int) -> dict[str, Any]:
    """The numbers of the first and last hit shown, and of the previous and next pages."""
    last_page = max(1, -(-total // HITS_PER_PAGE))
    return {
        "first_hit": (number - 1) * HITS_PER_PAGE + 1,
        "last_hit": min(total, number * HITS_PER_PAGE),
        "previous_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if number < last_page else None,
    }


def missing(request: HttpRequest, message: str | None = None) -> HttpResponse:
    """The 404 page, with ``message`` saying what is missing, else a general one."""
    return render(request, "memcon/404.html", {"message": message}, status=404)


@reading_room
def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 404 handler: the general 404 page (its messages are for developers, not readers)."""
    return missing(request)


@reading_room
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without the database or any context processor."""
    from django.template import loader

    return HttpResponse(loader.get_template("memcon/500.html").render(), status=500)
