"""The writer where no class name says "author": a site builder's hashed classes, or an old
template with none. Read from what the page shows instead: the writer's portrait with the
name printed under it, a link to a page of the site's writers' collection, and the post's
"Публикувано от" among readers' comments signed the same way; and the writer's box under
the text, told from the text by its words. Every page is written for the test, in
Bulgarian, with classes shaped as a build that hashes them names them."""

from __future__ import annotations

from newsarchive.extraction import extract

URL = "https://obshtina-primer.bg/novini/remont-na-mosta"
PROSE = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 6 + "</p>"
DEK = '<p class="c3dfbe9">Ремонтът започва през пролетта и ще продължи до есента.</p>'


def _page(under_headline: str, after_text: str = "") -> str:
    return (
        '<html><body><main class="c91be2a"><article class="c0d4e7f">'
        f'<header class="ce2e685"><h1 class="c5a02bb">Общината ремонтира моста</h1>{DEK}'
        f"</header>{under_headline}"
        f'<div class="c44f0de">{PROSE * 5}</div>{after_text}</article></main></body></html>'
    )


def _portrait(name: str, shown: str) -> str:
    """A writer's picture in a ``<figure>``, the name printed in a ``<div>`` beside it."""
    return (
        f'<div class="c31b0a8"><figure class="cce116a"><img src="/img/ekip/1.jpg" alt="{name}">'
        f'</figure><div class="ca3202b">{shown}</div></div>'
    )


def test_a_portrait_named_under_the_headline_is_the_writer() -> None:
    article = extract(_page(_portrait("Мария Петрова", "Мария Петрова")), URL)
    assert (article.author, article.rules["author"]) == ("Мария Петрова", "generic:portrait")


def test_a_portrait_over_a_bio_closing_the_text_is_the_writer() -> None:
    """The writer's box under the text: the picture, the name, a line about them."""
    box = (
        '<div class="c394716"><div class="cf2ab1f"><img src="/img/ekip/2.webp" '
        'alt="Петър Иванов"></div><div class="c2d969f"><div class="ce06796">Петър Иванов</div>'
        '<div class="c7faffc"><p>Петър Иванов е журналист, който от десет години пише за '
        "местната власт и градската среда.</p></div></div></div>"
    )
    article = extract(_page("", after_text=box), URL)
    assert (article.author, article.rules["author"]) == ("Петър Иванов", "generic:portrait")


def test_a_photograph_of_someone_the_story_is_about_names_no_writer() -> None:
    """A captioned photograph in the text, a logo leading home, a portrait with no name
    printed after it, a name after a picture far from the headline with no bio, two
    people pictured."""
    captioned = (
        '<figure class="c1"><img src="/img/kmet.jpg" alt="Иван Колев">'
        "<figcaption>Иван Колев</figcaption></figure>"
    )
    in_the_text = (
        '<div class="c9"><img src="/img/kmet.jpg" alt="Иван Колев"></div>'
        '<div class="c8">Иван Колев</div>'
    )
    two = _portrait("Мария Петрова", "Мария Петрова") + _portrait("Иван Колев", "Иван Колев")
    logo = (
        '<div class="c7"><a href="/"><img src="/gerb.png" alt="Читалище Просвета"></a>'
        '<span class="c8">Читалище Просвета</span></div>'
    )
    for page in (
        _page(logo),
        _page(captioned),
        _page(_portrait("Мария Петрова", "3 март 2026 г.")),
        _page("", after_text=in_the_text),
        _page(two),
    ):
        assert extract(page, URL).author in (None, "")


def test_a_link_to_a_page_of_the_writers_collection_names_the_writer() -> None:
    """A site builder's collection of writers, "/blog-authors/<slug>", linked by the name."""
    link = (
        '<div class="c761a16"><a href="/blog-authors/mariya-petrova" class="c2a304a">'
        '<img src="/img/a.jpg" alt=""><p class="c5ce8df">Мария Петрова</p></a></div>'
    )
    article = extract(_page("", after_text=link), URL)
    assert (article.author, article.rules["author"]) == ("Мария Петрова", "generic:author-link")


def test_the_posts_signature_among_readers_comments_signed_alike() -> None:
    """An old blog signs its post and each comment alike: the comments are a run of boxes
    of one class, which says nothing, and the post's line is the one apart from them."""
    comment = (
        '<div class="c0118dc"><p>Браво на общината, отдавна чакахме този ремонт!</p>'
        '<span class="cf51ef9">Публикувано от: {} в 18.12.2026 17:48</span></div>'
    )
    page = (
        '<html><body><div class="c126ac9"><h2 class="c5fc732">16 декември 2026</h2>'
        '<h3 class="c1">Общината ремонтира моста</h3>'
        f'<div class="c2">{PROSE * 5}<span class="cc0e34c">Публикувано от Мария в 16.12.2026 '
        "11:15</span></div>"
        '<div class="cf138b3">Коментари</div>'
        + comment.format("Иван")
        + comment.format("Петър")
        + "</div></body></html>"
    )
    assert extract(page, URL).author == "Мария"


def _with_box(box: str) -> str:
    """An article whose writer the JSON-LD names, closing on ``box`` in hashed classes."""
    return (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Мария Петрова"}}</script></head><body>'
        '<main class="c91be2a"><article class="c0d4e7f"><h1 class="c5a02bb">Общината '
        f'ремонтира моста</h1><div class="c44f0de">{PROSE * 5}</div>{box}</article></main>'
        "</body></html>"
    )


BIO = "е журналист, която от десет години пише за местната власт и градската среда."


def test_the_writers_box_closing_the_text_is_no_part_of_it() -> None:
    """The writer's name (or "За <name>") over a line about them, or that line alone,
    under the text: the box a theme's class word names, told by its words."""
    for box in (
        f'<div class="c1"><h4>Мария Петрова</h4><p class="c2">Мария Петрова {BIO}</p></div>',
        f'<div class="c1"><h4>За Мария Петрова</h4><p class="c2">Журналистката {BIO} '
        "Мария Петрова води и рубриката „Градът“.</p></div>",
        f'<p class="c2">Мария {BIO}</p>',
    ):
        article = extract(_with_box(box), URL)
        assert article.author == "Мария Петрова"
        assert article.text.endswith("в залата.") and "журналист" not in article.text


def test_a_closing_line_on_someone_else_or_on_the_story_stays() -> None:
    """Another Мария, the writer's own last word on the story, a long paragraph."""
    for box in (
        f'<p class="c2">Мария Иванова {BIO}</p>',
        '<p class="c2">Мария провери всички 17 моста в общината за този материал.</p>',
        f'<p class="c2">Мария Петрова {BIO * 6}</p>',
    ):
        assert extract(_with_box(box), URL).text.split("\n")[-1].startswith("Мария")


def test_a_mayors_box_beside_every_page_names_no_writer() -> None:
    """A municipality's "Кмет" box, his portrait over his name, beside a story whose lead
    names him: in an ``<aside>`` with a line about him, or in a ``<div>`` of hashed
    classes, the lead naming him in a sentence or as he is quoted."""
    bio = "<p>Пенчо Милков е кмет на общината от 2019 година и води местната коалиция.</p>"
    aside = (
        '<aside class="c77"><div class="c78"><img src="/img/kmet.jpg" alt="Пенчо Милков">'
        f'<h4 class="c79">Пенчо Милков</h4>{bio}</div></aside>'
    )
    box = (
        '<div class="c77"><div class="c78"><img src="/img/kmet.jpg" alt="Пенчо Милков">'
        '<h4 class="c79">Пенчо Милков</h4><p>Кмет на общината</p></div></div>'
    )
    for lead in ("Кметът Пенчо Милков преряза лентата.", "Пенчо Милков: мостът е готов"):
        for widget in (aside, box):
            page = _page(f'<p class="c1">{lead}</p>', after_text=widget)
            assert extract(page, URL).author in (None, ""), (lead, widget[:20])


def test_a_story_closing_on_its_publisher_named_as_its_writer_keeps_that_line() -> None:
    """A municipality's release whose stated writer is the municipality: its closing "Община
    Русе е бенефициент по проекта …" is the story's (EU-funded projects' news end so), not
    a writer's box about a person."""
    closing = "Община Русе е бенефициент по проекта, финансиран от Европейския фонд."
    page = (
        '<html><head><meta name="author" content="Община Русе"></head><body><main><article>'
        f"<h1>Нов парк в центъра</h1>{PROSE * 4}<p>Проектът струва 2 милиона лева.</p>"
        f"<p>{closing}</p></article></main></body></html>"
    )
    assert extract(page, URL).text.split("\n")[-1] == closing
