"""The writer a page names where the author rules took the wrong name or none: an old
blog's "Posted by" under the post whose readers' comments are signed the same way. Every
page is written for the test, in English and in Bulgarian."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

BG_PROSE = "<p>" + "Общинският съвет прие бюджета за ремонта на моста след дълго обсъждане. " * 6
BG_PROSE += "</p>"
EN_PROSE = "<p>" + "The council approved the money for the bridge repair after a long debate. " * 6
EN_PROSE += "</p>"
BG_HEADLINE = "Общината ремонтира моста"
EN_HEADLINE = "The town mends its bridge"
BLOG_URL = "https://blog.example/archives/2026/03/bridge.html"


def _blog(signed: str, comments: list[str], *, bulgarian: bool = False) -> str:
    prose, headline = (BG_PROSE, BG_HEADLINE) if bulgarian else (EN_PROSE, EN_HEADLINE)
    said = "".join(
        f'<div class="comments-body"><p>Thanks, a good read.</p>'
        f'<span class="comments-post">{comment}</span></div>'
        for comment in comments
    )
    return (
        f"<html><head><title>{headline}</title></head><body><div id='main'>"
        f'<h2 class="date">March 12, 2026</h2><h1>{headline}</h1>{prose * 4}'
        f'<span class="posted">{signed}</span></div>'
        f'<div class="comments-head">Comments</div>{said}</body></html>'
    )


@pytest.mark.parametrize(
    ("signed", "comments", "bulgarian", "writer"),
    [
        (
            "Posted by David at March 12, 2026 11:15 AM",
            [
                'Posted by: <a href="/c/1">John</a> at March 13, 2026 09:00 AM',
                "Posted by: Anna Lee at March 13, 2026 10:00 AM",
            ],
            False,
            "David",
        ),
        (
            "Публикувано от Стела Георгиева на 12.03.2026 11:15",
            [
                'Публикувано от: <a href="/c/1">Петър</a> на 13.03.2026 09:00',
                "Публикувано от: Иван Колев на 13.03.2026 10:00",
            ],
            True,
            "Стела Георгиева",
        ),
    ],
    ids=["english", "bulgarian"],
)
def test_posted_by_under_the_post_names_the_writer_past_the_comments_signed_alike(
    signed: str, comments: list[str], bulgarian: bool, writer: str
) -> None:
    article = extract(_blog(signed, comments, bulgarian=bulgarian), BLOG_URL)
    assert article.author == writer
    assert article.rules["author"] == "generic:posted-by"


@pytest.mark.parametrize(
    ("signed", "comments"),
    [
        # only the readers sign: none of them wrote the post
        (
            "",
            [
                "Posted by: John Smith at March 13, 2026 09:00 AM",
                "Posted by: Anna Lee at March 13, 2026 10:00 AM",
            ],
        ),
        # two posts signed on one page: whose is the article's is unknown
        ("Posted by David at March 12, 2026 11:15 AM <br>Posted by Maria at March 1, 2026", []),
    ],
    ids=["comments-alone", "two-posts"],
)
def test_posted_by_names_nobody_in_comments_alone_or_twice_outside(
    signed: str, comments: list[str]
) -> None:
    assert extract(_blog(signed, comments), BLOG_URL).author is None
