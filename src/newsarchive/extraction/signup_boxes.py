"""The sign-up boxes a site sets into its posts: a newsletter's, a free download's.

A blog sets into or under its post a box asking for the reader's address: a heading ("Get
the free template", "Абонирайте се за бюлетина"), a line of what the reader gets, a
field for the address and a button. Under a class name no furniture rule knows, its
heading and its line were read as the post's last section ("Get the free template /
Enter your email to download our budget spreadsheet."). What tells it on any site is
the field itself: an ``<input type="email">``. The box is the field's form, and the
element around the form where that says little more (``_BOX_CHARS``, one paragraph at
most: the heading and the line of what the reader gets), never further: a short post
holding a sign-up form says as little, and a climb while the text stayed short took the
whole post for the box.

A booking, quote or search box set into a guide is told the same way: a field asking for
a place, a date or a ZIP code (``_ASKING``, or a ``<select>``) with the box's heading
over it ("Search hotels in Lisbon", "Get free estimates from local roofers"), its form
(or, where a script posts the field, the element holding it) and the element around
that where it says as little. Not a form holding a ``<textarea>`` (the comments') or
one saying more than a box does (a page set in one ``<form>``, as ASP.NET sets it).

Told before the walk of the page's text, which walks each as furniture (``blocks.Walker``):
skipped instead, as a table of contents is, a box no longer ended the text, and what
followed it (a site's other offers) was read on as the post's.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# The most characters a sign-up box says: a heading, a line or two of what the reader
# gets, the button's and the fine print's words.
_BOX_CHARS = 300
# The most address fields looked at on a page (a page of many is a form, not a box).
_FIELDS = 4
# The text's own containers, never a box.
_NEVER_BOX = frozenset(("body", "html", "main", "article"))
# The types of the fields a booking, quote or search box asks the reader to fill (none
# written is a text field), and the most such fields looked at on a page. Not a number's:
# a cost guide's calculator asks for one ("Panels: 1"), and its heading and the table it
# fills are the guide's.
_ASKING = frozenset(("", "text", "search", "date", "tel"))
_ASKING_FIELDS = 8
# What titles a booking, quote or search box: the line that stood in the text once the
# form was gone. A field under no title leaves no line (a listing's date picker, "Избери
# дата", whose label the edge trimming drops): no box to tell.
_BOX_HEADING = "h2, h3, h4, h5, h6, strong, b"
# The elements a field sits in within its box, climbed over to the box's own element.
_AROUND_A_FIELD = frozenset(("label", "span", "p", "fieldset"))


def signup_boxes(root: LexborNode) -> set[int]:
    """The ``mem_id`` of each sign-up box on the page."""
    found: set[int] = set()
    for field in root.css('input[type="email"]')[:_FIELDS]:
        form = field.parent
        while form is not None and form.tag != "form" and form.tag not in _NEVER_BOX:
            form = form.parent
        if form is None or form.tag != "form":
            continue
        found.add(_widened(form, root).mem_id)
    for field in root.css("input, select")[:_ASKING_FIELDS]:
        box = _asking_box(field, root)
        if box is None:
            continue
        box = _widened(box, root)
        if box.css_first(_BOX_HEADING) is not None:
            found.add(box.mem_id)
    return found


def _says_little(node: LexborNode, root: LexborNode) -> bool:
    """``node`` says no more than a box does, and is none of the text's own containers."""
    return (
        node.tag not in _NEVER_BOX
        and node.mem_id != root.mem_id
        and len(" ".join((node.text(deep=True) or "").split())) <= _BOX_CHARS
        and len(node.css("p")) <= 1
    )


def _widened(box: LexborNode, root: LexborNode) -> LexborNode:
    """The element around ``box`` where it says little more (its heading, a line of what
    the reader gets), or ``box``."""
    around = box.parent
    return around if around is not None and _says_little(around, root) else box


def _asking_box(field: LexborNode, root: LexborNode) -> LexborNode | None:
    """The booking, quote or search box of a field asking for a place, a date or a ZIP
    code: its form, or where it has none the element holding it; None for any other
    field, and for a form of comments or one saying more than a box."""
    if field.tag == "input":
        kind = (field.attributes.get("type") or "").strip().lower()
        if kind not in _ASKING:
            return None
    box = field.parent
    while box is not None and box.tag in _AROUND_A_FIELD:
        box = box.parent
    form = field.parent
    while form is not None and form.tag != "form" and form.tag not in _NEVER_BOX:
        form = form.parent
    if form is not None and form.tag == "form":
        box = form
    if box is None or box.css_first("textarea") is not None or not _says_little(box, root):
        return None
    return box
