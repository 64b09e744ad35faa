"""``memcon serve``: the reading room under gunicorn, a production WSGI server."""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from typing import Any

import click

from memcon.cli import global_db
from memcon.errors import ConfigurationError
from memcon.site import LOOPBACK_HOSTS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def site_url(host: str, port: int) -> str:
    """The address a browser opens for ``host:port`` (IPv6 in brackets; any-address → loopback).

    >>> site_url("::1", 8000), site_url("0.0.0.0", 80)
    ('http://[::1]:8000/', 'http://127.0.0.1:80/')
    """
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://{bracketed(host)}:{port}/"


def bracketed(host: str) -> str:
    """An IPv6 address in brackets, anything else as it is."""
    try:
        if ipaddress.ip_address(host).version == 6:
            return f"[{host}]"
    except ValueError:
        pass
    return host


def allow_host(host: str) -> None:
    """Let the site answer requests addressed to ``host``, unless MEMCON_ALLOWED_HOSTS says otherwise."""
    if os.environ.get("MEMCON_ALLOWED_HOSTS") or host in ("0.0.0.0", "::", ""):
        return
    names = [*LOOPBACK_HOSTS, bracketed(host)]
    os.environ["MEMCON_ALLOWED_HOSTS"] = ",".join(dict.fromkeys(names))


def check_address(host: str, port: int) -> None:
    """Refuse at once, with a clear message, an address the server could not listen on."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigurationError(f"{host}: not an address this machine can listen on ({exc})") from exc
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        # as the server itself will: an address left in TIME_WAIT may be reused
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigurationError(
                    f"{bracketed(host)}:{port} is already in use; choose another port with --port"
                ) from exc
            raise ConfigurationError(f"cannot listen on {bracketed(host)}:{port}: {exc.strerror}") from exc


def open_site_archive(db: str | None, host: str) -> str:
    """Let the site answer on ``host``, then open (and migrate) the archive; the URL in force."""
    allow_host(host)  # before Django reads its settings
    from memcon.archive.database import open_archive

    return open_archive(db)


def run_server(host: str, port: int, workers: int, threads: int) -> None:
    """Serve memcon.site.wsgi:application with gunicorn until interrupted."""
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    # the server forks its workers from this process: none may inherit an open connection
    connections.close_all()

    def when_ready(server: Any) -> None:
        bound_port = port
        for listener in server.LISTENERS:
            bound_port = listener.sock.getsockname()[1]
            break
        click.echo(f"Serving the reading room at {site_url(host, bound_port)}")
        click.echo("Press Ctrl-C to stop.")

    options: dict[str, Any] = {
        "bind": [f"{bracketed(host)}:{port}"],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        # load Django once in this process, so a broken configuration stops the start at once
        "preload_app": True,
        "proc_name": "memcon",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "when_ready": when_ready,
    }

    class ReadingRoom(BaseApplication):
        """Gunicorn configured from memcon's options rather than from its own command line."""

        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from memcon.site.wsgi import application

            return application

    ReadingRoom().run()


def serve(db: str | None, host: str, port: int, workers: int, threads: int) -> None:
    """Configure, bring the database up to date, and serve the reading room."""
    check_address(host, port)
    open_site_archive(db, host)
    run_server(host, port, workers, threads)


@click.command("serve")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0 picks a free one).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Threads in each worker process.")
@click.pass_context
def command(ctx: click.Context, host: str, port: int, workers: int, threads: int) -> None:
    """Serve the reading room (documents, transcripts, search) with gunicorn.

    The database is migrated first (a new SQLite file is created). Set MEMCON_ALLOWED_HOSTS to the
    names clients use when listening on every interface.

    Example: memcon --db archive.sqlite3 serve --port 8080
    """
    serve(global_db(ctx), host, port, workers, threads)
