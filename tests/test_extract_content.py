"""Generic content rules, one small hand-written page per rule."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction import extract
from newsarchive.extraction.blocks import Block
from newsarchive.extraction.content import (
    block_weight,
    find_main_paragraphs,
    is_navigation,
    node_paragraphs,
)

PROSE = [
    "The municipal council approved the new budget on Tuesday after a long debate, "
    "with twenty-one votes in favour and four against.",
    "The mayor said the money would go to schools, roads and the renovation of the "
    "central library, which has been closed since last spring.",
    "Opposition councillors argued that the plan ignores the villages around the town, "
    "where several streets still have no lighting at all.",
    "A public consultation on the details will open next month, and residents can send "
    "their proposals by post or through the municipality's website.",
]


def para(i: int) -> str:
    return f"<p>{PROSE[i % len(PROSE)]}</p>"


def menu(*labels: str) -> str:
    return (
        "<ul>" + "".join(f'<li><a href="/{n}">{n}</a></li>' for n, _ in enumerate(labels)) + "</ul>"
    )


def link_list(*titles: str) -> str:
    return (
        "<ul>"
        + "".join(f'<li><a href="/x{i}">{t}</a></li>' for i, t in enumerate(titles))
        + "</ul>"
    )


def page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


def main_text(html: str) -> list[str]:
    return find_main_paragraphs(LexborHTMLParser(html))


def test_paragraphs_split_across_sibling_wrappers_and_ads_are_all_kept() -> None:
    html = page(
        '<div class="story"><div class="part">' + para(0) + para(1) + "</div>"
        '<div class="ad-slot"><span>Advertisement</span></div>'
        '<div class="part">' + para(2) + para(3) + "</div></div>"
    )
    assert main_text(html) == PROSE


def test_headings_lists_and_main_are_kept() -> None:
    html = page(
        "<main>" + para(0) + "<h2>What changes</h2>"
        "<ul><li>Longer opening hours</li><li>Free entry on Sundays</li></ul>" + para(1) + "</main>"
    )
    assert main_text(html) == [
        PROSE[0],
        "What changes",
        "Longer opening hours",
        "Free entry on Sundays",
        PROSE[1],
    ]


def test_most_read_link_list_is_left_out() -> None:
    html = page(
        "<div><article>" + para(0) + para(1) + para(2) + "</article>"
        "<div><h3>Most read</h3>"
        + link_list(
            "Storm closes the mountain road for a second day",
            "New bus lines start running from Monday",
            "Local team wins the regional cup after penalties",
        )
        + "</div></div>"
    )
    text = main_text(html)
    assert text == PROSE[:3]


def test_comment_section_is_left_out() -> None:
    comments = "".join(
        f'<div class="comment"><p>{s} I fully agree with this decision.</p></div>' for s in PROSE
    )
    html = page(
        "<div>"
        + "".join(para(i) for i in range(3))
        + f'<section id="comments">{comments}</section></div>'
    )
    assert main_text(html) == PROSE[:3]


def test_text_outside_paragraphs_is_not_lost() -> None:
    html = page("<div>" + "<br>".join(PROSE) + "</div>")
    assert main_text(html) == PROSE


def test_br_only_paragraphs_become_separate_paragraphs() -> None:
    html = page("<div>" + para(0) + f"<p>{PROSE[1]}<br><br>{PROSE[2]}</p></div>")
    assert main_text(html) == PROSE[:3]


def test_tables_are_kept() -> None:
    table = (
        "<table><tr><th>District</th><th>Budget</th></tr>"
        "<tr><td>North</td><td>1.2 million</td></tr></table>"
    )
    html = page("<article>" + para(0) + table + para(1) + "</article>")
    assert main_text(html) == [PROSE[0], "District | Budget", "North | 1.2 million", PROSE[1]]


def test_hidden_elements_are_dropped() -> None:
    html = page(
        "<article>"
        + para(0)
        + '<div style="display: none"><p>Hidden schema copy of the article text, which '
        "readers never see on the page.</p></div>" + para(1) + "</article>"
    )
    assert main_text(html) == PROSE[:2]


def test_figure_captions_are_dropped() -> None:
    html = page(
        "<article>" + para(0) + "<figure><img src=a.jpg><figcaption>The council chamber "
        "during Tuesday's session, photographed from the gallery.</figcaption></figure>"
        + para(1)
        + "</article>"
    )
    assert main_text(html) == PROSE[:2]


def test_article_column_with_a_furniture_sounding_class_is_kept() -> None:
    html = page(
        '<nav><a href="/">Home</a><a href="/news">News</a></nav>'
        '<div class="container penci_sidebar">' + "".join(para(i) for i in range(4)) + "</div>"
        "<footer><p>Copyright 2024 Example Town Gazette. All rights reserved.</p></footer>"
    )
    assert main_text(html) == PROSE


def test_a_long_footer_notice_does_not_beat_a_short_article() -> None:
    notice = " ".join(PROSE[1:])  # longer than the article, as site notices often are
    html = page(
        "<div>" + para(0) + para(1) + "</div>"
        f'<div class="footer-wrap"><div class="footer-text">{notice}</div></div>'
    )
    assert main_text(html) == PROSE[:2]


def test_teaser_list_next_to_the_article_is_left_out() -> None:
    teasers = "".join(
        f'<div class="card"><h5><a href="/t{i}">Another story headline number {i}</a></h5>'
        f"<div>{PROSE[i % 4]}</div></div>"
        for i in range(6)
    )
    html = page(
        "<div>"
        '<div class="body">' + "".join(para(i) for i in range(4)) + "</div>"
        f"<div>{teasers}</div></div>"
    )
    assert main_text(html) == PROSE


def test_edge_labels_are_trimmed() -> None:
    html = page(
        '<div class="story"><div>Key points</div>'
        + "".join(para(i) for i in range(3))
        + "<div>Advert</div></div>"
    )
    assert main_text(html) == PROSE[:3]


def test_page_without_body_text_gives_empty_list() -> None:
    assert main_text("<html><body></body></html>") == []
    assert main_text("") == []


def test_node_paragraphs_squash_whitespace_and_split_blocks() -> None:
    tree = LexborHTMLParser("<div>  one\n\t two <b>three</b><br>four<p>five\u00a0six</p></div>")
    node = tree.css_first("div")
    assert node is not None
    assert node_paragraphs(node) == ["one two three", "four", "five six"]


def test_deeply_nested_document_does_not_hit_recursion_limit() -> None:
    html = "<div>" * 5000 + " ".join(PROSE) + "</div>" * 5000
    result = extract(html)
    assert result.rules.get("error") is None
    assert PROSE[0] in result.text


def test_extract_text_is_single_newline_separated() -> None:
    html = page("<article>" + "".join(para(i) for i in range(4)) + "</article>")
    assert extract(html).text == "\n".join(PROSE)


def test_related_section_inside_the_article_is_cut_out() -> None:
    html = page(
        '<div class="text">' + para(0) + para(1) + "<div><h3>Most read</h3>"
        "<div><div>Storm closes the mountain road for a second day, drivers told to wait.</div>"
        "<div>New bus lines start running from Monday across the whole district.</div></div>"
        "</div>" + para(2) + para(3) + "</div>"
    )
    assert main_text(html) == PROSE


def test_bulgarian_related_heading_ends_the_article() -> None:
    html = page(
        '<div class="text">' + para(0) + para(1) + "<h2>Още новини</h2>"
        "<div><p>Общинският съвет прие бюджета след дълъг дебат и много спорове.</p></div></div>"
    )
    assert main_text(html) == PROSE[:2]


def test_recirculation_widgets_are_furniture() -> None:
    html = page(
        "<article>" + para(0) + para(1) + '<div class="rail rail--trending">'
        "<div>Andrew parties in unearthed pictures despite what he claimed, friends say.</div>"
        "</div>" + para(2) + "</article>"
    )
    assert main_text(html) == PROSE[:3]


@pytest.mark.parametrize(
    "box",
    [
        # A call to action set into the text (a CMS's "inline-cta" module, HubSpot's "hs-cta")
        '<div class="container inline-cta"><h3>Planning a renovation of your own?</h3>'
        "<p>Book a free consultation with our architects and get a written estimate for "
        "your project within a week, with no obligation to go ahead.</p>"
        '<a class="btn" href="/book">Book now</a></div>',
        '<div class="blog_cta-holder"><div class="blog_cta-heading">Free guide to grants</div>'
        "<div>We collected every municipal grant programme open to residents this year in "
        "one document, with the deadlines and what each of them requires.</div></div>",
        # The publisher's disclaimer under the text, in a box of its own
        '<p class="article-disclaimer">The views and opinions expressed in this article are '
        "those of its author and do not necessarily reflect the position of the newspaper.</p>",
    ],
)
def test_call_to_action_and_disclaimer_boxes_are_furniture(box: str) -> None:
    html = page("<article>" + para(0) + para(1) + box + para(2) + "</article>")
    assert main_text(html) == PROSE[:3]


def test_prose_before_the_page_headline_is_not_the_article() -> None:
    ticker = "".join(
        f'<li><a href="/b{i}">Breaking story {i}</a> {PROSE[i % 4]} {PROSE[(i + 1) % 4]}</li>'
        for i in range(6)
    )
    html = (
        '<html><head><meta property="og:title" content="Council approves the budget">'
        f"</head><body><div><ul>{ticker}</ul>"
        "<h2>Council approves the budget</h2>" + "".join(para(i) for i in range(4)) + "</div>"
        "</body></html>"
    )
    assert main_text(html) == PROSE  # the headline itself is Article.title, not body


def test_the_title_repeated_as_a_section_heading_after_the_intro_keeps_the_intro() -> None:
    # The h1 sits in a box whose class reads as furniture (HubSpot's "meta_field"); the
    # body repeats the title as its first h2, after the intro in the same element: that
    # is a section of the text, not the headline the text starts after.
    html = (
        '<html><head><meta property="og:title" content="Council approves the budget">'
        '</head><body><div class="post-hdr"><h1 class="wrapper_meta_field">Council approves '
        'the budget</h1></div><div class="post-body">' + para(0) + "<h2>Council approves the"
        " budget</h2>" + para(1) + para(2) + "<h2>What happens next</h2>" + para(3) + "</div>"
        "</body></html>"
    )
    assert main_text(html) == [
        PROSE[0],
        "Council approves the budget",
        *PROSE[1:3],
        "What happens next",
        PROSE[3],
    ]


def test_reopened_wrapper_still_drops_its_own_nested_furniture() -> None:
    html = page(
        "<header><h1>Town Gazette</h1></header>"
        '<div class="box article modal-enabled"><div class="entry-content read-more">'
        + para(0)
        + '<div class="share-tools"><a href="/fb">Share on Facebook</a> Share this story '
        "with your friends and neighbours today.</div>"
        + "".join(para(i) for i in range(1, 4))
        + "</div></div>"
        '<aside class="sidebar"><p>Opening hours of the town hall: Monday to Friday.</p></aside>'
    )
    assert main_text(html) == PROSE


def test_walker_survives_unusual_markup() -> None:
    odd = (
        "<table><td>cell without row</td></table><p>unclosed <b>bold <i>italic</p>"
        "<a href=x><div>block in link</div></a><br><br><br><svg><text>svg text</text></svg>"
        "<template><p>template</p></template><!-- comment -->text at the end"
    )
    text = main_text(page("<div>" + odd + "</div>"))
    assert "svg text" not in text and "template" not in text
    assert isinstance(text, list)


def test_comments_heading_ends_the_article_even_without_a_class() -> None:
    html = page(
        '<div class="text">' + para(0) + para(1) + "<h3>Коментари</h3>"
        "<div><div><p>Много добро решение, браво на общинския съвет за бюджета.</p></div></div>"
        "</div>"
    )
    assert main_text(html) == PROSE[:2]


@pytest.mark.parametrize(
    ("heading", "box"),
    [
        (
            "About the Author",
            "Jane Doe writes about local government and has covered the council for ten years.",
        ),
        (
            "Add a Comment",
            "Your name, your email and your comment are needed; comments are moderated first.",
        ),
        ("Добави коментар", "Коментарите се публикуват след одобрение от модератора на сайта."),
    ],
)
def test_an_authors_box_or_a_comment_form_heading_ends_the_article(heading: str, box: str) -> None:
    html = page(
        '<div class="text"><h1>Council approves the budget</h1>'
        + para(0)
        + para(1)
        + f"<h3>{heading}</h3><div><div><p>{box}</p></div></div></div>"
    )
    assert main_text(html) == PROSE[:2]


def test_links_spelled_out_as_addresses_are_kept() -> None:
    html = page(
        "<article>" + para(0) + "<p>1) The full budget document</p>"
        '<p><a href="https://example.org/budget.pdf">https://example.org/budget.pdf</a></p>'
        + para(1)
        + "</article>"
    )
    assert main_text(html) == [
        PROSE[0],
        "1) The full budget document",
        "https://example.org/budget.pdf",
        PROSE[1],
    ]


def test_title_repeated_after_the_article_does_not_void_it() -> None:
    html = (
        '<html><head><meta property="og:title" content="Council approves the budget"></head>'
        "<body><div>" + "".join(para(i) for i in range(4)) + "</div>"
        '<div class="box"><h3>Council approves the budget</h3><p>Short.</p></div></body></html>'
    )
    assert main_text(html) == PROSE


def test_a_highlighters_comment_and_tag_tokens_in_code_are_the_codes_text() -> None:
    code = (
        '<pre><code class="hljs"><span class="hljs-comment"># stage every changed file</span>\n'
        'git add -A\n<span class="token comment">// then record them</span>\n'
        'git commit -m <span class="hljs-string">"budget"</span>\n'
        '<span class="hljs-meta">#!/bin/sh</span> '
        '<span class="token tag">&lt;div&gt;</span></code></pre>'
    )
    html = page("<article>" + para(0) + para(1) + code + para(2) + "</article>")
    text = "\n".join(main_text(html))
    for words in ("stage every changed file", "then record them", "#!/bin/sh", "<div>"):
        assert words in text, text
    comments = '<div class="comments"><p>' + PROSE[3] + " Well said.</p></div>"
    assert PROSE[3] not in "\n".join(main_text(page(para(0) + para(1) + para(2) + comments)))


def test_a_profiles_body_keeps_the_comments_in_its_code() -> None:
    from newsarchive.extraction.clean import boilerplate_elements

    tree = LexborHTMLParser(
        '<div class="body"><p>Text.</p><pre><span class="hljs-comment"># note</span>'
        '</pre><div class="share">Share</div></div>'
    )
    assert [n.attributes.get("class") for n in boilerplate_elements(tree)] == ["share"]


def test_a_section_about_the_authors_book_is_the_article() -> None:
    html = page(
        '<div class="text"><h1>Council approves the budget</h1>'
        + para(0)
        + para(1)
        + "<h3>About the author's new book</h3>"
        + para(2)
        + para(3)
        + "</div>"
    )
    assert main_text(html) == [*PROSE[:2], "About the author's new book", *PROSE[2:]]


@pytest.mark.parametrize(
    "heading", ["Други новини", "Новини по темата", "Подобни новини:", "Подобни", "Още по темата:"]
)
def test_a_bulgarian_heading_of_other_news_leaves_the_text_with_its_links(heading: str) -> None:
    """The heading over the links to other news, inside the text's element: its links go as
    a link list, and the heading was left as the text's last line."""
    text = [
        "Общината приема от днес заявления за стипендиите на ученици с отличен успех. "
        "Документите се подават в центъра за услуги на гражданите до края на месеца.",
        "Тази година стипендиите са сто и двадесет, с двадесет повече от миналата.",
    ]
    others = ["Ремонтът на моста започва през юни", "Нов светофар на булеварда край пазара"]
    html = (
        "<html><head><title>Започна приемът за стипендиите | Вести</title></head><body>"
        '<div class="page"><h1>Започна приемът за стипендиите</h1><div class="text">'
        + "".join(f"<p>{line}</p>" for line in text)
        + f"<p><strong>{heading}</strong></p><ul>"
        + "".join(f'<li><a href="/n{i}">{t}</a></li>' for i, t in enumerate(others))
        + "</ul></div></div></body></html>"
    )
    assert extract(html).text.split("\n") == text


def test_a_forms_field_captions_are_not_the_articles_text() -> None:
    """A sign-up form set inside the article's element: its inputs were junk already, but
    the captions of its fields ("Име", "Имейл адрес") came out as lines of the article. A
    label outside any form titles a panel of pure-CSS tabs, and stays."""
    text = [
        "Общинският съвет прие бюджета за следващата година на заседанието си в четвъртък. "
        "Най-много средства са предвидени за ремонт на училищата и детските градини.",
        "Приходите от местни данъци се очаква да нараснат с осем на сто спрямо тази година.",
        "Обществено обсъждане",
        "Проектът беше обсъден с жителите на общината през ноември.",
    ]
    html = (
        "<html><head><title>Съветът прие бюджета | Вести</title></head><body>"
        '<div class="page"><h1>Съветът прие бюджета</h1><div class="text">'
        + "".join(f"<p>{line}</p>" for line in text[:2])
        + '<input type="radio" id="t1"><label for="t1"><strong>'
        + text[2]
        + f"</strong></label><div><p>{text[3]}</p></div>"
        + '<form action="/subscribe"><p><label for="n">Име</label><input id="n"></p>'
        '<p><label for="e">Имейл адрес</label><input id="e"></p>'
        '<p><label><input type="checkbox"> Съгласен съм с условията</label></p></form>'
        "</div></div></body></html>"
    )
    assert extract(html).text.split("\n") == text


@example(text="The council met on Monday and voted.", size=45, share=0.6)
@example(text="The council met on Monday and voted.", size=55, share=0.6)
@given(
    text=st.sampled_from(["Menu Home News", "The council met on Monday and voted.", "Абв где."]),
    size=st.integers(min_value=1, max_value=120),
    share=st.floats(min_value=0.01, max_value=1.0).filter(lambda x: x != 0.5),
)
def test_block_weight_asks_what_is_navigation_asks(text: str, size: int, share: float) -> None:
    """``block_weight`` writes ``is_navigation``'s test out (a hot loop): a block it weighs
    as navigation (minus its linked text) is one ``is_navigation`` calls so, and only then."""
    block = Block(text, share, "p", size=size)
    assert (block_weight(block) == -size * share) == is_navigation(block)


@pytest.mark.parametrize(
    "player",
    [
        '<video controls poster="/t.jpg"><source src="/v.mp4" type="video/mp4">'
        "<p>Браузърът ви не поддържа видео.</p></video>",
        '<audio controls><source src="/e.mp3" type="audio/mpeg">'
        '<p>Браузърът ви не поддържа аудио: <a href="/e.mp3">изтеглете записа</a>.</p></audio>',
    ],
    ids=["video", "audio"],
)
def test_what_a_player_shows_a_browser_that_cannot_play_is_no_text(player: str) -> None:
    """A ``<video>``'s or ``<audio>``'s lines besides its sources are for browsers that
    cannot play it: the generic finder's text and a profile's body leave them out."""
    lines = [
        "Съветниците ще обсъдят таксата за битови отпадъци за следващата година.",
        "Заседанието е открито и ще се предава на живо в интернет от сайта на общината.",
    ]
    page = (
        "<html><head><title>Сесия на съвета</title></head><body><article><h1>Сесия на съвета</h1>"
        f"<div class='body'>{player}{''.join(f'<p>{p}</p>' for p in lines)}</div>"
        "</article></body></html>"
    )
    assert extract(page, "https://tv.bg/video/1").text.splitlines() == lines


def test_words_data_island_pasted_without_its_comment_is_no_text() -> None:
    """Text pasted from Word brings its document settings in an ``<xml>`` island, wrapped
    in ``<!--[if gte mso 9]>``; an editor that drops the comment leaves the island in the
    page, whose values ("Normal", "0", "21", "false", "BG", "X-NONE") joined into a first
    line of the text (before: "Normal 0 21 false false false BG X-NONE X-NONE
    MicrosoftInternetExplorer4" atop mushkato's articles)."""
    lines = [
        "Над сто доброволци засадиха борове и липи на хълма над града в събота сутринта.",
        "Фиданките бяха дарени от държавното горско стопанство и ще бъдат поливани от тях.",
    ]
    settings = [
        "<w:View>Normal</w:View>", "<w:Zoom>0</w:Zoom>",
        "<w:HyphenationZone>21</w:HyphenationZone>",
        "<w:SaveIfXMLInvalid>false</w:SaveIfXMLInvalid>", "<w:LidThemeOther>BG</w:LidThemeOther>",
        "<w:LidThemeAsian>X-NONE</w:LidThemeAsian>",
        "<w:BrowserLevel>MicrosoftInternetExplorer4</w:BrowserLevel>",
    ]  # fmt: skip
    # one setting a line, as Word writes them
    island = "<xml>\n <w:WordDocument>\n  " + "\n  ".join(settings) + "\n </w:WordDocument>\n</xml>"
    runs = "".join(
        f'<p class="MsoNormal"><span lang="BG" style="font-size:12.0pt">{p}<o:p></o:p></span></p>'
        for p in lines
    )
    page = (
        "<html><head><title>Залесяване</title></head><body><article><h1>Залесяване</h1>"
        "<p class='data'>Дата: 24.11.2026, 09:28 ч.</p>"
        f"<div class='tekst'>\n{island}\n{runs}</div></article></body></html>"
    )
    assert extract(page, "https://obshtina.bg/novina.php?id=3").text.splitlines() == lines


_LAST_LONG = (
    "Кметът благодари на всички, които помогнаха за „пожарникарите проверяват "
    "хидрантите“, и обеща да държи жителите в течение."
)
_LAST_SHORT = "Кметът благодари на всички, които помогнаха, и обеща да държи жителите в течение."


@pytest.mark.parametrize(
    ("sidebar", "last"),
    [
        ("", _LAST_LONG),
        ("et_pb_module et_pb_widget_area et_pb_sidebar_0", _LAST_LONG),
        ("", _LAST_SHORT),
    ],
    ids=["text-modules", "sidebar-module", "short-last-paragraph"],
)
def test_a_page_builders_post_goes_on_below_the_column_beside_its_headline(
    sidebar: str, last: str
) -> None:
    """A Divi Builder post: the headline and two paragraphs in a row's wide column, the
    sidebar's "Работно време", "Контакти" and latest news in its narrow one (as Text
    modules, or in a Sidebar module whose class says so), the last paragraph in a row
    below both. All three are the text, none of the sidebar's lines (before: the last
    paragraph alone, as on bilkovo's eight posts, either way; with a shorter last
    paragraph, a sliver of the page's prose, the whole section, sidebar's lines in and
    the last paragraph out)."""
    lines = [
        "Екипи на пожарната проверяват дали хидрантите в града работят.",
        "Повредените ще бъдат поправени преди първите студове.",
        last,
    ]
    news = [
        "Пожарникарите проверяват хидрантите",
        "Общинският съвет заседава в четвъртък",
        "Безплатни прегледи за диабет",
        "Ученици спечелиха областната олимпиада по история",
    ]
    latest = "".join(f'<li><a href="/{n}/">{t}</a></li>' for n, t in enumerate(news))

    def text(inner: str) -> str:
        return f'<div class="et_pb_text"><div class="et_pb_text_inner">{inner}</div></div>'

    def column(size: str, inner: str) -> str:
        return f'<div class="et_pb_column et_pb_column_{size}">{inner}</div>'

    wide = column(
        "3_4",
        '<div class="et_pb_module et_pb_post_title"><h1>Пожарникарите проверяват хидрантите</h1>'
        f"</div>{text(f'<p>{lines[0]}</p>')}{text(f'<p>{lines[1]}</p>')}",
    )
    narrow = column(
        "1_4",
        f'<div class="{sidebar}">'
        + text("<h4>Работно време</h4><p>Понеделник – петък, 8:30 – 17:00 ч., без прекъсване.</p>")
        + text("<h4>Контакти</h4><p>гр. Билково, пл. „Възраждане“ 1</p><p>тел. 0000 2 20 20</p>")
        + text(f"<h4>Последни новини</h4><ul>{latest}</ul>")
        + "</div>",
    )
    below = column("4_4", text(f"<p>{lines[2]}</p>"))
    page = (
        "<html><head><title>Пожарникарите проверяват хидрантите</title></head><body>"
        '<div id="main-content"><article><div class="entry-content"><div class="et_pb_section">'
        f'<div class="et_pb_row">{wide}{narrow}</div><div class="et_pb_row">{below}</div>'
        "</div></div></article></div></body></html>"
    )
    assert extract(page, "https://bilkovo.bg/hidranti/").text.splitlines() == lines


_STRAY_TIME_LINES = [
    "Общината обяви програмата за празника в събота и неделя.",
    "Тя започва в петък вечерта с концерт на централния площад.",
]


@pytest.mark.parametrize(
    "meta",
    [
        # Elementor's post-info list: the date and the time two items; the text kept the
        # time's and left the date's out
        '<ul class="elementor-icon-list-items elementor-post-info">'
        '<li class="elementor-icon-list-item"><span class="elementor-post-info__item--type-date">'
        '27 ноември 2026</span></li><li class="elementor-icon-list-item">'
        '<span class="elementor-post-info__item--type-time">08:17</span></li></ul>',
        # the time and the date each a paragraph of the text's own box, joined by a bar
        '<div class="text"><p>08:17 ч. |</p><p>27.11.2026</p>',
    ],
)
def test_a_dates_time_in_an_element_of_its_own_is_no_line_of_the_text(meta: str) -> None:
    """The date rules join a time and a date printed apart into one moment; the text
    kept the time's line on top of the article ("08:17", "08:17 ч. |"), as it drops the
    date's."""
    body = "".join(f"<p>{line}</p>" for line in _STRAY_TIME_LINES)
    close = "</div>" if meta.startswith('<div class="text">') else ""
    page = (
        '<html lang="bg"><head><title>Програма за празника</title></head><body>'
        f"<article><h1>Програма за празника на общината</h1>{meta}{body}{close}</article>"
        "</body></html>"
    )
    article = extract(page, "https://stryama.bg/novini/praznik/")
    assert article.text.splitlines() == _STRAY_TIME_LINES
    assert str(article.published) == "2026-11-27 08:17:00"


def test_a_time_alone_opening_a_text_dated_otherwise_is_kept() -> None:
    """A time alone on the text's first line that is not the time the article is dated
    at is the text's: a programme's first hour."""
    lines = ["10:00", "Откриване на празника пред читалището.", "Концерт на певческите групи."]
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = (
        '<html lang="bg"><head><title>Програма</title></head><body><article>'
        f'<h1>Програма за празника на селото</h1><p class="date">27.11.2026, 08:17 ч.</p>'
        f'<div class="program">{body}</div></article></body></html>'
    )
    assert extract(page, "https://stryama.bg/novini/programa/").text.splitlines() == lines


_TOC_SECTIONS = [
    (
        "kakvo",
        "Какво ще бъде ремонтирано в сградата",
        "Ремонтът обхваща покрива, фасадата и отоплението на сградата на читалището.",
    ),  # fmt: skip
    (
        "koga",
        "Кога започват и кога свършват работите",
        "Строителите ще започнат в началото на март и ще работят шест месеца.",
    ),  # fmt: skip
    (
        "biblioteka",
        "Къде ще работи библиотеката дотогава",
        "Книгите ще бъдат пренесени временно в сградата на кметството.",
    ),  # fmt: skip
    (
        "pari",
        "Откъде са парите за ремонта на читалището",
        "Средствата са от държавна целева субсидия и от бюджета на общината.",
    ),  # fmt: skip
    (
        "izpalnitel",
        "Кой ще извърши ремонта на читалището",
        "Изпълнителят е избран след открита процедура с пет участници.",
    ),  # fmt: skip
    (
        "kade",
        "Къде да се обърнат гражданите с въпроси",
        "Въпроси се приемат в деловодството на общината всеки работен ден.",
    ),  # fmt: skip
]
_TOC_INTRO = [
    "Общината получи средства за цялостен ремонт на читалището в село Равнец.",
    "Сградата е построена преди почти деветдесет години и не е ремонтирана от десетилетия.",
]


def _toc_items(item: str) -> str:
    return "".join(item.format(i=i, a=a, t=t) for i, (a, t, _) in enumerate(_TOC_SECTIONS, 1))


@pytest.mark.parametrize(
    "toc",
    [
        # Easy Table of Contents: a label of the editor's choosing over a <nav>
        '<div id="ez-toc-container" class="ez-toc-v2_0_68 counter-hierarchy ez-toc-counter '
        'ez-toc-grey ez-toc-container-direction"><div class="ez-toc-title-container">'
        '<p class="ez-toc-title">В тази новина ще прочетете</p></div><nav><ul class="ez-toc-list">'
        + _toc_items('<li><a class="ez-toc-link" href="#{a}">{t}</a></li>')
        + "</ul></nav></div>",
        # LuckyWP: its label and a "скрий" toggle, numbered items
        '<div class="lwptoc lwptoc-autoWidth lwptoc-light"><div class="lwptoc_i">'
        '<div class="lwptoc_header"><b class="lwptoc_title">Съдържание</b> '
        '<span class="lwptoc_toggle"><a href="#" class="lwptoc_toggle_label">скрий</a></span>'
        '</div><div class="lwptoc_items">'
        + _toc_items(
            '<div class="lwptoc_item"><a href="#{a}"><span class="lwptoc_item_number">{i}</span>'
            '<span class="lwptoc_item_label">{t}</span></a></div>'
        )
        + "</div></div></div>",
        # Table of Contents Plus: "Съдържание [скрий]"
        '<div id="toc_container" class="toc_white no_bullets"><p class="toc_title">Съдържание '
        '<span class="toc_toggle">[<a href="#">скрий</a>]</span></p><ul class="toc_list">'
        + _toc_items('<li><a href="#{a}"><span class="toc_number">{i}</span> {t}</a></li>')
        + "</ul></div>",
        # Rank Math's block: its heading and a <nav>
        '<div class="wp-block-rank-math-toc-block" id="rank-math-toc"><h2>Съдържание</h2>'
        "<nav><ul>" + _toc_items('<li><a href="#{a}">{t}</a></li>') + "</ul></nav></div>",
    ],
)
def test_a_plugins_table_of_contents_is_neither_text_nor_an_end_to_it(toc: str) -> None:
    """A WordPress plugin's table of contents after the opening paragraphs lists the
    post's headings again: none of its lines is text (its label stayed there, "В тази
    новина ще прочетете", "Съдържание скрий"), and the text runs on past it, opening
    paragraphs and all."""
    sections = "".join(f'<h2 id="{a}">{t}</h2><p>{p}</p>' for a, t, p in _TOC_SECTIONS)
    intro = "".join(f"<p>{line}</p>" for line in _TOC_INTRO)
    page = (
        '<html lang="bg"><head><title>Ремонт на читалището</title></head><body>'
        '<header><a href="/">Община Равнец</a><nav><a href="/novini/">Новини</a></nav></header>'
        '<main><article class="post has-toc"><h1>Читалището в Равнец ще бъде ремонтирано</h1>'
        f'<div class="entry-content">{intro}{toc}{sections}</div></article></main>'
        "<footer><p>© 2026 Община Равнец</p></footer></body></html>"
    )
    lines = [*_TOC_INTRO, *(x for _, t, p in _TOC_SECTIONS for x in (t, p))]
    assert extract(page, "https://ravnets.bg/novini/chitalishte/").text.splitlines() == lines


_SUBTITLE = (
    "Общинският съвет одобри парите за ремонта на трите училища в селата Равнец, Ботево и Кукорево."
)
_SUBTITLED_TEXT = [
    "Съветниците гласуваха единодушно предложението на кмета на заседанието в четвъртък.",
    "Парите са от собствените приходи на общината и от целева субсидия на държавата.",
    "Първи ще бъде ремонтиран покривът на училището в Равнец, който тече от години.",
]
_SUBTITLE_DATE = "в 14:23 ч. на 09.11.2026"


def _subtitled_page(article: str, lang: str = "bg") -> str:
    text = "".join(f"<p>{line}</p>" for line in _SUBTITLED_TEXT)
    return (
        f'<html lang="{lang}"><head><title>Ремонт на три училища</title></head><body>'
        '<header class="site"><a href="/">Община Тунджа</a><nav><a href="/bg/novini">Новини</a>'
        "</nav></header><main>"
        + article.replace("TEXT", f'<div class="tekst">{text}</div>')
        + "</main><footer><p>© 2026 Община Тунджа</p></footer></body></html>"
    )


_H1 = "<h1>Три училища в селата ще бъдат ремонтирани догодина</h1>"


@pytest.mark.parametrize(
    "article",
    [
        # the kicker, the headline, the subtitle and the date's line straight in the
        # <article>, beside the text's box: the date's line was the text's second line
        f'<article><p class="kicker">Образование</p>{_H1}<p class="subtitle">{_SUBTITLE}</p>'
        f'<p class="publikuvano">{_SUBTITLE_DATE}</p>TEXT</article>',
        # the subtitle a heading: lost, in the <article> or in its <header>
        f'<article><p class="kicker">Образование</p>{_H1}<h2 class="subtitle">{_SUBTITLE}</h2>'
        f'<p class="publikuvano">{_SUBTITLE_DATE}</p>TEXT</article>',
        f'<article>{_H1}<div class="info"><span>{_SUBTITLE_DATE}</span></div><h2>{_SUBTITLE}</h2>'
        "TEXT</article>",
        f'<div class="news-item"><span class="rubrika">Образование</span>{_H1}'
        f'<h2 class="podzaglavie">{_SUBTITLE}</h2><span class="data">{_SUBTITLE_DATE}</span>'
        "TEXT</div>",
        f'<article><header><p class="kicker">Образование</p>{_H1}<h3 class="subtitle">'
        f'{_SUBTITLE}</h3><p class="publikuvano">{_SUBTITLE_DATE}</p></header>TEXT</article>',
        # a lead of a box of its own, the date's too
        f'<article>{_H1}<div class="lead">{_SUBTITLE}</div><div class="data">{_SUBTITLE_DATE}'
        "</div>TEXT</article>",
    ],
)
def test_a_subtitle_beside_the_headline_outside_any_header_opens_the_text(article: str) -> None:
    """A subtitle that is a standfirst (a sentence of 80 characters or more) printed
    right under the headline, as a paragraph or a heading, and the date's line under it,
    all beside the text's box: the subtitle opens the text, the date's line is none of
    it."""
    found = extract(_subtitled_page(article), "https://tundzha.bg/bg/novini/1/uchilishta")
    assert found.text.splitlines() == [_SUBTITLE, *_SUBTITLED_TEXT]
    assert str(found.published) == "2026-11-09 14:23:00"


@pytest.mark.parametrize(
    ("subtitle", "lang"),
    [
        # shorter than a standfirst, or not closing a sentence: a second headline
        ("Ремонтът на трите училища започва през пролетта.", "bg"),
        (_SUBTITLE.rstrip("."), "bg"),
        # an English page's dek: the benchmarks' truths leave it out
        (
            "The council approved the money for repairing the three village schools in "
            "Ravnets, Botevo and Kukorevo.",
            "en",
        ),
    ],
)
def test_a_subtitle_heading_that_is_no_standfirst_stays_out(subtitle: str, lang: str) -> None:
    article = (
        f'<article>{_H1}<h2 class="subtitle">{subtitle}</h2>'
        f'<p class="publikuvano">{_SUBTITLE_DATE}</p>TEXT</article>'
    )
    if lang == "en":
        article = article.replace(_H1, "<h1>Three village schools will be repaired next year</h1>")
    found = extract(_subtitled_page(article, lang), "https://tundzha.bg/bg/novini/1/uchilishta")
    assert found.text.splitlines() == _SUBTITLED_TEXT


_CHAPO = (
    "Le conseil municipal a voté jeudi soir la rénovation complète de la piscine Jean-Bouin, "
    "fermée depuis deux ans. Les travaux commenceront au printemps."
)
_CHAPO_TEXT = [
    "Le bassin de vingt-cinq mètres sera agrandi et un second bassin pour les enfants sera "
    "construit à côté du gymnase.",
    "Le chantier est estimé à neuf millions d'euros, dont un tiers financé par la Région.",
]


def _chapo_page(lead: str) -> str:
    """A French regional daily's article: the headline's box holds the chapô, the
    writer's name closing on a full stop and the date; the text's box comes after."""
    text = "".join(f"<p>{line}</p>" for line in _CHAPO_TEXT)
    return (
        '<html lang="fr"><head><meta charset="utf-8"><title>Quimperlé. La piscine '
        "Jean-Bouin sera rénovée - Le Courrier</title></head><body><header><a href='/'>Le "
        "Courrier</a><nav><a href='/bretagne/'>Bretagne</a> <a href='/sport/'>Sport</a></nav>"
        '</header><main><article><header class="art-head"><h1>Quimperlé. La piscine '
        f"Jean-Bouin sera rénovée</h1>{lead}<div class='art-author'><span>Courrier "
        "Cornouaille</span> <a href='/auteur/anne-morvan'>Anne-Sophie Morvan.</a></div>"
        "<div class='art-date'>Publié le 04/12/2026</div></header>"
        '<div class="art-share"><a href="#">Partager</a> <a href="#">Facebook</a></div>'
        f'<div class="art-body">{text}</div></article></main>'
        "<footer>© Le Courrier 2026</footer></body></html>"
    )


def test_a_bold_standfirst_in_the_headlines_box_opens_the_text_in_any_language() -> None:
    """A chapô set wholly in bold under the headline is the story's opening paragraph,
    on a French page as on a Bulgarian one, though the box's byline closes on a full
    stop ("Courrier Cornouaille Anne-Sophie Morvan.", names, not a second paragraph); the
    same chapô not in bold is a dek, left out as the benchmarks' truths leave an English
    page's out."""
    url = "https://lecourrier.example/bretagne/quimperle/piscine-jean-bouin"
    for bold in (f'<p class="chapo"><strong>{_CHAPO}</strong></p>', f"<div><b>{_CHAPO}</b></div>"):
        assert extract(_chapo_page(bold), url).text.splitlines() == [_CHAPO, *_CHAPO_TEXT]
    plain = extract(_chapo_page(f'<p class="chapo">{_CHAPO}</p>'), url)
    assert plain.text.splitlines() == _CHAPO_TEXT


_SF_TEXT = [
    "Читалището събра над двеста книги за библиотеката в новия блок на болницата.",
    "Дарението ще бъде предадено в понеделник от децата от кръжока по четене.",
]


def _sitefinity_post(signed: str) -> str:
    """A short post as Sitefinity prints it: the news widget's box in the left cell of
    ``sf_cols``, the share widget after it, a box of the right cell beside them."""
    text = "".join(f"<p>{p}</p>" for p in _SF_TEXT)
    return (
        '<html lang="bg"><head><title>Книги за болницата</title>'
        '<meta property="og:title" content="Книги за болницата"></head><body>'
        '<div class="sf_cols"><div class="sf_colsOut sf_1col_1_100"><div class="sf_colsIn">'
        '<ul class="menu"><li><a href="/">Начало</a></li><li><a href="/novini">Новини</a></li>'
        '<li><a href="/kontakti">Контакти</a></li></ul></div></div></div>'
        '<div class="sf_cols"><div class="sf_colsOut sf_2cols_1_67"><div class="sf_colsIn">'
        '<div class="sfnewsDetails"><a href="/novini" class="sfnewsBack">Към новините</a>'
        '<h1 class="sfnewsTitle">Книги за болницата</h1>'
        f'<div class="sfnewsMetaInfo"><span class="sfnewsAuthorAndDate">{signed}</span></div>'
        f'<div class="sfnewsContent">{text}</div></div>'
        '<div class="sfShareWidget"><span class="sfShareLabel">Споделете:</span>'
        '<ul class="sfsocialShareList"><li><a href="https://www.facebook.com/sharer">Facebook'
        "</a></li></ul></div></div></div>"
        '<div class="sf_colsOut sf_2cols_2_33"><div class="sf_colsIn"><div class="sfContentBlock">'
        "<h3>Работно време</h3><p>Библиотеката е отворена всеки ден до 18 часа.</p>"
        "</div></div></div></div></body></html>"
    )


@pytest.mark.parametrize(
    "signed",
    [
        "Публикувано на 14.10.2026 г.",  # the year's "г." ends it as a sentence's dot would
        "Публикувана на 14.10.2026 г. в 9:15 ч.",
        "Публикувано на 14.10.2026 г. от Мария Колева",  # (right before too)
    ],
)
def test_a_short_posts_date_line_does_not_widen_it_to_its_column(signed: str) -> None:
    """A post of two short paragraphs under a date line alone: read as a sentence, that
    line was prose enough to widen the text from its box to the whole row of columns,
    the share label and the side column's box after the text."""
    found = extract(_sitefinity_post(signed), "https://www.uni.example/novini/2026/10/14/knigi")
    assert found.text.splitlines() == _SF_TEXT
    assert str(found.published).startswith("2026-10-14")


@pytest.mark.parametrize(
    "line", ["Публикувано на 14.10.2026 г.", "Публикувана на 14.10.2026 г. в 9:15 ч."]
)
def test_a_date_line_weighs_as_a_label_though_it_ends_with_a_dot(line: str) -> None:
    assert block_weight(Block(line, 0.0, "div", size=len(line))) < 0


_OUTAGE = (
    "Уведомяваме ви, че утре от 9:00 до 17:00 часа ще бъде спряно водоподаването поради "
    "авария на главния водопровод в следните улици:"
)


def _notice(lines: list[str]) -> str:
    """A municipal notice of an old template: its lines split by ``<br>``, no ``<p>``."""
    return (
        "<html lang='bg'><head><title>Спиране на водата</title></head><body>"
        "<div id='menu'><a href='/'>Начало</a> <a href='/novini'>Новини</a></div>"
        "<div id='content'><h1>Спиране на водата</h1>"
        f"<div class='text'>{'<br>'.join(lines)}</div></div>"
        "<div id='footer'>© 2026 Община Примерово</div></body></html>"
    )


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # the streets a colon introduces, after its sentence or its own label
        ([_OUTAGE, "ул. „Шипка“", "ул. „Раковски“", "бул. „България“"], 4),
        (
            [_OUTAGE.replace(" в следните улици:", "."), "Засегнати улици:", "ул. „Шипка“",
             "ул. „Раковски“"],
            4,
        ),
        # a label at the edge still goes: one line alone, or a related box's heading
        ([_OUTAGE.replace(" в следните улици:", "."), "Сподели:", "Facebook"], 1),
        ([_OUTAGE.replace(" в следните улици:", "."), "Виж още:", "Нов парк", "Нов път"], 1),
    ],
)  # fmt: skip
def test_short_lines_a_colon_introduces_close_the_text(lines: list[str], kept: int) -> None:
    """A notice's streets, set out line by line after "…в следните улици:", were cut as
    labels at the text's edge (``content._ends_in_a_list``), and it kept its first line."""
    text = extract(_notice(lines)).text
    assert text.splitlines() == lines[:kept]


def _prose_free_notice(title: str, headline: str, content: str) -> str:
    """A municipality's notice with no sentence of prose: a headline over a list."""
    return (
        f'<html lang="bg"><head><title>{title}</title></head><body><header><nav>'
        '<a href="/">Начало</a> <a href="/novini">Новини</a> <a href="/obyavi">Обяви</a>'
        f'</nav></header><main><div class="content"><h1>{headline}</h1>'
        f'<span class="date">03.12.2026</span>{content}</div></main><footer>© 2026 Община '
        'Примерово | <a href="/kontakti">Контакти</a></footer></body></html>'
    )


ANNEXES = [
    ("/files/zapoved-1234.pdf", "Заповед № РД-01-1234 (PDF, 245 KB)"),
    ("/files/prilozhenie-1.pdf", "Приложение 1 – Техническа спецификация"),
    ("/files/prilozhenie-2.docx", "Приложение 2 – Образец на оферта"),
]


@pytest.mark.parametrize(
    "title",
    [
        "Заповед № РД-01-1234 - Община Примерово",  # says less than the headline
        "Заповед № РД-01-1234 от 02.12.2026 г. за откриване на процедура",
    ],
)
def test_a_notice_of_documents_alone_keeps_their_names(title: str) -> None:
    """A headline over "Прикачени файлове:" and links to the order and its annexes, no
    sentence anywhere: no range held prose, and only long lines that are no links were
    kept, the headline alone, which is the title: the notice was archived empty."""
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ANNEXES)
    page = _prose_free_notice(
        title,
        "Заповед № РД-01-1234 от 02.12.2026 г. за откриване на процедура",
        f"<p>Прикачени файлове:</p><ul>{items}</ul>",
    )
    got = extract(page, "https://primerovo.bg/obyavi/1234")
    assert got.title == "Заповед № РД-01-1234 от 02.12.2026 г. за откриване на процедура"
    assert got.text.splitlines()[-3:] == [t for _, t in ANNEXES]
    assert "Начало" not in got.text and "Контакти" not in got.text and "©" not in got.text


def test_a_notice_of_a_short_list_keeps_it() -> None:
    """ "Документи:" over the names of the candidates admitted: short lines, no links."""
    names = ["Иван Петров Иванов", "Мария Георгиева Димитрова", "Стоян Николов Стоянов"]
    items = "".join(f"<li>{n}</li>" for n in names)
    page = _prose_free_notice(
        "Обява - Община Примерово",
        "Списък на допуснатите кандидати",
        f"<p>Допуснати:</p><ol>{items}</ol>",
    )
    got = extract(page, "https://primerovo.bg/obyavi/77")
    assert got.text.splitlines()[-3:] == names
    assert "Новини" not in got.text and "Примерово" not in got.text


def test_a_notice_under_links_to_pages_keeps_no_menu() -> None:
    """Under the headline, a list all links to pages is a menu's, not the notice's."""
    links = "".join(f'<li><a href="/obyavi/{n}">Обява номер {n} за имот</a></li>' for n in range(3))
    page = _prose_free_notice(
        "Обяви - Община Примерово", "Обяви за продажба на имоти", f"<ul>{links}</ul>"
    )
    got = extract(page, "https://primerovo.bg/obyavi/")
    assert "Обява номер" not in got.text


_RINK = (
    "<p>Ледената пързалка на площада отваря врати в събота от 10 часа.</p>"
    "<p>Входът е 5 лв. с кънки под наем, а за деца до 12 години – 3 лв.</p>"
)


def _teaser(n: int, day: str) -> str:
    excerpt = (
        f"Общината представи културния календар номер {n} за следващата година, който включва"
        " над 120 събития – от празниците на града и джаз фестивала до нов фестивал на уличния"
        " театър. Бюджетът на календара е 1,4 млн. лв., с 30% повече от тази година."
    )
    return (
        f"<div class='teaser'><h3><a href='/n/{n}'>Градът с нов културен календар {n}</a></h3>"
        f"<span class='box-date'>{day} | 10:30</span><p>{excerpt}</p></div>"
    )


_MOST_READ = (
    "<section class='box box-popular'><h3>Най-четени</h3><ul>"
    + "".join(
        f"<li><h3><a href='/n/{n}'>Новина номер {n} от днешния ден в региона</a></h3>"
        f"<div class='meta'>0{n}.12.2026 | 17:40</div></li>"
        for n in range(1, 6)
    )
    + "</ul></section>"
)


def test_a_sidebars_dated_teasers_do_not_outweigh_a_short_article() -> None:
    """Two "Акценти" teasers of 250 characters in a box of the side column, each its
    linked heading, its date, then its excerpt: the box, marked, held most of the page's
    prose, so it was spared as the article's wrapper and chosen over an article of two
    short paragraphs; its teasers, being cards, then left the text empty."""
    html = (
        "<html lang='bg'><head><title>Ледена пързалка | Враца Нюз</title></head><body>"
        "<div id='content'><div class='col-main'><h1>Ледена пързалка отваря в центъра</h1>"
        f"<div class='info'>06.12.2026 | 11:00</div><div class='nv-text'>{_RINK}</div></div>"
        f"<div class='col-side'>{_MOST_READ}<section class='box box-featured'><h3>Акценти</h3>"
        f"{_teaser(1, '06.12.2026')}{_teaser(2, '05.12.2026')}</section></div></div>"
        "</body></html>"
    )
    text = extract(html, "https://vratsa.example/novini/parzalka").text
    assert text.splitlines() == [
        "Ледената пързалка на площада отваря врати в събота от 10 часа.",
        "Входът е 5 лв. с кънки под наем, а за деца до 12 години – 3 лв.",
    ]


def test_the_text_goes_on_past_the_list_of_its_attached_documents() -> None:
    """A notice's text, its attachments ("Прикачени файлове": each a link to a document
    and its size), then the text's last paragraph in a box of its own: weighed as a
    menu's links, the list kept the article's box from reaching the deadline under it."""
    html = (
        "<html lang='bg'><head><title>Прием на документи – Община Каменово</title></head><body>"
        "<div class='main'><h1>Прием на документи за патронажна грижа</h1>"
        "<p class='pub-date'>Дата на публикуване: 03.12.2026</p>"
        "<div class='text'><p>Община Каменово уведомява, че започва прием на документи от "
        "възрастни хора, които желаят да ползват услугата „Патронажна грижа“ през 2027 г. "
        "Услугата включва доставка на храна и посещения от медицинска сестра.</p>"
        "<p>Заявления се подават в Центъра за административно обслужване.</p></div>"
        "<div class='attachments'><h4>Прикачени файлове</h4><ul>"
        "<li><a href='/uploads/zayavlenie.docx'>Заявление_патронажна_грижа.docx</a> (24 KB)</li>"
        "<li><a href='/uploads/deklaratsia.pdf'>Декларация_за_съгласие.pdf</a> (96 KB)</li>"
        "</ul></div><div class='text'><p>Документи се приемат до 18.12.2026 г. включително. "
        "Информация на телефон 0559 2 33 55, отдел „Социални дейности“.</p></div></div>"
        "<div class='footer'>© 2026 Община Каменово</div></body></html>"
    )
    text = extract(html, "https://kamenovo.example/novini/patronazh").text
    assert text.splitlines()[-1].startswith("Документи се приемат до 18.12.2026 г."), text


@pytest.mark.parametrize("address", ["Уважаеми съселяни,", "Уважаеми граждани!"])
def test_an_address_to_the_readers_opening_br_split_lines_stays_text(address: str) -> None:
    """A mayor's notice written as lines a ``<br>`` splits in one ``<div>``: its address
    to the readers, short, opened the text and was cut as a label (kept in a ``<p>``)."""
    html = (
        "<html lang='bg'><head><title>Зимно почистване на пътищата в селото | Кметство "
        "Дренково</title></head><body><div id='main'>"
        "<h2>Зимно почистване на пътищата в селото</h2><div class='meta'>01.12.2026</div>"
        f"<div class='txt'>{address}<br><br>Кметството сключи договор с местен земеделски "
        "производител за снегопочистване на улиците в селото през зимния сезон.<br><br>"
        "Моля, не паркирайте автомобилите си на тесните улици, за да не пречите на техниката."
        "<br><br>Благодаря за разбирането!</div></div></body></html>"
    )
    lines = extract(html, "https://drenkovo.example/novini/snyag").text.splitlines()
    assert lines[0] == address
    assert lines[-1] == "Благодаря за разбирането!"


def test_a_quotations_own_footer_naming_its_speaker_stays_text() -> None:
    """HTML writes a quotation's source in the ``<blockquote>``'s ``<footer>``: read as
    the page's footer, a statement of three mayors lost all its speakers."""
    quote = (
        "<blockquote><p>„Пощата в едно село не е просто място, където се плащат сметки, а "
        "връзката на хората с държавата.“</p><footer>— Иван Гатев, председател на УС</footer>"
        "</blockquote>"
    )
    html = (
        "<html lang='bg'><head><title>Кметовете за пощите</title></head><body><article>"
        "<h1>Кметовете настояват пощенските станции да останат</h1><p>Управителният съвет "
        "на асоциацията обсъди плановете за затваряне на пощенски станции в малките села.</p>"
        f"{quote}<p>Асоциацията настоява за среща с ръководството на пощенския оператор.</p>"
        "</article><footer><p>© 2026 Асоциация на общините</p></footer></body></html>"
    )
    text = extract(html, "https://asociatsia.example/novini/poshti").text
    assert "— Иван Гатев, председател на УС" in text.splitlines()
    assert "© 2026" not in text


def test_a_print_views_content_box_is_the_articles() -> None:
    """A "?print=1" view: its headline, date and text in a box its id calls
    "print-content", the page's only box. Read as a print button's furniture, the page
    lost its headline and its date."""
    html = (
        "<html lang='bg'><head><title>РЗИ - Печат</title></head><body><div class='toolbar'>"
        "<a href='javascript:window.print()'>Отпечатай</a> | <a href='javascript:window.close()'>"
        "Затвори прозореца</a></div><div id='print-content'><h2>Безплатни прегледи за ранно "
        "откриване на диабет</h2><p>Дата: 02.12.2026 г.</p><p>Регионалната здравна инспекция "
        "организира безплатни изследвания на кръвната захар в събота и неделя.</p><p>"
        "Изследванията са за хора над 40 години, които не са били изследвани тази година.</p>"
        "</div></body></html>"
    )
    article = extract(html, "https://rzi.example/news.php?id=1542&print=1")
    assert article.title == "Безплатни прегледи за ранно откриване на диабет", article.rules
    assert str(article.published) == "2026-12-02"
    assert article.text.startswith("Регионалната здравна инспекция")


@pytest.mark.parametrize(
    "note",
    ["Оптимизирано за Internet Explorer 6.0 и резолюция 1024x768", "Best viewed with Firefox"],
)
def test_an_old_sites_note_on_its_browser_is_no_line_of_the_text(note: str) -> None:
    html = (
        "<html lang='bg'><head><title>Нови цени на водата</title></head><body><table><tr><td>"
        "<h2>Нови цени на водата от 1 януари</h2><p>Дружеството уведомява абонатите, че от "
        "1 януари цената на кубик вода ще бъде 3,20 лв. с включен ДДС.</p><p>Отчитането на "
        f"водомерите ще бъде извършено до 20 декември.</p><p>{note}</p></td></tr></table>"
        "</body></html>"
    )
    assert note not in extract(html, "https://vik.example/obyavi/ceni").text


_POOL = (
    "Le bassin olympique accueillera de nouveau les nageurs dès lundi matin, après huit mois "
    "de travaux sur la toiture et le système de chauffage de l'eau.",
    "La mairie a investi 2,4 millions d'euros dans le chantier, financé pour moitié par la "
    "région, et promet une facture d'énergie réduite d'un tiers.",
    "Les horaires restent inchangés, mais les créneaux réservés aux écoles sont élargis le "
    "mardi et le jeudi après-midi pour les classes de primaire.",
)


@pytest.mark.parametrize("separator", [", ", " / "])  # ("·" and "|": ``_BAR_LINE``)
def test_the_separator_between_two_skipped_fields_is_no_line_of_the_text(separator: str) -> None:
    """A box of two date fields and the sign between them ("<span class="date">Publié le
    …</span>, <span class="maj-date">mis à jour …</span>"): the walk skips the fields as
    furniture, and their separator was left a line of its own (","), in the text."""
    html = (
        "<html lang='fr'><head><title>La piscine rouvre</title></head><body><main><article>"
        f"<h1>La piscine municipale rouvre lundi</h1><div class='corps'><p>{_POOL[0]}</p>"
        "<div class='infos'><span class='lieu'>"
        "<span class='pub-date'>Publié le 04/12/2026 à 07:30</span>"
        f"{separator}<span class='maj-date'>mis à jour le 04/12/2026 à 09:10</span></span>"
        f"</div><p>{_POOL[1]}</p><p>{_POOL[2]}</p></div></article></main></body></html>"
    )
    lines = extract(html, "https://journal.example.fr/ville/piscine").text.splitlines()
    assert lines[-1] == _POOL[2], lines
    assert all(line.strip(" ,·|/") for line in lines), lines
