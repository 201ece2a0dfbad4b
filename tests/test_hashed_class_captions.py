"""A picture's caption, a gallery's controls and a "most read" list on a page whose build
hashes its class names: no "caption", "gallery" or "rail" left to name them, so the text
says what they are. Every page is written for the test, in Bulgarian, with classes
shaped as a CSS-modules build names them."""

from __future__ import annotations

import pytest

from newsarchive.extraction import clean, extract

PROSE_1 = (
    "<p>Общинският съвет прие бюджета за следващата година след дълго обсъждане. "
    "Най-много средства ще получат училищата и детските градини в квартала.</p>"
    "<p>Кметът каза, че ремонтът на моста ще започне през пролетта и ще продължи "
    "до есента, като движението ще бъде пренасочено по съседните улици.</p>"
)
PROSE_2 = (
    "<p>Съветниците от опозицията гласуваха против и настояха за повече пари за "
    "транспорта, но предложението им не събра нужното мнозинство в залата.</p>"
)


def _page(inset: str, after: str = "") -> str:
    """A headline, the text with a box set into it, and what follows it; every class a
    hash."""
    return (
        '<html><body><main class="c91be2a"><article class="c0d4e7f">'
        '<h1 class="c5a02bb">Съветът прие бюджета</h1>'
        f'<div class="c44f0de">{PROSE_1}<div class="c7e1f30">{inset}</div>{PROSE_2}</div>'
        f"{after}</article></main></body></html>"
    )


@pytest.mark.parametrize(
    "caption",
    [
        "Кметът и съветниците по време на сесията. (AP Photo/Мария Петрова)",
        "Залата на общинския съвет преди гласуването (Credit: Getty Images)",
        "Жителите на квартала чакат автобуса на спирката | Getty Images",
        "Новият мост над реката беше открит миналата година.Reuters",
    ],
)
def test_a_caption_closing_with_its_credit_is_not_the_text(caption: str) -> None:
    """The picture's box holds an image and a line under it; with the classes hashed
    nothing names that line a caption, but its credit does."""
    inset = f'<img src="/m.jpg" alt=""><div class="c2b9d41">{caption}</div>'
    text = extract(_page(inset), "https://x.bg/novini/1").text
    assert "Общинският съвет прие бюджета" in text
    assert caption not in text
    assert clean.ends_in_picture_credit(caption)


def test_a_gallery_s_counter_and_toggled_captions_are_not_the_text() -> None:
    """A slideshow set in the article prints its counter and each caption twice, cut
    short for its "… more" toggle and whole with its "less" one."""
    whole = "Съветниците гласуват бюджета в новата зала на общината в понеделник. less"
    short = "Съветниците гласуват бюджета в новата зала на общината ... more"
    inset = (
        f'<ul class="c1f0a9e"><li class="c6d2e11"><img src="/1.jpg" alt="">'
        f'<div class="c3b7a20">{whole}</div><div class="c3b7a21">{short}</div></li></ul>'
        '<div class="c8e0d44"><div class="c0a1b2c">Image 1 of 8</div>'
        '<div class="c0a1b2d">1 of 8</div></div>'
    )
    text = extract(_page(inset), "https://x.bg/novini/1").text
    assert "Кметът каза, че ремонтът" in text
    for line in (whole, short, "Image 1 of 8", "1 of 8"):
        assert line not in text


def test_a_most_read_list_headed_in_a_section_s_name_is_not_the_text() -> None:
    """ "Most read in world news" over a list of other stories set into the text: the
    heading's words tell the list, the section's name after them or not."""
    stories = "".join(
        f'<div class="c5e5432"><div class="c4ae289">{kicker}</div>'
        f'<h4 class="c43c6ba"><a href="/novini/{n}">{title}</a></h4></div>'
        for n, (kicker, title) in enumerate(
            [
                ("ПОЖАР", "Пожар в склад край града изпрати дим над целия квартал"),
                ("ЗА ДЕЦАТА", "Нова детска площадка в парка отваря врати в събота"),
                ("РЕМОНТ", "Затварят главната улица за три седмици заради ремонт"),
            ]
        )
    )
    inset = f'<h3 class="c880587">Most read in world news</h3><div class="c621971">{stories}</div>'
    text = extract(_page(inset), "https://x.bg/novini/1").text
    assert "Съветниците от опозицията" in text
    assert "Пожар в склад" not in text
    assert "Most read" not in text


@pytest.mark.parametrize(
    "line", ["Портфейл (credit/debit карти, пари в брой)", "Фактуриране", "5/5", "4 / 5"]
)
def test_a_list_s_item_and_a_review_s_score_are_the_text(line: str) -> None:
    """A packing list's "(credit/debit …)" names no picture's credit, and a review's
    "5/5" is its score, not a gallery's counter."""
    assert not clean.is_boilerplate_line(line)
