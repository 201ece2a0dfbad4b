"""Whether a file of PEM certificates can be trusted from: one check for a profile's
``ca_bundle`` (read when profiles load, before anything is fetched) and for
``$NEWSARCHIVE_CA_BUNDLE`` (read when the fetcher is set up), so both refuse a bad file in
the same words. Below every stage: a profile cannot import the fetcher."""

from __future__ import annotations

import ssl


def ca_bundle_problem(path: str) -> str:
    """Why ``path`` cannot be read as a file of PEM certificates, or ""."""
    try:
        ssl.create_default_context().load_verify_locations(cafile=path)
    except (OSError, ssl.SSLError) as exc:
        return f"ca_bundle {path!r} is no readable file of PEM certificates ({exc})"
    return ""
