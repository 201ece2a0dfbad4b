"""Whether a run's name lookups fail for want of any resolver (a machine with no network),
not for one passing outage.

A resolver that gives no answer (``EAI_AGAIN``, "Temporary failure in name resolution")
is retried with backoff: at night a resolver restarting or a dropped UDP packet must not
lose a site its run. With no network at all every lookup says so at once, and each site
paid its whole backoff (1 + 2 + 4 s, about 12 s with the jitter) before being said
unreachable, site after site. Once one host has failed every try so, and no request of
the run has had any answer, the resolver is taken for down: a later lookup failing the
same way fails its URL at once. The first answer from any host ends that for the run.
"""

from __future__ import annotations

import socket

import httpx


def lookup_failure(exc: httpx.HTTPError) -> socket.gaierror | None:
    """The failed name lookup behind ``exc``, if that is what it is."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, socket.gaierror):
        cause = cause.__cause__ or cause.__context__
    return cause


def resolver_silent(exc: httpx.HTTPError) -> bool:
    """Whether ``exc`` is a name lookup the resolver gave no answer to (``EAI_AGAIN``)."""
    cause = lookup_failure(exc)
    return cause is not None and cause.errno == socket.EAI_AGAIN


class NameWatch:
    """What a run's requests have shown of its resolver; one shared by every fetcher of a
    run (each site's), so the sites after the first need not each find out alone.
    Thread-safe without a lock: its two flags only ever turn True, each by one store."""

    def __init__(self) -> None:
        self._answered = False
        self._unanswered = False  # a host failed every try, no resolver answering

    def answered(self) -> None:
        """A response came: the network and its names work (a lookup failing later is a
        passing outage, retried as any)."""
        self._answered = True

    def unanswered(self) -> None:
        """A host's every try failed for want of a resolver's answer."""
        self._unanswered = True

    def down(self) -> bool:
        """Whether no request of the run has been answered and a host has failed every
        try for want of a resolver: a lookup failing so again is given up at once."""
        return self._unanswered and not self._answered
