"""Crawl policy without a server: the listing walk's stops and the frontier's verdicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest

from newsarchive.archive.frontier import MAX_ATTEMPTS, Entry, seen
from newsarchive.archive.states import State
from newsarchive.discover.walk import Listed, ListingWalk, Seen, Stop, WalkState, overlap

NEW, KNOWN, OLD = Seen.NEW, Seen.KNOWN, Seen.OLD
JUNE, MAY = dt.date(2026, 6, 1), dt.date(2026, 5, 1)


def page(n: int) -> str:
    return f"https://x.bg/news?p={n}" if n > 1 else "https://x.bg/news"


def test_a_link_new_only_in_a_box_on_every_page_does_not_walk_the_list_to_its_end() -> None:
    """A "Най-четени" box atop every page of a list by date, one of its links new (an
    article whose page failed the night before, or an old address never met): counted
    new, each page looked as if it listed news, and the nightly walk read the list to its
    end (composed ``--nights`` seed 156: 13 requests where 10 are allowed). Once page 2
    shows the box repeated (``boxes_of``), a link new only there is no news of the page's
    list (``in_boxes_only``): the incremental stop holds at the first page whose own list
    is known."""
    box = ["https://x.bg/n/most1", "https://x.bg/n/pending", "https://x.bg/n/most2"]
    boxed = [KNOWN, NEW, KNOWN]
    lists = {1: [NEW, KNOWN, KNOWN], 2: [KNOWN] * 3, 3: [KNOWN] * 3, 4: [KNOWN] * 3}
    walk = ListingWalk(page(1), WalkState(completed=True))
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        _, number = step
        fetched.append(number)
        own = [f"https://x.bg/n/p{number}-{k}" for k in range(3)]
        placed = [("li./ol./section.most-read", u) for u in box]
        placed += [("div.news-item/main.", u) for u in own]
        next_url = page(number + 1) if number < max(lists) else None
        seen = [*boxed, *lists[number]]
        walk.listed(Listed(next_url, seen, items=[*box, *own], places=placed))
    assert fetched == [1, 2]
    assert walk.stop is Stop.KNOWN


def walk_through(
    walk: ListingWalk, pages: dict[int, list[Seen]], last: int, old: dict[int, int] | None = None
) -> list[int]:
    """Drive a walk over a listing of ``last`` pages; return the page numbers fetched."""
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        url, number = step
        assert url == page(number)
        fetched.append(number)
        next_url = page(number + 1) if number < last else None
        walk.listed(Listed(next_url, pages.get(number, [NEW]), (old or {}).get(number, 0)))
    return fetched


def test_a_first_walk_goes_to_the_last_page_and_completes() -> None:
    walk = ListingWalk(page(1), WalkState())
    assert not walk.conditional  # never sent validators before the walk completed
    assert walk_through(walk, {}, last=3) == [1, 2, 3]
    assert walk.stop is Stop.END
    assert walk.state == WalkState(completed=True)


def test_an_unfinished_walk_ignores_the_incremental_stop_and_jumps_to_its_resume_point() -> None:
    state = WalkState(resume_url=page(3), resume_page=3)
    walk = ListingWalk(page(1), state, stop_after_known=1)
    assert walk_through(walk, {1: [KNOWN, KNOWN], 3: [NEW]}, last=4) == [1, 3, 4]
    assert walk.state.completed


def test_an_unfinished_walk_without_a_resume_point_walks_on_through_known_pages() -> None:
    walk = ListingWalk(page(1), WalkState(resume_url=page(2), resume_page=2))
    assert walk_through(walk, {1: [KNOWN], 2: [KNOWN], 3: [NEW]}, last=3) == [1, 2, 3]
    assert walk.state.completed


def test_a_completed_walk_stops_at_known_links() -> None:
    walk = ListingWalk(page(1), WalkState(completed=True), stop_after_known=2)
    assert walk.conditional
    assert walk_through(walk, {1: [NEW, KNOWN], 2: [NEW, KNOWN, KNOWN]}, last=9) == [1, 2]
    assert walk.stop is Stop.KNOWN


def test_a_completed_walks_pass_keeps_the_page_it_reads_till_it_ends() -> None:
    """A settled walk's nightly pass is marked from page 1 on (kept before page 1's
    articles are fetched), follows the walk page by page, and is emptied where it ends;
    a page that failed keeps it, for the next run."""
    walk = ListingWalk(page(1), WalkState(completed=True), stop_after_known=2)
    assert walk.state == WalkState(completed=True, pass_url=page(1), pass_page=1)
    walk.listed(Listed(page(2), [NEW] * 9))
    assert (walk.state.pass_url, walk.state.pass_page) == (page(2), 2)
    walk.listed(Listed(page(3), [NEW, KNOWN, KNOWN]))
    assert walk.stop is Stop.KNOWN and walk.state == WalkState(completed=True)
    walk = ListingWalk(page(1), WalkState(completed=True))
    walk.listed(Listed(page(2), [NEW]))
    assert walk.failed() is Stop.FAILED
    assert walk.state == WalkState(completed=True, failures=1, pass_url=page(2), pass_page=2)
    # an oldest-first listing's walk begins where it ended, whatever it finds: no pass
    ascending = WalkState(page(4), 4, completed=True)
    assert ListingWalk(page(1), ascending).state == ascending


@pytest.mark.parametrize(
    ("cut_at", "pages", "fetched"),
    [
        # cut as it asked page 2 (page 1's nine taken): page 2's new ones end it there
        (2, {1: [KNOWN] * 9, 2: [NEW] * 3 + [KNOWN] * 6}, [1, 2]),
        # cut while page 2's articles were fetched: all taken now, on to page 3 once
        (2, {1: [KNOWN] * 9, 2: [KNOWN] * 9, 3: [KNOWN] * 9}, [1, 2, 3]),
        (2, {1: [KNOWN] * 9, 2: [KNOWN] * 9, 3: [NEW] * 2 + [KNOWN] * 7}, [1, 2, 3]),
        # cut while page 1's were fetched: on from page 1 once
        (1, {1: [KNOWN] * 9, 2: [NEW] * 3 + [KNOWN] * 6}, [1, 2]),
        (1, {1: [KNOWN] * 9, 2: [KNOWN] * 9}, [1, 2]),
        # this run's page 1 lists new ones, the walk reaches the page cut at by itself
        (3, {1: [NEW] * 9, 2: [NEW] * 9, 3: [NEW] * 3 + [KNOWN] * 6}, [1, 2, 3]),
    ],
)
def test_a_pass_that_did_not_end_is_gone_on_with_by_the_next_run(
    cut_at: int, pages: dict[int, list[Seen]], fetched: list[int]
) -> None:
    """kalinovets' second night cut after page 1's nine new articles were archived: the
    next run found page 1 all known and stopped for good. Now it jumps to the page the
    cut pass was reading, or goes on from it once, and the pass ends as it would have."""
    state = WalkState(completed=True, pass_url=page(cut_at), pass_page=cut_at)
    walk = ListingWalk(page(1), state, stop_after_known=5)
    assert not walk.conditional  # (a 304 would say nothing of the pages after page 1)
    assert walk_through(walk, pages, last=9) == fetched
    assert walk.stop is Stop.KNOWN and walk.state == WalkState(completed=True)
    assert ListingWalk(page(1), walk.state).conditional


def test_a_completed_walk_stops_at_a_304() -> None:
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert walk.not_modified() is Stop.KNOWN
    assert walk.page() is None


def test_a_failure_keeps_the_resume_point() -> None:
    walk = ListingWalk(page(1), WalkState())
    walk.listed(Listed(page(2), [NEW]))
    assert walk.state == WalkState(page(2), 2, completed=False)
    assert walk.failed() is Stop.FAILED
    assert walk.state == WalkState(page(2), 2, completed=False, failures=1)


def test_a_later_page_failing_run_after_run_ends_the_listing_after_its_tries() -> None:
    """Each run resumes at the page that failed; the ``MAX_ATTEMPTS``-th failure in a
    row there is the listing's end (the walk completed), and a run that reads the page
    starts the count again."""
    from newsarchive.discover.walk import MAX_ATTEMPTS

    state = WalkState(page(2), 2, completed=False, failures=MAX_ATTEMPTS - 2)
    walk = ListingWalk(page(1), state)
    walk.listed(Listed(page(2), [KNOWN] * 12))  # (an incremental stop: to the resume point)
    assert walk.page() == (page(2), 2)
    walk.listed(Listed(page(3), [NEW]))  # page 2 answered this time
    assert walk.state.failures == 0 and walk.state.resume_url == page(3)

    walk = ListingWalk(page(1), state)
    walk.listed(Listed(page(2), [KNOWN] * 12))
    assert walk.failed() is Stop.FAILED and not walk.gave_up
    assert walk.state.failures == MAX_ATTEMPTS - 1
    walk = ListingWalk(page(1), walk.state)
    walk.listed(Listed(page(2), [KNOWN] * 12))
    assert walk.failed() is Stop.END and walk.gave_up
    assert walk.state.completed and walk.state.failures == 0
    assert ListingWalk(page(1), walk.state).conditional  # page 1 with validators from now on


@pytest.mark.parametrize(
    ("seen_on_page_2", "old_after_fetch", "expected"),
    [
        ([OLD, OLD], 0, Stop.SINCE),  # the listing printed old dates
        ([NEW, NEW], 2, Stop.SINCE),  # the articles turned out old once fetched
        ([NEW, NEW], 1, None),  # one was recent: go on
    ],
)
def test_since_ends_the_walk_and_resumes_it_there(
    seen_on_page_2: list[Seen], old_after_fetch: int, expected: Stop | None
) -> None:
    """--since ends this run's walk but does not complete it: a run without it (the
    nightly crawl after a first one "since January") resumes at the page it stopped at,
    where a completed walk stopped at its known first page, the older pages never read."""
    walk = ListingWalk(page(1), WalkState())
    walk.listed(Listed(page(2), [NEW]))
    assert walk.listed(Listed(page(3), seen_on_page_2, old_after_fetch)) is expected
    assert not walk.state.completed
    if expected is Stop.SINCE:
        assert (walk.state.resume_url, walk.state.resume_page) == (page(2), 2)


def test_max_pages_caps_and_completes() -> None:
    walk = ListingWalk(page(1), WalkState(), limit=2)
    assert walk_through(walk, {}, last=10) == [1, 2]
    assert walk.stop is Stop.CAP and walk.state.completed


def test_max_pages_asked_of_one_run_caps_it_and_resumes_there() -> None:
    """A profile's ``max_pages`` is where the listing ends for us; ``--max-pages`` on one
    run (a quick first look) marked the walk completed too, and the runs without it
    stopped at its known first page, the pages past the cap never read."""
    walk = ListingWalk(page(1), WalkState(), limit=2, limit_is_the_sites=False)
    assert walk_through(walk, {}, last=10) == [1, 2]
    assert walk.stop is Stop.CAP and not walk.state.completed
    assert (walk.state.resume_url, walk.state.resume_page) == (page(2), 2)


def test_a_walk_cut_by_a_runs_bound_keeps_it_and_a_run_within_it_stops_early() -> None:
    """The cut's bound is kept (the widest one met); a run asking no further back treats
    the walk as completed (page 1 conditional, the incremental stop final), a wider one
    walks on to the resume point."""
    walk = ListingWalk(page(1), WalkState(), limit=2, limit_is_the_sites=False)
    walk_through(walk, {}, last=10)
    assert walk.state.cut_pages == 2 and walk.state.cut_since is None
    dated = ListingWalk(page(1), walk.state, since=JUNE)
    assert walk_through(dated, {}, last=10, old={3: 1}) == [1, 2, 3]  # (not within: walks on)
    assert dated.stop is Stop.SINCE and (dated.state.cut_since, dated.state.cut_pages) == (JUNE, 2)
    for since, limit in ((JUNE, 0), (dt.date(2026, 7, 1), 0), (None, 2), (None, 1)):
        within = ListingWalk(page(1), dated.state, limit=limit, limit_is_the_sites=not limit,
                             since=since)  # fmt: skip
        assert within.conditional, (since, limit)
        assert walk_through(within, {1: [KNOWN]}, last=10) == [1]
        assert within.stop in (Stop.KNOWN, Stop.CAP) and within.state == dated.state
    for since, limit in ((MAY, 0), (None, 3), (None, 0)):
        wider = ListingWalk(page(1), dated.state, limit=limit, limit_is_the_sites=not limit,
                            since=since)  # fmt: skip
        assert not wider.conditional, (since, limit)
        assert walk_through(wider, {1: [KNOWN]}, last=10)[:2] == [1, 3]  # on from page 3
    narrower = ListingWalk(page(1), dated.state, since=dt.date(2026, 7, 1))
    walk_through(narrower, {}, last=10, old={1: 1})
    assert narrower.stop is Stop.SINCE and narrower.state.cut_since == JUNE  # (the widest)


def test_a_listing_page_is_never_fetched_twice() -> None:
    walk = ListingWalk(page(1), WalkState(), limit=0)
    walk.listed(Listed(page(2), [NEW]))
    assert walk.listed(Listed(page(1), [NEW])) is Stop.END  # page 2 links back to page 1
    assert walk.page() is None


def test_a_gone_page_after_the_first_ends_the_listing() -> None:
    walk = ListingWalk(page(1), WalkState())
    walk.listed(Listed(page(2), [NEW]))
    assert walk.gone() is Stop.END and walk.state.completed


def test_a_304_to_a_page_after_the_first_ends_the_listing_like_a_gone_page() -> None:
    walk = ListingWalk(page(1), WalkState())
    walk.listed(Listed(page(2), [NEW]))
    assert not walk.conditional  # pages 2+ are never asked "changed since?"
    assert walk.not_modified() is Stop.END and walk.state.completed


def test_an_empty_page_ends_the_listing() -> None:
    walk = ListingWalk(page(1), WalkState())
    assert walk.listed(Listed(page(2), [])) is Stop.END


@pytest.mark.parametrize(
    ("entry", "archived", "refresh", "since", "expected"),
    [
        (None, False, False, False, Seen.NEW),
        (None, True, False, False, Seen.KNOWN),
        (None, True, True, False, Seen.NEW),
        (Entry(State.QUEUED, 0), False, False, False, Seen.NEW),
        (Entry(State.GONE, 1), False, False, False, Seen.KNOWN),
        (Entry(State.DISALLOWED, 1), False, False, False, Seen.KNOWN),
        (Entry(State.FAILED, 1), False, False, False, Seen.NEW),
        (Entry(State.FAILED, MAX_ATTEMPTS), False, False, False, Seen.KNOWN),
        (Entry(State.OLD, 1), False, False, JUNE, Seen.OLD),  # older than --since still
        (Entry(State.OLD, 1), False, False, None, Seen.NEW),  # no --since now: fetch it
        (Entry(State.OLD, 1, JUNE), False, False, JUNE, Seen.OLD),  # the --since it failed
        (Entry(State.OLD, 1, MAY), False, False, JUNE, Seen.OLD),  # a later one
        (Entry(State.OLD, 1, JUNE), False, False, MAY, Seen.NEW),  # asking further back
    ],
)
def test_frontier_verdicts(
    entry: Entry | None, archived: bool, refresh: bool, since: dt.date | None, expected: Seen
) -> None:
    assert seen(entry, archived=archived, refresh=refresh, since=since) is expected


def test_a_page_repeating_earlier_pages_links_ends_the_walk() -> None:
    """A site answering any page number with its last page (or with its sidebar's links
    only) would be walked until the request budget ran out: the first page that lists
    nothing an earlier page of the walk did not is the end."""
    walk = ListingWalk(page(1), WalkState())
    items = {1: ["a", "b", "s"], 2: ["c", "s"], 3: ["c", "s"], 4: ["d"]}
    fetched = []
    while (step := walk.page()) is not None:
        number = step[1]
        fetched.append(number)
        links = items.get(number, ["s"])
        walk.listed(Listed(page(number + 1), [Seen.THIS_RUN] * len(links), items=links))
    assert fetched == [1, 2, 3]
    assert walk.stop is Stop.END and walk.state.completed


# A list of three a page beside a side column of the newest six ("Последни обяви") on
# every page: page 1's column shows all that page 2 lists as its own
_SIDE = ("li./ul./div.blok posledni", ["a", "b", "c", "d", "e", "f"])
_OWN = {1: ["a", "b", "c"], 2: ["d", "e", "f"], 3: ["g", "h"]}


def _placed(own: list[str]) -> list[tuple[str, str]]:
    """A page's places as ``listings.article_links`` tells them: each link once, where it
    first stood (its own list first, the column's links not in it after)."""
    block, side = _SIDE
    return [("div.obyava/div./div.", u) for u in own] + [(block, u) for u in side if u not in own]


def _side_walk(answers: dict[int, list[str]], *, placed: bool = True) -> list[int]:
    """The numbers of the pages a first crawl's walk of such a listing fetched, page N
    listing ``answers[N]`` as its own, each linking the next (a number past them
    answered as the last)."""
    walk = ListingWalk(page(1), WalkState())
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        number = step[1]
        fetched.append(number)
        own = answers.get(number, answers[max(answers)])
        places = _placed(own)
        items = [u for _, u in places]
        seen = [Seen.NEW if number == 1 else Seen.THIS_RUN] * len(items)
        walk.listed(Listed(page(number + 1), seen, items=items, places=places if placed else ()))
    return fetched


def test_links_a_side_column_showed_earlier_are_a_later_pages_own_list() -> None:
    """Page 2's own three stood only in page 1's side column: not walked, so page 2
    lists news and the walk reads page 3 (read by URL alone, page 2 listed nothing page
    1 had not, and the walk ended there: 2 of 8 notices never found). Page 4 answering
    as page 3 (the site's last page for any number) is a repeat: the end."""
    assert _side_walk(_OWN) == [1, 2, 3, 4]
    assert _side_walk(_OWN, placed=False) == [1, 2]


def test_a_page_repeating_the_page_before_beside_a_side_column_ends_the_walk() -> None:
    """A true loop (page 3 the same as page 2, column and all) is still the end."""
    assert _side_walk({1: _OWN[1], 2: _OWN[2]}) == [1, 2, 3]


def test_a_page_of_only_the_side_column_ends_the_walk() -> None:
    """A number past the end answered with the side column alone: nothing new where it
    stands, the end."""
    walk = ListingWalk(page(1), WalkState())
    again = [Seen.THIS_RUN] * 6
    walk.listed(Listed(page(2), [NEW] * 6, items=list("abcdef"), places=_placed(_OWN[1])))
    walk.listed(Listed(page(3), again, items=list("defabc"), places=_placed(_OWN[2])))
    block, side = _SIDE
    only = [(block, u) for u in side]
    assert walk.listed(Listed(page(4), again, items=side, places=only)) is Stop.END
    assert walk.state.completed


_LIST, _FRAGMENT = "div.news-item/div.news-list", "div.card/section.more"


def _more_walk(page_two: str, block: str = _LIST, dated: bool = True) -> list[int]:
    """The pages a first crawl's walk fetched of a list of three (dated or not) beside a
    "Най-четени" widget of four (one of the list's, three of page 2's) on page 1 alone:
    page 2, a "Зареди още" answer, is cards alone (``page_two``'s links, standing in
    ``block``), page 3 one card, ``g``."""
    widget = "li./ol./section.most-read"
    days = [dt.date(2026, 11, d) for d in (22, 14, 12)] if dated else []
    first = [(_LIST, u) for u in "abc"] + [(widget, u) for u in "cdef"]
    answers = {
        1: Listed(page(2), [NEW] * 7, items=[u for _, u in first], places=first,
                  dated=list("abc") if dated else [], dates=days),
        2: Listed(page(3), [Seen.THIS_RUN] * 3, items=list(page_two),
                  places=[(block, u) for u in page_two]),
        3: Listed(None, [NEW], items=["g"], places=[(block, "g")]),
    }  # fmt: skip
    walk = ListingWalk(page(1), WalkState())
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        fetched.append(step[1])
        walk.listed(answers[step[1]])
    assert walk.stop is Stop.END
    return fetched


@pytest.mark.parametrize("dated", [True, False])
def test_a_more_page_of_links_only_a_widget_beside_page_one_showed_reads_on(dated: bool) -> None:
    """Page 2's three stood on page 1 in its widget alone, not in its list, and page 2
    has no widget: compared by URL alone, page 2 listed nothing new and the walk ended
    there, page 3's card, its news dated nowhere else, never read (composed seed 34923:
    archived undated). Its cards stand in page 1's list block: a repeat would list them
    there. Page 2 answering with page 1's own list (a loop) is still the end."""
    assert _more_walk("def", dated=dated) == [1, 2, 3]
    assert _more_walk("abc", dated=dated) == [1, 2]


def test_a_more_page_of_another_template_compares_by_address_the_links_of_page_ones_list() -> None:
    """Page 2's cards built otherwise than page 1's (a block new to the walk): its links
    compare by URL alone, and count as listed before where they stood in page 1's list,
    its days telling it from the widget; with no days to tell it, in any block (the end,
    as before)."""
    assert _more_walk("def", _FRAGMENT) == [1, 2, 3]
    assert _more_walk("abc", _FRAGMENT) == [1, 2]
    assert _more_walk("def", _FRAGMENT, dated=False) == [1, 2]


def test_a_page_listing_known_links_in_blocks_of_its_own_ends_the_walk() -> None:
    """A page whose cards are built otherwise than the earlier pages' (a month's archive
    page after a category's last page, its cards read at another node), none of the
    earlier blocks on it: its links compare by URL alone, and it lists nothing new.
    Counted new in a block never seen, zornitsa's walk went on through the month's page
    2 and three months missing (five requests more, no article more)."""
    card, popular = "article.post", "li.wpp-item/ul.wpp-list/section.popular-posts"
    meta = "div.entry-meta/header.entry-header/article.post"

    def at(*placed: tuple[str, str]) -> Listed:
        """The page listing its links where they stood, linking the next page."""
        urls = [url for _, url in placed]
        return Listed(page(walk.number + 1), [NEW] * len(urls), items=urls, places=placed)

    walk = ListingWalk(page(1), WalkState())
    walk.listed(at((card, "a"), (card, "b"), (popular, "p")))
    walk.listed(at((card, "c"), (popular, "p")))
    month = at((meta, "a"), (meta, "c"), (popular, "p"))
    assert walk.listed(month) is Stop.END


def test_a_page_sharing_some_links_with_earlier_pages_goes_on() -> None:
    walk = ListingWalk(page(1), WalkState())
    walk.listed(Listed(page(2), [NEW, NEW], items=["a", "b"]))
    walk.listed(Listed(page(3), [NEW, NEW], items=["b", "c"]))  # one shifted down a page
    assert walk.page() == (page(3), 3)


def dated_walk(walk: ListingWalk, days: dict[int, list[int]], last: int) -> list[int]:
    """Drive a walk over a listing of ``last`` pages printing ``days`` (November's) beside
    their links, every link known; return the page numbers fetched."""
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        url, number = step
        fetched.append(number)
        shown = [dt.date(2026, 11, d) for d in days[number]]
        next_url = page(number + 1) if number < last else None
        items = [f"{url}#{d}" for d in days[number]]
        walk.listed(Listed(next_url, [KNOWN] * len(shown), items=items, dates=shown))
    return fetched


OLDEST_FIRST = {1: [1, 2, 3], 2: [4, 5, 6], 3: [7, 8], 4: [9]}


def test_a_walk_that_finds_page_1_older_than_its_last_page_keeps_the_last_page() -> None:
    walk = ListingWalk(page(1), WalkState())
    assert dated_walk(walk, OLDEST_FIRST, last=3) == [1, 2, 3]
    assert walk.state == WalkState(page(3), 3, completed=True)
    assert walk.state.ascending


def test_a_newest_first_walk_keeps_no_page() -> None:
    walk = ListingWalk(page(1), WalkState())
    dated_walk(walk, {1: [9, 8, 7], 2: [7, 6, 5], 3: [4]}, last=3)
    assert walk.state == WalkState(completed=True)
    undated = ListingWalk(page(1), WalkState())
    dated_walk(undated, {1: [], 2: [], 3: []}, last=3)
    assert undated.state == WalkState(completed=True)


def test_an_oldest_first_walk_begins_at_its_newest_page_and_walks_on_through_known_links() -> None:
    walk = ListingWalk(page(1), WalkState(page(3), 3, completed=True), stop_after_known=1)
    assert walk.conditional  # (asked with the validators saved as it was read)
    assert dated_walk(walk, OLDEST_FIRST, last=4) == [3, 4]
    assert walk.stop is Stop.END
    assert walk.state == WalkState(page(4), 4, completed=True)


def test_an_oldest_first_walk_stops_at_a_304_to_its_newest_page_and_keeps_it() -> None:
    state = WalkState(page(3), 3, completed=True)
    walk = ListingWalk(page(1), state)
    assert walk.page() == (page(3), 3)
    assert walk.not_modified() is Stop.KNOWN
    assert walk.state == state


def test_an_oldest_first_walk_ending_at_a_page_listing_nothing_keeps_that_page() -> None:
    """The newest page links "next" to a page listing nothing (a CMS linking a full
    page's "next" whatever lies there), or to one gone: that page is kept beside the
    resume point (``WalkState.past_url``)."""
    for end in ("empty", "gone"):
        walk = ListingWalk(page(1), WalkState())
        for number, days in OLDEST_FIRST.items():
            if number == 4:
                break
            shown = [dt.date(2026, 11, d) for d in days]
            listed = Listed(page(number + 1), [NEW] * len(days), items=[str(d) for d in days])
            assert walk.listed(dataclasses.replace(listed, dates=shown)) is None
        assert walk.page() == (page(4), 4)
        stop = walk.listed(Listed(None, [])) if end == "empty" else walk.gone()
        assert stop is Stop.END
        assert walk.state == WalkState(page(3), 3, completed=True, past_url=page(4)), end


def test_an_oldest_first_walks_newest_page_linking_on_past_its_end_is_asked_whole() -> None:
    """A 304 to the newest page would say nothing of the page past it, where a news
    opening it lands (composed ``--nights`` seed 2897: 4 of 4 missed, every night): the
    newest page is asked whole, its cards teaching the shape a lone card there is read
    by, and walked on to that page. Still listing nothing, or gone, it ends the walk
    where it began (the state as it was); listing news, it is the newest page, and the
    page past it is kept in turn."""
    state = WalkState(page(3), 3, completed=True, past_url=page(4))
    for end in ("empty", "gone"):
        walk = ListingWalk(page(1), state)
        assert walk.page() == (page(3), 3) and not walk.conditional
        walk.listed(Listed(page(4), [KNOWN, KNOWN], items=["7", "8"]))
        assert walk.page() == (page(4), 4)
        assert (walk.listed(Listed(page(5), [])) if end == "empty" else walk.gone()) is Stop.KNOWN
        assert walk.state == state, end
    walk = ListingWalk(page(1), state)
    assert dated_walk(walk, {3: [7, 8], 4: [9], 5: []}, last=5) == [3, 4, 5]
    assert walk.state == WalkState(page(4), 4, completed=True, past_url=page(5))
    plain = ListingWalk(page(1), WalkState(page(3), 3, completed=True))
    assert plain.conditional  # (a newest page linking no page past it: its 304 ends the walk)


def test_an_oldest_first_walks_newest_page_listing_nothing_keeps_it_a_few_runs() -> None:
    """Asked whole, the newest page may read as listing nothing: a lone card there whose
    shape nothing read this run taught (composed ``--nights`` seed 5688: the resume
    point dropped, the list then read newest first from page 1, its 304 the stop, the
    news on the last page never read). The stop keeps the resume point, as the 304 did;
    in ``MAX_ATTEMPTS`` runs in a row, the pages were renumbered: walked anew."""
    state = WalkState(page(3), 3, completed=True, past_url=page(4))
    for run in range(1, MAX_ATTEMPTS):
        walk = ListingWalk(page(1), state)
        assert walk.page() == (page(3), 3)
        assert walk.listed(Listed(page(4), [])) is Stop.KNOWN
        assert walk.state == dataclasses.replace(state, failures=run)
        state = walk.state
    walk = ListingWalk(page(1), state)
    walk.page()
    assert walk.listed(Listed(page(4), [])) is Stop.END
    assert walk.state == WalkState()
    answered = ListingWalk(page(1), dataclasses.replace(state, failures=2))
    assert dated_walk(answered, {3: [7, 8], 4: []}, last=4) == [3, 4]
    assert answered.state.failures == 0


def test_a_known_page_whose_own_dates_run_oldest_first_does_not_end_the_walk() -> None:
    """A list of one page, read whole, keeps no order (no page to tell it by); the night
    news open its second page, page 1, all known, runs oldest first: what is newer lies
    after it, and the walk goes on, learning the order at the end (composed ``--nights``
    seed 1945: the news on page 2 never read). A newest-first page 1 all known ends it."""
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert dated_walk(walk, {1: [1, 2, 3, 4, 5], 2: [6, 7], 3: []}, last=3) == [1, 2, 3]
    assert walk.state == WalkState(page(2), 2, completed=True, past_url=page(3))
    newest_first = ListingWalk(page(1), WalkState(completed=True))
    assert dated_walk(newest_first, {1: [7, 6, 5, 4, 3], 2: [2, 1]}, last=2) == [1]
    assert newest_first.stop is Stop.KNOWN


def test_an_oldest_first_walk_whose_newest_page_is_gone_is_walked_anew() -> None:
    walk = ListingWalk(page(1), WalkState(page(3), 3, completed=True))
    assert walk.gone() is Stop.END
    assert walk.state == WalkState()


def test_an_oldest_first_walk_reads_no_more_pages_a_run_than_its_cap() -> None:
    walk = ListingWalk(page(1), WalkState(page(3), 3, completed=True), limit=2)
    assert dated_walk(walk, OLDEST_FIRST, last=4) == [3, 4]  # (not 3 and 4 pages)
    assert walk.state == WalkState(page(4), 4, completed=True)
    capped = ListingWalk(page(1), WalkState(page(2), 2, completed=True), limit=2)
    assert dated_walk(capped, OLDEST_FIRST, last=4) == [2, 3]
    assert capped.stop is Stop.CAP
    assert capped.state == WalkState(page(3), 3, completed=True)


def test_an_oldest_first_walk_asked_to_begin_at_page_1_walks_it_all() -> None:
    """(``--refresh``: every article fetched again, the old pages' too)"""
    walk = ListingWalk(page(1), WalkState(page(3), 3, completed=True), from_start=True)
    assert dated_walk(walk, OLDEST_FIRST, last=4) == [1, 2, 3, 4]
    assert walk.state == WalkState(page(4), 4, completed=True)


def test_a_since_walk_reads_on_past_a_page_whose_dates_run_forward() -> None:
    """Page 1 all older than ``--since``: a newest-first page ends the walk there; one
    whose dates run forward (an oldest-first listing's) does not."""
    days = [dt.date(2026, 5, d) for d in (3, 9, 20)]
    back = ListingWalk(page(1), WalkState(), since=JUNE)
    assert back.listed(Listed(page(2), [OLD, OLD, OLD], dates=days[::-1])) is Stop.SINCE
    forward = ListingWalk(page(1), WalkState(), since=JUNE)
    assert forward.listed(Listed(page(2), [OLD, OLD, OLD], dates=days)) is None
    assert forward.page() == (page(2), 2)


def test_a_since_bound_counts_on_a_completed_walk_only_when_it_runs_oldest_first() -> None:
    """A newest-first walk a later ``--since`` stopped early stays settled for a run
    without it; an oldest-first one read under ``--since`` is walked from page 1 by a
    wider run, and from its newest page by one as narrow."""
    assert ListingWalk(page(1), WalkState(completed=True, cut_since=JUNE)).conditional
    ascending = WalkState(page(3), 3, completed=True, cut_since=JUNE)
    wider = ListingWalk(page(1), ascending)
    assert wider.page() == (page(1), 1) and not wider.conditional
    narrow = ListingWalk(page(1), ascending, since=JUNE + dt.timedelta(days=1))
    assert narrow.page() == (page(3), 3) and narrow.conditional


def test_a_walk_an_older_release_completed_is_judged_by_page_one() -> None:
    """Page 1 read whole (not asked with validators); dates running back: judged newest
    first at once; running forward: walked on to the end, where the order is told."""
    old = WalkState(completed=True, judged=False)
    newest_first = ListingWalk(page(1), old)
    assert not newest_first.conditional
    days = [dt.date(2026, 5, d) for d in (20, 9, 3)]
    assert newest_first.listed(Listed(page(2), [KNOWN] * 3, dates=days)) is Stop.KNOWN
    assert newest_first.state.judged
    oldest_first = ListingWalk(page(1), old)
    assert oldest_first.listed(Listed(page(2), [KNOWN] * 3, dates=days[::-1])) is None
    late = [dt.date(2026, 5, d) for d in (24, 28)]
    assert oldest_first.listed(Listed(None, [KNOWN] * 2, dates=late)) is Stop.END
    assert oldest_first.state == WalkState(page(2), 2, completed=True)


def _month(number: int) -> str:
    return f"https://x.bg/arhiv/2026/{number:02d}/"


def _month_before(url: str, missing: bool = True) -> str | None:
    return _month(int(url.rstrip("/").rsplit("/", 1)[1]) - 1)


@pytest.mark.parametrize(
    ("limit", "asked", "stop"), [(2, [11, 10], Stop.CAP), (0, [11, 10, 9], None)]
)
def test_a_month_archive_walk_steps_over_a_missing_month_only_within_its_page_cap(
    limit: int, asked: list[int], stop: Stop | None
) -> None:
    """A later month's page missing is stepped over to the month before by its address,
    but not past the walk's page cap: at the cap the walk ends there, as at any page (it
    asked two months more before)."""
    walk = ListingWalk(_month(11), WalkState(), limit=limit, step_back=_month_before)
    fetched = []
    assert walk.page() == (_month(11), 1)
    fetched.append(11)
    walk.listed(Listed(_month(10), [NEW]))
    assert walk.page() == (_month(10), 2)
    fetched.append(10)
    assert walk.gone() is stop
    if (step := walk.page()) is not None:
        fetched.append(int(step[0].rstrip("/").rsplit("/", 1)[1]))
    assert fetched == asked


def _calendar_page(url: str, missing: bool = True) -> str | None:
    """``archive_pages.month_before`` for the walks below: ``/arhiv/2026/MM/`` months only."""
    parts = url.rstrip("/").split("/")
    return _month(int(parts[-1]) - 1) if _is_month(url) else None


def _is_month(url: str) -> bool:
    parts = url.rstrip("/").split("/")
    return len(parts) == 6 and parts[-2] == "2026"


def _day(month: int, day: int) -> str:
    return f"https://x.bg/arhiv/2026/{month:02d}/{day:02d}/"


def _is_day(url: str) -> str | None:
    """``archive_pages.calendar_day`` for the walks below: the day's path, for a day's page."""
    return url if len(url.rstrip("/").split("/")) == 7 else None


def _calendar_walk(limit: int = 0) -> ListingWalk:
    return ListingWalk(
        page(1), WalkState(), limit=limit, step_back=_calendar_page, month_page=_is_month,
        day_page=_is_day,
    )  # fmt: skip


def test_a_calendar_walk_reads_each_day_and_steps_over_months_of_no_news() -> None:
    """A site whose news older than page 1's only its calendar's days list: a day whose
    news page 1 showed already is no repeated page (its day before is older), a month's
    page listing nothing but linking a day with news is no gap, and months of no news
    between are stepped over, ``MISSED_MONTHS`` of them in a row the archive's end."""
    walk = _calendar_walk()
    latest = [f"https://x.bg/n/{n}" for n in range(3)]
    assert walk.listed(Listed(_day(11, 28), [NEW] * 3, items=latest)) is None
    # November 28th's news were on page 1: on to its day before
    assert walk.listed(Listed(_day(11, 3), [Seen.THIS_RUN] * 2, items=latest[:2])) is None
    assert walk.page() == (_day(11, 3), 3)
    assert walk.listed(Listed(_month(10), [NEW], items=["https://x.bg/n/9"])) is None
    # October: no news, its grid empty (a gap); September: its grid links its 24th
    assert walk.listed(Listed(_month(9), [])) is None
    assert walk.listed(Listed(_day(9, 24), [])) is None
    assert walk.page() == (_day(9, 24), 6)
    assert walk.listed(Listed(_month(8), [NEW], items=["https://x.bg/n/8"])) is None
    # August, July: no news; June's the third such month in a row: the archive's end
    assert walk.listed(Listed(_month(7), [])) is None
    assert walk.listed(Listed(_month(6), [])) is None
    assert walk.page() == (_month(6), 9)
    assert walk.listed(Listed(_month(5), [])) is Stop.END


def test_a_calendar_month_page_listing_only_page_ones_news_is_read_by_its_days() -> None:
    """A month's page that shows the news page's latest again beside that month's grid
    (``?mesec=2026-10``) lists nothing of its own: the walk goes on to its days, and past
    one whose grid links none, as past an empty month. Any other page repeating earlier
    ones is the listing's end."""
    latest = [f"https://x.bg/n/{n}" for n in range(3)]
    walk = _calendar_walk()
    walk.listed(Listed(_day(11, 3), [NEW] * 3, items=latest))  # page 1
    walk.listed(Listed(_month(10), [NEW], items=["https://x.bg/n/9"]))  # November 3rd
    # October's page, the latest three again: on to the day its grid links
    again = {"items": latest, "own_news": False}
    assert walk.listed(Listed(_day(10, 6), [Seen.THIS_RUN] * 3, **again)) is None
    assert walk.page() == (_day(10, 6), 4)
    walk.listed(Listed(_month(9), [NEW], items=["https://x.bg/n/7"]))
    # September's, the latest three again and no day in its grid: a gap, stepped over
    assert walk.listed(Listed(_month(8), [Seen.THIS_RUN] * 3, **again)) is None
    assert walk.page() == (_month(8), 6)
    # a month's page listing its own news, all read before (its pager's): the end
    walk.listed(Listed(_month(7), [NEW], items=["https://x.bg/n/6"]))
    assert walk.listed(Listed(_day(7, 2), [Seen.THIS_RUN], items=["https://x.bg/n/6"])) is Stop.END
    plain = ListingWalk(
        page(1), WalkState(), step_back=_calendar_page, month_page=_is_month, day_page=_is_day
    )
    plain.listed(Listed(page(2), [NEW] * 3, items=latest))
    assert plain.listed(Listed(page(3), [Seen.THIS_RUN] * 3, items=latest)) is Stop.END


def test_a_calendar_walk_ends_at_its_page_cap() -> None:
    """Each day is a page of the walk: the cap holds, a month's page read by its days
    too."""
    walk = _calendar_walk(limit=3)
    walk.listed(Listed(_day(11, 3), [NEW], items=["https://x.bg/n/1"]))
    walk.listed(Listed(_month(10), [NEW], items=["https://x.bg/n/2"]))
    assert walk.page() == (_month(10), 3)
    assert walk.listed(Listed(_day(10, 6), [])) is Stop.CAP
    assert walk.page() is None


def _dated(days: list[int]) -> list[dt.date]:
    return [dt.date(2026, 11, d) for d in days]


def _walk_dated(walk: ListingWalk, pages: dict[int, tuple[list[Seen], list[int]]]) -> list[int]:
    """A walk over pages each printing its cards' days (November's), in order."""
    fetched: list[int] = []
    last = max(pages)
    while (step := walk.page()) is not None:
        _, number = step
        fetched.append(number)
        seen, days = pages[number]
        next_url = page(number + 1) if number < last else None
        walk.listed(Listed(next_url, seen, dates=_dated(days)))
    return fetched


def test_a_completed_walk_of_a_list_in_no_order_by_day_reads_past_its_known_pages() -> None:
    """A list by "most read": its new article of few readers stands on the last page,
    under a page all known. By date it would stop at page 2 (round 79's naicheteno)."""
    pages = {
        1: ([NEW, KNOWN, KNOWN], [28, 20, 24]),
        2: ([KNOWN, KNOWN, KNOWN], [26, 22, 14]),
        3: ([KNOWN, KNOWN, KNOWN], [18, 12, 16]),
        4: ([NEW], [27]),
    }
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert _walk_dated(walk, pages) == [1, 2, 3, 4]
    assert walk.stop is Stop.END


def test_a_list_by_date_under_a_pinned_notice_still_stops_at_its_known_page() -> None:
    """An old notice pinned atop every page is older than the news under it: the list is
    by date all the same, and the incremental stop holds."""
    pages = {
        1: ([KNOWN, NEW, KNOWN], [2, 28, 27]),
        2: ([KNOWN, KNOWN, KNOWN], [2, 26, 25]),
        3: ([KNOWN, NEW], [2, 24]),
    }
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert _walk_dated(walk, pages) == [1, 2]
    assert walk.stop is Stop.KNOWN


def _walk_boxed(
    walk: ListingWalk, pages: dict[int, tuple[list[Seen], list[int]]], box: list[int]
) -> list[int]:
    """A walk over pages of cards dated by ``pages`` (November's days, in order), each
    page opening with a box of known links of its own block, dated by ``box``."""
    fetched: list[int] = []
    last = max(pages)
    while (step := walk.page()) is not None:
        _, number = step
        fetched.append(number)
        seen, days = pages[number]
        placed = [("box", f"box{k}") for k in range(len(box))]
        placed += [("list", f"p{number}-{k}") for k in range(len(days))]
        urls = [url for _, url in placed]
        next_url = page(number + 1) if number < last else None
        verdicts = [KNOWN] * len(box) + seen
        walk.listed(
            Listed(
                next_url, verdicts, items=urls, dates=_dated([*box, *days]), places=placed,
                dated=urls,
            )
        )  # fmt: skip
    return fetched


def test_a_list_by_date_beside_a_box_of_newer_links_still_stops_at_its_known_page() -> None:
    """A home list printing no days (walked by those its articles state) beside a box of
    later news ("Култура", linking new articles' second addresses): the page's days run
    back twice, the list's and the box's, yet the list is by date; the order judged over
    the list's own block, the incremental stop holds (composed ``--nights`` seed 245)."""
    pages = {
        1: ([NEW, KNOWN, KNOWN, KNOWN], [20, 18, 15, 12]),
        2: ([KNOWN, KNOWN, KNOWN, KNOWN], [10, 8, 6, 4]),
        3: ([KNOWN, KNOWN], [3, 2]),
    }
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert _walk_boxed(walk, pages, box=[29, 25, 22]) == [1, 2]
    assert walk.stop is Stop.KNOWN


def test_a_list_by_most_read_beside_a_box_by_date_reads_past_its_known_pages() -> None:
    """The other way round: a box of the latest news by date beside a list by "most
    read" is no order of the list's; its new article on the last page is still read."""
    pages = {
        1: ([NEW, KNOWN, KNOWN], [28, 20, 24]),
        2: ([KNOWN, KNOWN, KNOWN], [26, 22, 14]),
        3: ([NEW], [27]),
    }
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert _walk_boxed(walk, pages, box=[29, 25]) == [1, 2, 3]
    assert walk.stop is Stop.END


def _list_walk(
    walk: ListingWalk, pages: dict[int, list[str]], box: Sequence[str] = ()
) -> list[int]:
    """Drive a walk over pages of cards (``pages``: each page's links, in order, all
    NEW), each page opening with ``box`` in a block of its own; the numbers fetched."""
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        number = step[1]
        fetched.append(number)
        cards = pages[number] if len(fetched) <= len(pages) else ["new1", "new2", *pages[1]]
        placed = [("box", url) for url in box] + [("list", url) for url in cards]
        next_url = page(number + 1) if number < len(pages) else None
        urls = [url for _, url in placed]
        walk.listed(Listed(next_url, [NEW] * len(urls), items=urls, places=placed))
    return fetched


def test_a_page_opening_with_the_last_cards_of_the_page_before_has_page_1_read_once_more() -> None:
    """Page 2 opens with page 1's last two (two published while the walk read it,
    pushing them down): once the walk is over, page 1 once more (with validators), its
    answer changing neither the walk's end nor its state; else the two new cards waited
    for the next night's run."""
    walk = ListingWalk(page(1), WalkState())
    grown = {1: ["a", "b", "c"], 2: ["b", "c", "d"], 3: ["e", "f", "g"]}
    fetched: list[int] = []
    while (step := walk.page()) is not None:
        fetched.append(step[1])
        if len(fetched) == 4:
            assert step == (page(1), 1) and walk.conditional and walk.grown == 2
            state = walk.state
            assert walk.listed(Listed(page(2), [NEW] * 5, items=list("xyabc"))) is Stop.END
            assert walk.state == state
            continue
        number = step[1]
        next_url = page(number + 1) if number < 3 else None
        walk.listed(Listed(next_url, [NEW] * 3, items=grown[number]))
    assert fetched == [1, 2, 3, 1]
    assert walk.stop is Stop.END and walk.state == WalkState(completed=True)


def test_page_1_asked_once_more_may_answer_304_or_fail_and_the_walk_ends_as_it_did() -> None:
    for answer in ("not_modified", "failed", "gone"):
        walk = ListingWalk(page(1), WalkState())
        walk.listed(Listed(page(2), [NEW] * 3, items=list("abc")))
        walk.listed(Listed(None, [NEW] * 3, items=list("cde")))
        assert walk.page() == (page(1), 1)
        assert getattr(walk, answer)() is Stop.END, answer
        assert walk.page() is None and walk.state == WalkState(completed=True)


@pytest.mark.parametrize(
    ("pages", "box"),
    [
        # no overlap
        ({1: ["a", "b", "c"], 2: ["d", "e", "f"], 3: ["g", "h"]}, []),
        # an offset pager stepping by two over pages of three: every page opens with the
        # last card of the page before, by design
        ({1: ["a", "b", "c"], 2: ["c", "d", "e"], 3: ["e", "f", "g"]}, []),
        # a "latest" box atop every page, in a block of its own
        ({1: ["a", "b", "c"], 2: ["d", "e", "f"]}, ["a", "b"]),
        # page 1's last cards again further down page 2, not at its head
        ({1: ["a", "b", "c"], 2: ["d", "b", "c"]}, []),
    ],
)
def test_pages_overlapping_by_design_or_not_at_the_head_ask_page_1_no_more(
    pages: dict[int, list[str]], box: list[str]
) -> None:
    walk = ListingWalk(page(1), WalkState())
    assert _list_walk(walk, pages, box) == list(pages)
    assert walk.grown == 0 and walk.stop is Stop.END


def test_a_list_growing_mid_walk_with_a_box_atop_every_page_has_page_1_read_once_more() -> None:
    walk = ListingWalk(page(1), WalkState())
    pages = {1: ["a", "b", "c"], 2: ["c", "d", "e"], 3: ["f", "g", "h"]}
    assert _list_walk(walk, pages, ["z", "y"]) == [1, 2, 3, 1]


def test_a_walk_that_failed_after_the_list_grew_asks_page_1_no_more() -> None:
    walk = ListingWalk(page(1), WalkState())
    walk.listed(Listed(page(2), [NEW] * 3, items=list("abc")))
    walk.listed(Listed(page(3), [NEW] * 3, items=list("cde")))
    assert walk.failed() is Stop.FAILED
    assert walk.page() is None


def test_overlap_counts_the_cards_a_page_opens_with_that_the_page_before_ended_with() -> None:
    def placed(cards: str, block: str = "") -> list[tuple[str, str]]:
        return [(block, c) for c in cards]

    assert overlap(placed("abcd"), placed("cdef")) == 2
    assert overlap(placed("abcd"), placed("dcef")) == 1
    assert overlap(placed("abcd"), placed("efgh")) == 0
    assert overlap(placed("abcd"), placed("abcd")) == 0  # all of it: a repeat, not a shift
    assert overlap(placed("abcd", "list"), placed("cdef", "other")) == 0
    assert overlap([], placed("ab")) == 0


def _month_of(url: str) -> tuple[int, int] | None:
    """``archive_pages.archive_month`` for the walks below: ``/arhiv/2026-MM`` pages."""
    tail = url.rsplit("/", 1)[1]
    return (2026, int(tail[5:])) if url.startswith("https://x.bg/arhiv/2026-") else None


def _month_walk() -> ListingWalk:
    """A settled nightly walk (its incremental stop final) of a list and its months."""
    return ListingWalk(page(1), WalkState(completed=True), month_page=_month_of)


def _at_december(**seen: object) -> Stop | None:
    """How a nightly walk answers December's page (page 1 first, three news of its own)."""
    walk = _month_walk()
    tonight = [f"https://x.bg/n/{n}" for n in range(3)]
    walk.listed(Listed("https://x.bg/arhiv/2026-12", [NEW] * 3, items=tonight))
    assert walk.page() == ("https://x.bg/arhiv/2026-12", 2)
    return walk.listed(Listed("https://x.bg/arhiv/2026-11", **seen))  # type: ignore[arg-type]


def test_a_months_page_stops_the_night_at_a_known_news_in_its_own_list_only() -> None:
    """A month's page listing a news archived before in its own list ends the night's walk
    (the month before is older), one in a side box of older news alone does not (at a
    month's turn the month before may hold news pushed off page 1); a page of no blocks
    told counts any. The list tells itself by its links not known, or by the days it
    prints in the page's month (an older month's list all known, beside a box of this
    run's news, still ends the walk)."""
    tonight = [f"https://x.bg/n/{n}" for n in range(3)]
    box = ["https://x.bg/n/old1", "https://x.bg/n/old2"]
    listed, boxed = "div.news-item/main.", "li./ol./section.most-read"
    side = [*((listed, url) for url in tonight), *((boxed, url) for url in box)]
    this_run = [Seen.THIS_RUN] * 3
    # the month's own list this run's news alone, the box known: on to November
    assert _at_december(seen=[*this_run, KNOWN, KNOWN], items=[*tonight, *box], places=side) is None
    # a known news in the list itself: the stop
    mixed = [*this_run[:2], KNOWN, KNOWN, KNOWN]
    assert _at_december(seen=mixed, items=[*tonight, *box], places=side) is Stop.KNOWN
    # no blocks told: any known link counts, as before
    assert _at_december(seen=[*this_run, KNOWN, KNOWN], items=[*tonight, *box]) is Stop.KNOWN
    # every link known: the stop
    assert _at_december(seen=[KNOWN] * 5, items=[*tonight, *box], places=side) is Stop.KNOWN
    # the list all known, dated in December, beside a box of this run's news: the stop
    days = [dt.date(2026, 12, d) for d in (3, 2, 1)]
    known_list = {"items": [*tonight, *box], "places": side, "dates": days, "dated": tonight}
    assert _at_december(seen=[KNOWN] * 3 + [Seen.THIS_RUN] * 2, **known_list) is Stop.KNOWN


def test_a_list_by_date_beside_a_longer_box_by_views_still_stops_at_its_known_page() -> None:
    """A "Най-четени" box of five (known, by views: its days in no order) above a list of
    three by date: the box holds more cards than the list and was read as it, the page
    in no order, so every night's walk read the list to its end (composed seed 12874).
    The list is the block whose days run by date; the incremental stop holds."""
    pages = {
        1: ([KNOWN, KNOWN, KNOWN], [27, 24, 21]),
        2: ([KNOWN, KNOWN, KNOWN], [18, 15, 12]),
        3: ([KNOWN, KNOWN], [9, 6]),
    }
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert _walk_boxed(walk, pages, box=[5, 20, 2, 14, 25]) == [1]
    assert walk.stop is Stop.KNOWN


def test_a_list_by_most_read_beside_a_longer_box_by_date_reads_past_its_known_pages() -> None:
    """The other way round, the box longer than the list: page 1 reads the box by date as
    the list, but page 2 repeats the box and moves the list on, so the list is told
    there and its order judged again: in none, the walk reads on to its new article."""
    pages = {
        1: ([NEW, KNOWN, KNOWN], [28, 20, 24]),
        2: ([KNOWN, KNOWN, KNOWN], [26, 22, 14]),
        3: ([NEW], [27]),
    }
    walk = ListingWalk(page(1), WalkState(completed=True))
    assert _walk_boxed(walk, pages, box=[29, 25, 23, 19, 17]) == [1, 2, 3]
    assert walk.stop is Stop.END


def test_the_list_is_a_block_whose_days_show_an_order_not_a_longer_box_dated_once() -> None:
    """A "Най-четени" box of six above a list of three, oldest first, one of the box's
    links dated by the list's card for it: the box, longer, was the list, its one day
    no order to judge by, and the page's days, box and list, in no order; the walk kept
    no resume point, and each night read page 1 alone (composed ``--nights`` seed 4486:
    the news on the list's later pages missed). The list is a block whose days show an
    order, where one does."""
    from newsarchive.discover.walk import list_block, list_days

    box = [("box", f"b{n}") for n in range(5)] + [("box", "x2")]
    places = [*box, ("list", "x1"), ("list", "x2"), ("list", "x3")]
    days = {f"x{n}": dt.date(2026, 8, 18 + n) for n in (1, 2, 3)}
    assert list_block(places, days=days) == "list"
    assert list_block(places) == "box"  # (no day known: the longer block)
    dated = ["x2", "x1", "x3"]  # (the page's first card of each: the box's for x2)
    listed = Listed(None, [KNOWN] * len(places), items=[u for _, u in places], places=places,
                    dated=dated, dates=[days[u] for u in dated])  # fmt: skip
    assert list_days(listed) == [days["x1"], days["x2"], days["x3"]]


def test_the_list_is_the_ordered_block_most_of_whose_links_are_dated() -> None:
    """A "Най-четени" widget of eight above a home list of three printed newest first,
    two of the widget's links dated by the list's cards, in order by chance: the widget,
    longer, was the list, its days running oldest first, and the nightly walk read on
    past the known page 1 (composed seed 20600: 4 requests, bound 3)."""
    from newsarchive.discover.walk import list_block, list_days

    days = {"x5": dt.date(2026, 12, 5), "x2": dt.date(2026, 12, 2), "x1": dt.date(2026, 12, 1)}
    widget = [("widget", u) for u in ("w1", "x1", "w2", "w3", "x2", "w4", "w5", "w6")]
    places = [("list", "x5"), ("list", "x2"), ("list", "x1"), *widget]
    assert list_block(places, days=days) == "list"
    dated = ["x5", "x2", "x1"]
    listed = Listed(None, [KNOWN] * len(places), items=[u for _, u in places], places=places,
                    dated=dated, dates=[days[u] for u in dated])  # fmt: skip
    assert list_days(listed) == [days["x5"], days["x2"], days["x1"]]
