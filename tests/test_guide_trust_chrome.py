"""What health, finance and how-to guide sites set around a guide's text on every page:
who vetted it, the site's note on how it writes, the prompt for the reader's verdict, the
closing box of sources the template titles, a preprint server's record of its files.
Pages in our own words, in those templates' markup."""

from __future__ import annotations

from newsarchive.extraction import extract
from newsarchive.extraction.pipeline import _trim_head

_OPENING = (
    "Iron helps red blood cells carry oxygen, and when stores run low the first signs are"
    " easy to miss: tiredness that sleep does not fix, cold hands and a shorter temper."
)
_MIDDLE = (
    "A simple blood test for ferritin shows how much iron the body has put aside, and a"
    " doctor will usually check it before suggesting tablets or changes to what you eat."
)
_CLOSING = (
    "Most people feel better within a few weeks of starting treatment, though refilling"
    " the body's stores fully can take three months or more."
)


def _health_guide(sources_box: str) -> str:
    return f"""<html lang="en"><head><title>Signs of Low Iron | Brightleaf Health</title>
    </head><body><header class="hdr-9k"><a href="/">Brightleaf Health</a></header><main>
    <article class="post-x1"><h1>Signs of Low Iron</h1>
    <div class="x-people"><div class="x-person">By <a href="/people/ana-ruiz">Ana Ruiz</a>
    </div><div class="x-person"><span>Medically reviewed by</span>
    <a href="/people/tom-okafor">Tom Okafor, MD</a></div>
    <div class="x-person"><span>Fact checked by</span> <a href="/people/ivy-chen">Ivy Chen</a>
    </div></div>
    <div class="x-note"><p>Our experts continually review the latest research, and we revise
     our guides when the evidence changes.</p></div>
    <p>{_OPENING}</p><h2>Getting tested</h2><p>{_MIDDLE}</p><h2>Treatment</h2>
    <p>{_CLOSING}</p>
    <div class="x-vote"><p>Was this page helpful?</p><button>Yes</button><button>No</button>
    </div>
    <div class="x-stamp"><p>Medically reviewed. Last reviewed on 03/14/2026.</p>
    <p>Learn more about the Health Library and our editorial process.</p></div>
    {sources_box}
    </article></main><footer>&copy; 2026 Brightleaf Health</footer></body></html>"""


def test_a_guides_reviewer_credits_note_and_feedback_prompt_are_left_out() -> None:
    """The reviewer's and the fact checker's credits stood as the text's first lines
    under the subtitle, the site's note on how it writes opened it, and "Was this page
    helpful?" with the review stamp closed it."""
    article = extract(_health_guide(""), "https://brightleaf.example/health/low-iron")
    lines = article.text.splitlines()
    assert lines[0] == _OPENING
    assert lines[-1] == _CLOSING
    for chrome in ("reviewed by", "Fact checked", "continually review", "helpful", "editorial"):
        assert chrome not in article.text, chrome


def test_a_guides_closing_sources_box_goes_but_a_writers_references_stay() -> None:
    """A template's "4 Sources" box (its policy line, the citations) closed the text as
    its last paragraphs; a plain "References" list under a post is as often the post's
    own (the dev pages' truths keep it as often as not), and stays."""
    box = """<div class="x-src"><h3>4 Sources</h3><p>Brightleaf Health uses only high-quality
     sources, including peer-reviewed studies, to support the facts in our articles.</p>
    <ol><li>Camaschella C. Iron deficiency. Blood. 2019.</li></ol></div>"""
    article = extract(_health_guide(box), "https://brightleaf.example/health/low-iron")
    assert article.text.splitlines()[-1] == _CLOSING
    assert "Camaschella" not in article.text

    own = """<h3>References</h3><ol><li>Camaschella C. Iron deficiency. Blood. 2019.</li>
    </ol>"""
    kept = extract(_health_guide(own), "https://brightleaf.example/health/low-iron")
    assert "Camaschella C. Iron deficiency. Blood. 2019." in kept.text.splitlines()


def test_a_how_to_sites_vote_prompt_and_view_counter_are_left_out() -> None:
    """A how-to wiki closes every guide with its counter and the vote on it."""
    step = (
        "Turn off the water under the sink first, then put a bucket below the trap before"
        " you loosen its two slip nuts by hand."
    )
    page = f"""<html><head><title>How to Clean a Sink Trap</title></head><body><main>
    <h1>How to Clean a Sink Trap</h1><div class="stp"><p>{step}</p><p>{step}</p></div>
    <div class="cnt"><p>This article has been viewed 45,210 times.</p></div>
    <div class="vt"><p>Did this article help you?</p><button>Yes</button></div>
    </main></body></html>"""
    article = extract(page, "https://howdo.example/Clean-a-Sink-Trap")
    assert article.text.splitlines() == [step, step]


def test_an_affiliate_note_saying_some_links_are_affiliate_links_is_left_out() -> None:
    """ "Disclaimer: Some links in this post are affiliate links." opened the post: the
    note said so in words the affiliate-note rule did not know."""
    story = (
        "We walked the coast path from the lighthouse to the harbour in two easy days,"
        " sleeping in the village halfway, and never once needed the rain gear we carried."
    )
    page = f"""<html lang="en"><head><title>Walking the Lighthouse Path</title></head><body>
    <article><h1>Walking the Lighthouse Path</h1><div class="entry-content">
    <p><em>Disclaimer: Some links in this post are affiliate links. We only recommend
     boots we have worn ourselves.</em></p>
    <p>{story}</p><p>{story}</p></div></article></body></html>"""
    article = extract(page, "https://twoboots.example/lighthouse-path/")
    assert article.text.splitlines()[0] == story


def test_a_preprints_submission_history_does_not_close_its_abstract() -> None:
    """The server's record of the paper's versions closed the abstract's text."""
    abstract = (
        "We show that a small recurrent model, trained on a tenth of the usual data, matches"
        " a transformer of twice its size on three long-document benchmarks."
    )
    page = f"""<html><head><title>[2611.01234] Small recurrent models</title></head><body>
    <div id="abs"><h1 class="title">Small recurrent models for long documents</h1>
    <blockquote class="abstract">{abstract} {abstract}</blockquote>
    <div class="submission-history"><h2>Submission history</h2> From: Lena Berg
     [<a href="/show-email/x1">view email</a>]<br/><strong>[v1]</strong> Mon, 2 Nov 2026
     08:15:44 UTC (1,204 KB)<br/><strong>[v2]</strong> Tue, 24 Nov 2026 10:01:02 UTC
     (1,310 KB)<br/></div></div></body></html>"""
    article = extract(page, "https://preprints.example/abs/2611.01234")
    assert "view email" not in article.text
    assert "KB)" not in article.text
    assert "Submission history" not in article.text


def test_a_guides_editorial_note_left_over_its_text_by_the_credits_goes() -> None:
    """Where the walk's edge trimming stopped at the headline, the note stood under it;
    once the headline went (a repeat of the title), the note opened the text. A
    paragraph of the text on the site's editors stays."""
    lead = (
        "A certificate of deposit locks your money away for a fixed term in exchange for a"
        " fixed rate, and the best ones this month pay well above a savings account."
    )
    note = (
        "Editorial Note: Our editorial team independently chooses the accounts we rate."
        " Rates are accurate as of the date above."
    )
    title = "Best CD Rates This Month"
    assert _trim_head([title, note, lead, lead], title) == [lead, lead]
    story = "The paper's editors independently chose the winners of this year's award."
    assert _trim_head([title, story, lead], title) == [story, lead]


def test_a_reviewers_box_under_its_credit_label_does_not_close_the_text() -> None:
    """ "Reviewed by" over a line about the reviewer closed an insurance guide: the label
    went as a credit line, and the line about the reviewer, whom the page names nowhere
    as its writer, was left as the text's last."""
    last = "Renters insurance rarely covers flood damage; that takes a separate policy."
    page = f"""<html lang="en"><head><title>Does renters insurance cover floods?</title>
    </head><body><main><article><h1>Does renters insurance cover floods?</h1>
    <p>{_MIDDLE}</p><p>{_CLOSING}</p><p>{last}</p>
    <div class="g-rev"><h3>Reviewed by</h3><p>Nia Brooks, CIC, is a licensed insurance
     agent who has advised renters for twelve years.</p></div>
    </article></main></body></html>"""
    article = extract(page, "https://coverwise.example/renters/floods")
    assert article.text.splitlines()[-1] == last
    assert "Nia Brooks" not in article.text


def test_every_vetting_credit_one_rule_knows_is_known_to_the_others() -> None:
    """The line rule knew "Verified by" and "Clinically reviewed by", the contributor's
    box knew neither, and neither knew "Edited by", which the byline rules pass over as
    an editor's: each kept a vocabulary of its own, and a credit only one of them knew
    closed the text, as a box of a line about the vetter or as a line of its own."""
    last = "Renters insurance rarely covers flood damage; that takes a separate policy."
    for label in ("Clinically reviewed by", "Verified by", "Edited by"):
        box = f"""<div class="g-rev"><h3>{label}</h3><p>Nia Brooks, CIC, is a licensed
         insurance agent who has advised renters for twelve years.</p></div>"""
        line = f"<p>{label} Nia Brooks</p>"
        for closing in (box, line):
            page = f"""<html lang="en"><head><title>Does renters insurance cover floods?
            </title></head><body><main><article><h1>Does renters insurance cover floods?</h1>
            <p>{_MIDDLE}</p><p>{_CLOSING}</p><p>{last}</p>{closing}
            </article></main></body></html>"""
            article = extract(page, "https://coverwise.example/renters/floods")
            assert article.text.splitlines()[-1] == last, (label, closing)
