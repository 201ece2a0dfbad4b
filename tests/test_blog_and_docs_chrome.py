"""What documentation tools and blogs print around a text on any site: a heading's
permalink glyph, a docs theme naming its whole page the article body, the affiliate-links
note over or under a post. Pages in our own words, in those tools' markup."""

from __future__ import annotations

from newsarchive.extraction import extract

_PARAGRAPH = (
    "The pipeline reads its settings once, when it starts, and every worker gets a copy;"
    " a change to the file takes effect at the next start, never in the middle of a run."
)


def _mkdocs_page() -> str:
    return f"""<html lang="en"><head><title>Configuration - tidalflow</title></head><body>
    <nav class="md-nav"><a href="/">Home</a> <a href="/install/">Install</a></nav>
    <article class="md-content__inner md-typeset">
    <h1 id="configuration">Configuration<a class="headerlink" href="#configuration"
     title="Permanent link">&para;</a></h1>
    <p>{_PARAGRAPH}</p>
    <h2 id="the-file">The settings file<a class="headerlink" href="#the-file">&para;</a></h2>
    <p>{_PARAGRAPH}</p>
    <h2 id="env">Environment<a class="headerlink" href="#env">#</a></h2>
    <p>{_PARAGRAPH}</p>
    </article><footer>Made with Material for MkDocs</footer></body></html>"""


def test_a_headings_permalink_glyph_is_no_word_of_the_title_or_the_text() -> None:
    """The title was "Configuration¶", and each section's heading ended in "¶"."""
    article = extract(_mkdocs_page(), "https://docs.tidalflow.example/configuration/")
    assert article.title == "Configuration"
    assert "¶" not in article.text
    assert "The settings file" in article.text.splitlines()
    assert "Environment" in article.text.splitlines()


def _read_the_docs(body: str, title: str) -> str:
    return f"""<html><head><title>{title}</title></head><body>
    <nav class="wy-nav-side"><ul><li class="toctree-l1"><a href="install.html">Install</a></li>
    <li class="toctree-l1 current"><a class="current reference internal" href="#">Reconciling
     accounts</a></li></ul></nav>
    <div class="rst-content"><div role="main" class="document" itemscope="itemscope"
     itemtype="http://schema.org/Article"><div itemprop="articleBody">{body}</div></div>
    </div><footer>&copy; Copyright 2025, the pyledger authors.</footer></body></html>"""


def test_a_docs_page_whose_theme_names_it_the_article_body_is_titled_by_its_h1() -> None:
    """Read the Docs' theme sets the whole document, its h1 first, in the element
    microdata names the ``articleBody``: the h1 was read as a section's heading and the
    title was the site's "pyledger 3.2.0 documentation"."""
    body = f"""<section id="reconciling-accounts"><h1>Reconciling accounts<a
     class="headerlink" href="#reconciling-accounts" title="Link to this heading"></a></h1>
    <p>{_PARAGRAPH}</p><section id="rules"><h2>Matching rules</h2><p>{_PARAGRAPH}</p>
    </section></section>"""
    page = _read_the_docs(body, "Reconciling accounts &mdash; pyledger 3.2.0 documentation")
    article = extract(page, "https://pyledger.example/en/latest/reconciling.html")
    assert article.title == "Reconciling accounts"


def test_a_posts_sections_set_as_h1s_in_its_body_do_not_title_it() -> None:
    """A Blogger post whose sections are h1s opens its body with one: the headline is
    the post's own (an h3 over the body, og:title), not its first section's."""
    page = f"""<html><head><title>Field Log: Small boats on big rivers</title>
    <meta property="og:title" content="Small boats on big rivers"></head><body>
    <div class="post hentry"><h3 class="post-title entry-title">Small boats on big rivers</h3>
    <div class="post-body entry-content" itemprop="articleBody">
    <h1>Why small</h1><p>{_PARAGRAPH}</p><h1>What to pack</h1><p>{_PARAGRAPH}</p>
    </div></div></body></html>"""
    article = extract(page, "https://fieldlog.example/2025/10/small-boats.html")
    assert article.title == "Small boats on big rivers"


def test_a_sites_affiliate_note_over_and_under_a_post_is_left_out() -> None:
    """Review blogs set their affiliate-links note over or under every post: the site's
    policy, no word of the post. In the midst of the text, a sentence on affiliate links
    may be what the post is about, and stays."""
    story = (
        "We tested eleven robot vacuums in two homes for six weeks, on tiles, rugs and a"
        " golden retriever's daily contribution of hair, and timed every run."
    )
    about = (
        "Some brands pay reviewers through affiliate links, and we think readers should"
        " know which ones: that is why this section lists them."
    )
    page = f"""<html><head><title>The best robot vacuums of 2025</title></head><body>
    <header><a href="/">HomeGearLab</a></header><article><h1>The best robot vacuums of 2025</h1>
    <div class="entry-content">
    <p><em>HomeGearLab is reader-supported. When you buy through links on our site, we may
     earn an affiliate commission.</em></p>
    <p>{story}</p><p>{about}</p><p>{story}</p>
    <p>As an Amazon Associate I earn from qualifying purchases.</p>
    </div></article><footer>&copy; 2025 HomeGearLab</footer></body></html>"""
    article = extract(page, "https://homegearlab.example/best-robot-vacuums/")
    lines = article.text.splitlines()
    assert lines[0] == story
    assert lines[-1] == story
    assert about in lines


def test_a_recipe_cards_name_after_the_posts_sections_does_not_cut_the_post() -> None:
    """A recipe plugin's card closes the post with the dish's name as an h2, part of the
    headline ("… (Extra Moist!)"), after the post's own h2 sections with prose under them:
    taken for the headline, it cut the post above it, and the text was the card's steps."""
    intro = (
        "This pumpkin loaf is the one my family asks for as soon as the leaves turn, and"
        " browning the butter first gives it a toasty flavour nobody can quite name."
    )
    tip = (
        "Let the browned butter cool for ten minutes before the eggs go in, or they will"
        " start to set, and leave the loaf to cool fully before you slice it."
    )
    page = f"""<html lang="en"><head><title>Brown Butter Pumpkin Loaf (Extra Moist!) - Crumbs
    </title></head><body><header><a href="/">Crumbs</a></header><main><article>
    <header class="entry-header"><h1 class="entry-title">Brown Butter Pumpkin Loaf (Extra
     Moist!)</h1></header>
    <div class="entry-content"><p>{intro}</p>
    <h2>Why it works</h2><p>{tip}</p><h2>Tips for success</h2><p>{tip}</p>
    <div class="wprm-recipe-container"><div class="wprm-recipe">
    <h2 class="wprm-recipe-name">Brown Butter Pumpkin Loaf</h2>
    <h3>Ingredients</h3><ul><li>115 g unsalted butter</li><li>425 g pumpkin purée</li>
    <li>2 large eggs</li></ul><h3>Instructions</h3><ul>
    <li>Heat the oven to 175°C and line a loaf tin with baking paper before you start.</li>
    <li>Melt the butter and cook it, swirling, until it smells of toasted nuts.</li>
    <li>Bake for an hour, until a skewer pushed into the middle comes out clean.</li></ul>
    </div></div></div></article></main><footer>&copy; 2025 Crumbs</footer></body></html>"""
    article = extract(page, "https://crumbs.example/brown-butter-pumpkin-loaf/")
    assert article.text.splitlines()[0] == intro
    assert "Heat the oven to 175°C" in article.text


def test_a_sign_up_box_in_a_post_is_no_section_of_it() -> None:
    """A box asking for the reader's address under a class name no rule knows: its
    heading and line were the post's last section. Its address field tells it; a short
    post holding such a form keeps its own paragraphs."""
    story = (
        "A zero-based budget gives every pound a job before the month begins, so nothing is"
        " left over to drift into takeaways and subscriptions you forgot you had."
    )
    page = f"""<html><head><title>How to start a zero-based budget</title></head><body>
    <article><h1>How to start a zero-based budget</h1><div class="post-content">
    <p>{story}</p><p>{story}</p>
    <div class="template-box"><h3>Get the free template</h3><p>Enter your email to download
     our budget spreadsheet.</p><form><input type="email"><button>Send it</button></form></div>
    <p>{story}</p></div></article></body></html>"""
    article = extract(page, "https://moneyplain.example/zero-based-budget/")
    assert article.text.splitlines() == [story, story, story]
    short = "The new hall has a sprung floor, new lights and changing rooms for both teams."
    page = f"""<html><head><title>The sports hall reopens</title></head><body><article>
    <h1>The sports hall reopens</h1><div class="body markup"><p>{short}</p>
    <div class="subscription-widget"><p>Thanks for reading! Subscribe for free.</p>
    <form><input type="email" placeholder="Type your email"><input type="submit"
     value="Subscribe"></form></div></div></article></body></html>"""
    assert extract(page, "https://hall.example/p/reopens").text == short
