"""Ingest benchmark: memcon ingest into SQLite beside the floor (read + XML-parse + tokenise).

Prints documents/s, turns/s, MB/s and peak memory for both, at two corpus sizes, so that the
ratio to the floor and the growth of peak memory with corpus size can be read off.

Example: python benchmarks/ingest_benchmark.py --turns 1000000 --small 100000
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from frus_corpus import generate

TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")


def floor(folder: Path) -> dict[str, float]:
    """Read every file, XML-parse it (streaming) and tokenise its text; count documents."""
    documents = tokens = 0
    size = 0
    started = time.perf_counter()
    for path in sorted(folder.glob("*.xml")):
        size += path.stat().st_size
        for _event, element in etree.iterparse(str(path), tag=f"{TEI}div", resolve_entities=False):
            if element.get("type") == "document":
                documents += 1
                tokens += len(WORD.findall("".join(element.itertext())))
                element.clear(keep_tail=False)
    elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "documents": documents, "tokens": tokens, "bytes": size}


# Runs the command given as its arguments, then prints the CPU seconds of the command and its
# descendants, and the peak RSS (KiB) of the largest of them. A fresh wrapper per command: RUSAGE_CHILDREN in this
# process would keep the peak of every command run before.
_WRAPPER = (
    "import resource, subprocess, sys; "
    "code = subprocess.call(sys.argv[1:]); "
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def run_child(args: list[str]) -> tuple[float, float, float, str]:
    """Run a command; return wall and CPU seconds, its own peak RSS (MiB) and stdout."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True,
                          text=True, check=False)
    elapsed = time.perf_counter() - started
    lines = proc.stderr.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    cpu, peak = lines[-1].split()
    return elapsed, float(cpu), int(peak) / 1024, proc.stdout


def floor_in_child(folder: Path) -> tuple[dict[str, float], float, float]:
    """The floor in a fresh process, so that its peak memory is its own; with its CPU seconds."""
    code = (f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            f"import ingest_benchmark as b; print(json.dumps(b.floor(__import__('pathlib').Path({str(folder)!r}))))")
    _elapsed, cpu, peak, out = run_child([sys.executable, "-c", code])
    return json.loads(out), cpu, peak


def count_turns(db: Path) -> int:
    """Turns stored in the SQLite archive."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from archive_bodyitem where kind='turn'").fetchone()[0])


def measure(turns: int, workdir: Path) -> None:
    """Generate a corpus of about ``turns`` turns and print floor and ingest figures."""
    corpus = workdir / f"corpus-{turns}"
    files, _docs = generate(corpus, turns)
    base, base_cpu, base_peak = floor_in_child(corpus)
    megabytes = base["bytes"] / 1e6
    db = workdir / f"bench-{turns}.sqlite3"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)  # into a new archive, as a first ingest is
    command = [sys.executable, "-m", "memcon", "--db", str(db), "ingest", str(corpus)]
    elapsed, cpu, peak, out = run_child(command)
    closing = out.strip().splitlines()[-1] if out.strip() else ""
    again, again_cpu, again_peak, again_out = run_child(command)
    again_closing = again_out.strip().splitlines()[-1] if again_out.strip() else ""
    stored = count_turns(db)
    docs = base["documents"]
    print(f"\ncorpus: {files} volumes, {docs:.0f} documents, {stored} turns, {megabytes:.1f} MB")
    print(f"{'':10} {'seconds':>9} {'docs/s':>9} {'turns/s':>9} {'MB/s':>7} {'peak MiB':>9} "
          f"{'CPU s':>8}")
    print(f"{'floor':10} {base['seconds']:9.1f} {docs / base['seconds']:9.0f} "
          f"{stored / base['seconds']:9.0f} {megabytes / base['seconds']:7.2f} {base_peak:9.0f} "
          f"{base_cpu:8.1f}")
    print(f"{'ingest':10} {elapsed:9.1f} {docs / elapsed:9.0f} {stored / elapsed:9.0f} "
          f"{megabytes / elapsed:7.2f} {peak:9.0f} {cpu:8.1f}")
    print(f"{'re-ingest':10} {again:9.1f} {docs / again:9.0f} {stored / again:9.0f} "
          f"{megabytes / again:7.2f} {again_peak:9.0f} {again_cpu:8.1f}   ({again_closing})")
    # on a machine shared with other work the wall ratio swings; the CPU ratio much less
    print(f"ingest/floor throughput: {base['seconds'] / elapsed:.2f} by wall time, "
          f"{base_cpu / cpu:.2f} by CPU time   ({closing})")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=100_000,
                        help="a smaller corpus measured first, to compare peak memory")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="memcon-bench-"))
    print(f"work folder: {workdir}; cores: {os.cpu_count()}")
    for turns in ([args.small] if args.small else []) + [args.turns]:
        measure(turns, workdir)


if __name__ == "__main__":
    main()
