"""Spool files: frames read whole, in order, while their writer is still writing them."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from memcon.archive.spool import FRAME, follow, read_frame, write_frame


def test_a_frame_still_being_written_is_not_read_until_whole(tmp_path: Path) -> None:
    path = tmp_path / "s.spool"
    with open(path, "wb") as out, open(path, "rb") as into:
        write_frame(out, b"one")
        out.write(FRAME.pack(5) + b"tw")  # half a frame
        out.flush()
        assert read_frame(into) == b"one"
        assert read_frame(into) is None
        assert read_frame(into) is None  # and still where it was
        out.write(b"o!!")
        out.flush()
        assert read_frame(into) == b"two!!"
        assert read_frame(into) is None


def test_follow_yields_frames_as_they_come_until_the_writer_is_done(tmp_path: Path) -> None:
    path = tmp_path / "s.spool"
    done = threading.Event()
    sent = [f"record {n}".encode() * (n + 1) for n in range(50)]

    def write() -> None:
        time.sleep(0.05)  # the follower starts before the spool exists
        with open(path, "wb") as out:
            for data in sent:
                # each frame in two writes, so that the follower meets halves
                header = FRAME.pack(len(data)) + data
                out.write(header[:6])
                out.flush()
                out.write(header[6:])
                out.flush()
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    received = list(follow(str(path), done.is_set))
    writer.join()
    assert received == sent


def test_follow_yields_nothing_for_a_spool_never_made(tmp_path: Path) -> None:
    assert list(follow(str(tmp_path / "never.spool"), lambda: True)) == []
