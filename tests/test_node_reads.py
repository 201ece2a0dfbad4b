"""How the walks read nodes cheaply, and must read what the plain reads give: a node's
tag as lexbor's number for it (``markup.TAG_NAMES``), an element's whole text from lexbor
(``text_lexbor``) rather than selectolax's walk (``text(deep=True)``)."""

from __future__ import annotations

from newsarchive.markup import TAG_NAMES, page_tree, parse_html


def test_tag_names_by_number_are_the_names_lexbor_gives() -> None:
    # HTML's elements, text and comments, an inline SVG whose camelCase names share
    # numbers with lower-case ones, MathML and custom elements (numbered per tree)
    html = (
        "<html><head><title>t</title></head><body><!--c--><my-card><p>x<br>y</p></my-card>"
        "<svg><a><title>i</title></a><foreignObject><div>d</div></foreignObject><textPath/>"
        "<clipPath/></svg><math><mi>m</mi></math><TABLE><tr><TD>c</TD></tr></TABLE>"
        "<foreignobject>h</foreignobject><x-y></x-y></body></html>"
    )
    tree = page_tree(html)
    assert tree.root is not None
    named = unnamed = 0
    for node in tree.root.traverse(include_text=True):
        name = TAG_NAMES.get(node.tag_id)
        if name is None:
            unnamed += 1
        else:
            assert name == node.tag
            named += 1
    assert named > 20
    assert unnamed >= 5  # the custom elements and SVG's own
    assert {"-text", "-comment", "div", "td", "svg", "title"} <= set(TAG_NAMES.values())
    assert "foreignObject" not in TAG_NAMES.values()


def test_an_elements_text_from_lexbor_is_its_text_read_deep() -> None:
    # comments, scripts, a template's content, CDATA in SVG, entities and broken bytes
    html = (
        b"<html><body><div id='a'> Kmet <!-- note --> <script>var a = 1;</script>"
        b"<p>R&amp;D <b>x</b></p><template>hidden</template><svg><![CDATA[1<2]]></svg>"
        b"<noscript>n</noscript>\xff\xfe<ul><li>one</li><li></li></ul></div></body></html>"
    )
    tree = parse_html(html)
    assert tree.body is not None
    elements = [node for node in tree.body.traverse() if node.is_element_node]
    assert len(elements) >= 8
    for node in elements:
        assert node.text_lexbor() == node.text(deep=True)
    first = tree.css_first("#a")
    assert first is not None and "R&D x" in first.text_lexbor()
