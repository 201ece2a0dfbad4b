"""Datasette 0.65's table page raises on two malformed query strings, which its default
handler answers as a server error (500) with a traceback on the terminal ``serve`` runs in:
``?id__gt=<a number SQLite cannot hold>`` (``OverflowError``, or ``ValueError`` past
Python's 4300 digits or for digits such as ``²``) and ``?_through=<not its JSON object>``
(``JSONDecodeError``, ``KeyError``, ``TypeError``, ``AttributeError``). Each is the
client's mistake: under ``newsarchive serve`` it is a 400 with one line. Only those
exception types, and only when the request's own argument is provably malformed:
anything else still is a 500 and a traceback (a real bug). A well-formed ``_through``
naming a table that is not there, or one with no foreign key to the page's table, is
Datasette's own "Invalid _through" error, but a 500 page: a 400 too, saying which
(``through_error``, once the hook has asked the database). A plain ``datasette`` keeps
its own handling.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Mapping, Sequence
from typing import Any

from newsarchive.web.hooks import hookimpl

# Datasette's filters that turn a value of digits into an int before binding it.
NUMERIC_FILTERS = ("__gt", "__gte", "__lt", "__lte")
SQLITE_MAX_INTEGER = 2**63 - 1
THROUGH_KEYS = ("table", "column", "value")
# What Datasette 0.65's ``through_filters`` says when no foreign key joins the tables.
INVALID_THROUGH = "Invalid _through"


def _sqlite_integer(value: str) -> bool:
    """Whether ``int(value)`` works and fits SQLite (checked by length first: Python
    refuses to convert more than 4300 digits at all)."""
    if len(value) > len(str(SQLITE_MAX_INTEGER)):
        return False
    try:
        return int(value) <= SQLITE_MAX_INTEGER
    except ValueError:  # digits int() does not take: '²'
        return False


def _through_object(value: str) -> bool:
    try:
        data = json.loads(value)
    except ValueError:
        return False
    return isinstance(data, dict) and all(isinstance(data.get(k), str) for k in THROUGH_KEYS[:2])


def client_error(args: Mapping[str, Sequence[str]], exception: BaseException) -> str | None:
    """The one line for a 400 when ``exception`` comes from a malformed argument in
    ``args`` (a query string's, each name's values); None when it is not that."""
    if isinstance(exception, (OverflowError, ValueError)):
        for name, values in args.items():
            if name.endswith(NUMERIC_FILTERS):
                if any(v.isdigit() and not _sqlite_integer(v) for v in values):
                    return f"{name} takes a number up to {SQLITE_MAX_INTEGER}"
    if isinstance(exception, (ValueError, KeyError, TypeError, AttributeError)):
        if not all(_through_object(v) for v in args.get("_through", ())):
            return '_through takes JSON: {"table": …, "column": …, "value": …}'
    return None


def through_tables(args: Mapping[str, Sequence[str]], exception: BaseException) -> list[str]:
    """The tables ``?_through=`` names when ``exception`` is Datasette's "Invalid
    _through" (no foreign key found) for well-formed values; else none."""
    values = args.get("_through", ())
    message = getattr(exception, "message", "")
    if not (isinstance(message, str) and message.startswith(INVALID_THROUGH) and values):
        return []
    if not all(_through_object(v) for v in values):
        return []
    return [json.loads(v)["table"] for v in values]


def through_error(links: Mapping[str, bool | None], table: str) -> str | None:
    """The one line for a 400: ``links`` maps each table ``_through`` names, in order,
    to whether it has a foreign key to ``table`` (None: no such table)."""
    for name, linked in links.items():
        if linked is None:
            return f"_through names no table {name}"
        if not linked:
            return f"_through names {name}, which has no foreign key to {table}"
    return None


class ClientErrors:
    """The plugin ``serve`` registers: a hook wrapper, so Datasette's default handler's
    answer (which prints the traceback when it is sent) is replaced, not merely preceded."""

    @staticmethod
    @hookimpl(hookwrapper=True)
    def handle_exception(
        datasette: Any, request: Any, exception: BaseException
    ) -> Generator[None, Any, None]:
        outcome = yield
        args = {name: request.args.getlist(name) for name in request.args.keys()}
        message = client_error(args, exception)
        from datasette.handle_exception import handle_exception as default
        from datasette.utils.asgi import BadRequest

        if message is not None:
            outcome.force_result([default(datasette, request, BadRequest(message))])
        elif names := through_tables(args, exception):

            async def answer() -> Any:
                from datasette.utils import tilde_decode

                table = tilde_decode(request.url_vars["table"])
                db = datasette.get_database(route=tilde_decode(request.url_vars["database"]))
                present = set(await db.table_names())
                links: dict[str, bool | None] = {}
                for name in names:
                    keys = await db.foreign_keys_for_table(name) if name in present else None
                    links[name] = (
                        None if keys is None else any(key["other_table"] == table for key in keys)
                    )
                line = through_error(links, table)
                said = BadRequest(line) if line is not None else exception
                return await default(datasette, request, said)()

            outcome.force_result([answer])
