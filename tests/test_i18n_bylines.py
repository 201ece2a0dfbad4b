"""Bylines as pages in other languages print them: names whose capitals are no ASCII
or basic Cyrillic letters ("Małgorzata Żak", "Tomáš Šimek"), written for the test."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import byline_in_text, name_then_date, reporter_line

URL = "https://gazeta.example/wiadomosci/most-otwarty"
PROSE = "<p>" + "Radni przyjęli budżet na remont mostu po długiej i burzliwej dyskusji. " * 6
PROSE += "</p>"


def _page(byline: str) -> str:
    return (
        '<html lang="pl"><head><title>Most znowu otwarty</title></head><body><article>'
        f"<h1>Most znowu otwarty</h1><p class='meta'>{byline}</p>{PROSE * 4}"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        ("Dodano: 04.12.2026, 12:40 | Autor: Halina Ćwik", "Halina Ćwik"),
        ("Publikováno 3. prosince 2026 · Autor: Ondřej Šťastný", "Ondřej Šťastný"),
        ("07.12.2026 | Yazar: Ayşe Öztürk", "Ayşe Öztürk"),
        ("1. Dezember 2026 | Autor: Lena Örtel", "Lena Örtel"),
    ],
)
def test_a_labelled_name_keeps_its_words_with_accented_capitals(byline: str, writer: str) -> None:
    assert extract(_page(byline), URL).author == writer


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("Autor: Łucja Żurawska", "Łucja Żurawska"),
        ("Autor:Żaneta Ćwik", "Żaneta Ćwik"),  # the label's element glued to the name's
        ("Von Jürgen Österreicher", "Jürgen Österreicher"),
    ],
)
def test_byline_in_text_reads_accented_capitals(text: str, writer: str) -> None:
    assert byline_in_text(text) == writer


def test_a_name_then_its_date_with_accented_capitals() -> None:
    assert name_then_date("Şule Ünal 12.03.2026") == "Şule Ünal"


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        # Greek's label for the writer
        ('<span class="author">Συντάκτρια: Ελένη Παππά</span>', "Ελένη Παππά"),
        # Polish's and Czech's label for a woman writer
        ('<span class="author">Autorka: Zofia Wrona</span>', "Zofia Wrona"),
        # Romanian, Spanish, Polish, Czech and Portuguese templates name the class so
        (
            '<span class="autor">Sorin Dumitrescu</span>, <span class="rol">profesor</span>',
            "Sorin Dumitrescu",
        ),
        # the wire the writer files for after a slash
        ('<span class="autor">Por Lucía Ferrer / EFE</span>', "Lucía Ferrer"),
    ],
    ids=["greek-label", "autorka", "autor-class", "autor-class-wire"],
)
def test_labels_and_classes_of_other_languages_name_the_writer(byline: str, writer: str) -> None:
    assert extract(_page(byline), URL).author == writer


def test_dutch_door_opens_a_byline_and_a_sentence() -> None:
    """ "Door" is "By" in Dutch, and opens sentences as "Von" does ("Door de regen …")."""
    assert byline_in_text("Door Sanne de Vries") == "Sanne de Vries"
    assert byline_in_text("Door de regen bleef de brug dicht.") == ""


def _dek_page(byline: str) -> str:
    """``_page`` with a dek between the headline and the byline, as a daily's template
    sets its summary first, and no metadata: the printed byline is all there is."""
    return (
        '<html lang="it"><head><title>Most znowu otwarty</title></head><body><article>'
        "<h1>Most znowu otwarty</h1><h2>Radni przyjęli budżet po długiej dyskusji.</h2>"
        f"<div class='info'>{byline}</div>{PROSE * 4}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        # Joomla's and WordPress's "Written by", "Posted by", as they translate them
        ('<dd class="createdby">Geschrieben von Kerstin Albrecht</dd>', "Kerstin Albrecht"),
        ("Eingestellt von Rolf Hagedorn um 18:05", "Rolf Hagedorn"),
        ("Écrit par Sylvie Rocher", "Sylvie Rocher"),
        ("Escrito por Marta Ibáñez", "Marta Ibáñez"),
        ("Scritto da Paolo Ferretti", "Paolo Ferretti"),
        # the date first, the writer last (an Overblog or WordPress posting line)
        ("Publié le 2 décembre 2026 par Gwenaëlle Le Bihan", "Gwenaëlle Le Bihan"),
        # who wrote a comment or an analysis, as German papers lead it in
        ("Eine Analyse von Friederike Stahl", "Friederike Stahl"),
        # German's "Text:" as Bulgarian's "Текст:"
        ("Text: Ole Brandt", "Ole Brandt"),
        # two writers joined as each language joins them
        ("Von Jana Hollmann und Timo Reuter, Erfurt", "Jana Hollmann und Timo Reuter"),
        ("Par Agnès Morel et Hugo Vidal", "Agnès Morel et Hugo Vidal"),
        # the wire the writer shares the copy with, after "with"
        ("Par Louise Garnier avec AFP", "Louise Garnier"),
        ("Von Sven Kröger mit dpa", "Sven Kröger"),
        # an outlet's handle in small letters and digits after the writer's comma
        ("Por <strong>Beatriz Lins</strong>, g1 RS — Porto Alegre", "Beatriz Lins"),
    ],
    ids=[
        "geschrieben-von", "eingestellt-von", "ecrit-par", "escrito-por", "scritto-da",
        "publie-le-par", "analyse-von", "text-label", "und", "et", "avec-afp", "mit-dpa",
        "g1-handle",
    ],
)  # fmt: skip
def test_bylines_worded_as_other_languages_word_them(byline: str, writer: str) -> None:
    assert extract(_page(byline), URL).author == writer


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        # a commentary's lead-in before the writer's element
        (
            '<div class="article__byline">Ein Kommentar von '
            '<span class="article__author">Lutz Wendler</span></div>',
            "Lutz Wendler",
        ),
        # the interviewer, as Le Devoir's or La Presse's templates credit them
        (
            '<span class="authorModule__name">Propos recueillis par Mathilde Caron</span>',
            "Mathilde Caron",
        ),
        ('<p class="byline">Interview by Noah Whitfield · November 3, 2026</p>', "Noah Whitfield"),
        # Italian's "di" opening the byline element, and "e" between two writers
        (
            '<em class="story__author">di Chiara Benedetti e Luca Parodi</em>',
            "Chiara Benedetti e Luca Parodi",
        ),
        # a French template's class for the writer
        ('<span class="auteur">Erwan Le Floch</span>', "Erwan Le Floch"),
    ],
    ids=["kommentar-von", "propos-recueillis", "interview-by", "di-e", "auteur-class"],
)
def test_byline_elements_worded_as_other_languages_word_them(byline: str, writer: str) -> None:
    assert extract(_page(byline), URL).author == writer


def test_a_lower_case_di_under_the_dek_opens_a_byline() -> None:
    """ "di" where a block opens under the dek, as "by" where the text opens: the writer,
    and the date after them."""
    byline = '<span class="firma">di <a href="#">Giorgio Fabbri</a></span> 7 dicembre 2026'
    assert extract(_dek_page(byline), URL).author == "Giorgio Fabbri"
    # and still no byline where these words open a sentence or a picture's credit
    assert byline_in_text("Il comune ha deciso\ndi Natale non si parla") == ""
    assert byline_in_text("Photo\nby Ana Ruiz") == ""
    assert byline_in_text("Von Montag an gilt der neue Fahrplan.") == ""
    assert byline_in_text("Par ailleurs, Jean et Marie sont partis.") == ""


def test_a_chinese_reporters_credit_names_the_reporters() -> None:
    """ "澎湃新闻记者 陈晨 李娜": the outlet's reporters, named under the headline as printed;
    "记者获悉" ("the reporter learned") opens a sentence and names no one."""
    body = "<p>" + "市交通委昨天表示，新线路将于明年上半年开通，沿线共设车站二十座。" * 4 + "</p>"
    page = (
        '<html lang="zh-CN"><head><title>新线路明年开通_晨报</title></head><body>'
        '<div class="content"><h1>新线路明年开通</h1><div class="info">'
        "<p>晨报记者 周婷 马俊</p><p>2026年12月6日 09:30</p></div>"
        f"{body * 3}</div></body></html>"
    )
    assert extract(page, "https://www.example.cn/a/1.html").author == "周婷 马俊"
    assert reporter_line("本报记者：王伟、赵敏") == "王伟、赵敏"
    assert reporter_line("记者获悉，新线路将于明年开通") == ""


def test_the_heading_of_a_box_about_the_writer_names_them() -> None:
    """A box about the writer after the text ("About Jane Doe" over a line of bio), which
    a theme names "author-box": the writer, not the heading's words."""
    page = (
        '<html lang="en"><head><title>A mill reopens</title></head><body><article>'
        '<h1>A mill reopens</h1><div class="entry-meta">Story by <a href="/people/iris">'
        "Iris Calloway</a> &middot; Photos by Ben Ortiz</div>"
        + "<p>The old mill on the river reopened this week after years of repairs.</p>"
        * 6
        + '<div class="author-box"><h4>About Iris Calloway</h4><p>Iris Calloway writes about'
        " rural towns.</p></div></article></body></html>"
    )
    assert extract(page, "https://valley.example/mill").author == "Iris Calloway"
