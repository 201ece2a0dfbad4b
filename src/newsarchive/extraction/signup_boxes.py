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


def signup_boxes(root: LexborNode) -> set[int]:
    """The ``mem_id`` of each sign-up box on the page."""
    found: set[int] = set()
    for field in root.css('input[type="email"]')[:_FIELDS]:
        form = field.parent
        while form is not None and form.tag != "form" and form.tag not in _NEVER_BOX:
            form = form.parent
        if form is None or form.tag != "form":
            continue
        box = form
        around = form.parent
        if (
            around is not None
            and around.tag not in _NEVER_BOX
            and around.mem_id != root.mem_id
            and len(" ".join((around.text(deep=True) or "").split())) <= _BOX_CHARS
            and len(around.css("p")) <= 1
        ):
            box = around
        found.add(box.mem_id)
    return found
