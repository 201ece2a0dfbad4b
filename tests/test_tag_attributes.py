"""A tag with tens of thousands of attributes: lexbor looks each up among those before it
(2.2 s for 40,000), so ``tag_attributes`` drops those past ``MAX_ATTRIBUTES``.
Every way the tokenizer separates attributes must be counted as it counts them, and the
cheap look that spares ordinary pages the exact scan must never miss such a tag."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsarchive.tag_attributes import (
    MAX_ATTRIBUTES,
    cap_attributes,
    capped_attributes,
    may_hold_long_tag,
)

N = 3 * MAX_ATTRIBUTES
NAMES = [f"a{i}" for i in range(N)]
AFTER = "<p>Общинският съвет прие бюджета.</p>"

# Each: the hostile tag, as lexbor reads it a <div> of N attributes.
SHAPES: dict[str, str] = {
    "spaces": "<div " + " ".join(NAMES) + ">",
    "slashes": "<div/" + "/".join(NAMES) + ">",
    "newlines-tabs-uppercase": "<DIV\n" + "\n\t".join(n.upper() for n in NAMES) + ">",
    "quoted-gt-and-lt": "<div "
    + " ".join(f'{n}="<b>x</b>"' if i % 300 == 0 else n for i, n in enumerate(NAMES))
    + ">",
    "single-quoted-gt-no-separator": "<div " + "".join(f"{n}='>'" for n in NAMES) + ">",
    "unquoted-lt": "<div " + " ".join(f"{n}=<i" for n in NAMES) + ">",
    "spaced-equals": "<div " + " ".join(f'{n} = "v>"' for n in NAMES) + ">",
    "quote-in-name": "<div " + " ".join(f'{n}"' for n in NAMES) + ">",
    "gt-every-few-kb-in-a-long-value": "<div "
    + " ".join(
        f'{n} t="{">" * 3 + "x" * 5800}"' if i % 2000 == 0 else n for i, n in enumerate(NAMES)
    )
    + ">",
    "in-svg-style": "<svg><style><div " + " ".join(NAMES) + "></style></svg>",
}
# Attributes lexbor looks up and drops: an end tag's, a duplicate's.
DROPPED: dict[str, str] = {
    "duplicate-names": "<div " + " ".join(NAMES[:100]) + " a99" * N + ">",
    "end-tag": "<div>x</div " + " ".join(NAMES) + ">",
    "script-end-tag": "<script>var x = 1;</script " + " ".join(NAMES) + ">",
}


def _attributes(page: bytes) -> int:
    tree = LexborHTMLParser(page)
    return max(len(node.attributes) for node in tree.css("div"))


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_cut_to_the_cap(shape: str) -> None:
    page = f"<html><body>{SHAPES[shape]}{AFTER}</body></html>".encode()
    assert _attributes(page) > MAX_ATTRIBUTES  # (the shape does what it says)
    assert may_hold_long_tag(page)
    capped = capped_attributes(page)
    assert 0 < _attributes(capped) <= MAX_ATTRIBUTES
    assert "Общинският съвет прие бюджета." in LexborHTMLParser(capped).text()


@pytest.mark.parametrize("shape", DROPPED)
def test_attributes_looked_up_and_dropped_are_cut_too(shape: str) -> None:
    page = f"<html><body>{DROPPED[shape]}{AFTER}</body></html>".encode()
    assert may_hold_long_tag(page)
    capped = capped_attributes(page)
    assert len(capped) < len(page) // 2
    assert capped.endswith(f">{AFTER}</body></html>".encode())


def test_the_first_attributes_stay_in_order() -> None:
    page = ("<div " + " ".join(NAMES) + ">x</div>").encode()
    node = LexborHTMLParser(cap_attributes(page)).css_first("div")
    assert node is not None
    assert list(node.attributes) == NAMES[:MAX_ATTRIBUTES]


def test_html_and_body_tags_merging_their_attributes_are_counted_together() -> None:
    """A second <html> or <body> adds its attributes to the first's, each looked up among
    those already there: 40,000 one-attribute <html> tags took 10 s."""
    page = ("<html><body>" + "".join(f"<html {n}><body {n}>" for n in NAMES)).encode()
    tree = LexborHTMLParser(cap_attributes(page))
    assert tree.root is not None and tree.body is not None
    assert len(tree.root.attributes) + len(tree.body.attributes) <= MAX_ATTRIBUTES


def test_a_scripts_text_and_a_comment_are_not_tags() -> None:
    """What looks like a long tag inside a script or a comment is text to the tokenizer
    and stays as it is."""
    fake = "<div " + " ".join(NAMES) + ">"
    page = f"<script>var s = '{fake}';</script><!-- {fake} --><p>x</p>".encode()
    assert cap_attributes(page) is page


def test_an_ordinary_page_is_left_alone_unscanned() -> None:
    row = '<div class="card" data-id="7"><a href="/n/7" title="a &gt; b">Заглавие</a></div>\n'
    page = ("<html><body>" + row * 2000 + "</body></html>").encode()
    assert not may_hold_long_tag(page)
    assert capped_attributes(page) is page


def test_a_tag_a_little_under_the_cap_is_left_alone() -> None:
    page = ("<div " + " ".join(NAMES[: MAX_ATTRIBUTES - 1]) + ">x</div>").encode()
    assert capped_attributes(page) is page


FORMS = ("{n}", "{n}=v", '{n}="<b>"', "{n}='a>b'", '{n} = ">"', "{n}=<i", '{n}"', "{n}=''")
SEPARATORS = (" ", "\n", "\t", " / ", "\r\n")  # ("/" alone: part of an unquoted value)


@settings(max_examples=25, deadline=None)
@given(
    forms=st.lists(st.sampled_from(FORMS), min_size=1, max_size=6),
    separator=st.sampled_from(SEPARATORS),
    padding=st.integers(0, 2 * MAX_ATTRIBUTES),
    long_value=st.integers(0, 3 * MAX_ATTRIBUTES),
)
def test_no_mix_of_forms_and_offsets_slips_past_the_look(
    forms: list[str], separator: str, padding: int, long_value: int
) -> None:
    """Attributes past the cap in any mix of the tokenizer's forms, at any offset from
    the look's places, with a quoted value holding ``>``s up to three strides long:
    the look names a place, the match finds the tag, the scan cuts it."""
    attributes = [forms[i % len(forms)].format(n=f"a{i}") for i in range(MAX_ATTRIBUTES + 1)]
    attributes.insert(len(attributes) // 2, 'v="' + ">x" * (long_value // 2) + '"')
    tag = "<div " + separator.join(attributes) + ">"
    page = ("<p>" + "x" * padding + "</p>" + tag + AFTER).encode()
    assert _attributes(page) > MAX_ATTRIBUTES
    assert may_hold_long_tag(page)
    capped = capped_attributes(page)
    assert capped is not page
    assert _attributes(capped) <= MAX_ATTRIBUTES
