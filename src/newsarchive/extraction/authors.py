"""Pick the article's author: structured data, the profile, meta names, then the byline a
reader sees on the page.

Kept apart from the pipeline because the author has many sources of its own, and each
needs its reasons written down; the text rules for reading a byline live in ``bylines``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive import date_words
from newsarchive.class_names import named_selector, naming_attributes_in
from newsarchive.discover.shape import is_filed_under_path
from newsarchive.extraction import blocks, bylines, far_dates
from newsarchive.extraction.clean import JUNK_TAGS, SCREEN_READER_CLASSES
from newsarchive.extraction.furniture import (
    NearTitle,
    Reader,
    in_furniture,
    in_furniture_for,
    is_furniture,
    visible_text,
)
from newsarchive.extraction.links import absolute, host_and_path
from newsarchive.extraction.metadata import Metadata
from newsarchive.extraction.published import body_text
from newsarchive.extraction.titles import LABEL_CLASS, clean_title, edge_segments
from newsarchive.markup import holds, within
from newsarchive.transliteration import LATIN, with_final_ia


@dataclass(frozen=True)
class Sources:
    """What the author rules read of one page: its tree, the windows around its headline,
    its metadata, its address, and the text the profile's author selector found there
    (with that selector, which names the rule)."""

    tree: LexborHTMLParser
    near: NearTitle
    meta: Metadata
    url: str
    profile_text: str = ""
    profile_selector: str = ""
    page_text: Callable[[], str] | None = None  # the body's whole text, when first asked


# The rule of the fallback to a JSON-LD Organization author, which ``names_nobody`` knows.
_ORGANIZATION = "jsonld:author-organization"


def _trusted(rule: str) -> bool:
    """A profile's selector: someone chose it for that site, so it is taken as it is."""
    return rule.startswith("profile:")


def pick_author(page: Sources) -> tuple[str, str]:
    """(name, rule): structured data, the profile's selector text, meta names (the author
    meta, then an SEO plugin's labelled card tags), then the byline a reader sees; ("",
    "none") when the page names nobody.

    The publisher is not the author: a JSON-LD author that is an Organization, or any
    author named like the site itself (its og:site_name: "USA TODAY", "Вестник Русе"), a
    team ("Team Tiger Data", "Екипът на …"), or a CMS login ("andrew.keaveney"), is used
    only when no one else is named on the page (``_names_no_person``); and to pass it
    over, the other name must read as a full name (on a one-person blog the site's name
    is the writer's), and more for a team or a login printed (``_passes_over``); where
    the metadata states it ("Communications Staff", a news office's) and the headline's
    byline names a person ("Story by Mira Farouk"), the person (``_printed_instead``), as
    over any stated name. A profile's selector is trusted as it is: someone chose it for
    that site. A link to the site's author page comes after the elements themes name as
    bylines (those hold the whole byline, co-authors included) and before a "By" in the
    text (a link says who).
    """
    meta = page.meta
    publisher: tuple[str, str] | None = None
    for name, rule in _candidates(page):
        trusted = _trusted(rule)
        if publisher is not None and not trusted and not _passes_over(publisher, name, rule):
            continue
        if trusted or not _names_no_person(name, meta):
            name = name if trusted else _without_publisher(name, meta)
            if rule in _STATED and (printed := _printed_instead(name, page)):
                return _as_printed(printed, page), _NEAR_TITLE
            if rule in _STATED and ", " not in name:
                name = _with_linked_co_authors(name, page)
            return _as_printed(name, page), rule
        if publisher is None and rule in _STATED and (printed := _printed_instead(name, page)):
            return _as_printed(printed, page), _NEAR_TITLE
        publisher = publisher or (name, rule)
    if meta.jsonld_org_author:
        return meta.jsonld_org_author, _ORGANIZATION
    if publisher is None and (name := _site_named_for_writer(page)):
        return name, SITE_NAMED_FOR_WRITER
    if publisher is not None:
        return _numbered_site_name(publisher[0], meta), publisher[1]
    return "", "none"


def _numbered_site_name(name: str, meta: Metadata) -> str:
    """The site's name with its number where the byline lost it (``_site_names``): "Русе
    24" signing its desk's posts was read as "Русе", a town, no site."""
    squashed = _squashed(name)
    for site in (meta.og_site_name, *edge_segments(meta.html_title)):
        whole = _squashed(site)
        if whole != squashed and whole.rstrip("0123456789") == squashed:
            return clean_title(site)
    return name


# The rule of the last resort on a personal site, which is named after its writer.
SITE_NAMED_FOR_WRITER = "generic:site-named-for-writer"


def _site_named_for_writer(page: Sources) -> str:
    """The site's name when it is a person's and the page links it to the site's home,
    "" otherwise: a personal blog's header prints its writer's name as the link home
    ("<a href="/">Pierce Freeman</a>", "Go ahead, self-host Postgres | Pierce Freeman"
    in its title) and no byline, the page being all one person's. Asked only when the page
    names no one else. The site's name is its og:site_name or a title's edge part, and
    where the metadata names no site (a title of one part, no og:site_name), the text of
    the page's first link home, the header's. It must be a person's name
    (``bylines.person_words``: a Bulgarian one ending in a surname, a Latin one's words
    names', not a place's or an outlet's), so a town's paper ("Вести Русе") or a
    newsroom's ("Радио Варна") is never taken, and not one whose words the page writes
    as words (``_used_as_words``: a brand's); and the page's first link home must print
    it, so a headline of two names (a title's first part) is not."""
    meta = page.meta
    named = (meta.og_site_name, *edge_segments(meta.html_title), *edge_segments(meta.og_title))
    body = page.tree.body
    if body is None:
        return ""
    host, _ = host_and_path(page.url)
    for link in body.css("a[href]"):
        href = link.attributes.get("href") or ""
        if not _MAY_LEAD_HOME.match(href):
            continue  # (no link home: resolving each of a menu's 150 links cost 12 ms)
        to_host, path = host_and_path(absolute(page.url, href))
        if to_host != host or path not in ("", "/"):
            continue
        text = " ".join((link.text(deep=True) or "").split())
        if not text:
            continue  # (a logo's picture: the next link home may print the name)
        own = text in named or not any(named)
        if not own or not bylines.person_words(text):
            return ""
        page_text = (page.page_text or body_text(page.tree))()
        return "" if _used_as_words(text, page_text) else text
    return ""


# An address that may lead to a site's home, as written: its path "/" or none, or dots
# going up, alone or after a scheme and a host ("/", "https://x.bg/", "//x.bg",
# "/?lang=bg", "../", "#top"); any other is a page of the site or of another, told
# before it is resolved.
_MAY_LEAD_HOME = re.compile(
    r"\s*(?:(?:[a-z][\w+.-]*:)?//[^/?#]*)?(?:\.\.?/)*(?:\.\.?)?/?(?:[?#]|\s*$)", re.IGNORECASE
)


def _used_as_words(name: str, text: str) -> bool:
    """Whether ``text`` writes a word of ``name`` in lower case, as a word of its own: a
    brand's name is made of words ("Bread Dad", "Human Resources", "Ava Community
    Energy", shaped as a person's name is), and its page uses them ("the bread", "our
    community"); a person's name ("Pierce Freeman", "Мария Петрова") is not written so,
    but in an address or a handle ("pierce.dev", "@artmann", a script's "owain"), which
    are not read as words. Told by the page, not by a list of every word."""
    return any(
        re.search(rf"(?<![\w./@\"]){re.escape(word.casefold())}(?![\w@\"]|\.\w)", text)
        for word in name.split()
    )


def _names_no_person(name: str, meta: Metadata) -> bool:
    """``name`` is one ``pick_author`` takes only when the page names no person: the
    site's own name (``_is_publisher``), a team's (``bylines.names_a_team``), a wire
    agency's (``bylines.names_a_wire``), a CMS login (``_is_login``)."""
    return (
        _is_publisher(name, meta)
        or bylines.names_a_team(name)
        or bylines.names_a_wire(name)
        or _is_login(name)
    )


def _passes_over(fallback: tuple[str, str], name: str, rule: str) -> bool:
    """Whether ``name`` (found by ``rule``) is taken over the (name, rule) ``fallback``
    an earlier source gave (``_names_no_person``): a full name (``_reads_as_full_name``);
    over a team's name, only one a label gives as the writer's (``_WRITER_FIELDS``): a
    company's blog signs "By Team Tiger Data" over the text and "Written by Paulinho
    Giovannini" under it, while the names in the team's byline box beside it are whom
    it credits ("Reviewed by Margaret James", "Full Bio"), and one the headline's byline
    gives (``_NEAR_TITLE``) where only the metadata states the team: a wire's JSON-LD
    names its desk's account ("Redacción EFE"), the page prints its writer "Por Ana
    García (EFE)" under the headline (a name sharing none of the team's words: "By
    Practical Horseman Editorial Staff" is the team's, read short); over a login the
    page prints
    as its byline ("by jsteinhardt" under a forum's post), only a person's name
    (``bylines.person_words``): the login is the name the site shows its writer by, and
    a capitalised name printed further on is as often the forum's own ("AI Alignment
    Forum"). A login the page states for machines alone (``_STATED_BY_CMS``) gives way
    to a full name printed, as the site's name does: the theme prints its writer's."""
    fallen, fallen_by = fallback
    if bylines.names_a_team(fallen) and rule not in _WRITER_FIELDS:
        if not (fallen_by in _STATED_BY_CMS and rule == _NEAR_TITLE) or _share_a_word(fallen, name):
            return False
    if fallen_by not in _STATED_BY_CMS and _is_login(fallen):
        return bool(bylines.person_words(name))
    return _reads_as_full_name(name)


# The names a page states for machines (JSON-LD, the author meta, an SEO plugin's card),
# which a CMS fills from the account that saved the post.
_STATED = frozenset({"jsonld:author", "meta:author", "meta:twitter:data"})
# The rule of the author GTM4WP's data layer names (``_data_layer_author``).
_DATA_LAYER = "generic:data-layer"
# The names a CMS states from the account that saved the post, for machines and not
# printed (``_passes_over``): the metadata's and the data layer's.
_STATED_BY_CMS = _STATED | {_DATA_LAYER}
_NEAR_TITLE = "generic:text-near-title"


def _printed_instead(stated: str, page: Sources) -> str:
    """The writer the page prints by its headline ("By Jane Doe") in place of the name
    its metadata states, "" where they agree or nothing else is printed there.

    The metadata names whoever's account saved the post (an editor, a login, a former
    writer), the page its writer; a byline the page prints by the headline and again in
    a byline element or an author link (two of the page's own statements) is who a reader
    is told wrote it. Only a name that shares no word with the stated one: a shorter or a
    longer form of the same name ("Jane Doe, MD"; one of the co-authors listed) is the
    same writer, and the metadata's form stays. Read only on pages whose metadata names
    someone, and where the headline's box does not print the stated name itself: the
    visible bylines are searched only when the headline's byline differs."""
    lines = page.near.first_lines
    window = "\n".join(lines)
    if stated in window or not bylines.may_hold_byline(window):
        return ""
    printed = _headline_byline(window, lines, page.near)
    if not printed or not _reads_as_full_name(printed):
        return ""
    if _share_a_word(printed, stated):
        return ""
    furniture = page.near.furniture
    shown = (*_byline_elements(page.tree, furniture), *_author_links(page, furniture))
    return printed if any(name == printed for name, _ in shown) else ""


def _share_a_word(name: str, other: str) -> bool:
    """Whether two names share a word, compared without case: the same writer's or
    team's, in a shorter or a longer form."""
    return bool(set(_WORDS.findall(name.casefold())) & set(_WORDS.findall(other.casefold())))


def _with_linked_co_authors(stated: str, page: Sources) -> str:
    """The stated writer and the co-authors the page links beside them ("Jane Roe</a>,
    <a href="/author/john-doe/">John Doe</a> & …"), joined with ", " (``_with_co_authors``):
    an SEO plugin states the post's first author alone, the theme prints them all with a
    link to each one's page. ``stated`` when no link of the page to an author's page is
    named so."""
    for link, _ in _own_author_pages(page.tree, page.url):
        if bylines.clean_byline(link.text(deep=True, separator="\n") or "") == stated:
            in_box = in_furniture(link, page.near.furniture)
            return stated if in_box else _with_co_authors(link, stated)
    return stated


def names_nobody(name: str, rule: str, meta: Metadata) -> bool:
    """``pick_author``'s (name, rule) is one it falls back on when the page names no
    person: the site's own name, a team's, a JSON-LD Organization, a CMS login. An office
    that signs the text (``bylines.office_line``) says more than these; a profile's
    selector is trusted as it is."""
    if _trusted(rule):
        return False
    return rule == _ORGANIZATION or _names_no_person(name, meta)


def _candidates(page: Sources) -> Iterator[tuple[str, str]]:
    """Every source in order, lazily: most pages stop at the first."""
    meta = page.meta
    if meta.jsonld_author and (name := bylines.clean_byline(meta.jsonld_author, stated=True)):
        yield name, "jsonld:author"
    if name := bylines.clean_byline(page.profile_text):
        yield name, f"profile:{page.profile_selector}"
    if meta.meta_author and (name := bylines.clean_byline(meta.meta_author, stated=True)):
        yield name, "meta:author"
    if meta.labelled_author and (name := bylines.clean_byline(meta.labelled_author, stated=True)):
        yield name, "meta:twitter:data"
    yield from _byline_elements(page.tree, page.near.furniture)
    yield from _author_links(page, page.near.furniture)
    labels = _field_labels(page.tree)  # (searched once, read by both passes)
    yield from _labelled_fields(labels)
    for number, window in enumerate(page.near):
        if number == 0:
            lines = page.near.first_lines
            if name := _headline_byline("\n".join(lines), lines, page.near):
                yield name, _NEAR_TITLE
            continue
        # further out, "By" starts other sentences: only a short line that opens with a
        # byline ("By Jane Doe · Published March 9", under the dek and a caption)
        for line in window.split("\n"):
            name = bylines.byline_in_text(line)
            if name and len(line.split()) <= _BYLINE_LINE and name in " ".join(line.split()[:4]):
                yield name, _NEAR_TITLE
                return
        break
    yield from _labelled_fields(labels, boxes=True)
    if name := _beside_an_avatar(page.tree, page.near.first_lines):
        yield name, _NEAR_TITLE
    if (name := _avatar_alone(page.tree, page.near.first_lines)) and not _is_publisher(name, meta):
        yield name, AVATAR_RULE
    if (name := _beside_a_portrait(page.tree, _headline_box(page.near))) and not _is_publisher(
        name, meta
    ):
        yield name, PORTRAIT_RULE
    if name := _posted_by_anywhere(page.tree, page.page_text):
        yield name, "generic:posted-by"
    if name := _posted_on_by_anywhere(page.tree, page.page_text):
        yield name, POSTED_ON_BY_RULE
    if name := _name_in_a_dated_box(page.near):
        yield name, NAME_BY_DATE_RULE
    if name := _profile_link(page):
        yield name, PROFILE_LINK_RULE
    if name := _data_layer_author(page.tree):
        yield name, _DATA_LAYER


# The rule of ``_profile_link``.
PROFILE_LINK_RULE = "generic:profile-link"
# A site's folder of one user's posts as an address names it: a user name ("lenaschulz",
# "jane.doe", "@jane_doe"), which the links to the user's profile end on.
_USER_FOLDER = re.compile(r"@?[\w.-]{2,40}")


def _profile_link(page: Sources) -> str:
    """The writer a blogging platform names by the link to their profile, where the post's
    own address is in the writer's folder ("dev.to/lenaschulz/stop-using-setinterval-…",
    "medium.com/@janedoe/…") and the page links that folder ("<a href="/lenaschulz">Lena
    Schulz</a>"), printed over the headline with the date ("Lena Schulz Follow Posted on
    Apr 29"), where the windows after it never look. The link's text must be a person's
    name (``bylines.person_words``) whose surname the folder spells (``_spelled_in``:
    "lenaschulz"), printed in the windows around the headline (``_by_the_headline``) and
    in no furniture: a site whose sections are folders links them by names shaped as a
    person's ("/blog" as "Technician Tips", "/itl" as "Information Technology Laboratory"
    on WCXB), which the folder does not spell. Asked last: every rule that reads a byline
    says more."""
    host, path = host_and_path(page.url)
    parts = path.strip("/").split("/")
    body = page.tree.body
    if body is None or len(parts) < 2 or not _USER_FOLDER.fullmatch(folder := parts[0]):
        return ""
    for link in body.css(f'a[href*="{folder}"]')[:_PROFILE_LINKS]:
        to_host, to_path = host_and_path(absolute(page.url, link.attributes.get("href") or ""))
        if to_host != host or to_path.strip("/") != folder:
            continue
        name = bylines.person_words(bylines.clean_byline(link.text(deep=True) or ""))
        if not name or not _spelled_in(name, folder) or in_furniture(link, page.near.furniture):
            continue
        if _by_the_headline(name, page):
            return name
    return ""


_HANDLE_WORD = 3  # letters: a word of the name a user name spells ("lena" in "lenaschulz")


def _spelled_in(name: str, handle: str) -> bool:
    """Whether the user name ``handle`` spells the last word of ``name`` (of
    ``_HANDLE_WORD`` letters or more), a person's surname: "lenaschulz", "schulz_l" and
    "jdoe" are Lena Schulz's and Jane Doe's. Any word of it was too little: a news
    site's section kicker over the headline, "<a href="/world">World Report</a>" on
    /world/…, spelled "world" and named the section the writer."""
    words = name.split()
    last = _squashed(words[-1]) if words else ""
    return len(last) >= _HANDLE_WORD and last in _squashed(handle)


_PROFILE_LINKS = 20  # links to the writer's folder read: a byline's, a card's, the footer's


# The rule of ``_name_in_a_dated_box``.
NAME_BY_DATE_RULE = "generic:name-by-date"
_HEADLINE_TEXTS = 40  # texts read after the headline: its byline's box, not the page
_PARAGRAPH_WORDS = 20  # a line this long is the text's: the headline's box ended before it
_DATED_BOX_WORDS = 12  # a byline's box: the name, a role, the date; not a card or a lead
_DATED_BOX_LEVELS = 2  # the name's line's wrappers climbed to the box holding the date
_NOT_READ = frozenset(JUNK_TAGS)
# A picture, and the elements that hold one with its caption.
_PICTURES = "img, picture"
_CAPTION_BOXES = frozenset({"figure", "figcaption"})
# What a byline's box never holds: a picture and its caption ("<img><div>Пенчо Милков</div>"
# under a photograph names whom it shows), the headline itself.
_NOT_IN_A_BYLINE_BOX = f"{_PICTURES}, {', '.join(sorted(_CAPTION_BOXES))}, h1"


def _name_in_a_dated_box(near: NearTitle) -> str:
    """The writer's name printed alone in an element of its own in the headline's box,
    beside the date in a small box of their own and with no label, where no class name
    says which is which: "<div><div>Мария Петрова</div><div>Редактор</div><div>14.03.2026
    </div></div>" under the headline (a build that hashes its CSS names). The windows
    join such a box's elements into one line ("Мария Петрова Редактор 14.03.2026"), which
    the byline rules read as a sentence; here the elements are read one by one, in the
    page's order from the headline to the text's first paragraph
    (``_PARAGRAPH_WORDS``). The name: an element's whole text, two or three words of a
    person's name (``bylines.person_words``: a Bulgarian one ending in a surname, never
    a role's "Кметът …"), in no link (a section's, a related story's, a profile's), in no
    sidebar; and the nearest box around it, a level or two up, short
    (``_DATED_BOX_WORDS``), holds a bare date as an element of its own
    (``bylines.is_bare_date``), and no picture, caption or headline: a municipality's
    photograph of its mayor captioned with his name is no byline (nor any name the one
    test of a caption, ``_a_caption``, calls one), nor is a box of the mayor's portrait
    and name beside every page, which prints no date."""
    headline = near.headline
    if headline is None:
        return ""
    read = 0
    for text in _texts_after(headline):
        words = (text.text_content or "").split()
        if not words:
            continue
        read += 1
        if read > _HEADLINE_TEXTS:
            break
        line_box = _line_element(text)
        if line_box is None:
            continue
        line = (line_box.text(deep=True) or "").split()
        if len(line) >= _PARAGRAPH_WORDS:
            break
        if line != words or not (name := bylines.person_words(" ".join(words))):
            continue
        if within(text, _SIDEBARS | {"a"}) or in_furniture(line_box, near.furniture):
            continue
        if _a_field_label(text):
            continue
        if not _a_caption(line_box) and _dated_box(line_box, headline):
            return name
    return ""


# The elements HTML sets a field's label in: a description list's term, a table's
# heading, a form's label.
_LABEL_TAGS = frozenset({"dt", "th", "label"})


def _a_field_label(node: LexborNode) -> bool:
    """Whether ``node``, or an element around it within its line's (``_line_element``),
    is a field's label (``_LABEL_TAGS``, or a class ``LABEL_CLASS`` names one: Drupal's
    "field__label"): "<dt>Effective From</dt><dd>March 3, 2026</dd>" under the headline
    names the date's field, not its writer, whatever its words; nor one whose line follows
    a label's cell that names no writer (``_after_a_label``)."""
    line = _line_element(node)
    if line is not None and _after_a_label(line):
        return True
    element: LexborNode | None = node if node.tag != "-text" else node.parent
    while element is not None:
        label = element.tag in _LABEL_TAGS
        if label or LABEL_CLASS.search(element.attributes.get("class") or ""):
            return True
        if line is None or element == line:
            return False
        element = element.parent
    return False


_LABEL_WORDS = 4  # a label's cell: "Председателстващ:", "Place of meeting:", not a line


def _after_a_label(line: LexborNode) -> bool:
    """Whether the element before ``line`` (a name's line, ``_line_element``) is a label
    of a field other than the writer's, a few words closing on ":": a council's minutes
    print "<tr><td>Дата:</td><td>26.11.2026</td></tr><tr><td>Председателстващ:</td><td>
    инж. Иван Иванов</td></tr>" under the headline, whom the date's box names being the
    chair. A writer's label ("Автор:", ``_LABEL_ONLY``) names the writer."""
    before = line.prev
    while before is not None and before.tag == "-text" and not (before.text() or "").strip():
        before = before.prev
    if before is None or before.tag == "-text":
        return False
    said = " ".join((before.text(deep=True) or "").split())
    return said.endswith(":") and len(said.split()) <= _LABEL_WORDS and not _LABEL_ONLY.match(said)


_AVATAR_PIXELS = 150  # a picture this small, as its markup sizes it, is a writer's avatar


def _a_caption(node: LexborNode) -> bool:
    """Whether ``node``, the element a name is printed in, is a picture's caption: in a
    ``<figure>`` or a ``<figcaption>``, or in a line of its own (its nearest block) printed
    right after a photograph (``_a_photograph``): "<img><div>Пенчо Милков</div>" under a
    municipality's photograph of its mayor names whom it shows, not who wrote the story,
    though the date stands beside it. The one test of a caption for the rules that read
    a name by the date, the elements' (``_name_in_a_dated_box``) and the windows'
    (``_not_a_caption``). A writer's avatar is no photograph: it stands in the name's own
    line ("<div><img> <span>Jane Doe</span></div>"), or its markup sizes it small
    ("<div><img width=64></div><div><span>Jane Doe</span> …")."""
    if node.tag in _CAPTION_BOXES or within(node, _CAPTION_BOXES):
        return True
    line = _line_element(node)
    if line is None or line.tag in ("body", "html"):
        return False
    before = line.prev
    while before is not None and before.tag == "-text" and not (before.text() or "").strip():
        before = before.prev
    return before is not None and before.tag != "-text" and _a_photograph(before)


def _a_photograph(node: LexborNode) -> bool:
    """``node`` is a picture, or a wrapper that holds one and prints no text ("<div><a>
    <img></a></div>"), and the picture is not sized as an avatar (``_AVATAR_PIXELS``)."""
    if node.tag == "img":
        picture: LexborNode | None = node
    elif (node.text(deep=True) or "").strip():
        return False
    else:
        picture = node.css_first("img") or node.css_first("picture")
    if picture is None:
        return False
    for side in ("width", "height"):
        size = (picture.attributes.get(side) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) <= _AVATAR_PIXELS:
            return False
    return True


def _not_a_caption(name: str, near: NearTitle) -> str:
    """``name``, which a window's rule of a name by the date read (``bylines.
    name_beside_date``, ``name_then_date``), unless the element the page prints it in is a
    picture's caption (``_a_caption``) or a field's label (``_a_field_label``): the
    windows join a photograph's caption and the date beside it into lines ("14.03.2026" /
    "Пенчо Милков"), the picture unseen, and a label and its date ("Effective From" /
    "March 3, 2026"), the ``<dt>`` unseen. The element is the first after the headline
    that prints the name (``_name_element``); where none is found the windows' reading
    stands."""
    if not name or near.headline is None:
        return name
    element = _name_element(near.headline, name)
    if element is None:
        return name
    return "" if _a_caption(element) or _a_field_label(element) else name


_NAME_LEVELS = 3  # a name's text's wrappers climbed to the element printing it whole


def _not_filed_under(name: str, near: NearTitle) -> str:
    """``name``, which a window's rule of a name beside the date and a byline mark read
    (``bylines.date_then_name``, ``name_mark_date``), unless the element the page prints
    it in (``_name_element``) is a link to what the post is filed under ("October 15,
    2026 | <a href="/category/market-reports/">Market Reports</a>", ``is_filed_under_
    path``): a category's name of two capitalised words reads as a person's. The line of
    parts (``bylines.parted_name``) is read so too."""
    if not name or near.headline is None:
        return name
    element = _name_element(near.headline, name)
    printed = " ".join((element.text(deep=True) or "").split()) if element else ""
    for _ in range(_NAME_LEVELS):  # "<a href=…><span>Market Reports</span></a>"
        if element is None or element.tag == "a":
            break
        element = element.parent
        if element is not None and " ".join((element.text(deep=True) or "").split()) != printed:
            return name  # (its wrapper prints more: no link of its own)
    if element is None or element.tag != "a":
        return name
    return (
        "" if is_filed_under_path(host_and_path(element.attributes.get("href") or "")[1]) else name
    )


def _name_element(headline: LexborNode, name: str) -> LexborNode | None:
    """The smallest element after ``headline`` that prints ``name`` whole, within the
    texts a byline's box is read in (``_HEADLINE_TEXTS``); None where none does."""
    read = 0
    for text in _texts_after(headline):
        said = " ".join((text.text_content or "").split())
        if not said:
            continue
        read += 1
        if read > _HEADLINE_TEXTS:
            break
        if said not in name and name not in said:
            continue
        element = text.parent
        for _ in range(_NAME_LEVELS):  # a name in parts: "<span>Пенчо</span> <span>…"
            if element is None or name in " ".join((element.text(deep=True) or "").split()):
                break
            element = element.parent
        if element is not None and name in " ".join((element.text(deep=True) or "").split()):
            return element
    return None


def _texts_after(node: LexborNode) -> Iterator[LexborNode]:
    """The text nodes after ``node`` in the page's order (its own left out), a script's
    or a style's never."""
    while node is not None and node.tag not in ("body", "html"):
        sibling = node.next
        while sibling is not None:
            if sibling.tag == "-text":
                yield sibling
            elif sibling.tag not in _NOT_READ:
                for inner in sibling.traverse(include_text=True):
                    if (
                        inner.tag == "-text"
                        and inner.parent is not None
                        and (inner.parent.tag not in _NOT_READ)
                    ):
                        yield inner
            sibling = sibling.next
        parent = node.parent
        if parent is None:
            break
        node = parent


def _line_element(node: LexborNode) -> LexborNode | None:
    """The element ``node`` (a text, or an element) stands in a line of: itself if it is
    a block, else its nearest block ancestor."""
    line: LexborNode | None = node
    while line is not None and line.tag not in blocks.BLOCK_TAGS:
        line = line.parent
    return line


def _dated_box(line_box: LexborNode, headline: LexborNode) -> bool:
    """Whether a box a level or two around ``line_box`` (the name's line) is a byline's:
    short, another of its children a bare date, no picture, caption or ``headline`` in it
    (``_name_in_a_dated_box``)."""
    box = line_box.parent
    for _ in range(_DATED_BOX_LEVELS):
        if box is None or box.tag in ("body", "html"):
            return False
        if len((box.text(deep=True) or "").split()) > _DATED_BOX_WORDS:
            return False
        if holds(box, headline) or box.css_first(_NOT_IN_A_BYLINE_BOX) is not None:
            return False
        for child in box.iter():
            said = " ".join((child.text(deep=True) or "").split())
            if said and bylines.may_be_dated(said) and bylines.is_bare_date(said):
                return True
        box = box.parent
    return False


# The post's author as the GTM4WP plugin ("Google Tag Manager for WordPress") hands it to
# the tag manager in the page's data layer: the WordPress display name of the post's
# author, "pagePostAuthor":"Jane Doe", in an inline script.
_DATA_LAYER_AUTHOR = re.compile(r'"pagePostAuthor"\s*:\s*"([^"\\]{2,80})"')


def _data_layer_author(tree: LexborHTMLParser) -> str:
    """The author GTM4WP's data layer names (``_DATA_LAYER_AUTHOR``), read last: what a
    WordPress site states for its tag manager, when the page prints and states nobody
    else. A login ("andrew.keaveney") is kept only when no one else is named, as the
    author meta's is (``pick_author``)."""
    for script in tree.css("script"):
        text = script.text() or ""
        if "pagePostAuthor" in text and (found := _DATA_LAYER_AUTHOR.search(text)):
            return bylines.clean_byline(found.group(1))
    return ""


# A writer's picture as WordPress prints it (``get_avatar``: class "avatar", a Gravatar
# address) and as themes name theirs ("author-avatar", "byline__avatar").
_AVATARS = 'img[class*="avatar"], img[src*="gravatar.com/avatar"]'


def _beside_an_avatar(tree: LexborHTMLParser, lines: list[str]) -> str:
    """The name printed right after a writer's picture in the headline's box, in an element
    no theme class names a byline: "<date> • <img class=avatar> Mahua Das in <a>Project
    Management</a>", "<img class=avatar> Мария Петрова в <a>Новини</a>". Read as a byline
    opening its line (``bylines.name_opening``), two words at least, and only where the
    headline's box (``lines``) prints it: comments under the text show their writers'
    pictures too."""
    body = tree.body
    if body is None or not lines:
        return ""
    for img in body.css(_AVATARS)[:10]:
        after = img.next
        while after is not None and not (after.text(deep=True) or "").strip():
            after = after.next
        if after is None:
            continue
        name = bylines.name_opening(after.text(deep=True) or "")
        if len(name.split()) > 1 and any(name in line for line in lines):
            return name
    return ""


# The rule of ``_avatar_alone``.
AVATAR_RULE = "generic:avatar"
# The words of an avatar's ``alt`` that says what the picture is, not whom it shows
# ("Profile Picture", "Author Photo", "Company Logo"), shaped as a name's words are.
_PICTURE_WORDS = frozenset(
    "avatar photo picture image logo icon profile headshot portrait author user".split()
)


def _avatar_alone(tree: LexborHTMLParser, lines: list[str]) -> str:
    """The writer a byline's avatar names in its ``alt`` where the line it stands in
    prints the date and no name ("<img class=avatar alt="Jane Doe" width=40> <span>Oct 14,
    2026</span> • 5 min read"): a theme that shows its writer's picture and not the name.
    Only a picture the markup calls an avatar (``_AVATARS``) and sizes as one (``_AVATAR_
    PIXELS``), whose line is one of the headline's box (``lines``) and has an element
    that is a bare date, and an ``alt`` that is a person's name (``bylines.person_words``;
    no team's, nor the picture's own description, ``_PICTURE_WORDS``): a story's
    photographs are none of these, and the people they show stay unnamed."""
    body = tree.body
    if body is None or not lines:
        return ""
    box = ["".join(line.split()) for line in lines]  # (the windows set items apart by spaces)
    for img in body.css(_AVATARS)[:10]:
        if _a_photograph(img) or not _sized(img):
            continue
        alt = bylines.person_words(img.attributes.get("alt") or "")
        if not alt or bylines.names_a_team(alt) or _PICTURE_WORDS & set(alt.casefold().split()):
            continue
        line = _line_element(img)
        if line is None or line.tag in ("body", "html"):
            continue
        said = "".join((line.text(deep=True) or "").split())
        if not said or not any(said in printed for printed in box):
            continue
        if any(
            bylines.is_bare_date(" ".join((child.text(deep=True) or "").split()))
            for child in line.iter()
        ):
            return alt
    return ""


def _sized(img: LexborNode) -> bool:
    """``img``'s markup gives its width or height (``_a_photograph`` reads them)."""
    return any((img.attributes.get(side) or "").strip() for side in ("width", "height"))


# The rule of ``_beside_a_portrait``.
PORTRAIT_RULE = "generic:portrait"
_PORTRAITS = 40  # pictures read: a page's first, where a byline's or a writer's box stands
_PORTRAIT_LEVELS = 3  # the picture's wrappers (a <figure>, a <div>) climbed to the line after
_BIO_WORDS = 8  # a line about the writer under the name, not a role or a date
_BOX_LINE = 20  # words: a line of the headline's box, not a paragraph that names someone


def _headline_box(near: NearTitle) -> list[str]:
    """The short lines of the headline's two nearest windows: its byline box, under a dek
    too (the dek's paragraph, then the writer's picture and name)."""
    lines = list(near.first_lines)
    for number, window in enumerate(near):
        if number == 1:
            lines += window.split("\n")
            break
    return [line for line in lines if len(line.split()) <= _BOX_LINE]


def _beside_a_portrait(tree: LexborHTMLParser, lines: list[str]) -> str:
    """The writer a picture of a person names twice, in its ``alt`` and in the line printed
    right after it ("<img alt="Мария Петрова"></figure><div>Мария Петрова</div>"): a
    writer's portrait in the byline's box or the writer's box under the text, told by no
    class name (a build that hashes its CSS names, or one that never named them). Only
    where the headline's box (``lines``) prints the name, or a line about the writer
    follows it ("Мария Петрова е журналист…", "Lauren Vetter is a …"); and only one
    person so pictured: a story's photograph of the people it is about is captioned in a
    ``<figcaption>``, or sits by no headline and no bio; a logo is a link's picture
    (``_in_link``), and the site's name is no writer (``pick_author`` reads it as the
    publisher's: left out here, where it would be the last resort)."""
    body = tree.body
    if body is None:
        return ""
    found = {
        name for img in body.css("img[alt]")[:_PORTRAITS] if (name := _portrait_name(img, lines))
    }
    return found.pop() if len(found) == 1 else ""


def _portrait_name(img: LexborNode, lines: list[str]) -> str:
    """``img``'s ``alt`` where it reads as a person's full name and the line after the
    picture is that name, by the headline or over a line about them (``_beside_a_portrait``)."""
    alt = " ".join((img.attributes.get("alt") or "").split())
    if not 3 < len(alt) <= 60 or not _reads_as_full_name(alt) or _in_link(img):
        return ""
    box = _after_picture(img)
    if box is None or box.tag == "figcaption" or box.css_first("figcaption") is not None:
        return ""
    said = [
        line
        for raw in (box.text(deep=True, separator="\n") or "").split("\n")
        if (line := " ".join(raw.split()))
    ]
    if not said or said[0].casefold() != alt.casefold():
        return ""
    if _in_a_sidebar(img):
        return ""
    first = alt.split()[0]
    about = any(line.startswith(first) and len(line.split()) >= _BIO_WORDS for line in said[1:4])
    return alt if about or any(_opens_with_name(line, alt) for line in lines) else ""


def _opens_with_name(line: str, name: str) -> bool:
    """``line`` of the headline's box is a byline of ``name``: the name alone, or opening
    a line that goes on with no sentence ("Mateusz Haberny Founder at Oakywood", "Мария
    Петрова, 3 март 2026"), not a lead naming the one pictured beside every page
    ("Кметът Пенчо Милков преряза лентата.", "Пенчо Милков: бюджетът е балансиран", a
    municipality's "Кмет" box holding his portrait and name)."""
    line = line.strip()
    if not line.startswith(name):
        return False
    rest = line[len(name) :].lstrip()
    return not rest or not (rest[0] == ":" or rest[0].islower())


# Where a portrait is a site's, not a writer's: the sidebar's "Кмет" box, the menu.
_SIDEBARS = frozenset({"aside", "nav", "menu"})


def _in_a_sidebar(img: LexborNode) -> bool:
    """``img`` sits in an ``<aside>``, ``<nav>`` or ``<menu>``: a box beside every page
    (a mayor's portrait over his name and a line about him), no writer's."""
    return within(img, _SIDEBARS)


def _in_link(img: LexborNode) -> bool:
    """``img`` is a link's picture: the site's logo leading home, its name printed beside
    it ("<a href="/"><img alt="Община Русе"></a><span>Община Русе</span>"), or a writer's
    leading to their page, which ``_author_links`` reads."""
    node = img.parent
    for _ in range(_PORTRAIT_LEVELS):
        if node is None:
            return False
        if node.tag == "a":
            return True
        node = node.parent
    return False


def _after_picture(img: LexborNode) -> LexborNode | None:
    """The element printed right after ``img``, its wrappers climbed where it closes them
    (``_PORTRAIT_LEVELS``); None where text, or nothing, follows it."""
    node = img
    for _ in range(_PORTRAIT_LEVELS + 1):
        after = node.next
        while after is not None and after.tag == "-text" and not (after.text() or "").strip():
            after = after.next
        if after is not None:
            return None if after.tag == "-text" else after
        if node.parent is None:
            return None
        node = node.parent
    return None


def _headline_byline(window: str, lines: list[str], near: NearTitle) -> str:
    """The byline the headline's box prints (``window``: its ``lines`` joined): a "By" or
    a label (``byline_in_text``), else the date first, as WordPress's "Posted on <date>
    by <name>" prints it in Bulgarian ("Публикувано на 3 март 2026 г. от Мария Кирова"):
    "от" after a date, which ``byline_in_text`` leaves alone as the preposition it can
    be; else a Chinese reporter's credit ("澎湃新闻记者 陈晨 李娜": ``bylines.reporter_line``);
    else a line of a name and the date alone, in either order, with no label ("Мария
    Петрова | 14.03.2026": ``bylines.dated_name``), a Latin name after the date and a
    byline mark ("17.12.2025 · Jane Doe": ``bylines.date_then_name``), or a name on a
    line of its own right over or under the date's ("Jane Doe" / "17.12.2025 · 6 min
    read": ``bylines.name_beside_date``) or before it with no mark ("Luke Kim December
    17, 2025": ``bylines.name_then_date``), where the element ``near``'s headline is
    followed by that prints the name is no picture's caption (``_not_a_caption``): these
    two read a name by the date that no label or mark calls a byline; else a line of
    parts, its section or town beside the name and the date ("Мария Петрова | 14.03.2026
    | Общество": ``bylines.parted_name``)."""
    # (the lines without the counts or the filing closing them: "| 1523 прочитания", "·
    # 5 min read", "| Категория: Новини")
    shown = [bylines.without_counts(line.strip()) for line in lines]
    cut = [line for line, whole in zip(shown, lines, strict=True) if line != whole.strip()]
    if found := bylines.byline_in_text(window) or _signed_line_in(lines) or _signed_line_in(cut):
        return found
    return (
        next(filter(None, (bylines.reporter_line(line) for line in shown)), "")
        or next(filter(None, (bylines.dated_name(line) for line in shown)), "")
        or _not_filed_under(
            next(filter(None, (bylines.date_then_name(line) for line in shown)), ""), near
        )
        or _not_a_caption(bylines.name_beside_date(shown), near)
        or _not_a_caption(
            next(filter(None, (bylines.name_then_date(line) for line in shown)), ""), near
        )
        or _not_filed_under(
            next(filter(None, (bylines.name_mark_date(line) for line in shown)), ""), near
        )
        or _not_filed_under(
            next(filter(None, (bylines.parted_name(line) for line in shown)), ""), near
        )
    )


def _signed_line_in(lines: list[str]) -> str:
    """The name one of a window's ``lines`` (those it holds whole: ``whole_lines``) gives
    as who posted the text and when, and nothing else (``bylines.signed_line``)."""
    return next(filter(None, (bylines.signed_line(line.strip()) for line in lines)), "")


def _posted_by_anywhere(tree: LexborHTMLParser, page_text: Callable[[], str] | None) -> str:
    """The name after the page's one "Публикувано от"/"Posted by", wherever it stands: an
    old template prints it only in the item's footer under the text ("Публикувано от
    Стела Георгиева на 09.11.26 17:45 · 0 коментара", PHP-Fusion), far from the headline,
    in a cell a theme's class names a footer. Only when the page says it once: a box of
    other posts says it for each of them, and then whose is the article's is unknown.
    Readers' comments (``far_dates.comments_box``) are left out where the page says it
    more than once: an old blog's template signs each comment as it signs the post
    ("Posted by David at December 16, 2025 11:15 AM" under the post, "Posted by: John at
    …" under each comment), and the comments are the readers', not the article's: named
    so, or told by their shape alone where no class word names them (``_repeated``)."""
    body = tree.body
    if body is None:
        return ""
    raw = (page_text or body_text(tree))()
    said = len(bylines.posted_by_at(raw))
    if not said:
        return ""
    hide = _nothing if said == 1 else _comment_or_repeated
    text = visible_text(body, hide=hide)
    found = bylines.posted_by_at(text)
    if len(found) != 1 or any(
        in_furniture_for(n, Reader.POSTED_BY)
        for n in body.css(bylines.SAYS_POSTED_BY)
        if said == 1 or not far_dates.in_comments(n)
    ):
        return ""
    return bylines.posted_by(text[found[0] : found[0] + 160])[0]


def _comment_or_repeated(node: LexborNode) -> bool:
    """``node`` is a box of readers' comments (``far_dates.comments_box``), or one of a run
    of boxes alike (``_repeated``): what hides the signed lines that are not the post's."""
    return far_dates.comments_box(node) or _repeated(node)


def _repeated(node: LexborNode) -> bool:
    """``node`` has a sibling beside it of its tag and class (``<div class="c0118dc">`` twice):
    one of a run of items alike, the comments under a post, each signed as the post is
    ("Posted by: John at …"), or other posts' teasers, whose class word may say nothing
    (a build hashed it). The post's own box is one of a kind."""
    kind = node.attributes.get("class")
    if not kind:
        return False
    return _alike(node, kind, backwards=True) or _alike(node, kind, backwards=False)


def _alike(node: LexborNode, kind: str, *, backwards: bool) -> bool:
    """The element before (or after) ``node`` is of its tag and of class ``kind``."""
    sibling = node.prev if backwards else node.next
    while sibling is not None and sibling.tag in ("-text", "-comment"):
        sibling = sibling.prev if backwards else sibling.next
    return (
        sibling is not None and sibling.tag == node.tag and sibling.attributes.get("class") == kind
    )


# The rule of ``_posted_on_by_anywhere``: where that line closes the text, the text's
# closing line names the writer instead (``generic:closing-line``, the same name), as it
# did before the line was read anywhere else.
POSTED_ON_BY_RULE = "generic:posted-on-by"
# The rules that read a name the page labels as its writer's ("Written by Jane Doe",
# "Автор: Мария Петрова", "Posted by …"), wherever it stands (``_passes_over``).
_WRITER_FIELDS = frozenset({"generic:labelled-field", "generic:posted-by", POSTED_ON_BY_RULE})
# The elements a theme prints a post's "posted on … by …" line in, a line of its own.
_LINE_ELEMENTS = "p, div, span, li, td, dd, small, footer"
_SIGNED_LINE = 120  # characters: ``bylines.signed_line``'s longest line
_SIGNED_RAW = 1024  # characters of an element's text its line's length is first read from


def _posted_on_by_anywhere(tree: LexborHTMLParser, page_text: Callable[[], str] | None) -> str:
    """The name in the page's one line "Публикувано на <date> от <name>" (a date label,
    the date, then who: ``bylines.signed_line``), wherever it stands: a blog theme prints
    it only in the post's footer under the text (``entry-footer``), outside the text and
    far from the headline, where ``_headline_byline`` reads the same line. Only when the
    page prints one such line (the same words in nested elements are one): a box of other
    posts prints one for each, and then whose is the article's is unknown; none in
    furniture but a footer (``Reader.POSTED_BY``)."""
    body = tree.body
    if body is None or not date_words.posted_on_by((page_text or body_text(tree))()):
        return ""
    lines: dict[str, str] = {}
    memo: dict[int, bool] = {}
    signed: dict[str, str] = {}  # each line's name (``bylines.signed_line``)
    longer: set[int] = set()  # elements holding one whose text is longer than a line
    # Innermost first: an element holding one longer than a line is longer too, and its
    # text is not read (5,000 nested elements each opening with the line read their
    # whole text each, the page's size times its depth).
    for node in reversed(body.css(_LINE_ELEMENTS)):
        if node.mem_id in longer:
            continue  # (its ancestors were marked with it)
        raw = node.text(deep=True) or ""
        if _longer_than_line(raw):
            _hold_longer(node, longer)
        if not date_words.OPENS_AS_POSTED_ON.match(raw):
            continue  # (its words not split and joined: a column's are thousands)
        text = _short_line(raw)
        if not text or not date_words.POSTED_ON_BY.match(text):
            continue
        if text in lines:
            continue  # (the same line again names the same writer)
        if text not in signed:  # (read once however often printed: 13,750 times in 1 MB)
            signed[text] = bylines.signed_line(text)
        if signed[text] and not in_furniture_for(node, Reader.POSTED_BY, memo):
            lines[text] = signed[text]
            if len(lines) > 1:
                return ""  # two lines: whose is the article's is unknown
    return next(iter(lines.values())) if len(lines) == 1 else ""


def _longer_than_line(raw: str) -> bool:
    """Whether ``raw`` is surely longer than a line (``_SIGNED_LINE``), told from its
    opening alone: its words there, on one line, are longer already (cheap, so every
    element is asked; one whose opening is mostly blank is not told)."""
    return len(raw) > _SIGNED_LINE and len(" ".join(raw[:_SIGNED_RAW].split())) > _SIGNED_LINE


def _hold_longer(node: LexborNode, longer: set[int]) -> None:
    """Mark ``node``'s ancestors as holding a text longer than a line: a text holding
    another holds its words, so on one line it is no shorter. Each is marked once (the
    climb stops at one marked before), so the marking costs the page's elements once."""
    parent = node.parent
    while parent is not None and parent.mem_id not in longer:
        longer.add(parent.mem_id)
        parent = parent.parent


def _short_line(raw: str) -> str:
    """``raw``'s words on one line, where that is ``_SIGNED_LINE`` characters at most;
    else "". Its opening's words are read first: a line longer there is longer whole,
    and 5,000 nested elements each opening with the line (each holding the rest) are not
    split whole 5,000 times (7.4 s for 0.37 MB, 1.8 s now)."""
    text = " ".join(raw[:_SIGNED_RAW].split())
    if len(text) <= _SIGNED_LINE and len(raw) > _SIGNED_RAW:
        text = " ".join(raw.split())
    return text if len(text) <= _SIGNED_LINE else ""


_BYLINE_LINE = 10  # words: a byline line with its date, not a sentence naming someone

# Between co-authors as a byline prints them: "A, B and C", "A, B, & C", "А и Б".
_JOIN = r"(?:\s*,\s*(?:and\s+|&\s*|и\s+)?|\s+(?:and|&|и)\s+)"


def _as_printed(name: str, page: Sources) -> str:
    """Co-authors gathered from separate items ("A, B, C" from a JSON-LD list) in the
    page's own wording, when its text prints them in that order ("A, B and C"): the
    byline a reader sees, as ``bylines`` keeps a printed one. Read only on pages with
    several authors."""
    names = name.split(_BETWEEN_AUTHORS)
    tree = page.tree
    if len(names) < 2 or tree.body is None:
        return name
    # "(?<!\w)A" written as "A(?<!\wA)": led by a literal, the search jumps to where the
    # first name is printed instead of trying the pattern at every character of the page.
    # Scripts left out: a tracking call between two author links ("B</a>, and
    # <script>…</script><a>C") is no part of what the reader sees.
    first = re.escape(names[0])
    pattern = re.compile(
        rf"{first}(?<!\w{first})" + "".join(_JOIN + re.escape(n) for n in names[1:]) + r"(?!\w)"
    )
    # lexbor's own text (scripts and all) first: walking the page in Python costs more
    # than the rest of the byline search, and a printed list found there reads the same;
    # a page that never prints the first name has no printed list to find. The text the
    # date rules read (``page_text``), when they did: built again, it cost as much as the
    # rest of reading the author (13 of AEB's 181 pages, 0.19 ms a page over all).
    raw = (page.page_text or body_text(tree))()
    # A word of the first name the text lacks says it is not printed without respacing
    # the whole text to tell (a piece of it with no space stands within one of the text's
    # words): the case on 6 of those 13 pages.
    if not all(word in raw for word in names[0].split()):
        return name
    native = " ".join(raw.split())
    if names[0] not in native:
        return name
    printed = pattern.search(native) or pattern.search(visible_text(tree.body, hide=_nothing))
    # Element boundaries read as spaces: "Jane Doe</a> , <a>…" is still "Jane Doe, …".
    return _SPACE_BEFORE_COMMA.sub(",", printed.group(0)) if printed else name


def _nothing(node: LexborNode) -> bool:
    return False


_SPACE_BEFORE_COMMA = re.compile(r"\s+,")


def _reads_as_full_name(text: str) -> bool:
    """Two or more words that read as a name: what it takes to pass over the publisher's
    name, which is right on a one-person site. A lone "HERE" or "Top" is a link, Latin
    capitals ("GARDEN MAINTENANCE") a category label; Cyrillic capitals can be a name
    (BTA prints its writers so)."""
    if text.isupper() and not any("а" <= c.lower() <= "я" for c in text):
        return False
    # (the agency a writer files for, "Ana García (EFE)", is no word of the name)
    text = bylines.without_bracketed_wire(text)
    return len(text.split()) >= 2 and bylines.reads_as_name(text)


_LOGIN = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")


def _is_login(name: str) -> bool:
    """A CMS account's handle ("andrew.keaveney", "kffnirmitap", "brandon-peaktwo"): one
    lower-case token, which the CMS states where the theme prints the writer's name.
    Like the publisher's name, it is used only when the page names no one else."""
    return bool(_LOGIN.fullmatch(name)) and any(ch.isalpha() for ch in name)


def _squashed(text: str) -> str:
    return "".join(filter(str.isalnum, text.casefold()))


def _is_publisher(name: str, meta: Metadata) -> bool:
    """The name is the site's own, compared without case, spaces or punctuation: its
    og:site_name, or the first or last part of its ``<title>`` or og:title, where a site
    with no og:site_name prints its name ("Headline - Дунавски вести", its author meta
    "Дунавски вести" over a byline "Автор: Мария Колева"). Not the host's name: personal
    sites are named after their writer ("janedoe.com"), and there the writer is the
    author."""
    squashed = _squashed(name)
    return bool(squashed) and squashed in _site_names(
        meta.og_site_name, meta.html_title, meta.og_title
    )


@lru_cache(maxsize=64)
def _site_names(site_name: str, html_title: str, og_title: str) -> frozenset[str]:
    """The site's names as ``_is_publisher`` compares them (``_squashed``). Memoised: the
    author rules ask about every name they meet, and the pipeline asks again, all of one
    page's titles, which are cleaned and split anew at each ask (a tenth of the author
    rules' time)."""
    named = (site_name, *edge_segments(html_title), *edge_segments(og_title))
    squashed = {_squashed(site) for site in named}
    # and without its number, as a byline loses it ("Русе 24" signs its desk's posts,
    # read as "Русе": ``bylines.clean_byline`` cuts a number after a name)
    return frozenset(squashed | {name.rstrip("0123456789") for name in squashed} - {""})


def _without_publisher(name: str, meta: Metadata) -> str:
    """ "Jane Doe, The Commercial Appeal" -> "Jane Doe" on the site named "Memphis
    Commercial Appeal": a newspaper network's feed appends the paper to its writers'
    names. The part after the last comma goes when its words, "the" aside, are all in
    the og:site_name; a role ("Jane Doe, MD") or an affiliation elsewhere stays."""
    head, _, tail = name.rpartition(", ")
    site = set(_WORDS.findall(meta.og_site_name.casefold()))
    words = set(_WORDS.findall(tail.casefold())) - {"the"}
    return head if head and words and words <= site else name


_WORDS = re.compile(r"\w+")


# Elements that match a byline selector without being one: head links, scripts, and the
# article itself when its class carries the writer ("hentry author-jane-doe").
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "article", "main", "body"})
_CLASS_HOLDS = re.compile(r'\[class\*="([^"]+)"\]')


def _any_of(parts: list[str]) -> str:
    """``parts`` as one selector, without those another part already matches: a class
    holding "author-name" holds "author" (lexbor tests every part on every element, and
    three such parts made the query half as dear again)."""
    held = [m[1] for part in parts if (m := _CLASS_HOLDS.fullmatch(part))]

    def implied(part: str) -> bool:
        m = _CLASS_HOLDS.fullmatch(part)
        return m is not None and any(word != m[1] and word in m[1] for word in held)

    return ", ".join(part for part in dict.fromkeys(parts) if not implied(part))


# The outermost part of every byline selector, in one: a page where this matches nothing
# has no byline element, and the per-selector walks (descendant selectors are the dear
# ones) are skipped. Measured and not adopted (speed246): its class substrings asked in
# any case (``[class*="byline" i]``, a superset whose boxes bound the search the same):
# callgrind over an AEB pass 5,081.9M -> 5,071.6M instructions (-0.2%), lexbor's
# case-kept test (memcmp at each place) traded for its case-folding one, which costs
# nearly as much.
_ANY_BYLINE = _any_of(
    [part.split()[0] for selector in bylines.BYLINE_SELECTORS for part in selector.split(",")]
)


def _byline_elements(
    tree: LexborHTMLParser, furniture: Callable[[LexborNode], bool] = is_furniture
) -> Iterator[tuple[str, str]]:
    """Elements named as bylines, most specific selector first, outside furniture, whose
    text reads as names.

    Searched in the whole body, not in the first ``<article>`` or ``<main>``: that is a
    related-news card on some pages, and others print the byline in a header block above
    ``<main>``, beside the headline. Furniture (footers, sidebars, related lists) is
    still passed over, so other articles' bylines do not count (``furniture``: the page's
    ``NearTitle.furniture``, whose memo the date rules filled).
    """
    body = tree.body
    if body is None:
        return
    boxes = body.css(_ANY_BYLINE)
    named = False  # (whether a class named a byline that gave a name)
    if boxes:  # (one walk of the page instead of one per selector, on most pages)
        outer = _outermost(boxes, body) if len(boxes) <= _FEW_BOXES else None
        for name, rule in _bylines_named(body, bylines.BYLINE_SELECTORS, outer, furniture):
            named = True
            yield name, rule
    if not named:
        # (then the byline's words in the attributes a build names its parts in, where
        # the classes named none: ``bylines.NAMED_BYLINE_WORDS``; the page's bytes are
        # searched for them only then, a search that costs a few percent of extraction)
        if attributes := naming_attributes_in(tree.raw_html):
            selector = named_selector(bylines.NAMED_BYLINE_WORDS, attributes, True)
            yield from _bylines_named(body, (selector,), None, furniture)


def _bylines_named(
    body: LexborNode,
    selectors: tuple[str, ...],
    outer: list[LexborNode] | None,
    furniture: Callable[[LexborNode], bool],
) -> Iterator[tuple[str, str]]:
    """The names in the elements ``selectors`` match (``_byline_elements``), searched in
    ``outer`` (``_matches_in``). (A link is asked whether only the page names it so of
    the class selectors alone, the ones with a link part: ``_named_only_by_the_page``.)"""
    seen: set[int] = set()  # the selectors overlap: each element is judged once
    verdicts: dict[int, bool] = {}  # (``in_furniture_for``'s memo for this walk)
    outer_named = selectors == bylines.BYLINE_SELECTORS
    for selector in selectors:
        for node in _matches_in(outer, selector, body)[:20]:
            if node.mem_id in seen:
                continue
            seen.add(node.mem_id)
            if node.tag in _NOT_BYLINE_TAGS or in_furniture_for(
                node, Reader.BYLINE, verdicts, furniture
            ):
                continue
            if node.tag == "a" and outer_named and _named_only_by_the_page(node, selector):
                continue
            if node.tag == "a" and _to_a_place_on_the_page(node):
                continue
            name = _name_in(node)
            if name and node.css_first("h1") is None:  # not "post author-jane-doe"
                if node.tag == "a":
                    name = _with_co_authors(node, name)
                if _BETWEEN_AUTHORS not in name:
                    name = _with_alike_bylines(node, name)
                yield name, f"generic:{selector.split(',')[0]}"


# Text for screen readers alone (``SCREEN_READER_CLASSES``), the element itself included.
_SPOKEN_ONLY = ", ".join(f".{name}" for name in sorted(SCREEN_READER_CLASSES))


def _name_in(node: LexborNode) -> str:
    """The name a byline element's text gives (``bylines.clean_byline``), text for screen
    readers alone left out (``_shown_text``)."""
    name = bylines.clean_byline(node.text(deep=True, separator="\n") or "")
    if name and node.css_first(_SPOKEN_ONLY) is not None:
        return bylines.clean_byline(_shown_text(node))
    return name


def _shown_text(node: LexborNode) -> str:
    """The byline element's text as ``node.text(deep=True, separator="\n")`` reads it,
    less what is written for screen readers alone: an icon link's label ("<a
    class="unread"><i class="icon"></i><span class="sr-only">Мнение</span></a>", phpBB's
    link to the post in its "author" line) was read as the author. Asked only of an
    element that names someone and holds such text (one query of the element)."""
    spoken = {hidden.mem_id for hidden in node.css(_SPOKEN_ONLY)}
    top = node.mem_id
    pieces = []
    for piece in node.traverse(include_text=True):
        if piece.tag != "-text":
            continue
        current = piece.parent
        while current is not None and current.mem_id not in spoken and current.mem_id != top:
            current = current.parent
        if current is None or current.mem_id not in spoken:
            pieces.append(piece.text_content or "")
    return "\n".join(pieces)


# Up to this many elements a byline selector can start from, its matches are looked for
# in their subtrees rather than in the whole page: a query costs a few microseconds and
# its subtree, one over the whole of an ordinary page about a hundred.
_FEW_BOXES = 30


def _matches_in(
    boxes: list[LexborNode] | None, selector: str, body: LexborNode
) -> list[LexborNode]:
    """``body.css(selector)``, searched only inside ``boxes`` (``_outermost``: the
    outermost of the page's elements that match the outer part of some byline selector,
    when they are few; None when they are not).

    Every match of a byline selector is such an element or lies inside one, so the
    boxes' subtrees, each queried with the box itself included, hold all of them, and
    being apart (none inside another) and in page order, they list each match once and
    in the page's order, an element listed once per part of the selector it matches
    included. The up to six selectors each walked the whole page, a tenth of a
    millisecond each on an ordinary one; a byline's box is a few elements.
    """
    if boxes is None:
        return body.css(selector)
    found: list[LexborNode] = []
    for box in boxes:
        found += box.css(selector)
    return found


def _outermost(boxes: list[LexborNode], body: LexborNode) -> list[LexborNode]:
    """``boxes`` (in page order) less those inside another of them, whose matches the
    query of the outer one lists already: half the boxes on the stored pages were such,
    and each cost a query per byline selector (a selector's query costs about as much
    to set up as walking up a dozen ancestors)."""
    ids = {box.mem_id for box in boxes}
    stop = body.mem_id
    outer: list[LexborNode] = []
    for box in boxes:
        current = box.parent
        while current is not None:
            key = current.mem_id
            if key in ids:
                break  # (the body among the boxes too: "single-author" on a post's body)
            current = None if key == stop else current.parent
        else:
            outer.append(box)
    return outer


def _to_a_place_on_the_page(link: LexborNode) -> bool:
    """A link to a place on this page ("#p512877") beside a link elsewhere in its element:
    phpBB's "author" line links the post itself by its word ("<a href="#p512877">Beitrag
    </a> von <a href="./memberlist.php?…" class="username">Kurt</a>"), the other link is
    the writer's. Alone, or beside such links only, it stays a name ("By <a href="#bio">
    Jane Doe</a>", the writer's box below; "#", a link the theme left empty)."""
    href = (link.attributes.get("href") or "").strip()
    parent = link.parent
    if len(href) < 2 or not href.startswith("#") or parent is None:
        return False
    return any(
        not (other.attributes.get("href") or "").strip().startswith("#")
        for other in parent.css("a[href]")
    )


def _named_only_by_the_page(link: LexborNode, selector: str) -> bool:
    """A link matched as "in a byline" (``[class*="author"] a``) only because the body or
    the article carries the writer in its class ("single-author", "author-jane-doe"):
    then every link of the page matches, "Skip to main content" first."""
    containers = [part.split()[0] for part in selector.split(",") if " " in part.strip()]
    if not containers:
        return False
    outer = ", ".join(containers)
    node = link.parent
    while node is not None and node.tag != "html":
        # (the element itself: ``css_matches`` is true of any element holding a match too,
        # and ``css_first`` starts with the element itself when it matches)
        first = node.css_first(outer)
        if first is not None and first.mem_id == node.mem_id:
            return node.tag in _NOT_BYLINE_TAGS
        node = node.parent
    return False


def _with_co_authors(link: LexborNode, name: str) -> str:
    """The writer's link and the links beside it to the same kind of page ("/author/a",
    "/author/b"), their names joined with ", " (separate items: see ``bylines``). A link
    elsewhere in the byline (a section, "/category/…") is not a co-author."""
    folder = _folder(link.attributes.get("href") or "")
    container = link.parent
    for _ in range(2):  # "<span><a>A</a></span> и <span><a>B</a></span>"
        if container is None or container.tag in _NOT_BYLINE_TAGS:
            return name
        links = container.css("a")
        if len(links) > 1:
            break
        container = container.parent
    else:
        return name
    # (its elements' texts apart: "Expert</div><div>Reviewed by" glued is no word "Reviewed")
    if bylines.NOT_WRITERS.search(container.text(deep=True, separator=" ") or ""):
        return name  # "By Jane Doe. Reviewed by John Roe": the second one checked it
    names = [name]
    own = link.attributes.get("href") or ""
    for other in links[:8]:
        if other.mem_id == link.mem_id or not folder:
            continue
        href = other.attributes.get("href") or ""
        if _folder(href) != folder or href == own:  # (the same writer's "Full Bio")
            continue
        co_author = _name_in(other)
        if co_author and bylines.reads_as_name(co_author) and co_author not in names:
            names.append(co_author)
    return _BETWEEN_AUTHORS.join(names)


# Between co-authors gathered from separate items (a JSON-LD list, links, elements): the
# one joined form, which ``_as_printed`` splits to find the page's own wording.
_BETWEEN_AUTHORS = ", "
_JOINER_CHARS = 5  # text between two writers' elements: ",", " e ", " und ", not a sentence


def _with_alike_bylines(node: LexborNode, name: str) -> str:
    """The writer a byline element names and the co-authors the elements beside it name,
    alike in tag and class, joined (``_BETWEEN_AUTHORS``): a theme prints each writer in an
    element of their own ("<span class="art-author">A</span>, <span class="art-author">
    B</span>"), linked or not, so the first element, or the box around them read by its
    first line, named only the first. The elements are ``node`` and its next siblings
    (or, for a link alone in such an element, its wrapper's: "<span class="byline__name">
    <a>A</a></span> e …"), else ``node``'s first child with a class and its own; with
    only a joiner between them (``_JOINER_CHARS``) and each reading as a name."""
    element = node
    parent = node.parent
    if not node.attributes.get("class") and parent is not None and _alone_in(node, parent):
        element = parent
    names = _alike_names(element)
    if len(names) < 2:
        child = next((kid for kid in node.iter() if kid.attributes.get("class")), None)
        names = _alike_names(child) if child is not None else []
    if len(names) < 2 or names[0] != name:
        return name
    return _BETWEEN_AUTHORS.join(names)


def _alone_in(node: LexborNode, parent: LexborNode) -> bool:
    """Whether ``parent`` prints nothing but ``node``'s text."""
    return (node.text(deep=True) or "").strip() == (parent.text(deep=True) or "").strip()


def _alike_names(first: LexborNode) -> list[str]:
    """The names ``first`` and its next siblings of its tag and class print, up to
    ``_LISTED`` (``_with_alike_bylines``); stops at another element or a longer text."""
    kind = first.attributes.get("class")
    if not kind:
        return []  # (links with no class of their own: ``_with_co_authors`` reads them)
    alike: list[LexborNode] = []
    sibling: LexborNode | None = first
    while sibling is not None and len(alike) < _LISTED:
        if sibling.tag == "-text":
            if len((sibling.text_content or "").strip()) > _JOINER_CHARS:
                break
        elif sibling.tag != first.tag or sibling.attributes.get("class") != kind:
            break
        else:
            alike.append(sibling)
        sibling = sibling.next
    names: list[str] = []
    if len(alike) < 2:
        return names  # (one element, the byline most themes print: its name is read)
    for element in alike:
        said = _name_in(element)
        if not (said and bylines.reads_as_name(said)):
            break
        if said not in names:
            names.append(said)
    return names


def _folder(href: str) -> str:
    """ "/author/jane-doe/" -> "/author/": where a site keeps its pages of one kind."""
    path = host_and_path(href)[1].rstrip("/")
    return path.rsplit("/", 1)[0] + "/" if "/" in path.strip("/") else ""


# Path segments of a site's page about one of its writers ("/author/ivan-petrov/",
# "/avtor/ivan-petrov"): the link to it, named with the writer's name, is the byline.
_AUTHOR_PATHS = frozenset(
    {"author", "authors", "contributor", "contributors", "avtor", "avtori", "autor", "autori"}
)
# Path segments of a page about one of the site's people, a writer or not ("/staff/
# 2648209001/brian-truitt/", "/team/matthew-check"): a newsroom's staff page, but also a
# company's "Meet the team" in its menu. Such a link is the byline only where it stands
# by the headline and its text is a person's name of two or three words
# (``_by_the_headline``). The same vocabulary as ``_AUTHOR_PATHS``, only weaker.
_STAFF_PATHS = frozenset({"staff", "team"})
# The words of those an address is looked at for when it holds one ("/authors/", "?autor=").
_AUTHOR_WORDS = ("author", "contributor", "avtor", "autor")
_AUTHOR_LINKS = tuple(f'a[href*="{word}"]' for word in _AUTHOR_WORDS)
# The links whose address may hold one of ``_STAFF_PATHS`` (their stems, any case).
_MAY_NAME_STAFF = ", ".join(f'a[href*="{stem}" i]' for stem in sorted(_STAFF_PATHS))
# What lexbor is asked for such links: a superset, one address in any case holding "aut"
# (author, autor) or "tor" (contributor, avtor, autor), whose few matches the words are
# then looked for in here: lexbor tested each of the four words on every link's address
# (1.3M instructions a page on AEB), and tests these two at half that. A query of its
# own, made only where the author rules come to the links (135 of AEB's 181 pages), not
# added to ``metadata.read_page``'s: lexbor tests each selector of a list on every
# element, so the walk spared is little of a query's cost (callgrind, AEB: the two in
# that query +94M instructions, this query 104M on all 181 pages; extraction +38M).
_MAY_NAME_WRITERS = 'a[href*="aut" i], a[href*="tor" i]'


def _author_links(
    page: Sources, furniture: Callable[[LexborNode], bool] = is_furniture
) -> Iterator[tuple[str, str]]:
    """Links to this site's own page about a writer, whose text is a name.

    Same site only: an article that links to another site's author page is citing
    someone (a study's author, a quoted expert), not naming its own writer. The text must
    read as a name, not as "Articles by Jane" or "All posts". ``furniture``: as
    ``_byline_elements``'.
    """
    for node, path in _own_author_pages(page.tree, page.url):
        if in_furniture(node, furniture):
            continue
        name = bylines.clean_byline(node.text(deep=True, separator="\n") or "")
        if bylines.reads_as_name(name):
            yield name, "generic:author-link"
        elif name := _named_as_the_link(node, path) or _link_text_as_name(name, path):
            yield name, "generic:author-link"
    yield from _staff_links(page, furniture)


def _staff_links(
    page: Sources, furniture: Callable[[LexborNode], bool]
) -> Iterator[tuple[str, str]]:
    """Links to this site's page about one of its people (``_STAFF_PATHS``: "/staff/…",
    "/team/…") whose text is a person's name of two or three words printed by the headline
    (``_by_the_headline``): the byline where a newsroom links its staff pages. A company's
    menu links its team too ("Meet the team", each member's page), away from the headline
    and in furniture, and a team member named in the text is no byline: both are passed
    over. Read after the author links, which say more."""
    body = page.tree.body
    if body is None:
        return
    host, _ = host_and_path(page.url)
    for link in body.css(_MAY_NAME_STAFF)[:30]:
        link_host, path = host_and_path(link.attributes.get("href") or "")
        if (link_host and host and link_host != host) or not _STAFF_PATHS.intersection(
            path.lower().split("/")
        ):
            continue
        if in_furniture(link, furniture):
            continue
        name = bylines.person_words(bylines.clean_byline(link.text(deep=True) or ""))
        if name and _by_the_headline(name, page):
            if bylines.credited_label(_line_before(link)):
                continue  # "Reviewed by <a href="/team/…">": who checked the text
            yield name, "generic:staff-link"
            return


def _line_before(node: LexborNode) -> str:
    """The text of the line ``node`` stands in (``_line_element``) before it, its spaces
    collapsed: where the label of a name printed inline stands ("Reviewed by <a>…</a>",
    "<span>Medically reviewed by</span> <a>…</a>")."""
    line = _line_element(node)
    if line is None:
        return ""
    pieces: list[str] = []
    for part in line.traverse(include_text=True):
        if part.mem_id == node.mem_id:
            break
        if part.tag == "-text":
            pieces.append(part.text_content or "")
    return " ".join(" ".join(pieces).split())


# How many of the windows around the headline (``NearTitle``) a staff link's name is
# looked for in: the byline's box and its neighbours, not the text below.
_HEADLINE_WINDOWS = 4


def _by_the_headline(name: str, page: Sources) -> bool:
    """Whether ``name`` is printed in the first windows around the headline."""
    for number, window in enumerate(page.near):
        if number == _HEADLINE_WINDOWS:
            break
        if name in " ".join(window.split()):
            return True
    return False


def _link_text_as_name(text: str, path: str) -> str:
    """An author link's text that is the writer's name though it does not read as one
    (``bylines.reads_as_name``): a name in lower case whose page's address spells the
    same letters ("crazy lennys" for "/author/crazylennys/"), one to three words. "" for
    any other text. (A name signed with the site's name after a slash, "Laura / House
    Plant House", stays the name alone where another rule reads it: the site is the
    publisher, not a second writer, though one WCXB reference keeps both.)"""
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    if (
        text.islower()
        and 1 <= len(text.split()) <= 3
        and all(word.isalpha() for word in text.split())
        and _squashed(text) == _squashed(slug)
    ):
        return text
    return ""


def _own_author_pages(tree: LexborHTMLParser, url: str) -> Iterator[tuple[LexborNode, str]]:
    """The page's links to this site's own page about a writer, with the link's path:
    the first 30 links whose address holds an author word (``_links_with_author_words``)
    that go to no other host and whose path has an author folder (``_author_folder``).
    Read by ``_author_links`` and ``_with_linked_co_authors`` alike."""
    if tree.body is None:
        return
    host, _ = host_and_path(url)
    for link in _links_with_author_words(tree.body)[:30]:
        link_host, path = host_and_path(link.attributes.get("href") or "")
        if link_host and host and link_host != host:
            continue
        if any(_author_folder(part) for part in path.lower().split("/")):
            yield link, path


def _author_folder(segment: str) -> bool:
    """A path segment of ``_AUTHOR_PATHS``, alone or closing a compound a site builder's
    collection is named with ("/blog-authors/jane-doe", "/news_authors/…")."""
    return segment.rsplit("-", 1)[-1].rsplit("_", 1)[-1] in _AUTHOR_PATHS


def _links_with_author_words(body: LexborNode) -> list[LexborNode]:
    """The links of ``body`` whose address holds one of ``_AUTHOR_WORDS`` (as written), in
    page order, each listed once for each word it holds: the matches of ``_AUTHOR_LINKS``
    as one query of the four listed them, the cap of 30 counting each."""
    found: list[LexborNode] = []
    last = -1  # (mem_ids are never negative)
    for link in body.css(_MAY_NAME_WRITERS):
        key = link.mem_id
        if key == last:  # (listed again for the other selector it matches: listed together)
            continue
        last = key
        attrs = link.attributes
        if "xlink:href" in attrs:
            # An SVG link's: lexbor reads whichever of its href and xlink:href comes first,
            # and in HTML's own elements xlink:href is no href at all. Asked of lexbor.
            words = sum(_matched_by(link, selector) for selector in _AUTHOR_LINKS)
        else:
            href = attrs.get("href") or ""
            words = sum(word in href for word in _AUTHOR_WORDS)
        found += [link] * words
    return found


def _matched_by(node: LexborNode, selector: str) -> bool:
    """Whether ``node`` itself matches ``selector`` (``css_matches`` is true of an element
    holding a match too; ``css_first`` starts with the element itself when it matches)."""
    first = node.css_first(selector)
    return first is not None and first.mem_id == node.mem_id


# How far up from an author link its writer's name is looked for, and the most text a box
# there may hold: a writer's card (photo, name, role, the link), not the article.
_CARD_LEVELS = 3
_CARD_TEXT = 300
_SLUG_WORDS = re.compile(r"[^\W_]+")


def _named_as_the_link(link: LexborNode, path: str) -> str:
    """The writer's name printed beside a link to their page that does not say it: a
    photo alone, or "Articles by Juliette", "Всички статии на автора". The page the link
    leads to is named after the writer ("/authors/juliette-carreiro", "/avtor/mariya-
    petrova"), so the line of the writer's card spelled as that address, in Latin
    letters as Bulgarian sites spell their addresses, is the name, as printed ("Juliette
    Carreiro", "Мария Петрова"). Two to four words: a one-word address ("/author/admin",
    "/avtor/12") could be spelled by any word of the card."""
    slug = _spelled(path.rstrip("/").rsplit("/", 1)[-1])
    if not 2 <= len(slug) <= 4 or any(word.isdigit() for word in slug):
        return ""
    box = link.parent
    for _ in range(_CARD_LEVELS):
        if box is None or box.tag in _NOT_BYLINE_TAGS:
            return ""
        text = box.text(deep=True, separator="\n") or ""
        if len(text) > _CARD_TEXT * 4 or len(" ".join(text.split())) > _CARD_TEXT:
            return ""
        for line in text.split("\n"):
            if _spelled(line) == slug and bylines.reads_as_name(name := " ".join(line.split())):
                return name
        box = box.parent
    return ""


def _spelled(text: str) -> list[str]:
    """The words of ``text`` as an address spells them: lower case, Latin letters (the
    law's table: "Мария Петрова" is "mariya petrova"), a final "ия" as the "ia" the law
    also allows ("Мария" is "maria" in many addresses), the words apart at any sign."""
    words = _SLUG_WORDS.findall(text.casefold().translate(LATIN))
    return [with_final_ia(word) for word in words]


# A field of its own that names the writer, apart from the headline's byline: a label
# element and the name after it ("<h3>Author</h3><p>Jane Doe</p>", "<dt>Автор</dt><dd>Иван
# Петров</dd>", "<strong>Contributors:</strong> Jane Doe"), or an element holding just the
# label and the name ("<h3>Written by Jane Doe</h3>" over a writer's bio at the end). Form
# labels and table headers are left out: "<label>Автор</label>" names a comment form's
# field, and a table's "Author" heads a column of other people.
_FIELD_LABEL = rf"{bylines.WRITER_LABELS}|article\s+by"
_LABEL_ONLY = re.compile(
    rf"^(?:{_FIELD_LABEL}|contributors?)(?:\s*\((?:s|и)\))?\s*:?$", re.IGNORECASE
)
_LABEL_AND_NAME = re.compile(rf"^(?:{_FIELD_LABEL})\s*:?\s+(.+)$", re.IGNORECASE)
# A text node opening with a label word, one per line in lexbor's text. The lookahead on
# the first letter makes the search five times quicker: most lines fail on it. The indent
# before it is taken whole (``*+``): the lookahead never matches a space or a tab, and the
# engine gave an indent back a character at a time to try it again at each (a page's
# text is mostly indented lines of its markup's white space: a third of the instructions).
_FIELD_LINE = re.compile(
    rf"\n[ \t]*+(?=[AaWwCcPpYyАаНнТтПпСсФфРрКк])(?i:{_FIELD_LABEL}|contributors?)"
    r"(?![a-zа-яё])[^\n]*"
)
_LISTED = 8  # a field's list of co-authors, not a list of anything else
_FIELD_SIZE = 60  # characters: a label with a name, not a sentence that mentions an author
_FIELD_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "span", "dt", "p"})
# A box of its own holding the label and the name and nothing else, under the text ("<div
# class="avtor">Автор: Петя Сандева</div>"): the windows around the headline read it only
# within their 400 characters, and on a page that prints no heading at all (the headline
# in its ``<title>`` alone) they read nothing. Read after those windows (a theme's box of
# "Written by" and a name with its degrees is the headline's byline again, which names
# the writer as it does), and only a box of inline content: the boxes around it hold the
# same words, and are passed over on their first block child before their whole text is
# read.
_FIELD_BOXES = frozenset({"div"})
# The elements holding a label word in their own text, found by lexbor in one pass (its
# "i" folds Latin case only, so the Cyrillic words come as pages print them); reading
# every span's and paragraph's text in Python cost 4% of extraction. One selector with
# the words in ``:is``, not a list of one selector a word: lexbor stops at an element's
# first word (a list tests every word on every element, and lists an element once for
# each word it holds, which the loop would only judge again). Scripts and style sheets
# are left out in the query, as ``_FIELD_TAGS`` leaves them out: lexbor's "contains"
# compares a word at every character of a text, and an inline bundle's hundreds of
# kilobytes are the most of it. Together a fifth of the instructions of the list of
# words over every element, on the AEB and WCXB pages whose query cost the most.
_FIELD_SELECTOR = "*:not(script):not(style):is({})".format(
    ", ".join(
        f':lexbor-contains("{word}"{" i" if word.isascii() else ""})'
        for stem in (
            "author",
            "written by",
            "posted by",
            "article by",
            "contributor",
            "autor",
            "auteur",
            "yazar",
            "автор",
            "текст",
            "написан",
            "публикуван",
            "репортер",
            "кореспондент",
        )  # fmt: skip
        for word in ((stem,) if stem.isascii() else (stem, stem.capitalize(), stem.upper()))
    )
)


def _field_labels(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements holding a label word of a writer's field in their own text
    (``_FIELD_SELECTOR``), looked for only where the page's text shows such a field
    (``_names_in_a_field``); none elsewhere."""
    body = tree.body
    if body is None or not _names_in_a_field(body.text(separator="\n", skip_empty=True) or ""):
        return []
    return body.css(_FIELD_SELECTOR)


def _labelled_fields(labels: list[LexborNode], boxes: bool = False) -> Iterator[tuple[str, str]]:
    """The names fields labelled as the writer's give, outside furniture (another
    article's card has such fields too); else the first in a box of the article's own
    facts beside the text ("<aside><h3>Author</h3><p>Jane Doe</p><h3>Published</h3>…",
    a "tags" box holding "Contributors: Jane Doe"), which the furniture list reads as a
    sidebar (``Reader.FIELD``). ``labels``: the page's ``_field_labels``. With ``boxes``,
    the fields that are a ``<div>`` of the label and the name alone (``_FIELD_BOXES``), in
    place of those in ``_FIELD_TAGS``, and outside furniture only: a byline under the
    text, not a sidebar's (another article's)."""
    aside = ""  # the first field in a sidebar, taken only when none stands elsewhere
    outside = False
    for label in labels:
        if not (
            label.tag in _FIELD_BOXES and _inline_only(label) if boxes else label.tag in _FIELD_TAGS
        ):
            continue
        own = _field_line(label)
        name = _field_value(own, partial(_text_after, label))
        if not name or bylines.after_verse(_lines_before(label)):
            continue
        if not in_furniture(label):
            # (the next is asked for only where this one named the site or a team: "Автор:
            # Дунав Прес" under the headline, "Текст и снимки: Йордан Великов" under the text)
            yield name, "generic:labelled-field"
            outside = True
            continue
        if not aside and not boxes and not in_furniture_for(label, Reader.FIELD):
            aside = name
    if aside and not outside:
        yield aside, "generic:labelled-field"


def _field_line(label: LexborNode) -> str:
    """The label element's text, or of a paragraph of ``<br>``-broken lines the first that
    is a field ("Репортер: Мария Илиева<br>Оператор: Иван Колев", a broadcast story's crew
    under its text: read whole, the names ran into one another and named nobody)."""
    own = (label.text() or "").strip()
    if label.tag != "p" or label.css_first("br") is None:
        return own
    return next(
        (
            line
            for line in _broken_lines(label)
            if _LABEL_ONLY.match(line) or _LABEL_AND_NAME.match(line)
        ),
        own,
    )


def _inline_only(box: LexborNode) -> bool:
    """``box`` holds text and inline elements only, a few: a line of its own, not a
    wrapper of blocks (which its first block child tells without reading its text)."""
    for number, child in enumerate(box.iter(include_text=True)):
        if number == _BOX_CHILDREN or (child.tag or "") in blocks.BLOCK_TAGS:
            return False
    return True


_BOX_CHILDREN = 8  # a label, a name, a link or two between: a line, not a box of items


def _lines_before(label: LexborNode) -> list[str]:
    """The lines of the elements before the line ``label`` stands in (itself, or the
    paragraph around it), a paragraph's ``<br>``-broken lines each: the verse a poet's
    "Автор:" closes."""
    line = label.parent if label.tag != "p" and label.parent is not None else label
    if line.tag != "p":
        return []
    found: list[str] = []
    node = line.prev
    while node is not None and len(found) < bylines.VERSE_LINES:
        if node.tag != "-text":  # (an image, a rule: no line)
            found[:0] = _broken_lines(node)
        elif (node.text_content or "").strip():
            break  # loose text beside it: no run of lines
        node = node.prev
    return found


def _broken_lines(node: LexborNode) -> list[str]:
    """``node``'s text as the lines its ``<br>``s break it into (an inline link or a bold
    word breaks none), each with its spaces collapsed, empty ones left out."""
    lines: list[str] = [""]
    for part in node.traverse(include_text=True):
        if part.tag == "br":
            lines.append("")
        elif part.tag == "-text":
            lines[-1] += part.text_content or ""
    return [kept for line in lines if (kept := " ".join(line.split()))]


def _names_in_a_field(text: str) -> bool:
    """Some line of lexbor's text (one per text node) is a label with a name, or a label
    whose next line is a name: a page whose "Автор 3" or "Author of the year" names
    nobody costs no element search. The text is read without the text nodes of ASCII
    white space alone (``skip_empty``): the markup's indentation, which no label or name
    is, and which the line read after a label passes over anyway (so the 200 characters
    that line is looked for in hold none of it). Left in, they were 72% of the lines
    searched on AEB, and the text and its search took 0.23 ms a page where read, 0.14
    without them."""
    text = "\n" + text
    for found in _FIELD_LINE.finditer(text):
        after = partial(_first_line, text[found.end() : found.end() + 200])
        if _field_value(found.group().strip(), after):
            return True
    return False


def _field_value(own: str, after: Callable[[], str]) -> str:
    """The name a label element's text ``own`` gives: after the label in it, or, for a
    label alone, what ``after`` reads next; "" when that is no name."""
    if len(own) > _FIELD_SIZE:
        return ""
    if _LABEL_ONLY.match(own):
        printed = after()
    elif whole := _LABEL_AND_NAME.match(own):
        printed = whole.group(1)
    else:
        return ""
    # (a byline printed as a sentence, "Текст и снимки: Иван Колев.", ends with its stop)
    name = bylines.clean_byline(bylines.without_full_stop(printed.strip()))
    names = name.split(", ")  # (a list's items, as ``_text_after`` joins them)
    return name if name and all(map(bylines.reads_as_name, names)) else ""


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")


def _text_after(label: LexborNode) -> str:
    """The first text after ``label`` within its parent: the field's value; a list's
    items each a name, joined ("<h6>Author(s)</h6><ul><li>Jane Roe</li><li>John
    Doe</li></ul>": "Jane Roe, John Doe")."""
    node = label.next
    while node is not None:
        if node.tag in ("ul", "ol"):
            items = [" ".join((item.text() or "").split()) for item in node.css("li")]
            if 1 < len(items) <= _LISTED and all(map(bylines.reads_as_name, items)):
                return ", ".join(items)
        text = (node.text_content if node.tag == "-text" else node.text(separator="\n")) or ""
        if line := _first_line(text):
            return line
        node = node.next
    return ""
