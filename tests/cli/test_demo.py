"""``memcon demo``: every bundled sample ingested into a SQLite file, then served."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from memcon.cli.demo import SAMPLES, sample_files
from tests.support.process import memcon_env

READY = "Serving the reading room at "
CLOSING = re.compile(r"added (\d+), updated (\d+), unchanged (\d+), failed (\d+)")


def demo(tmp: Path, *args: str) -> list[str]:
    """The command line of ``python -m memcon demo ARGS``."""
    return [sys.executable, "-m", "memcon", "demo", "--db", str(tmp / "demo.sqlite3"), *args]


def counts(output: str) -> tuple[int, int, int, int]:
    """The ingest's closing line as (added, updated, unchanged, failed)."""
    found = CLOSING.search(output)
    assert found, f"no closing line in: {output}"
    added, updated, unchanged, failed = (int(n) for n in found.groups())
    return added, updated, unchanged, failed


def test_the_samples_are_the_record_files_not_their_readme() -> None:
    files = sample_files()
    assert SAMPLES / "wilson" / "soong-stalin-1945-08-10.txt" in files
    assert len([f for f in files if f.parent.name == "frus"]) == 5
    assert all(f.name != "README.md" for f in files)


@pytest.mark.slow
def test_demo_without_serving_ingests_every_sample_once(tmp_path: Path) -> None:
    first = subprocess.run(demo(tmp_path, "--no-serve"), cwd=tmp_path, env=memcon_env(),
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    added, _, _, failed = counts(first.stdout + first.stderr)
    assert added >= 12 and failed == 0  # the reference record and the 11 FRUS documents
    again = subprocess.run(demo(tmp_path, "--no-serve"), cwd=tmp_path, env=memcon_env(),
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert counts(again.stdout + again.stderr) == (0, 0, added, 0)
    assert (tmp_path / "demo.sqlite3").exists()


@pytest.mark.slow
def test_demo_serves_the_samples_and_prints_its_address(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(demo(tmp_path, "--port", str(port)), cwd=tmp_path, env=memcon_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output: list[str] = []
    # a demo that never gets to serving must not hang the suite
    watchdog = threading.Timer(300, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:  # the demo prints its address once it listens
            output.append(line)
            if line.startswith(READY):
                break
        url = output[-1][len(READY):].strip() if output else ""
        assert url == f"http://127.0.0.1:{port}/", "".join(output)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(url, timeout=30) as response:
            home = response.read().decode()
    finally:
        watchdog.cancel()
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=30)
        if process.stdout is not None:
            output.extend(process.stdout)
            process.stdout.close()
    assert status == 0, "".join(output)
    added = counts("".join(output))[0]
    assert len(re.findall(r'href="/documents/[^"#]+"', home)) == added
    assert "Record of a Meeting Between T.V. Soong and Stalin" in home
