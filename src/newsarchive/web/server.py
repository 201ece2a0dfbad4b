"""``newsarchive serve``: Datasette with the newsarchive plugin on one archive.

The archive is opened the way the read commands open it (``mode=ro``, or immutable when
the folder is read-only), and again when its files changed (``followed``: an immutable
open never sees the nightly crawl's articles); it is never upgraded or written, and the
socket is bound here so a port in use is one line, not a server log.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path
from typing import Any

from newsarchive.archive.datasette import DESCRIPTION
from newsarchive.errors import UsageError


def check_archive(path: Path) -> None:
    """One-line errors for what cannot be served.

    The archive is opened once, here, to read its schema, and is closed again. That one
    open is all the design needs before Datasette, whose worker threads open their own
    connections at their first request (``FollowedArchive``, deciding then whether it
    must be immutable); ``make_datasette`` tells the hooks the file is an archive so
    they do not open it to find out. Start-up used to open it seven times to answer
    these same questions.
    """
    from newsarchive.archive.connection import (
        check_path,
        check_reader,
        open_read_only,
        read_old_schema,
    )
    from newsarchive.archive.schema import SCHEMA_VERSION

    check_path(path)  # missing file, a folder: the usual one line
    conn, _ = open_read_only(path)
    try:
        version = check_reader(conn, path)  # not an archive, a newer release's: one line
        if version < SCHEMA_VERSION:  # serve never writes, so it will not upgrade either
            read_old_schema(path, version, "serve never writes the archive")
    finally:
        conn.close()


def make_datasette(path: Path) -> Any:
    """A Datasette instance for the archive with the plugin registered; ``path`` must have
    passed ``check_archive``."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    import newsarchive.web as plugin
    from newsarchive.web.followed import FollowedArchive
    from newsarchive.web.hooks import mark_archive

    if not pm.is_registered(plugin):  # e.g. running from a source tree without install
        pm.register(plugin, name="newsarchive")
    # Datasette builds its routes, asking the hooks which files are archives, inside its
    # constructor: the file is recorded as checked on the instance before that runs.
    datasette = Datasette.__new__(Datasette)
    mark_archive(datasette, path)
    datasette.__init__(
        files=[str(path)],
        metadata={"title": "newsarchive", "description": DESCRIPTION},
        settings={"truncate_cells_html": 300},
    )
    # Its database (which has opened nothing yet) swapped for ours, under the same name.
    (name,) = [name for name, db in datasette.databases.items() if db.path == str(path)]
    datasette.remove_database(name)
    datasette.add_database(FollowedArchive(datasette, path), name=name)
    return datasette


def bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"cannot serve on host '{host}': {exc.strerror}") from None
    except UnicodeError:  # ("a..b", a label over 63 characters: no name IDNA can spell)
        shown = host.encode("utf-8", "backslashreplace").decode()
        raise UsageError(f"cannot serve on host '{shown}': not a valid host name") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        # (what to do, for the error a second `serve` meets: the first holds the port)
        hint = (
            ": another program listens there; pick another --port (0: any free one)"
            if exc.errno == errno.EADDRINUSE
            else ""
        )
        raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror}{hint}") from None
    sock.listen(128)
    return sock


def _quiet_client_errors() -> None:
    """Datasette's default error handler prints a rich traceback, locals and all (~160
    lines), for every exception when rich is installed, as it is with newsarchive: a
    reader's mistyped address (a 404) filled the terminal ``serve`` runs in with
    tracebacks, the page it answered being right. Without rich it prints only what is
    a server error (``traceback.print_exc`` for a 500, a real bug), which is kept. Only
    ``newsarchive serve`` does this: a plain ``datasette`` keeps its own output. The module
    is imported only once Datasette has registered it as a plugin: importing it first
    registers it half-made (a circular import), with no handler at all. Two malformed
    query strings Datasette's table page raises on are a 400, not a 500 (``client_errors``)."""
    import datasette.handle_exception as default
    from datasette.plugins import pm

    from newsarchive.web.client_errors import ClientErrors

    default.rich = None
    if not pm.is_registered(ClientErrors):
        pm.register(ClientErrors, name="newsarchive-client-errors")
    _quiet_query_errors()
    _quiet_dropped_facets()


# The coroutines Datasette's table page makes for its facets and leaves unawaited when
# one query of the page fails: named, so an unawaited coroutine of anyone else's is said
_DROPPED_FACETS = (
    r"coroutine '(?:\w+Facet\.facet_results|TableView\._data_traced\.<locals>"
    r"\.execute_suggested_facets)' was never awaited"
)


def _quiet_dropped_facets() -> None:
    """A table page of a damaged archive is a 503 and one line (``followed._tell``), but
    Datasette's table view left its facets' coroutines unawaited when the page's first
    query failed, and Python said so for each: three warnings of three lines apiece
    ("coroutine 'ArrayFacet.facet_results' was never awaited … Enable tracemalloc"),
    on every such page. Those are Datasette's own, and follow a failure said already."""
    import warnings

    warnings.filterwarnings("ignore", message=_DROPPED_FACETS, category=RuntimeWarning)


def _quiet_query_errors() -> None:
    """A reader's query that ``newsarchive_match`` refuses (``'((('`` in a canned query)
    is an error page, but Datasette turns on sqlite3's callback tracebacks, so each one
    also printed a traceback ending in our own one-line message on the terminal. Only
    our errors (a refused query) are dropped there; anything else a SQL function raises
    is a bug and still printed."""
    import sys

    from newsarchive.errors import NewsarchiveError

    default = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, NewsarchiveError):
            default(unraisable)

    sys.unraisablehook = hook


# A server that never writes answers these; any other method gets 405 (RFC 9110).
READ_METHODS = ("GET", "HEAD")


def read_only_methods(app: Any) -> Any:
    """``app`` answering 405 to every method but GET and HEAD, before it sees the request.

    Our pages answered any method (``POST``, ``DELETE``, ``FOO``) with the page, and
    Datasette 0.65 answers a POST to a table (no canned query) or a method it has no
    handler for (``TRACE``, ``FOO``) with a 500 and a traceback on the terminal, as if a
    client's mistake were a bug. ``serve`` has no writes, logins or write queries, so
    nothing it serves needs another method; a plain ``datasette`` keeps its own."""

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in READ_METHODS:
            await app(scope, receive, send)
            return
        allow = ", ".join(READ_METHODS)
        body = f"{scope['method']} is not allowed here: only {allow}\n".encode()
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"allow", allow.encode()),
        ]
        await send({"type": "http.response.start", "status": 405, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return wrapped


# Names a browser sends for a server on this machine (RFC 6761 keeps ``localhost`` here).
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def host_name(host: str) -> str:
    """``Host`` without its port: ``[::1]:8001`` → ``[::1]``, ``localhost:8001`` → ``localhost``."""
    name = host.strip().lower()
    if name.startswith("["):
        return name.split("]", 1)[0] + "]"
    return name.rsplit(":", 1)[0]


def loopback_hosts_only(app: Any, bound: str) -> Any:
    """``app`` answering 400 to a request whose ``Host`` is not a loopback name.

    A server on 127.0.0.1 is reachable from any web page the reader opens: a page on
    ``evil.example`` whose name is made to resolve to 127.0.0.1 (DNS rebinding) is, to
    the browser, its own origin, and could read the whole archive. Such a request still
    carries ``Host: evil.example``, which no one reading their own archive sends. An
    HTTP/1.0 request with no ``Host`` (a script) comes from no browser and is answered.
    ``bound``, the loopback address listened on (``127.0.0.2``), is answered too."""
    names = {*LOOPBACK_NAMES, f"[{bound}]" if ":" in bound else bound}

    async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host")
            if host is not None and host_name(host.decode("latin-1")) not in names:
                body = b"this server answers to localhost only (serve --host ADDRESS for others)\n"
                headers = [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ]
                start = {"type": "http.response.start", "status": 400, "headers": headers}
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return wrapped


def serve(path: Path, *, host: str, port: int, ready: Any = None) -> None:
    """Run until interrupted. ``ready`` (a callable) is told the URL once bound."""
    import uvicorn

    check_archive(path)
    sock = bind(host, port)
    app = read_only_methods(make_datasette(path).app())
    address = sock.getsockname()[0]
    if ipaddress.ip_address(address).is_loopback:  # (--host elsewhere: any Host is answered)
        app = loopback_hosts_only(app, address)
    _quiet_client_errors()  # (after Datasette has loaded its default plugins: see there)
    bound_port = sock.getsockname()[1]
    if ready is not None:  # (an IPv6 address in brackets, or the URL is no URL)
        ready(f"http://{f'[{host}]' if ':' in host else host}:{bound_port}/")
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])
