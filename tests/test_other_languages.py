"""Pages in the other languages a site here may write in: the copies Bulgarian sites keep of
their news (Romanian, Turkish, Greek, German, French) and "any similar site" (Spanish,
Italian, Portuguese, Polish, Serbian). Each page is written for this test in a news
theme's plain markup: two date lines under the headline labelling the publication and
the last change in the page's language, two paragraphs of the story, and a box of other
stories' teasers under a heading ("Das könnte Sie auch interessieren", "À lire aussi",
"Noticias relacionadas"). The heading cuts the box from the text, the publication is the
page's date, read from its text, and the change stays apart as ``modified``. Beside them,
the words of those vocabularies that a sentence or a list may hold and that are no date,
heading or byline ("Weitere Informationen", "1. Май 2025", "4 out of 5", "Par ailleurs").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from newsarchive.dates import find_loose_dates, find_text_dates
from newsarchive.extraction import extract
from newsarchive.extraction.bylines import byline_in_text
from newsarchive.extraction.clean import STANDS_AS_RELATED, is_boilerplate_line

TODAY = dt.date(2025, 12, 1)


@dataclass(frozen=True)
class Page:
    lang: str
    title: str
    published: str  # the date line's first field: the publication, labelled
    modified: str  # and its second: the last change, labelled
    story: tuple[str, str]
    heading: str  # over the box of other stories
    teasers: tuple[str, str]


PAGES = [
    Page(
        "de",
        "Neuer Radweg am Fluss eröffnet",
        "Veröffentlicht am 12. März 2025",
        "Aktualisiert am 14. März 2025, 10:30 Uhr",
        (
            "Die Stadt hat am Montag den neuen Radweg am Fluss eröffnet, der die Altstadt "
            "auf zwei Kilometern mit dem Bahnhof verbindet.",
            "Der Bau kostete knapp eine Million Euro; das Land hat den größten Teil davon "
            "getragen, weitere Abschnitte folgen im Herbst.",
        ),
        "Das könnte Sie auch interessieren",
        (
            "Die Brücke am Hafen wird im Sommer saniert und bleibt drei Monate lang für "
            "den Verkehr gesperrt.",
            "Der Wochenmarkt zieht im April auf den Rathausplatz, wo die Händler mehr "
            "Platz für ihre Stände haben.",
        ),
    ),
    Page(
        "fr",
        "La médiathèque rouvre ses portes",
        "Publié le 12 mars 2025 à 09:15",
        "Mis à jour le 14 mars 2025",
        (
            "Après huit mois de travaux, la médiathèque municipale rouvre ce samedi avec "
            "une salle de lecture agrandie et un espace pour les enfants.",
            "La commune a consacré près de six cent mille euros au chantier, dont une "
            "partie financée par la région.",
        ),
        "À lire aussi",
        (
            "Le marché de Noël s'installera place de la mairie du premier au vingt "
            "décembre, avec une quarantaine d'exposants.",
            "Les horaires des bus de la ligne deux changent à partir du lundi suivant "
            "pour desservir le nouveau quartier.",
        ),
    ),
    Page(
        "es",
        "El ayuntamiento abre un nuevo parque",
        "Publicado el 12 de marzo de 2025",
        "Actualizado el 14 de marzo de 2025",
        (
            "El ayuntamiento inauguró el lunes un parque de dos hectáreas junto al río, "
            "con zonas de juego y un carril para bicicletas.",
            "Las obras costaron algo menos de un millón de euros y se terminaron dos "
            "semanas antes de lo previsto.",
        ),
        "Noticias relacionadas",
        (
            "La biblioteca municipal ampliará su horario durante la época de exámenes "
            "para los estudiantes del barrio.",
            "El mercado de los sábados se trasladará a la plaza mayor a partir del mes "
            "que viene por las obras.",
        ),
    ),
    Page(
        "it",
        "Riapre la piscina comunale",
        "Pubblicato il 12 marzo 2025",
        "Aggiornato il 14 marzo 2025",
        (
            "Dopo un anno di lavori la piscina comunale riapre lunedì con una vasca "
            "nuova e gli spogliatoi rifatti da capo.",
            "Il comune ha speso circa ottocentomila euro, in parte coperti da un "
            "contributo della regione.",
        ),
        "Articoli correlati",
        (
            "Il mercato del sabato si sposta in piazza del municipio fino alla fine dei "
            "lavori sul lungofiume.",
            "La biblioteca civica allunga gli orari di apertura per tutto il periodo "
            "degli esami universitari.",
        ),
    ),
    Page(
        "pt",
        "Câmara inaugura novo mercado",
        "Publicado em 12 de março de 2025",
        "Atualizado em 14 de março de 2025",
        (
            "A câmara municipal inaugurou na segunda-feira o novo mercado coberto, com "
            "quarenta bancas e um parque de estacionamento.",
            "A obra custou perto de dois milhões de euros e foi paga em parte com fundos europeus.",
        ),
        "Leia também",
        (
            "A biblioteca municipal vai abrir aos domingos durante o verão para receber "
            "os turistas e os leitores da cidade.",
            "As carreiras de autocarro para a praia mudam de horário a partir do próximo "
            "mês de junho.",
        ),
    ),
    Page(
        "ro",
        "Primăria deschide un nou parc",
        "Publicat: 12 martie 2025",
        "Actualizat: 14 martie 2025",
        (
            "Primăria a deschis luni un parc nou lângă râu, cu locuri de joacă pentru "
            "copii și o pistă pentru biciclete.",
            "Lucrările au costat aproape un milion de lei și au fost gata cu două "
            "săptămâni mai devreme decât era prevăzut.",
        ),
        "Cele mai citite",
        (
            "Biblioteca orașului va avea program prelungit în perioada examenelor pentru "
            "elevii din cartier.",
            "Piața de sâmbătă se mută în centrul orașului de luna viitoare din cauza "
            "lucrărilor de pe strada mare.",
        ),
    ),
    Page(
        "tr",
        "Belediye yeni parkı açtı",
        "Yayınlanma: 12 Mart 2025 10:00",
        "Güncellendi: 14 Mart 2025",
        (
            "Belediye pazartesi günü nehir kenarında çocuk oyun alanları ve bisiklet yolu "
            "bulunan yeni bir park açtı.",
            "Çalışmalar yaklaşık bir milyon liraya mal oldu ve planlanandan iki hafta önce "
            "tamamlandı.",
        ),
        "İlgili Haberler",
        (
            "Şehir kütüphanesi sınav döneminde öğrenciler için daha uzun saatler açık "
            "kalacak ve hafta sonu da hizmet verecek.",
            "Cumartesi pazarı gelecek aydan itibaren yol çalışmaları nedeniyle belediye "
            "meydanına taşınıyor.",
        ),
    ),
    Page(
        "pl",
        "Miasto otwiera nowy park",
        "Opublikowano: 12 marca 2025",
        "Zaktualizowano: 14 marca 2025",
        (
            "W poniedziałek miasto otworzyło nowy park nad rzeką, z placem zabaw dla "
            "dzieci i ścieżką rowerową.",
            "Prace kosztowały blisko milion złotych i zakończyły się dwa tygodnie przed terminem.",
        ),
        "Czytaj także",
        (
            "Biblioteka miejska wydłuży godziny otwarcia w czasie sesji egzaminacyjnej "
            "dla uczniów i studentów.",
            "Sobotni targ przeniesie się od przyszłego miesiąca na plac przed ratuszem z "
            "powodu remontu ulicy.",
        ),
    ),
    Page(
        "sr",
        "Град отворио нови парк",
        "Објављено: 12. марта 2025.",
        "Ажурирано: 14. марта 2025.",
        (
            "Град је у понедељак отворио нови парк поред реке, са игралиштем за децу и "
            "стазом за бицикле.",
            "Радови су коштали близу сто милиона динара и завршени су две недеље пре рока.",
        ),
        "Повезане вести",
        (
            "Градска библиотека ће током испитног рока радити дуже за ученике и студенте из краја.",
            "Суботња пијаца се од следећег месеца сели на трг испред општине због радова на улици.",
        ),
    ),
    Page(
        "el",
        "Νέο πάρκο δίπλα στο ποτάμι",
        "Δημοσιεύθηκε: 12 Μαρτίου 2025",
        "Ενημερώθηκε: 14 Μαρτίου 2025, 10:30",
        (
            "Ο δήμος εγκαινίασε τη Δευτέρα το νέο πάρκο δίπλα στο ποτάμι, με παιδική χαρά "
            "και ποδηλατόδρομο για τους κατοίκους.",
            "Τα έργα κόστισαν σχεδόν ένα εκατομμύριο ευρώ και τελείωσαν δύο εβδομάδες "
            "νωρίτερα από το χρονοδιάγραμμα.",
        ),
        "Σχετικά άρθρα",
        (
            "Η δημοτική βιβλιοθήκη θα μείνει ανοιχτή περισσότερες ώρες την περίοδο των "
            "εξετάσεων για τους μαθητές.",
            "Η λαϊκή αγορά του Σαββάτου μεταφέρεται από τον επόμενο μήνα στην πλατεία "
            "μπροστά από το δημαρχείο.",
        ),
    ),
]


def _html(page: Page) -> str:
    story = "".join(f"<p>{line}</p>" for line in page.story)
    teasers = "".join(f"<p>{line}</p>" for line in page.teasers)
    return (
        f'<html lang="{page.lang}"><head><title>{page.title}</title></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        f"<main><article><h1>{page.title}</h1>"
        f'<div class="info"><p>{page.published}</p><p>{page.modified}</p></div>'
        f'<div class="text">{story}</div>'
        f'<div class="more"><h3>{page.heading}</h3>{teasers}</div>'
        "</article></main><footer><p>© 2025</p></footer></body></html>"
    )


@pytest.mark.parametrize("page", PAGES, ids=[page.lang for page in PAGES])
def test_a_page_in_another_language_is_cut_at_its_heading_and_dated_by_its_labels(
    page: Page,
) -> None:
    article = extract(_html(page), f"https://example.org/{page.lang}/news/1", today=TODAY)
    assert article.text.split("\n") == list(page.story)
    assert article.published is not None and article.published.isoformat()[:10] == "2025-03-12"
    assert article.modified is not None and article.modified.isoformat()[:10] == "2025-03-14"
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("12. März 2025", "2025-03-12"),
        ("le 1er mars 2025", "2025-03-01"),
        ("12 de marzo del 2025", "2025-03-12"),
        ("1º de maio de 2025 às 10:05", "2025-05-01T10:05:00"),
        ("12 marzo 2025 alle 14:30", "2025-03-12T14:30:00"),
        ("12 martie 2025, ora 14:30", "2025-03-12T14:30:00"),
        ("12 EKİM 2024", "2024-10-12"),
        ("12 MAYIS 2025", "2025-05-12"),
        ("3 listopada 2024", "2024-11-03"),
        ("12 Μαρτίου 2025", "2025-03-12"),
        ("12 ΜΑΪΟΥ 2025", "2025-05-12"),
        ("12. mart 2025.", "2025-03-12"),
        ("12 Mart 2025 saat 14:30", "2025-03-12T14:30:00"),
    ],
)
def test_a_day_first_date_in_another_language_is_read(text: str, day: str) -> None:
    found = find_text_dates(text, today=TODAY)
    assert [d.value.isoformat() for d in found] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "1. Май 2025 г. – начало на ремонта",  # a list's first item, then a month
        "Mar 2025",  # a month without a day
        "Los barcos salen al mar 2025 veces al año",  # the sea, no day before it
        "Kasım 2025 raporu",  # a month and a year, no day
    ],
)
def test_a_month_word_without_a_day_before_it_is_no_date(text: str) -> None:
    assert find_text_dates(text, today=TODAY) == []


def test_an_english_count_is_no_portuguese_month() -> None:
    """Portugal's "out" (outubro) is left out: "4 out of 5" is a rating, not 4 October."""
    assert find_loose_dates("4 out of 5", today=TODAY) == []


@pytest.mark.parametrize(
    "heading",
    [
        "Das könnte Sie auch interessieren", "Meistgelesen", "Kommentare (3)",
        "3 Kommentare", "1 Kommentar", "Lesen Sie auch:", "Les plus lus", "À lire aussi",
        "Commentaires", "Laisser un commentaire", "Te puede interesar", "Lo más leído",
        "Deja un comentario", "Ti potrebbe interessare", "I più letti", "Lascia un commento",
        "Você também pode gostar", "Mais lidas", "Comentários", "Citește și",
        "Articole similare", "En Çok Okunanlar", "Yorumlar", "Najczęściej czytane",
        "Komentarze (2)", "Σχετικά άρθρα", "ΣΧΌΛΙΑ", "Најчитаније", "Leggi anche",
        "Czytaj też:", "Διαβάστε επίσης", "Прочитајте још",
    ],
)  # fmt: skip
def test_a_related_or_comments_heading_stands_alone_in_each_language(heading: str) -> None:
    assert STANDS_AS_RELATED.match(heading), heading


@pytest.mark.parametrize(
    "heading",
    [
        "Weitere Informationen",  # a section of the text
        "Más información sobre las obras",
        "Kommentar",  # alone: an opinion column's name
        "Commento",
        "Yorum",
        "Weitere Artikel der Satzung werden geändert, sagt der Rat",  # a sentence
        "Lire aussi le rapport du conseil municipal sur le budget",
    ],
)
def test_a_heading_of_the_text_does_not_stand_as_related(heading: str) -> None:
    assert not STANDS_AS_RELATED.match(heading), heading


@pytest.mark.parametrize(
    "line",
    [
        "Schlagwörter: Radweg, Stadt", "Tags : mairie, budget",
        "Etiquetas: parque, ayuntamiento", "Etichete: parc, primărie",
        "Etiketler: park, belediye", "Inhaltsverzeichnis", "Sommaire", "Índice",
        "Cuprins", "İçindekiler", "Weiterlesen »", "Lire la suite", "Leer más",
        "Devamını oku", "Kommentare (0)", "Diese Website verwendet Cookies, um …",
        "Ce site utilise des cookies pour …", "Este sitio web utiliza cookies propias",
        "Acest site folosește cookie-uri", "Ta strona używa plików cookie",
    ],
)  # fmt: skip
def test_a_boilerplate_line_in_another_language_is_no_line_of_the_text(line: str) -> None:
    assert is_boilerplate_line(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Lire, aussi, c'est voyager.",
        "Tags and labels were printed on every box.",  # no label's colon
        "Inhalt und Form der Satzung bleiben gleich.",
        "Wir verwenden die Mittel für den Radweg.",
    ],
)
def test_prose_opening_with_those_words_stays(line: str) -> None:
    assert not is_boilerplate_line(line), line


@pytest.mark.parametrize("line", ["Leggi anche", "Lire aussi : Le marché de Noël revient"])
def test_a_see_also_label_in_another_language_is_a_heading_not_a_line_rule(line: str) -> None:
    """Over a box it cuts the section; as a line of the text it stays, as AEB's truth
    keeps an Italian "Leggi anche" over a link the text keeps (unlike "Виж още")."""
    assert not is_boilerplate_line(line), line


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Autor: Hans Müller", "Hans Müller"),
        ("Auteur : Marie Dupont", "Marie Dupont"),
        ("Autora: Lucía Gómez", "Lucía Gómez"),
        ("Yazar: Ayşe Yılmaz", "Ayşe Yılmaz"),
        ("Von Hans Müller", "Hans Müller"),
        ("Par Marie Dupont", "Marie Dupont"),
        ("Por Juan Pérez", "Juan Pérez"),
        ("Von Montag an gilt der neue Fahrplan.", ""),  # a sentence, as "От" opens one
        ("Von Bürgermeister Schmidt wurde der Weg eröffnet.", ""),
        ("Par ailleurs, la ville a annoncé un budget.", ""),
        ("Por su parte, el alcalde dijo que sí.", ""),
        ("Di Stefano ha segnato due gol.", ""),  # a surname, not an agent
    ],
)
def test_a_byline_in_another_language(text: str, name: str) -> None:
    assert byline_in_text(text) == name


@pytest.mark.parametrize(
    ("text", "labelled", "modified"),
    [
        ("Publié le lundi 10 mars 2025", True, False),
        ("Veröffentlicht am Mittwoch, 12. März 2025", True, False),
        ("Publicado el miércoles, 12 de marzo de 2025", True, False),
        ("Pubblicato mercoledì 12 marzo 2025", True, False),
        ("Publicat miercuri, 12 martie 2025", True, False),
        ("Published on Wednesday, March 12, 2025", True, False),
        ("Публикувано на сряда, 12 март 2025", True, False),
        ("Mis à jour le vendredi 14 mars 2025", False, True),
        ("Aktualisiert am Freitag, 14. März 2025", False, True),
        ("Atualizado em sexta-feira, 14 de março de 2025", False, True),
        ("Обновено: петък, 14.03.2025", False, True),
        ("Τελευταία ενημέρωση: Παρασκευή, 14 Μαρτίου 2025", False, True),
        ("ΔΗΜΟΣΙΕΥΘΗΚΕ 12/03/2025", True, False),
        ("Δημοσίευση: 12 Μαρτίου 2025", True, False),
    ],
)
def test_a_label_before_a_weekday_labels_the_date_after_it(
    text: str, labelled: bool, modified: bool
) -> None:
    """A date line may print the weekday between its label and the day: the label is
    read past it, in every language the weekdays are known in."""
    (date,) = find_text_dates(text, today=TODAY)
    assert (date.labelled, date.modified) == (labelled, modified)


@pytest.mark.parametrize(
    "text",
    [
        "Създадено на 12 март 2025",
        "Created on Wednesday, 12 March 2025",
        "Создано 12 марта 2025",
        "Créé le 12 mars 2025",
        "Creado el 12 de marzo de 2025",
        "Creado: 12 de marzo de 2025",
        "Creato il 12 marzo 2025",
        "Utworzono 12 marca 2025",
        "Vytvořeno: 12. března 2025",
    ],
)
def test_a_cms_created_label_labels_the_publication(text: str) -> None:
    """Joomla prints an article's first day as "created", in each of its translations:
    the publication, as "Published" is. Unlabelled, "Създадено на" read as a sentence's
    "на", and the page's one date was dropped for a day its text told."""
    (date,) = find_text_dates(text, today=TODAY)
    assert (date.value, date.labelled, date.modified) == (dt.date(2025, 3, 12), True, False)


def test_a_weekday_in_another_language_decides_a_slash_date() -> None:
    """ "mardi, 03/04/2025": 4 March 2025 is a Tuesday, 3 April a Thursday."""
    (date,) = find_text_dates("mardi, 03/04/2025", today=TODAY)
    assert date.value.isoformat() == "2025-03-04"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Publié le 12 mars 2025 à 14h30", "2025-03-12T14:30:00"),
        ("12 mars 2025 - 9 h 05", "2025-03-12T09:05:00"),
        ("Mis à jour le 14/03/2025 à 18H45", "2025-03-14T18:45:00"),
        ("le 12 mars 2025 vers 14h", "2025-03-12"),  # an hour alone: the day
        ("le 12 mars 2025 à 14h300", "2025-03-12"),  # no minutes of two digits
    ],
)
def test_a_french_hour_is_read_after_its_date(text: str, when: str) -> None:
    (date,) = find_text_dates(text, today=TODAY)
    assert date.value.isoformat() == when


def _dated_page(lang: str, title: str, line: str, after: str = "") -> str:
    story = "".join(f"<p>{line}</p>" for line in PAGES[0].story)
    return (
        f'<html lang="{lang}"><head><title>{title}</title>'
        "<!-- Google Tag Manager --><script>window.dataLayer = [];</script></head><body>"
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/tags">Tags</a></li>'
        "</ul></nav></header>"
        f'<main><article><h1>{title}</h1><div class="info"><p>{line}</p></div>'
        f'<div class="text">{story}</div>{after}</article></main>'
        "<footer><p>© 2025</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "lang", "published", "modified"),
    [
        ("Publié le mercredi 12 mars 2025 · Mis à jour le vendredi 14 mars 2025 à 9h05",
         "fr", "2025-03-12", "2025-03-14T09:05:00"),
        ("Publicado el 12 de marzo", "es", "2025-03-12", None),
        ("Publicada em 3 de dezembro", "pt", "2024-12-03", None),
    ],
)  # fmt: skip
def test_a_page_is_dated_by_its_weekday_labels_hours_and_yearless_days(
    line: str, lang: str, published: str, modified: str | None
) -> None:
    """The labels read past a weekday, a French hour, and a Spanish or Portuguese day
    without its year (the latest such day not after the fetch, as "Publié le 12 mars")."""
    article = extract(_dated_page(lang, "Neuer Radweg", line), "https://example.org/a/1",
                      today=TODAY)  # fmt: skip
    assert article.published is not None
    assert article.published.isoformat()[:10] == published
    assert (article.modified.isoformat() if article.modified else None) == modified


def _tags_under(label: str, *, alone: bool) -> tuple[str, ...]:
    """The tags read off a post whose tags are only a line of links under ``label``: the
    label opening a text of its own, in a line ("Tags: <a>…</a>, <a>…</a>") or alone in its
    element beside the links. The page's source holds "Tag" elsewhere (its "Google Tag
    Manager"), and its menu a link named "Tags", neither of which is a label; the line is
    no line of the text."""
    links = '<a href="/t/radweg">Radweg</a>, <a href="/t/stadt">Stadt</a>'
    after = (
        f'<div class="post-tags"><span>{label}</span> {links}</div>'
        if alone
        else f'<p class="meta">{label} {links}</p>'
    )
    title = "Нова пътека" if label == "Етикети:" else "Neuer Radweg"
    article = extract(_dated_page("de", title, "12.03.2025", after), "https://example.org/a/1")
    assert "Radweg, Stadt" not in article.text
    return article.tags


@pytest.mark.parametrize("alone", [False, True], ids=["line", "label-alone"])
def test_a_cyrillic_labelled_tag_line_gives_the_tags(alone: bool) -> None:
    assert _tags_under("Етикети:", alone=alone) == ("Radweg", "Stadt")


def test_a_labelled_tag_line_in_the_other_languages_gives_the_tags() -> None:
    """Each label of ``clean.TAG_LABELS`` in Latin letters, in a line and alone: read in
    the furniture box the generic walk skips, whose text opens with the label."""
    labels = (
        "Tags:",
        "Tag:",
        "Schlagwörter:",
        "Étiquettes :",
        "Mots-clés :",
        "Etiquetas:",
        "Parole chiave:",
        "Palavras-chave:",
        "Etichete:",
        "Etiketler:",
        "Tagi:",
        "Oznake:",
    )
    read = {
        (label, alone): _tags_under(label, alone=alone)
        for label in labels
        for alone in (False, True)
    }
    assert read == dict.fromkeys(read, ("Radweg", "Stadt"))


_RADWEG = '<a href="/t/radweg">Radweg</a>'


@pytest.mark.parametrize(
    ("after", "where"),
    [
        (f'<div class="post-tags"><span>Tags</span> {_RADWEG} <a href="/t/stadt">Stadt<span '
         'class="count">3</span></a></div>', "article"),
        (f'<div class="post-tags"><span>Tags</span> {_RADWEG} <a href="/t/stadt">Stadt (12)</a>'
         "</div>", "article"),
        (f'<div class="post-tags"><a href="/tags">Tags:</a> {_RADWEG}</div>', "article"),
        (f'<aside class="sidebar"><div class="widget"><h3>Tags</h3>{_RADWEG} <a href="/t/stadt">'
         "Stadt</a></div></aside>", "page"),
    ],
    ids=["count-in-its-element", "count-in-brackets", "label-as-a-link", "sidebar-cloud"],
)  # fmt: skip
def test_a_latin_tag_label_over_no_post_s_tags_gives_none(after: str, where: str) -> None:
    """A box opening with "Tags" whose links are no post's tags: a cloud counting each
    tag's posts ("coffee3", "Stadt (12)"), a label that is a link (a menu's), a side
    column's widget of the site's tags, outside the article."""
    html = _dated_page("de", "Neuer Radweg", "12.03.2025", after if where == "article" else "")
    if where == "page":
        html = html.replace("</main>", f"</main>{after}")
    assert extract(html, "https://example.org/a/1").tags == ()


def test_a_latin_tag_label_in_a_post_footer_gives_its_tags_not_its_share_links() -> None:
    """The post's footer opens with its tags, then its share buttons: the links of the
    label's own box are the tags, not every link of the footer."""
    after = (
        f'<div class="post-footer"><div class="post-tags"><span>Tags:</span> {_RADWEG}</div>'
        '<div class="share"><span>Share:</span> <a href="https://facebook.com/sharer">Facebook'
        "</a></div></div>"
    )
    html = _dated_page("de", "Neuer Radweg", "12.03.2025", after)
    assert extract(html, "https://example.org/a/1").tags == ("Radweg",)


@pytest.mark.parametrize(("title", "label"), [("Neuer Radweg", "Tags"), ("Нова пътека", "Етикети")])
def test_a_menu_link_named_as_a_tag_label_gives_no_tags(title: str, label: str) -> None:
    """A bare list of links over the page, one of them to the tags' page, named as the
    label: it stands alone as a label would, but a label is no link, and the list's
    links are no tags."""
    html = _dated_page("de", title, "12.03.2025").replace(
        "<main>", f'<ul><li><a href="/">Home</a></li><li><a href="/t/">{label}</a></li></ul><main>'
    )
    assert extract(html, "https://example.org/a/1").tags == ()
