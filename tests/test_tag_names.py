"""``markup.TAG_NAMES``: the walks read a node's tag as lexbor's number for it, and must
read the name ``node.tag`` would have given, or a node not named there at all."""

from __future__ import annotations

from newsarchive.markup import TAG_NAMES, page_tree


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
