"""Archived articles whose page the site has since removed: a later fetch of an address
of theirs (``crawl --recheck``, ``--refresh``) was settled gone (404 or 410, a redirect to
the home page or a listing, a page saying it is not found). The archived version stays,
as it should; what vanished from the site is itself a finding (a council's decision taken
down), and the frontier alone knew it, which no reader looks at. One query for both
readers: ``stats`` counts them per site, Datasette lists them.

Only what was fetched again is known: a site's pages are never asked for again unless a
run rechecks them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from newsarchive.archive.states import State

# (driven from the frontier's gone rows, few, by the ``frontier_state`` index; any of an
# article's addresses counts, the one rechecked being its source URL when it has one)
_GONE_WHERE = f"""
from frontier f join article_urls u on u.url_key = f.url_key
join articles a on a.id = u.article_id
where f.state = '{State.GONE.value}'
""".strip()

GONE_SQL = f"""
select distinct a.id, a.site, a.published_date, a.title, a.url, f.last_error as why
{_GONE_WHERE}
order by a.site, a.published_date desc
""".strip()


def gone_counts(
    conn: sqlite3.Connection, where: str = "1", params: Sequence[object] = ()
) -> dict[str, int]:
    """Per site, how many of its archived articles the site has since removed; of those
    ``where`` chooses (a ``Filters.sql`` of alias ``a``: ``stats --site --since``)."""
    return {
        str(site): int(count)
        for site, count in conn.execute(
            f"select a.site, count(distinct a.id) {_GONE_WHERE} and {where} group by a.site",
            params,
        )
    }
