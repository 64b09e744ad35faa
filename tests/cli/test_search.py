"""``memcon search``: hits as text (bold only on a terminal) or JSON; clear errors."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from memcon.archive import store
from memcon.cli.main import cli
from memcon.cli.search import BOLD, PLAIN, highlighted, render
from memcon.model import DocumentRecord
from memcon.search.results import SearchHit, SearchResult

MemconRun = Callable[..., subprocess.CompletedProcess[str]]


def _hit(**fields: object) -> SearchHit:
    values: dict[str, object] = {
        "document_id": "1945-08-10-soong-stalin", "title": "Record of a Meeting", "date": "1945-08-10",
        "turn": 31, "speaker": "Stalin", "snippet": "I do not want China to renounce Dairen.",
        "text": "I do not want China to renounce Dairen.", "position": 40, "score": 1.0,
        "highlights": [(32, 38)]}
    values.update(fields)
    return SearchHit(**values)  # type: ignore[arg-type]


def test_highlights_are_bold_only_when_asked() -> None:
    hit = _hit()
    assert highlighted(hit, bold=False) == hit.snippet
    assert highlighted(hit, bold=True) == f"I do not want China to renounce {BOLD}Dairen{PLAIN}."


def test_each_hit_names_title_date_turn_and_speaker() -> None:
    text = render(SearchResult("Dairen", 1, [_hit()]), bold=False)
    assert text.splitlines() == [
        "Record of a Meeting — 1945-08-10 — turn 31, Stalin  [1945-08-10-soong-stalin#t31]",
        "    I do not want China to renounce Dairen.",
        "1 turn",
    ]


def test_a_partial_page_says_which_hits_of_how_many() -> None:
    text = render(SearchResult("Dairen", 9, [_hit(), _hit()]), bold=False, offset=2)
    assert text.splitlines()[-1] == "turns 3–4 of 9"
    assert render(SearchResult("x", 0, []), bold=False) == "no turns match"


def test_search_command_in_process(default_db: str, dairen_record: DocumentRecord) -> None:
    store.store_record(dairen_record, using=default_db)
    result = CliRunner().invoke(cli, ["search", "Dairen", "--speaker", "Stalin", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["query"], data["total"]) == ("Dairen", 4)
    assert {h["speaker"] for h in data["hits"]} == {"Stalin"}


def test_malformed_query_is_one_clear_line_and_exit_2(db_url: str, memcon_run: MemconRun) -> None:
    done = memcon_run(db_url, "search", '"Port Arthur')
    assert done.returncode == 2
    assert done.stderr.strip() == 'memcon: unbalanced quote: a phrase opened with " is never closed'


def test_reference_record_dairen_end_to_end(db_url: str, memcon_run: MemconRun,
                                            reference_path: Path) -> None:
    assert memcon_run(db_url, "ingest", str(reference_path)).returncode == 0
    everyone = json.loads(memcon_run(db_url, "search", "Dairen", "--json").stdout)
    assert everyone["total"] == 9 and len(everyone["hits"]) == 9
    stalin = json.loads(memcon_run(db_url, "search", "Dairen", "--speaker", "Stalin",
                                   "--json").stdout)
    assert stalin["total"] == 4
    assert all(h["speaker"] == "Stalin" and "Dairen" in h["text"] for h in stalin["hits"])
    assert {"document_id", "title", "date", "turn", "speaker", "snippet", "text"} <= set(
        stalin["hits"][0])
    text = memcon_run(db_url, "search", "Dairen", "--speaker", "Stalin", "--limit", "2")
    assert text.returncode == 0
    assert "\x1b[" not in text.stdout  # not a terminal: no ANSI
    assert text.stdout.strip().splitlines()[-1] == "turns 1–2 of 4"


def test_search_on_a_new_database_finds_nothing(tmp_path: Path, memcon_run: MemconRun) -> None:
    done = memcon_run(str(tmp_path / "new.sqlite3"), "search", "Dairen")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no turns match"
