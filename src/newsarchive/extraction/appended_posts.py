"""Posts a theme appends whole under the page's own: its "infinite scroll" of next posts.

A news theme may print, under the article a page is for, the next (older) post in full,
its own headline, date and text, as its infinite scroll leaves it (Soledad's
``penci-single-infinite``, round 99's rodopiekspres): each post an ``<article>`` of its
own after the headline's. Weighed as one more box of prose, the appended post's text was
chosen where it was the longer, and the page archived with another article's text.

Told before the walk of the page's text (``blocks.Walker`` skips them as it skips a table
of contents): the ``<article>`` holding the page's headline (the first ``<h1>`` inside
one) is the page's post; an ``<article>`` after it, outside it, of its kind (its first
class word holding no digit, ``_kind``), that holds a headline of its own (``<h1>`` or
``<h2>``) and a post's prose (two paragraphs of a sentence or more) is another post. A
page's own parts set in ``<article>``s of other names are its text (a recipe's intro,
under the ``<h1>`` in ``article.node``, and its steps in
``article.recipe__instructions``, WCXB dev 4163).
Nothing is told where the headline's post holds no prose itself (a theme setting the
headline in an ``<article>`` of its own over the text's), nor where no ``<article>``
holds an ``<h1>``. A card of a related list (one excerpt) is no whole post and stays for
the rules that read such lists.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from newsarchive.markup import holds

# A paragraph of a post's prose: a sentence or more, not a label or a date line
_PROSE_CHARS = 40
# The paragraphs of prose a post appended whole holds at least (a card's excerpt is one)
_POST_PARAGRAPHS = 2


def _prose_paragraphs(node: LexborNode, enough: int) -> int:
    """How many ``<p>`` under ``node`` read as prose, counted up to ``enough``."""
    found = 0
    for p in node.css("p"):
        if len(" ".join(p.text(deep=True).split())) >= _PROSE_CHARS:
            found += 1
            if found >= enough:
                break
    return found


def _outermost_article(node: LexborNode, root: LexborNode) -> LexborNode | None:
    """The outermost ``<article>`` around ``node``, below ``root``."""
    found = None
    up = node.parent
    while up is not None and up.mem_id != root.mem_id:
        if up.tag == "article":
            found = up
        up = up.parent
    return found


def _kind(article: LexborNode) -> str:
    """An ``<article>``'s first class word holding no digit: a post's and the post
    appended after it are of one kind (WordPress's ``post``, after the ``post-9950`` its
    ``post_class()`` opens every post's list with), a page's parts set in ``<article>``s
    of their own are not (a recipe's ``node`` over its ``recipe__instructions``)."""
    words = (article.attributes.get("class") or "").split()
    return next((word for word in words if not any(c.isdigit() for c in word)), "")


def appended_posts(root: LexborNode) -> set[int]:
    """The ``mem_id`` of each post appended after the page's own under ``root``.

    Its whole-page query for ``<article>`` stays its own: listing them in the metadata's
    one query (``metadata._READ``) for the page's walk to take, as its in-page links
    are, cost that query as much as it saved here (callgrind, an AEB pass with loading:
    8,166.8M → 8,166.3M instructions), and ``tags("article")`` walks the whole page as
    the query does, on a page with none too."""
    articles = root.css("article")
    if len(articles) < 2:
        return set()
    own = None
    for h1 in root.css("h1"):
        if (own := _outermost_article(h1, root)) is not None:
            break
    if own is None or not _prose_paragraphs(own, 1):
        return set()
    kind = _kind(own)
    after = False
    told: set[int] = set()
    for article in articles:
        if article.mem_id == own.mem_id:
            after = True
            continue
        if not after or holds(own, article):
            continue
        if (
            _kind(article) == kind
            and article.css_first("h1, h2") is not None
            and _prose_paragraphs(article, _POST_PARAGRAPHS) >= _POST_PARAGRAPHS
        ):
            told.add(article.mem_id)
    return told
