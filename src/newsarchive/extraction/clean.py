"""Boilerplate rules: elements and text lines that are never article content.

Two levels, because boilerplate arrives both as markup (a share widget, a cookie banner)
and as bare text left in the body (an untranslated ``site.bta`` key, a "Снимка:" credit).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.class_names import SNIPPET_CLASSES, class_words
from newsarchive.date_words import WEEKDAY_ALT, WEEKDAY_BETWEEN_ALT
from newsarchive.extraction import openers
from newsarchive.extraction.disclosure import DISCLOSURE_MAX, is_paid_disclosure
from newsarchive.markup import within
from newsarchive.memo import MEMO_CHARS, memoised
from newsarchive.streamed import PART_NUMBER

# Never content, wherever they are.  (``form`` is not here: ASP.NET pages wrap everything
# in one; its controls are.) What a ``<video>`` or ``<audio>`` holds besides its sources is
# what a browser that cannot play it shows instead ("Браузърът ви не поддържа видео."),
# as an ``<object>``'s is: never the article's words. An ``<xml>`` is Internet Explorer's
# data island, which Word writes its document settings into (``<w:View>Normal</w:View>``,
# ``<w:LidThemeOther>BG</w:LidThemeOther>``): where an editor pasting from Word dropped the
# conditional comment around it, its values read "Normal 0 21 false false false BG
# X-NONE" as text, never the article's. (One left open, the article nested in it, is
# opened where the page is parsed: ``markup.open_word_islands``.)
JUNK_TAGS = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "video", "audio",
    "button", "select", "input", "textarea", "object", "embed", "link", "meta", "xml",
)  # fmt: skip
# A form's field captions ("First name", "Phone Number *", "I agree to …"): the text of a
# sign-up or contact form set in the article, never the article's. A ``<label>`` outside a
# form stays: pure-CSS tabs and accordions title their panels with one.
FORM_CAPTION = "label"
FORM_CAPTIONS = f"form {FORM_CAPTION}"
# Page furniture: removed for generic extraction, kept when a profile's body is inside one.
# A <marquee> scrolls an old site's notices ("Добре дошли на сайта на Община …") past the
# reader: never the article, nor its headline.
FURNITURE_TAGS = (
    "nav", "footer", "aside", "header", "menu", "dialog", "figure", "figcaption", "marquee",
)  # fmt: skip


def is_furniture_tag(tag: str, node: LexborNode) -> bool:
    """A furniture tag, except a ``<figure>`` holding a table.

    A figure is furniture for its picture and credit, but editors (WordPress's table
    block, for one) put the article's own tables in figures too: those are the text a
    reader came for. Their caption is still a ``figcaption``. An article's ``<footer>``
    holding only its paid disclosure ("Sponsored") is the text's last line
    (``discloses_payment``), and a ``<blockquote>``'s own ``<footer>`` is who said the
    quotation, as HTML writes it ("<blockquote><p>…</p><footer>— Иван Гатев,
    председател на УС</footer></blockquote>"): a statement lost its speakers.
    """
    if tag == "figure":
        return node.css_first("table") is None
    if tag == "footer":
        parent = node.parent
        if parent is not None and parent.tag == "blockquote":
            return False  # the quotation's source ("— Иван Гатев, председател на …")
        return not discloses_payment(node)
    return tag in FURNITURE_TAGS


# Invisible to readers: inline-hidden elements often carry duplicate schema.org metadata.
_HIDDEN = (
    "[hidden], [aria-hidden='true'], [style*='display:none'], [style*='display: none'], "
    "[style*='visibility:hidden'], [style*='visibility: hidden']"
)

# Class words of a list of other articles that the metadata rules' related lists
# (``furniture``) read too, with words of their own.
RELATED_LIST_WORDS = ("teasers?", "see-?also", "prev-?next")


# A print button or bar, not a print view's own content box ("print-content", the box of
# a "?print=1" page's headline, date and text: read as furniture, the page lost its title
# and date to the window's "РЗИ - Печат").
_PRINT = "print(?![_-](?:content|area|body|version|view|page|text|article|wrap))"


# The class words naming the writer's box, in English and as German, Spanish, Polish,
# French and Italian themes name it ("<p class="autor">Interview: Felix Brandt ·
# 21.11.2026</p>"), and a "signature", the credit under a text ("<p class="signature">
# Текст: Десислава Бончева</p>", a French paper's byline) or a forum post's motto
# (phpBB's "<div class="signature">Тиха вода, пълен живарник!</div>"): no line of the
# text, and where the metadata rules read the writer (``_METADATA_NAMES``; ``bylines``
# finds it by its own selectors). One vocabulary for both: as a furniture word only,
# "autor" or "signature" hid the box from the byline rules.
WRITER_WORDS = ("authors?", "autor(?:in|es|a|e|i)?", "auteurs?", "signature")


# The words that name furniture in a class or id, each a regex opening with a letter.
# Bulgarian themes write some in Latin letters: "futer" (футер), "meniu"/"menyu" (меню),
# "reklama"/"reklami" (реклама, an ad), words that name nothing else. Not "kolona" or
# "stranica" (a column, a page: the article's box too), nor "gore"/"dolu" (top, bottom) as
# words, which name a part of anything (``_BOTTOM_NAMES``).
# "cta" (a call to action: "inline-cta", "blog_cta-holder", HubSpot's "hs-cta") and
# "disclaimer" name boxes a site sets into its articles, never the article's own text.
# Not "paywall": Google's markup for paid articles (``hasPart.cssSelector: ".paywall"``)
# puts that class on the article's own paid text, served whole to a crawler it trusts;
# a site's subscription offer is named by "subscribe" (or is a line of furniture).
# Joomla's Page Break boxes, "article-index" (the "Съдържание на статията" list of an
# article's pages) and "pagenavcounter" ("Страница 2 от 3"), stand on every page of an
# article split over pages: read as text, each page opened with the first's lines, and
# the join (``continuation.joined``) took page 2 for the first page again and stopped.
# Joomla's "article-info" is its details box ("<dl class="article-info"><dt>Подробности
# </dt><dd>Написано от …</dd>…"): no text, but where the metadata rules read the date and
# the writer (``_METADATA_NAMES``); its heading and fields opened the text.
_BOILERPLATE_WORDS = (
    "cookies?", "gdpr", "consent", "share", "sharing", "social", "sociál", "banners?",
    "advert", "ads?", "promo", "related", "recommend(?:ations?|ed)?", "read-?more", "more-news",
    "most-?read", "popular", "comments?", "disqus", "breadcrumbs?", "pagination", "pager",
    "navbar", "nav", "menu", "sidebar", "widget", "footer", "modal", "popup", "newsletter",
    "subscribe", _PRINT, "visually-hidden", "sr-only", "skip-?link", "tags?", "captions?",
    "credits?", "gallery", "slideshow", "carousel", "slider", "swiper", "trending",
    *RELATED_LIST_WORDS, "rail", "outbrain", "taboola", "recirc(?:ulation)?", "also-?read",
    "more-?(?:stories|articles|from)", "you-?may-?like", "up-?next", "read-?next",
    "next-?(?:post|article)", "partners?", "sponsors?", "top[-_]?bar", "polls?", "anketa",
    "preloader", "loader", "byline", "by", *WRITER_WORDS, "timestamp", "dateline", "date",
    "published", "meta", "cta", "disclaimer", "futer", "meniu", "menyu", "reklam[ai]",
    "article-index", "pagenavcounter", "article-info",
    # a forum post's signature under it, the same under each of the member's posts, as
    # phpBB's id names it and a theme's class may ("sig"; "signature": ``WRITER_WORDS``)
    "sig",
    # a German or French paper's subscription pitch in place of the rest ("<div
    # class="abo-box">Jetzt weiterlesen mit Nordbote+</div>"); not "paywall" (above)
    "abo", "abonnement",
    # a newsroom's appeal for donations set in the text ("donate-inline", Newspack's
    # "wp-block-newspack-blocks-donate")
    "donat(?:e|ions?)",
)  # fmt: skip
_BOILERPLATE_ATTR = class_words(_BOILERPLATE_WORDS)


def _by_first_letter(words: tuple[str, ...]) -> str:
    """``words`` as one alternation branching on their first letters ("c(?:ookies?|onsent|
    …)|g(?:dpr|allery)|…"), the same words: the engine tries an alternation's branches one
    by one at each separator, seventy of them, where now it tries the few words opening
    with the letter there (a third fewer instructions over a page's new class strings).
    Each word opens with a letter no quantifier follows (a test pins it)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{first}(?:{'|'.join(after)})" if len(after) > 1 else first + after[0]
        for first, after in rests.items()
    )


# Terms distinctive enough to match inside camelCase or run-together class names
# ("imageEmbedCaption", "articleByline", "socialshare").
_BOILERPLATE_INFIX = re.compile(
    r"caption|byline|newsletter|breadcrumb|cookie|socialshare|sharebar|disqus|outbrain|taboola",
    re.IGNORECASE,
)
# Searched on the string lower-cased (three times faster than matching it IGNORECASE),
# and each so that the engine can skip ahead: a pattern opening with one character class
# (``_SPACED_ATTR``, on the string after a space, which stands for ``^``) or with a
# literal in every branch (the infixes) is scanned for those characters first, while
# the two in one alternation, whose word branch opens with "^ or a separator", was tried
# word by word at every character (a third more instructions for the same answers).
_SPACED_ATTR = re.compile(rf"[\s_-](?:{_by_first_letter(_BOILERPLATE_WORDS)})(?:$|[\s_-])")
_LOWER_INFIX = re.compile(_BOILERPLATE_INFIX.pattern)


def _names_boilerplate(lowered: str) -> bool:
    """``_BOILERPLATE_ATTR`` or ``_BOILERPLATE_INFIX`` found in a lower-cased class string."""
    return bool(_SPACED_ATTR.search(f" {lowered}") or _LOWER_INFIX.search(lowered))


# Embedded posts quoted by the article (a tweet in a "social-media-embed" box) are content.
_EMBED_ATTR = class_words(("embed", "embedded", "tweet", "twitter-tweet", "instagram-media"))

# A site's copyright line: the boilerplate line that also says where the site's footer is.
# The sign may touch its year ("©2008 - 2026 Медия груп 24 ООД", as a "24" network site
# prints it), not a word: "(c)" also letters a list's third item.
_COPYRIGHT_SIGN = r"^(?:©|\(c\)|Copyright)(?:\s|(?=\d{4}))"
_COPYRIGHT_MARK = re.compile(_COPYRIGHT_SIGN, re.IGNORECASE)
# The characters the sign can open with (ignoring case, only "C" and "c" are a "c"): a
# line opening with any other is not matched at all, a regex call costing some thousands
# of instructions however soon it fails (asked of every short line of every page).
_COPYRIGHT_OPENERS = frozenset("©(Cc")


def _opens_with_copyright(line: str) -> bool:
    return line[:1] in _COPYRIGHT_OPENERS and _COPYRIGHT_MARK.match(line) is not None


# A site's reservation of its rights, in the forms its footer prints it: one vocabulary
# for the line that opens with it ("Всички права запазени. Съдържанието …") and the one
# that closes with it ("02 9262 210 · © Информационно обслужване АД · © 2022. Всички права
# са запазени."). Only a footer's short line: an article may quote a contract's "всички
# права са запазени" mid-sentence, never as a short line's first or last words.
_RIGHTS_RESERVED = ("всички права запазени", "всички права са запазени", "all rights reserved")
_RIGHTS_LINE_MAX = 200
# Words one of which every phrase above holds whole: the cheap test before a line is
# folded (two substring tests: a regex alternation of them cost more than the folding).
_RIGHTS_WORDS = ("права", "rights")


def reserves_rights(line: str) -> bool:
    """A short line opening or closing with the reservation of rights (string tests: a
    leading ".{0,160}" in the line rules' alternation cost more than all of it)."""
    if len(line) > _RIGHTS_LINE_MAX:
        return False
    folded = line.casefold()
    for word in _RIGHTS_WORDS:
        if word in folded:
            break
    else:
        return False  # (most lines: not worth folding their spaces)
    folded = " ".join(folded.split())
    return folded.startswith(_RIGHTS_RESERVED) or folded.rstrip(". ").endswith(_RIGHTS_RESERVED)


def is_copyright_line(line: str) -> bool:
    """The © sign before a name or a year, or the reservation of rights, alone or among a
    footer's short link labels: the line that says where a site's footer is."""
    return _opens_with_copyright(line) or reserves_rights(line) or labels_and_copyright(line)


# What stands between a footer's links ("Карта на сайта | Контакти | © 2026 Община …").
_LABEL_SEPARATORS = "|¦•·"
_LABEL_SPLIT = re.compile(rf"\s*[{_LABEL_SEPARATORS}]\s*")
# A footer's link label: a few words ("Карта на сайта", "Дизайн и изработка: Студио"),
# never a sentence; the copyright's own piece may name the whole publisher.
_LABEL_CHARS = 40
_LABEL_WORDS = 5
LABEL_END = frozenset(".!?")  # what no label ends in: a sentence does
_COPYRIGHT_PIECE_CHARS = 100


def labels_and_copyright(line: str) -> bool:
    """A short line of link labels set apart by bars, one piece of which is the site's
    copyright ("Карта на сайта | Контакти | © 2026 Община Тест"): a site's footer printed
    in a plain box (no ``<footer>``, an id of "foot"), the same furniture as a "© …" line
    alone. Every other piece a label of a few words, no sentence: a caption or a quote
    naming a © mid-text is not a row of links. (String tests first: asked of every
    paragraph, and almost none holds a separator and a © both.)"""
    pieces = _label_pieces(line)
    if len(pieces) < 2:
        return False
    marked = [piece for piece in pieces if _is_copyright_piece(piece)]
    if not marked:
        return False
    return all(_is_label(piece) for piece in pieces if piece not in marked)


def _is_label(piece: str) -> bool:
    """A bar-separated piece that is a link's or a field's label, a few words and no
    sentence ("Карта на сайта", "Прегледи: 31", "Продължителност: 18:40 мин.")."""
    short = len(piece) <= _LABEL_CHARS and piece.count(" ") < _LABEL_WORDS
    return short and (piece[-1] not in LABEL_END or _ABBREVIATED.search(piece) is not None)


# A field's value closing on an abbreviation's dot ("07.12.2026 г., 08:30 ч.",
# "Продължителност: 18:40 мин."), not a sentence's: a short word in lower case after a
# figure.
_ABBREVIATED = re.compile(r"\d\s*[а-яa-z]{1,4}\.$")


def _label_pieces(line: str) -> list[str]:
    """The pieces of a short line that bars set apart (``_LABEL_SEPARATORS``), or none:
    the split both label rules read. (String tests first: asked of every paragraph, and
    almost none holds a separator.)"""
    if not ("|" in line or "•" in line or "·" in line or "¦" in line):  # _LABEL_SEPARATORS
        return []  # (chained tests: a loop over the four cost five times as much)
    if len(line) > _RIGHTS_LINE_MAX:
        return []
    return [piece for piece in _LABEL_SPLIT.split(line.strip()) if piece]


# A row of labels holds at least this many pieces: two may be a headline's parts ("Русе |
# Кметът откри парка"), three short ones set apart by bars are a template's fields.
_LABEL_ROW_PIECES = 3


def is_label_row(line: str) -> bool:
    """A short line of three or more labels set apart by bars: a post's details under its
    text as an old template prints them ("Категория: Новини | Прегледи: 31 | Добави:
    admin | Дата: 29.11.2026 | Коментари (0)") or a footer's links, whatever sign
    closes it and however long it runs up to ``_RIGHTS_LINE_MAX`` characters: fields, not
    a sentence of prose."""
    pieces = _label_pieces(line)
    return len(pieces) >= _LABEL_ROW_PIECES and all(_is_label(piece) for piece in pieces)


def _is_copyright_piece(piece: str) -> bool:
    """One bar-separated piece that is a copyright: opening with it, or a short one holding
    the sign ("Община Тест © 2026"), or reserving the rights."""
    if _opens_with_copyright(piece) or reserves_rights(piece):
        return True
    return "©" in piece and len(piece) <= _COPYRIGHT_PIECE_CHARS


# What a comment form says in its stead to a guest ("Само регистрирани потребители могат
# да добавят коментари.", DLE's "Посетителите от групата Гости не могат да оставят
# коментари"): the comments' box, never the article's text; a line of its own here, and
# the head of the comments' section for the body's cut (``content``).
COMMENTS_CLOSED = (
    r"(?:Само|Единствено) регистрирани(?:те)? (?:потребители|членове) могат да "
    r"(?:добавят|пишат|оставят|публикуват) (?:коментари|мнения)|"
    r"Посетителите от групата Гости не могат да (?:добавят|пишат|оставят) коментари"
)
# The letters its phrases open with and those IGNORECASE takes for them ("ᲃ" for "с"), as
# for every boilerplate vocabulary here: a block opening otherwise is not matched against
# them (asked of every block of a text, the match cost more). Written out, as finding them
# means trying every code point; tests/test_line_gates.py does so against the phrases.
COMMENTS_CLOSED_OPENERS = frozenset("ЕПСепсᲃ")

# The labels of a share, print or feed bar's buttons, and what stands between them.
_BAR_LABELS = (
    r"Print|Email|E-mail|Печат|Принтирай|Сподели|Share|Facebook|Twitter|X|Viber|LinkedIn|"
    r"Pinterest|Tweet|RSS"
)
_BAR_GAP = r"[|¦•·\s]*"
# The networks and messengers a site asks its readers to follow it on (``_LINE_RULES``), as
# a call names them, in Latin or Cyrillic letters and inflected ("в Телеграме", "в Дзене").
_CHANNELS = (
    r"Telegram|Телеграм\w*|WhatsApp|Viber|Вайбер\w*|Facebook|Фейсбук\w*|Instagram|"
    r"Инстаграм\w*|YouTube|Ютуб\w*|TikTok|Twitter|X|VK|ВК|ВКонтакте|Одноклассник\w*|"
    r"Дзен\w*|Dzen|Threads|LinkedIn|Google (?:News|Новини|Новости)"
)
# The verbs of such a call in the languages a page here may be written in (Russian,
# Ukrainian, Bulgarian, English, German, French, Spanish, Italian, Portuguese, Dutch,
# Romanian, Polish): to read, follow, subscribe or join ("Participe do canal do g1 no
# WhatsApp", "Únete a nuestro canal de WhatsApp", "Tritt unserem WhatsApp-Kanal bei",
# "Unisciti al canale Telegram", "Dołącz do nas na Facebooku").
_CHANNEL_CALLS = (
    r"Читайте|Подписывайтесь|Подпишитесь|Следите за|Присоединяйтесь|Підписуйтесь|"
    r"Підпишіться|Стежте за|Приєднуйтесь|Абонирайте се|Присъединете се|Subscribe to|"
    r"Join (?:us|our|the)|Find us on|Folgen Sie|Folge uns|Abonnieren Sie|Tritt|Treten Sie|"
    r"Suivez|Abonnez-vous|Rejoignez|Síguenos|Sígannos|Suscríbete|Únete a(?:l)?|Unite a(?:l)?|"
    r"Seguici|Segui|Iscriviti|Unisciti a(?:l|lla|i)?|Siga|Sigam|Inscreva-se|Participe d[oae]|"
    r"Junte-se a|Volg ons|Sluit je aan|Urmăre[șş]te-ne|Urmări[țţ]i-ne|Abonea(?:ză|za)-te|"
    r"Obserwuj nas|Dołącz do"
)
# A press release's contact: the labels over it, and the offices it names (one
# vocabulary for the line holding both, ``_LINE_RULES``, and for the lines closing the
# text, ``without_press_contact``)
_CONTACT_LABELS = r"За (?:контакти|повече информация|връзка)|Контакти за медиите|Контакти"
_PRESS_OFFICES = (
    r"Пресцентър|Прес[- ]?център|Пресслужба|Прес[- ]?служба|"
    r"(?:Отдел|Дирекция) „?Връзки с обществеността"
)
# A page's buttons for the article written out (print it, send it, save it): alone or
# in a row, a line of their own (``_LINE_RULES``).
_TOOL_BUTTONS = (
    r"Версия за печат|Печатна версия|Изпрати на приятел|Изпрати по (?:имейл|e-mail|поща)|"
    r"Принтирай|Отпечатай|Разпечатай|Печат|Свали (?:като |в )?PDF|Запази (?:като )?PDF|PDF|"
    r"Print|Email|E-mail"
)

# The labels of a post's tag line ("Етикети: Русе, училища"; Zox News's "Related Topics:"
# as "Свързани теми:"), one vocabulary for the line as boilerplate here, for the tags
# ``pipeline`` reads from it, and for a box opening with it, which is no related list
# though "Свързани" opens it (``furniture``). In the languages of the pages here besides
# Bulgarian (see ``_RELATED_ELSEWHERE``): "Tags:", "Schlagwörter:", "Mots-clés :",
# "Etiquetas:", "Parole chiave:", "Etichete:", "Etiketler:", "Tagi:", "Ознаке:".
TAG_LABELS = (
    "етикети", "тагове", "ключови думи", "свързани теми", "tags", "tag", "schlagwörter",
    "schlagworte", "stichwörter", "étiquettes", "mots-clés", "mots clés", "etiquetas",
    "palabras clave", "parole chiave", "palavras-chave", "etichete", "cuvinte cheie",
    "etiketler", "anahtar kelimeler", "tagi", "słowa kluczowe", "ознаке", "тагови", "oznake",
)  # fmt: skip
# A line opening with one of them and its colon.
TAG_LABEL = re.compile(rf"^(?:{'|'.join(TAG_LABELS)})\s*:", re.IGNORECASE)
# A text opening with one of them, its colon there or not ("Tags: Radweg"; "TagsRadweg",
# as lexbor joins a label's element and the link after it), and the letters it may open
# with: what the generic walk asks of the furniture boxes it skips (``blocks.Walker``),
# for the tag line a box may be; the label itself is found in the box after. (A label's
# first letter in a case other than these two is not looked for.)
OPENS_WITH_TAG_LABEL = re.compile(f"(?:{'|'.join(TAG_LABELS)})", re.IGNORECASE)
TAG_LABEL_OPENERS = frozenset(c for label in TAG_LABELS for c in (label[0], label[0].upper()))

_CATEGORY = r"[^\s.,!?/|–—]+(?:\s[^\s.,!?/|–—]+){0,2}"  # "Новини", "Местна власт"
# The labels of what a post is filed under: its category ("Категория: Новини", WordPress's
# "Posted in" as "Публикувано в: Новини"), and with them its tags (``TAG_LABELS``) and the
# English forms a byline's line closes with ("Category: News", "Filed under News"): one
# vocabulary for a line of its own (``_LINE_RULES``) and a byline's last part
# (``bylines.without_counts``).
CATEGORY_LABELS = r"категори[яи]|рубрик[аи]|публикувано в"
FILED_LABELS = (
    rf"{CATEGORY_LABELS}|раздел|{'|'.join(TAG_LABELS)}|categor(?:y|ies)|filed\s+under|posted\s+in"
)

# The words that point the reader to other articles ("Виж още", "Вижте също", "Прочетете
# още", "Четете също"), one vocabulary for a line opening with them (a link's label left in
# the text, ``_LINE_RULES``) and for a heading over a list of such links
# (``RELATED_HEADINGS``): a phrase added here is known to both. (The other languages'
# are headings only, ``_SEE_ALSO_ELSEWHERE``.)
SEE_ALSO = r"(?:виж(?:те)?|(?:про)?четете) (?:още|също)"
# A teaser's "read more" line, alone or after its headline and a bar ("Заглавие | към
# новината →"), and its phrase in the other languages of ``_RELATED_ELSEWHERE``
# ("Weiterlesen", "Lire la suite", "Leer más", "Leggi tutto", "Leia mais", "Citește mai
# mult", "Devamını oku", "Czytaj dalej"). Alone, it is one of ``_LINE_RULES`` (gated by its
# first character with them); after a bar, tried where a "|" stands.
_MORE_PHRASES = (
    r"(?:към новината|see more|прочети(?:те)? (?:повече|още)|weiterlesen|mehr lesen|"
    r"lire la suite|lire plus|leer más|seguir leyendo|continuar leyendo|leggi (?:tutto|di più)|"
    r"continua a leggere|leia mais|continue lendo|cite[șşs]te (?:mai mult|tot|continuarea)|"
    r"devamını oku|(?:czytaj|przeczytaj) (?:dalej|więcej)|διαβ[άα]στε περισσ[όο]τερα|"
    r"прочитајте више|опширније|pročitajte više|opširnije)\s*[→»]?$"
)
# What a list of other articles calls its items ("Свързани публикации", "Новини по
# темата"): for its heading as a line of its own and among the headings.
_LIST_NOUNS = r"(?:новини|статии|публикации)"
# (Publisher's "Още по темата" over the links it sets among the paragraphs, a box the
# text does not end at: its links go as a list, its heading stays a line of its own.)
_LIST_HEADING = (
    rf"(?:(?:последни|най-четени|най-нови|свързани|подобни) {_LIST_NOUNS}|още по темата|"
    r"още (?:новини|от (?:категорията|рубриката|раздела|новините)))"
)

# The comments' word, its stem: the box's heading ("Коментари", "3 коментара",
# "Коментарите", ``BOX_RELATED_HEADINGS``), that heading left as a line of its own (only
# "Коментари", with its count or none), the box's other lines and its form's.
_COMMENT = "коментар"
# The comments' heading in the other languages (``_RELATED_ELSEWHERE``): the plural
# ("Kommentare", "Commentaires", "Comentarios", "Commenti", "Yorumlar", "Komentarze"), with
# its count or none, and the singular only after a count ("1 Kommentar", "1 commentaire"):
# alone it names a column ("Kommentar", "Commento", "Yorum": an opinion piece's kicker).
_COMMENTS_ELSEWHERE = (
    r"kommentare|commentaires|comentarios|commenti|comentários|comentarii|yorumlar|"
    r"komentarze|komentarzy|komentari|komentara|σχ[όο]λια"
)
_COMMENT_ELSEWHERE = (
    r"kommentar|commentaire|comentario|commento|comentário|comentariu|yorum|komentarz|"
    r"komentar|σχ[όο]λιο"
)


# Who vetted a text rather than wrote it, as its credit names them: the words alone that
# say so before a colon or a "by" ("Edited:", "Reviewed by"), and with them the words that
# say so only before "by" ("Verified by"), too common alone to mark a credit in a byline's
# text. One vocabulary for the line rule below, the byline rules that pass over such a
# name (``bylines.NOT_WRITERS``) and a guide's contributor's box (``writer_box``).
VETTING_WORDS = ("reviewed", "edited", "fact[- ]?checked")
VETTED_BY_WORDS = (*VETTING_WORDS, "checked", "verified", "vetted")
# The credit with its "by" and the qualifier a health or finance guide puts before it
# ("Medically reviewed by", "Expert reviewed by", "Fact-checked by").
VETTED_BY = (
    r"(?:(?:medically|clinically|expert|financially|legally|professionally) )?"
    rf"(?:{'|'.join(VETTED_BY_WORDS)}) by"
)

# The words a table of contents is labelled by: the line of its label alone is dropped
# (below), and a box of in-page links under one is the text's navigation (``page_toc``)
TOC_LABELS = (
    r"Table of contents|Contents|On this page|In this (?:article|post|guide)|Jump to|"
    r"Съдържание|В тази статия|Inhaltsverzeichnis|Inhalt|Sommaire|Table des matières|"
    r"[ÍI]ndice|Tabla de contenidos?|Sommario|Cuprins|İçindekiler|Spis treści|"
    r"Πίνακας περιεχομένων|Садржај|Sadržaj"
)
# The headings a guide site's template sets over the closing box of its sources ("3
# Sources", "Article Sources", "How we reviewed this article:"): the box the text ends
# on, where the site keeps its citations, its policy note and its credits
# (``content.drop_closing_sources``). Not a plain "References" or "Sources": over a
# list of the writer's own (a research summary's, a blog post's links) it is as often
# the text's as the site's (the dev pages' truths keep four such lists, drop three).
SOURCES_HEADING = re.compile(
    r"(?:\d{1,3} sources?|article sources|how we reviewed this (?:article|page|guide))\s*:?",
    re.IGNORECASE,
)
# A cookie notice's sentence ("Този сайт използва бисквитки…", and "Този уебсайт…",
# a wording as common, the izvorovo mirror's): a line of the text never, nor prose the body
# is sought by (``content.weighed``). Its opening in the other languages of
# ``_RELATED_ELSEWHERE`` too: "Diese Website verwendet Cookies", "Wir verwenden Cookies",
# "Ce site utilise des cookies", "Este sitio web utiliza cookies", "Questo sito utilizza
# cookie", "Este site usa cookies", "Acest site folosește cookie-uri", "Bu web sitesi
# çerezleri kullanır", "Ta strona używa plików cookie"; and English, "This website uses
# cookies", "We use cookies" (an English version's banner).
COOKIE_NOTICE = (
    r"^(?:(?:Тази|Този) (?:интернет |уеб )?(?:страница|(?:уеб)?сайт) използва [„\"]?бисквитки|"
    r"(?:diese|unsere) (?:website|webseite|seite|internetseite) (?:verwendet|nutzt) cookies|"
    r"wir (?:verwenden|nutzen) cookies|(?:ce|notre) site(?: web| internet)? utilise des cookies|"
    r"nous utilisons des cookies|(?:este|nuestro) (?:sitio(?: web)?|portal) (?:utiliza|usa) "
    r"cookies|(?:esta|nuestra) (?:web|página(?: web)?) (?:utiliza|usa) cookies|"
    r"(?:utilizamos|usamos) cookies|(?:questo|il nostro) sito(?: web)? (?:utilizza|usa) "
    r"(?:i )?cookie|utilizziamo (?:i )?cookie|(?:este|o nosso) (?:site|website) (?:utiliza|usa) "
    r"cookies|acest (?:site|website)(?: web)? (?:folose[șşs]te|utilizeaz[ăa]) (?:module )?cookie|"
    r"(?:folosim|utiliz[ăa]m) (?:module )?cookie|bu (?:web )?site(?:si|de|mizde)? çerez|"
    r"sitemizde çerez|(?:ta|nasza) strona(?: internetowa)? (?:używa|wykorzystuje) "
    r"(?:plików )?cookie|(?:używamy|wykorzystujemy) (?:plików )?cookie|"
    r"(?:this|our) (?:web ?)?(?:site|page) uses cookies|we use cookies)"
)
# What a page calls the count of its readings ("Брой прегледи: 231", Joomla's "Посещения:
# 1204", "1523 прочитания"): a counter's line of its own (``_LINE_RULES``), or the last
# item of a byline's line (``bylines.without_counts``).
READ_COUNT_WORDS = "прегледи|прочитания|преглеждания|посещения|четения|views|hits"
# How long a post reads ("3 мин. четене", "5 min read", "Време за четене: 3 мин."): a line
# of its own (``_LINE_RULES``), or an item of a byline's line (``bylines.without_counts``).
READING_TIME = (
    r"[0-9]{1,3}\s*(?:мин(?:ути|\.)?|min(?:ute)?s?)\.?\s*(?:за\s+)?(?:четене|read|reading)"
    r"|(?:Време\s+за\s+четене|Reading\s+time)\s*:?\s*\d{1,3}\s*(?:мин(?:ути|\.)?|min(?:ute)?s?)\.?"
)
# A paid article's notice that the rest is for subscribers, or its call to subscribe to
# read on, in German, French, Spanish, Italian, Portuguese and Polish: one vocabulary for
# the line of its own (``_LINE_RULES``) and the offer that says the page is paid
# (``access.OFFER_LINE``, whose English and Bulgarian phrases are its own). Each phrase
# with its language, and the stem the page's gate looks for near a piece every line of
# it holds as written (``access._GATE_ELSEWHERE``; tests/test_extract_access.py tries
# each phrase).
OFFERS_ELSEWHERE = (
    ("fr", "bonn", "aux abonnés",
     r"(?:cet |ce |l['’])?(?:article|contenu) (?:est )?(?:exclusivement )?réservé aux abonnés"),
    ("fr", "bonn", "z-vous pour",
     r"abonnez-vous pour (?:lire|continuer|découvrir) (?:la suite|l['’]article|cet article)"),
    ("de", "bonn", "für Abonnent",
     r"(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?für abonnent(?:en|innen)"),
    ("de", "bonn", "bonnieren und weiterlesen", r"(?:jetzt )?abonnieren und weiterlesen"),
    ("es", "uscr", "para suscriptores",
     r"(?:(?:este|el) (?:artículo|contenido) es|contenido) (?:solo |sólo )?(?:exclusivo )?"
     r"para suscriptores"),
    ("es", "uscr", "para seguir leyendo", r"suscríbete para seguir leyendo"),
    ("it", "bbonat", "agli abbonati",
     r"(?:questo articolo è|l['’]articolo è|contenuto) riservato agli abbonati"),
    ("it", "bbonat", "per continuare a leggere", r"abbonati per continuare a leggere"),
    ("pt", "ssinant", "para assinantes",
     r"(?:(?:este|o) (?:artigo|conteúdo|texto) é|conteúdo) exclusivo para assinantes"),
    ("pl", "renumer", "dla prenumerator",
     r"(?:ten )?(?:artykuł|materiał|tekst) (?:jest )?dostępny (?:tylko|wyłącznie) "
     r"dla prenumeratorów"),
    ("pl", "ubskryb", "dla subskrybent",
     r"(?:ten )?(?:artykuł|materiał|tekst) (?:jest )?dostępny (?:tylko|wyłącznie) "
     r"dla subskrybentów"),
)  # fmt: skip
# A guide's "Was this article helpful?" in German, French, Spanish, Italian, Portuguese,
# Polish, Dutch, Russian and Bulgarian (``_LINE_RULES``; the English forms are its own
# rule), and the words of the buttons printed after it.
_HELPFUL_ELSEWHERE = "|".join(
    (
        r"(?:war|ist) (?:dieser|der) (?:artikel|beitrag|text) hilfreich",
        r"(?:war|ist) (?:diese|die) (?:seite|information|antwort) hilfreich",
        r"fanden sie (?:diesen|den) (?:artikel|beitrag) hilfreich",
        r"(?:cet article|ce contenu|cette page) vous (?:a-t-(?:il|elle) été|est-(?:il|elle)) "
        r"(?:utile|d['’]une aide)",
        r"(?:cet article|cette page) (?:vous )?a-t-(?:il|elle) été utile",
        r"¿(?:(?:te|le|os|les) (?:ha|han) (?:resultado|sido)|(?:te|le) (?:resultó|pareció|fue)) "
        r"útil(?: (?:este|esta|el|la) (?:artículo|página|contenido|información))?",
        r"¿(?:fue|es|ha sido) útil (?:este|esta|la|el) (?:artículo|página|contenido|información)",
        r"(?:questo articolo|questa pagina|questo contenuto) (?:ti|vi) è stat[oa] utile",
        r"(?:ti|vi) è stat[oa] utile (?:questo articolo|questa pagina)",
        r"(?:este|esse) (?:artigo|conteúdo|texto) (?:foi|lhe foi|te foi) útil"
        r"(?: para (?:você|ti))?",
        r"(?:esta|essa) (?:página|informação) (?:foi|lhe foi|te foi) útil",
        r"(?:você )?achou (?:este|esse) (?:artigo|conteúdo) útil",
        r"czy (?:ten artykuł|ta strona|ten tekst|ta informacja) (?:był[ao]?|jest) "
        r"(?:pomocn[ya]|przydatn[ya])",
        r"(?:was|is) (?:dit artikel|deze pagina|dit bericht|deze informatie) "
        r"(?:nuttig|behulpzaam)",
        r"(?:vond|vind) (?:je|u) (?:dit artikel|deze pagina) (?:nuttig|behulpzaam)",
        r"(?:была ли|была|оказалась ли) (?:эта )?(?:статья|страница|информация) (?:вам )?"
        r"полезн(?:ой|а)",
        r"(?:эта )?(?:статья|страница|информация) (?:была|оказалась) (?:вам )?полезн(?:ой|а)",
        r"(?:беше ли|полезна ли (?:ви )?беше|полезна ли е) (?:ви )?(?:полезна )?"
        r"(?:тази|статията|информацията)(?: (?:статия|информация|страница))?",
        r"(?:тази )?(?:статия|информация|страница)(?:та)? (?:полезна ли (?:ви )?беше|беше ли "
        r"(?:ви )?полезна)",
    )
)
_YES_NO = r"ja|nein|oui|non|sí|si|no|sim|não|tak|nie|nee|да|нет|не|yes"
_LINE_RULES = (
    COOKIE_NOTICE,
    # A picture's credit, a TV frame's ("Кадър: БНТ", "Кадри: БНТ") or the photographer's,
    # and the note that the picture only illustrates the text ("Снимката е илюстративна").
    r"^(?:Снимк[аи]|Фото|Photos?|Фотограф|Кадър|Кадри|Източник на снимк(?:ата|ите))\s*:",
    r"^Снимк(?:ата|ите) (?:е|са) илюстративн[аи]\.?$",
    rf"^{SEE_ALSO}\b",
    rf"^{_MORE_PHRASES}",  # a "read more" line alone (after a bar: ``_MORE_LINE``)
    r"^Банер\s*[-–]",
    _COPYRIGHT_SIGN,
    # The same buttons and labels as a line of their own among the paragraphs, where an
    # old template prints them between its text's blocks.
    r"^(?:Сподели(?:те)?|Share)(?: (?:в|във|на|чрез|on|via) [\w.]+)?\s*:?$",
    # A print version's footer giving the article's address ("Адрес на статията:
    # https://…", "Линк към новината: https://…"): where the page is, not what it says.
    r"^(?:Адрес|Линк|Връзка|URL) (?:на|към) (?:статията|новината|материала|публикацията)"
    r"\s*:\s*https?://\S+$",
    # The label over a notice's attachments, left alone when their links went as a list
    # ("Прикачени файлове:" over "Проект на бюджет 2027.pdf (1.4 MB)", "Приложения:",
    # "Attachments:").
    r"^(?:(?:Прикачени|Приложени|Свързани) (?:файлове|документи)|Приложения|Attachments)"
    r"\s*:?$",
    r"^(?:Файлове|Документи) за (?:изтегляне|сваляне)\s*:?$",
    r"^(?:(?:Фото|Видео )?[Гг]алерия|Снимки)$",
    # A page's buttons for the article as a line of their own, alone or in a row ("Версия
    # за печат", "Принтирай | Изпрати на приятел", "Свали като PDF"): the page's tools.
    rf"^(?:{_TOOL_BUTTONS})(?:\s*[|•·/]?\s*(?:{_TOOL_BUTTONS}))*$",
    # The way back to the list the article was opened from ("« Назад", "Обратно към
    # новините"), and what a comment box with none says ("Няма коментари"), or a box
    # for rating the article ("Оцени статията: 1 2 3 4 5", "Рейтинг: 4.5/5 (12 гласа)").
    r"^(?:[«‹<←]+\s*)?(?:Назад|Обратно|Върни се(?: назад)?)"
    r"(?: (?:към|в) (?:всички )?(?:новини(?:те)?|списъка|началото))?(?:\s*[»›>→]+)?$",
    rf"^Няма (?:{_COMMENT}и|мнения)(?: (?:към|за) (?:тази|това|статията|новината)"
    r"(?: (?:новина|статия|публикация))?)?\s*[.!]?$",
    r"^(?:Оцен(?:и|ете) (?:статията|новината|материала|публикацията)|Рейтинг|Оценка)\s*:?"
    r"[\d\s./(),]*(?:гласа?|оценки|votes?)?\)?$",
    # A call to subscribe or to share, a line of its own ("Абонирайте се за нашия
    # бюлетин!", "Споделете тази новина с приятелите си!"): the site's, no story's. A
    # call to share written as a sentence, a full stop closing it, is the text's (a
    # notice asking its readers to pass it on).
    r"^(?:Абонирайте се|Запишете се|Subscribe)(?: (?:за|в|към|to))? (?:нашия |нашата |our )?"
    r"(?:бюлетин|newsletter|e-?mail бюлетин)",
    r"^Сподел(?:и|ете) (?:тази (?:новина|статия|публикация)|статията|новината)"
    r"[^.!?]{0,60}!?$",
    rf"^(?:{_COMMENT}и|{_COMMENTS_ELSEWHERE})\s*(?:\(\d+\)|:\s*\d+)?$",  # the comments box heading
    r"^/[A-ZА-Я]{1,4}(?:\s*/\s*[A-ZА-Я]{1,4})*\s*/$",  # BTA editors' sign-off: /ИК/, /МО/МО/
    rf"^{_COMMENT}ите са на публикуващите ги",
    rf"^(?:{COMMENTS_CLOSED})",
    r"^(?:Пропускане до съдържанието|Към съдържанието)",
    r"^(?:×|x|✕)$",
    # A cookie notice's buttons, left when its sentence went by the rule above.
    r"^(?:Приемане|Приемам|Приеми(?: всички)?|Съгласен съм|Разбрах)"
    r"(?:\s+(?:Повече информация|Научете повече|Настройки|Откажи|Отказ))*$",
    # An ad slot's label, alone or between dashes as themes print it over the slot
    # (tagDiv's "- Реклама -", "- Advertisement -"). As a paid article's first or last line,
    # "Sponsored" or "Платена публикация" is its disclosure and stays (``disclosure``,
    # read in ``pipeline``).
    # The label in the other languages a page here may be written in: French, Spanish,
    # Italian, German's two words, Polish and Czech "Reklama".
    r"^(?:[-–—]\s*)?(?:Advertisement|Advert|Sponsored|Реклама|Банер|Banner|Платена публикация"
    r"|Publicité|Publicidad|Pubblicità|Anzeige|Werbung|Reklama)(?:\s*[-–—])?$",
    # The note an ad slot leaves between two paragraphs of the text, telling the reader
    # the text goes on past it ("Продължава след рекламата", "Статията продължава под
    # рекламата", "Story continues below advertisement"): the page's, not the story's.
    r"^(?:[-–—]\s*)?(?:(?:Статията|Текстът|Материалът|Новината)\s+)?продължава\s+(?:след|под)\s+"
    r"(?:рекламата|рекламния блок)\s*(?:\.{1,3}|…)?(?:\s*[-–—])?$",
    r"^(?:Story|Article) continues (?:below|after) (?:this |the )?(?:advertisement|ad)$",
    # A paywall's offer in place of the rest of the text, and its sign-in line ("Continue
    # reading your article with a … membership", "Already a subscriber? Sign in"), and a
    # newsroom's standing call for tips closing every story ("Do you have a story to
    # share? Email us at …"): the site's, not the story's.
    r"^Continue reading (?:your article |this article |the (?:full |rest of the )?"
    r"(?:article|story) )?(?:with|by (?:becoming|subscribing)) .{0,60}"
    r"(?:subscription|membership|subscriber|member)\b",
    r"^Already (?:a (?:subscriber|member)|have an account|registered)\s*\?",
    # The same in the other languages: the paid article's notice, a line of its own
    # (``OFFERS_ELSEWHERE``: "Cet article est réservé aux abonnés. Il vous reste 75% à
    # découvrir."), its sign-in line ("Déjà abonné ? Connectez-vous", "Bereits
    # Abonnent?", "¿Ya eres suscriptor?", "Sei già abbonato?", "Já é assinante?"), and
    # a pitch to read on with the paper's paid tier ("Jetzt weiterlesen mit Nordbote+",
    # "Vous avez envie de lire la suite ? Débloquez tous les articles").
    rf"^(?:{'|'.join(phrase for *_, phrase in OFFERS_ELSEWHERE)})\b[^!?]{{0,120}}$",
    r"^(?:Déjà (?:abonnée?|inscrite?)|(?:Sie sind )?(?:bereits|schon) (?:Abonnent(?:in)?|abonniert)"
    r"|¿Ya (?:eres|es) (?:suscriptora?|abonad[oa])|(?:Sei|È) già abbonat[oa]|"
    r"(?:Você )?já é (?:assinante|cadastrad[oa])|"
    r"(?:Masz|Posiadasz) już (?:subskrypcję|prenumeratę)|"
    r"Jesteś już (?:subskrybentem|prenumeratorem))\s*\?",
    r"^(?:Jetzt )?(?:weiterlesen|weiter lesen|alles lesen) mit [^\s.!?]{1,30}"
    r"(?: ?\+| Plus| Digital)$",
    r"^(?:Vous (?:avez envie de|voulez) lire la suite|Envie de lire la suite)\s*\?",
    r"^Débloquez (?:tous les articles|cet article|la suite|l['’]article)\b[^!?]{0,60}$",
    # The pitch's price for a trial ("Alle Artikel, 4 Wochen für 0,99 €", "1 mois pour 1 €"):
    # a price for a span of reading, the whole line, no story's sentence.
    r"^(?:(?:Alle Artikel|Tous les articles|Todos los artículos|Tutti gli articoli|Todos os "
    r"artigos|All articles)\s*[,:–-]\s*)?[0-9]{1,2} (?:Wochen|Monate?|semaines|mois|semanas|"
    r"mes(?:es)?|settimane|mes[ei]|weeks?|months?) (?:für|pour|por|per|a|for) "
    r"(?:nur |seulement |solo )?\d{1,3}(?:[.,]\d\d)? ?(?:€|euros?|£)\.?$",
    r"^(?:Do you have|Have you got|Got) a (?:story|news tip|tip)\b[^.?!]{0,60}\?",
    # The closing lines a wire's or a station's copy carries on every partner site: the
    # AP's funding note ("The Associated Press receives support from … The AP is solely
    # responsible for all content."), a TV group's pointer to its station ("For the latest
    # news, weather, sports, and streaming video, head to …"). (Not the rule of
    # underscores the AP sets before them: AEB's truths keep it.)
    r"^The (?:Associated Press|AP) receives (?:financial )?support from\b",
    r"^The AP is solely responsible for all content\.?$",
    r"^For the latest news, weather(?:,| and) sports\b",
    # An Instagram post's embed as the page prints it before its script runs: its chrome
    # around the quoted post ("View this post on Instagram", "A post shared by Name
    # (@name)"), the post's own words kept (``_EMBED_ATTR``).
    r"^View this post on Instagram$",
    r"^A post shared by [^(]{1,80}\(@[\w.]+\)",
    # How long the post reads, a line of its own over the text, with the day run on
    # (Medium's "5 min read · Oct 3, 2025", read "5 min readOct 3, 2025").
    rf"^(?:{READING_TIME})(?:\s*[·•|]?\s*[^.!?\d]{{0,12}}\d[^!?]{{0,20}})?$",
    # Widgets and teasers of Bulgarian news CMSs (seen in the seed pages' text).
    r"^Зареждане\s*(?:\.{2,}|…|!)",
    rf"^Все още няма {_COMMENT}и",
    rf"^Изпрати (?:новина|сигнал|{_COMMENT})$",
    # A comment form's notice to readers not signed in, and its fields' labels left as
    # lines of their own ("Име:", "Коментар:", WordPress's "You must be logged in to post a
    # comment."): the form's words, no article's.
    r"^(?:Трябва да сте (?:влезли|влязли|регистриран)|Трябва да влезете,? за да"
    r"|Моля,? влезте,? за да коментирате"
    r"|You must be (?:logged|signed) in to (?:post a )?comment)",
    r"^(?:Име|Имейл|Е-?мейл|E-?mail|Коментар|Уебсайт|Сайт|Name|Email|Comment|Website)"
    r"\s*\*?\s*:\s*\*?$",
    r"^Към \d{1,2}:\d\d на \d{1,2}\.\d{1,2}\.\d{4}",  # "Към 03:24 на 22.11.2024 Новините..."
    # A Facebook post's embed as the page prints it before the script replaces it: the
    # post's own words, then who posted it and when, a line of its own ("Публикувано от
    # Община Примерово в Сряда, 2 декември 2026 г.", "… на Неделя, 30 ноември 2026 г.",
    # "Posted by … on Wednesday, …"), and as the embed is written in the other languages
    # ("Gepostet von … am Sonntag, 30. November 2026", "Publicado por … en Domingo, …").
    rf"^(?:Публикувано от|Posted by) [^.!?]{{1,80}} (?:в|на|on) (?:{WEEKDAY_BETWEEN_ALT}),? "
    r"[^.!?]{1,40}\d{4}(?: г\.)?$",
    r"^(?:Gepostet von|Publiée? par|Publicado por|Pubblicato da) [^.!?]{1,80} "
    rf"(?:am|sur|le|en|em|su|il) (?:{WEEKDAY_ALT}),? [^!?]{{1,40}}\d{{4}}$",
    # (Not a tweet's embed's closing line, "— Rovers FC (@rovers) December 6, 2026": the
    # AEB dev pages' truths keep it with the tweet, 17 lines on 9 pages.)
    # A related list's heading left as a line of its own: kinds ``RELATED_HEADINGS`` reads
    # too (tests/test_line_gates.py holds each such line to it).
    rf"^{_LIST_HEADING}\s*:?$",
    r"^(?:Предишна|Следваща) (?:новина|статия|публикация)\b",
    # An old site's note on the browser it was made for ("Оптимизирано за Internet
    # Explorer 6.0 и резолюция 1024x768", "Best viewed with …"): the footer's, no text's.
    r"^(?:(?:Сайтът е )?оптимизиран[ао]? за|Най-добре се вижда (?:с|на|при)|"
    r"Best viewed (?:with|in|at))\b",
    r"^Материалът .{0,200} е публикуван за пръв път",
    # A page's counter under its text ("Брой прегледи: 231", Joomla's "Посещения: 1204",
    # "Видяна 87 пъти", "Прочетена: 1 път"): a number, never a sentence of the article.
    rf"^(?:Брой )?(?:{READ_COUNT_WORDS})\s*:?\s*"
    r"\d[\d\s.,]*$",
    r"^(?:Видян[ао]?|Прегледан[ао]?|Прочетен[ао]?|Четен[ао]?):? \d[\d\s.,]*(?: пъти?)?\.?$",
    # A gallery's counter under its picture ("Снимка 3 от 12", "Снимка 3/12") and a
    # reading tool's label ("Размер на шрифта", with its buttons "A+ A-"): the page's
    # controls, printed where the text's blocks are.
    r"^(?:Снимка|Фото|Изображение) \d{1,3}\s*(?:от|/)\s*\d{1,3}$",
    r"^Размер на (?:шрифта|текста)\s*:?(?:\s*[AaАа][+-]?)*$",
    # A post's tag or category line ("Етикети: Русе, училища", "Категория: Новини",
    # WordPress's "Posted in" as "Публикувано в: Новини"), a label and a few names: what the
    # post is filed under, never its text (a sentence ends in a full stop). A category is a
    # name of a word or three, set apart by commas: an article's own line under that label
    # says more ("Категория: жени над 35 години – първо място за Мария Петрова").
    rf"^(?:{'|'.join(TAG_LABELS)})\s*:\s*[^.!?]{{1,120}}$",
    rf"^(?:{CATEGORY_LABELS})\s*:\s*{_CATEGORY}(?:\s*[,/|]\s*{_CATEGORY})*$",
    # A call to follow the site elsewhere set among the paragraphs ("Последвайте ни в Google
    # News и Telegram", "Следвайте ни във Facebook", "Следете ни във Facebook!", "Харесайте
    # страницата ни във Фейсбук", "Follow us on Facebook", an address after them,
    # "…Фейсбук: facebook.com/x"): a line of its own, no sentence of the story (one that
    # goes on past its channels' names, a full stop and more, stays).
    r"^(?:(?:По)?следвай(?:те)?|Следете|Харесайте) (?:ни|страницата ни) (?:и )?(?:в|във|на)"
    r"\s(?:[^.!?]|\.(?=\w)){1,80}[.!]?$",
    r"^(?:Follow|Like) us (?:on|at)\s(?:[^.!?]|\.(?=\w)){1,80}[.!]?$",
    # The same call in the other languages, or to subscribe to the site's channel ("Читайте
    # РБКК в Telegram", "Подписывайтесь на наш канал в Дзене", "Folgen Sie uns auf
    # Instagram", "Suivez-nous sur X", "Síguenos en Facebook", "Seguici su WhatsApp",
    # "Абонирайте се за канала ни в Telegram"): only a line that names the network or the
    # messenger (``_CHANNELS``), as these verbs open the text's own sentences too.
    rf"^(?:{_CHANNEL_CALLS})\b(?:[^.!?]|\.(?=\w)){{0,80}}?\b(?:{_CHANNELS})\b"
    r"(?:[^.!?]|\.(?=\w)){0,40}[.!]?$",
    # A press release's closing "За контакти: Пресцентър на Община …, тел. …": the press
    # office's address, the same under every release, which the reader of the story does
    # not look for (a contact the story itself gives, "За контакти: Иван Петров, тел. …"
    # in a notice, names no press office and stays).
    rf"^(?:{_CONTACT_LABELS})\s*:\s*(?:{_PRESS_OFFICES})",
    # A press release's kind printed as its first line, "ПРЕССЪОБЩЕНИЕ" ("Съобщение за
    # медиите"): the genre's label over the text, the words of no story. A prosecutor's
    # office, a court or a ministry numbers its releases in a register, "Прессъобщение №
    # 212/2026": the label and its number, still no story's words.
    r"^(?:Прессъобщение|Прес[- ]съобщение|Съобщение за медиите|Press release)"
    r"(?:\s*(?:№|No\.?)\s*\d{1,5}(?:\s*/\s*\d{2,4})?)?$",
    # A table of contents' label: its links, the article's own headings again, are dropped
    # as a link list, and the label alone was left over the lead.
    rf"^(?:{TOC_LABELS})\s*:?\s*(?:\[?(?:hide|show|toggle)\]?)?$",
    # A health or finance guide's trust furniture, each a line of its own under a class
    # name no furniture rule knows: who vetted the text ("Medically reviewed by Owen Pike,
    # PsyD", "Fact checked by Leah Tran", "Reviewed by Greta Lund, CFP", or the label
    # alone over the name), when ("Last reviewed on 02/11/2026"), where its policy is
    # ("Learn more about our editorial process."), the prompt for the reader's verdict
    # ("Was this page helpful?", "Did this article help you?") and the page's counter
    # ("This article has been viewed 812,004 times."): the site's, the same on every
    # guide. A sentence about the reviewer ("… is a licensed agent") or one ending a
    # story's clause in a full stop ("Reviewed by the council, the plan goes to a vote.")
    # is the text's.
    rf"^{VETTED_BY}\b"
    r"(?![^!?]*\b(?:is|was|has|who|and the)\b)[^!?]{0,80}(?<![a-z]{4}\.)$",
    r"^(?:medically reviewed\.\s*)?(?:page )?last (?:medically )?(?:reviewed|fact[- ]checked)"
    r"(?: on| in)?\s*:?\s*[\w ,./-]{0,30}\d{4}\.?$",
    r"^(?:Learn|Read) more about (?:the [^.!?]{1,40} and )?(?:our|the) (?:editorial|review) "
    r"(?:process|policy|policies|standards|guidelines)\.?$",
    r"^(?:was|is|did) (?:this|the) (?:(?:page|article|post|guide|answer|information|content|"
    r"review|tool) )?(?:helpful|useful|help(?:ful)?(?: to)? you)\s*\??$",
    r"^(?:did you find (?:this|the) (?:page|article|post|guide|information) (?:helpful|useful)|"
    r"how (?:helpful|useful) was (?:this|the) (?:page|article|post|guide))\s*\??$",
    # The same prompt in the other languages a page here may be written in ("War dieser
    # Artikel hilfreich? 👍 👎", "Cet article vous a-t-il été utile ?", "¿Te ha resultado
    # útil este artículo?", "Беше ли полезна тази статия?"), with its buttons' words or
    # signs after it ("Ja Nein", "Oui Non"): the site's, the same under every article.
    rf"^(?:{_HELPFUL_ELSEWHERE})\s*\??(?:\s*(?:{_YES_NO}|[^\w\s]))*$",
    r"^(?:This (?:article|page|post|guide) )?(?:has been )?viewed \d[\d,.]* times\.?$",
    # A form's consent line under its button ("By submitting this form you agree to
    # receive communications from …"): the form's fine print, no article's.
    r"^By (?:submitting|completing|signing up|subscribing|registering|clicking)\b[^.!?]{0,60}"
    r"\byou (?:agree|consent|acknowledge|accept)\b[^!?]{0,200}$",
    # A preprint server's submission history under the abstract ("Submission history",
    # "From: Name [view email]", "[v1] Fri, 11 Sep 2026 17:42:09 UTC (2,811 KB)"): the
    # server's record of the files, no line of the paper's.
    r"^Submission history$",
    r"^From: [^\[\]]{1,80}\[view email\]$",
    r"^\[v\d{1,2}\] [^\[\]]{1,60}\(\d[\d,.]*\s*[KMG]B\)$",
)
# A short caption that ends in a photo credit ("Кметът при откриването. Снимка: БТА"). Kept
# out of the alternation above: a leading ".{0,160}" there cost more than all other rules.
_CAPTION_WORD = re.compile(r"\b(?:Снимка|Снимки|Фото)\s*$", re.IGNORECASE)
_CAPTION_MAX = 230
# The labels naming one person for the text and its pictures ("Текст и снимки:", "Фото и
# текст:"): a writer's byline (``bylines`` reads them among its labels), never a caption's
# credit, though a picture's word closes some of them. Alone on its line ("Текст и
# снимки:" over the name) the label is kept for the byline rules to read with the name:
# dropped as a caption's credit, it left the name alone on the text's last line. (With
# the name, the line goes as a credit would, the name read by the author rules.) "Автор и
# фотограф:", "Автор и снимки:" say the same of the writer.
WRITER_AND_PICTURES = (
    r"текст и снимк[аи]|снимк[аи] и текст|текст и фото|фото и текст"
    r"|автор и (?:фотограф|снимк[аи]|фото)"
)
_WRITER_AND_PICTURES_ALONE = re.compile(rf"\s*(?:{WRITER_AND_PICTURES})\s*:\s*", re.IGNORECASE)


def _ends_in_photo_credit(line: str) -> bool:
    """ "… Снимка: Name" at the end of a short line; string scans first, regex last."""
    colon = line.rfind(":")
    if colon < 0 or len(line) > _CAPTION_MAX or len(line) - colon > 62:
        return False
    credit = line[colon + 1 :]
    if "." in credit or "!" in credit or "?" in credit:
        return False
    return bool(_CAPTION_WORD.search(line, max(0, colon - 12), colon)) and not (
        _WRITER_AND_PICTURES_ALONE.fullmatch(line)
    )


# A caption's credit as the foreign pages print it, closing the caption's line: in
# brackets after a picture's word ("… in Hanoi. (AP Photo/Hau Dinh)", "(Image: GETTY )",
# "(Credit: Getty Images)", "(Снимка: БТА)"; a slash only after a photo's word, not
# "(credit/debit cards)"), or a picture agency's name run into the caption's last
# sentence or set off by a bar or a slash ("… New York.Reuters", "… oppose it. Jaafar
# Ashtiyeh / AFP", "Natalie Naccache | Bloomberg | Getty Images"). Where a
# class names the box "caption" it is furniture already; with the names hashed (a site
# whose build hashes them, README), the credit is what still tells a caption from the
# text. Not the Bulgarian agencies' "/БТА/" or "(БТА)": a news text signs with them.
_CAPTION_MAX_LATIN = 400
_BRACKETED_CREDIT = re.compile(
    r"\((?:[^()]{0,20}\s)?(?:(?:photos?|foto)\s*/|(?:photos?|images?|pictures?|credits?|"
    r"photograph|foto|снимк[аи]|фото)(?:\s*:|\s+by\s))[^()]{1,70}\)$",
    re.IGNORECASE,
)
_PICTURE_AGENCIES = ("Getty Images", "Getty", "Reuters", "AFP", "Shutterstock", "iStock", "EPA")
_AGENCY_CREDIT = re.compile(
    r"(?:[.!?]\s*(?:\w[\w'’.-]*(?:\s+\w[\w'’.-]*){0,3}\s*/\s*)?|\S\s*[|/]\s*|^)"
    rf"(?:{'|'.join(_PICTURE_AGENCIES)})$"
)


def ends_in_picture_credit(line: str) -> bool:
    """A short line closing with a picture's credit (``_BRACKETED_CREDIT``,
    ``_AGENCY_CREDIT``): a caption, or a credit alone on its line. String tests first:
    asked of every paragraph, and almost none ends in ")" or an agency's name."""
    if len(line) > _CAPTION_MAX_LATIN:
        return False
    line = line.rstrip()
    if line.endswith(")"):
        return _BRACKETED_CREDIT.search(line) is not None
    return line.endswith(_PICTURE_AGENCIES) and _AGENCY_CREDIT.search(line) is not None


# A gallery's controls as text: its counter in English ("Image 1 of 8", "Image 1 of / 8";
# the Bulgarian "Снимка 3 от 12" is a line rule's above) or its first picture's bare "1
# of 6" (not "5/5" or "4 / 5": a review's scores, its text), and a caption cut short for
# its "… more" toggle or shown whole with its "less" one (a slideshow prints each caption
# twice, both ways). The words of no article, which says "more"
# after an ellipsis, or "less" after a sentence's end, only in a toggle's label.
_GALLERY_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide)\s+(\d{1,3})\s*(?:of|/)|(1)\s+of)\s*/?\s*(\d{1,3})$",
    re.IGNORECASE,
)
_CAPTION_TOGGLE = re.compile(r"(?:(?:\.\.\.|…)\s*more|[.!?)]\s+less)$")


def is_gallery_control(line: str) -> bool:
    """A gallery's counter or a toggled caption (``_GALLERY_COUNTER``, ``_CAPTION_TOGGLE``),
    the first number of a counter no more than the second. (Last-character tests first:
    asked of every paragraph.)"""
    last = line[-1:]
    if last.isdigit():
        counter = _GALLERY_COUNTER.match(line) if len(line) <= 20 else None
        return counter is not None and 0 < int(counter[1] or counter[2]) <= int(counter[3])
    return (last == "e" or last == "s") and _CAPTION_TOGGLE.search(line) is not None


# The characters a line one of ``_LINE_RULES`` takes can open with: each rule's first letters
# and signs, and those IGNORECASE takes for them ("ſ" for "s", "ᲃ" for "с", "İ" and "ı"
# for "i", the Kelvin sign for "k", "ς" and "ϖ" for "σ" and "π"). The engine tried all
# thirty rules at a paragraph's first character, each in turn; a paragraph opening
# otherwise (a digit, a quote, "G", "R", "Ж") is not tried.
# Written out, as finding them means trying every code point; tests/test_line_gates.py
# does so against each rule's first characters.
LINE_RULE_OPENERS = frozenset(
    "(-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXY[abcdefghijklmnopqrstuvwxy©ÈÉÍÚ×èéíúİıſΔΠΣδπςσϖ"
    "АБВГДЕЗИКЛМНОПРСТУФХЧЭабвгдезиклмнопрстуфхчэᲀᲁᲂᲃᲄᲅ–—\u212a✕<«‹←¿"
)


_GROUP_OPENING = "^(?:"


def _branches(rule: str) -> list[str]:
    """``rule`` as one rule per branch of the group it opens with ("^(?:A|B)C": "^(?:A)C"
    and "^(?:B)C"), which a line matches exactly when it matches ``rule``; a rule opening
    otherwise as it is. A vocabulary of many languages is one such group ("^(?:Тази
    …|diese …|ce site …)"): split, each branch joins only the groups of the characters
    it opens with (``_rules_by_opener``), where whole it was tried, every branch, on
    every line opening with any of them."""
    if not rule.startswith(_GROUP_OPENING):
        return [rule]
    depth, at, cuts, in_class = 0, len(_GROUP_OPENING), [], False
    while at < len(rule):
        char = rule[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            if not depth:
                break
            depth -= 1
        elif char == "|" and not depth:
            cuts.append(at)
        at += 1
    else:
        return [rule]  # (no group closes: not a rule to split)
    bounds = [len(_GROUP_OPENING) - 1, *cuts, at]
    tail = rule[at + 1 :]
    return [f"^(?:{rule[a + 1 : b]}){tail}" for a, b in zip(bounds, bounds[1:], strict=False)]


def _rules_by_opener(rules: tuple[str, ...]) -> dict[str, re.Pattern[str]]:
    """For each character in ``LINE_RULE_OPENERS``, the alternation of only those rules a
    line opening with it can match, in their order: a line opening with "T", "A" or "П"
    tried all thirty rules, and matches at most the one or three that open so. Safe: a
    rule's openers are read from its parse and widened as IGNORECASE widens them (tried
    on each opener, as ``LINE_RULE_OPENERS`` holds every such character); a rule whose
    openers the parse does not make plain goes into every group. As every rule is
    anchored ("^"), a line matches its group's alternation exactly when it matches one
    of the rules (tests/test_line_gates.py). One alternation per group: one regex call
    per paragraph, not one per rule. A rule opening with a group of branches is read as
    one rule per branch (``_branches``)."""
    groups: dict[str, list[str]] = {opener: [] for opener in LINE_RULE_OPENERS}
    for rule in (branch for whole in rules for branch in _branches(whole)):
        written = openers.first_characters(rule)
        if written is None:
            takes = LINE_RULE_OPENERS
        else:
            first = re.compile(f"[{re.escape(''.join(sorted(written)))}]", re.IGNORECASE)
            takes = frozenset(c for c in LINE_RULE_OPENERS if first.fullmatch(c))
        for opener in takes:
            groups[opener].append(rule)
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
    table: dict[str, re.Pattern[str]] = {}
    for opener, group in groups.items():
        key = tuple(group)
        if key not in compiled:
            alternation = "|".join(f"(?:{rule})" for rule in key) or "(?!)"
            compiled[key] = re.compile(alternation, re.IGNORECASE)
        table[opener] = compiled[key]
    return table


# Built once at import, read only: one shared pattern per set of rules.
_LINE_RULES_BY_OPENER = _rules_by_opener(_LINE_RULES)
# The cookie notice's opening alone, by a line's first character as well: asked of every
# block of prose (``content``), its dozen languages' openings were tried at each.
_COOKIE_NOTICE_BY_OPENER = _rules_by_opener((COOKIE_NOTICE,))

# Three more rules, each behind an exact string test of what any line it matches must
# hold: in the alternation above they were a third of its cost (a bar's labels, a key's
# letters and a "read more" line's leading ".{0,200}" are tried on every paragraph),
# and almost no paragraph passes their test.
# An untranslated i18n key ("site.bta", "news.modal.text", "common.readMore"): a dot, no
# space, and a lower-case letter opening it, as identifiers are written: a capital there
# is a name written as a headline writes it ("Dnes.bg", "Sofia.bg"). (Case is read only
# at the start, also where the pattern is joined into an ignore-case alternation.)
_I18N_KEY = re.compile(r"^(?-i:[a-z])[a-z0-9_]*(?:\.[a-z0-9_]+)+$", re.IGNORECASE)
# A share or print bar: its buttons' labels, or only the separators between icons whose
# links hold no text ("| ||||||" under a "24" network site's headline, "| | RSS").
_BAR_LINE = re.compile(rf"^{_BAR_GAP}(?:(?:{_BAR_LABELS}){_BAR_GAP})*$", re.IGNORECASE)
# The characters such a line can open with: a separator, any whitespace, or a letter
# IGNORECASE takes for a label's first ("ſ" for "s", "ᲃ" for "с"). Written out, as finding
# them means trying every code point; tests/test_line_gates.py does so against the rule.
BAR_OPENERS = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f EFLPRSTVXeflprstvx|\x85\xa0¦·ſПСпс\u1680ᲃ\u2000\u2001"
    "\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a•\u2028\u2029\u202f\u205f\u3000"
)
# A headline with the empty links of its share bar run into its line ("Заглавие |
# ||||||", as a "24" network site's text prints it): the title again, and the bar.
# Only a headline's length: a paragraph with icons after it is still the text.
_BARRED_HEADLINE = re.compile(r"^[^|]{1,150}\|(?:\s*\|){3,}$")  # (ends in "|": the gate)


_MORE_LINE = re.compile(rf"^(?:.{{0,200}}\|\s*)?{_MORE_PHRASES}", re.IGNORECASE)


# Those of the headings below that a plain box may say alone and still title a section of
# other news or of comments (a toolchain drawing every heading as a ``<div>``): not "Read
# more" (an expander's label mid-article) nor a bare "Related" (an inline box of one link).
BOX_RELATED_HEADINGS = (
    rf"още (?:новини|от новините)|свързани(?: {_LIST_NOUNS})?|"
    # (readers' opinions counted or named so: "Мнения (5)", "12 мнения", "Мнения на
    # читателите"; "Мнения" alone is as often the opinion columns' section)
    rf"(?:\d+ )?{_COMMENT}(?:ите|и|а)\b|\d+ мнения\b|мнения(?=\s*\(\d+\))|"
    r"мнения на читателите\b|comments?\b|"
    r"you (?:may|might) (?:also )?like\b|"
    rf"(?:\d+ )?(?:{_COMMENTS_ELSEWHERE})\b|\d+ (?:{_COMMENT_ELSEWHERE})\b|"
    # German, French, Spanish, Italian, Portuguese, Romanian, Turkish, Polish, Greek,
    # Serbian and Macedonian: related articles, and "you may also like"
    r"(?:ähnliche|verwandte) (?:artikel|beiträge|nachrichten|meldungen|themen)|"
    r"(?:das|dies) könnte (?:sie|dich) auch interessieren|auch interessant|"
    r"articles? (?:similaires|liés|connexes|associés)|sur le même (?:sujet|thème)|"
    r"dans la même rubrique|vous (?:aimerez|pourriez) (?:peut-être |aussi |également )*aimer|"
    r"vous aimerez (?:peut-être )?(?:aussi|également)|"
    r"(?:artículos|noticias|entradas|publicaciones|notas) relacionad[oa]s|"
    r"(?:también )?(?:te|le) (?:puede|podría) interesar|"
    r"(?:articoli|notizie|post) correlat[ie]|(?:ti )?potrebbe(?:ro)? interessar(?:ti|e)|"
    r"(?:artigos|notícias|posts|matérias|publicações) relacionad[oa]s|"
    r"(?:você )?(?:também )?pode(?:rá)? gostar|"
    r"articole (?:similare|asem[ăa]n[ăa]toare|conexe)|[șşs]tiri similare|"
    r"[țţt]i-ar putea pl[ăa]cea|(?:s-)?ar putea s[ăa] (?:te|v[ăa]) intereseze|"
    r"(?:ilgili|benzer) (?:haberler|haber|içerikler|yazılar)|(?:bunlar da )?ilginizi çekebilir|"
    r"(?:powiązane|podobne) (?:artykuły|wpisy)|może (?:cię|ci|was) (?:też |także |również )?"
    r"zainteresować|σχετικ[άα] [άα]ρθρα|σχετικ[έε]ς ειδ[ήη]σεις|"
    r"повезане вести|поврзани вести|сличне вести|povezane vesti|slične vesti|"
    # Dutch, Czech, Slovak, Ukrainian, Chinese and Japanese
    r"gerelateerde (?:artikelen|berichten|nieuwsberichten)|gerelateerd nieuws|"
    r"související (?:články|zprávy)|súvisiace (?:články|správy)|"
    r"(?:схожі|пов['’]язані) (?:новини|статті|матеріали)|"
    r"相关(?:新闻|文章|报道)|相關(?:新聞|文章|報導)|関連(?:記事|ニュース)"
)
# The same headings in the other languages a page here may be written in: the copies
# Bulgarian sites keep of their news (Romanian, Turkish, Greek, German, French; README,
# round 92) and the pages of "any similar site" (German and French above all, Spanish,
# Italian, Portuguese, Polish, Serbian and Macedonian; and Dutch, Czech, Slovak, Ukrainian,
# Chinese and Japanese): most read, more and latest news, the comment form's call, the
# writer's box, see also. (Those a plain box may say alone are above, the "read more"
# line's in ``_MORE_PHRASES``.) A heading only, and only standing alone
# (``STANDS_AS_RELATED``): "Weitere Informationen" or
# "Más información" heads a section of the text, so "weitere"/"más" only before news.
# Their "see also" ("Lesen Sie auch", "Siehe auch", "À lire aussi", "Voir aussi", "Lee
# también", "Leggi anche", "Leia também", "Citește și", "Czytaj też", "Zobacz także",
# "Διαβάστε επίσης", "Прочитајте још", "Lees ook", "Čtěte také", "Čítajte aj", "Читайте
# також", 相关阅读, 延伸阅读): over a box of links, not as a line of its own
# as ``SEE_ALSO`` is: an Italian page of AEB prints "Leggi anche" over a link the text
# keeps, and its truth keeps both. (Alone over links that go, the label goes with them:
# ``content``.)
_SEE_ALSO_ELSEWHERE = (
    r"(?:lesen sie|siehe) auch|(?:[àa] )?lire (?:aussi|également)|voir aussi|"
    r"(?:lee|lea|ver) también|(?:leggi|vedi) anche|(?:leia|veja) também|"
    r"(?:cite[șşs]te|vezi) [șşs]i|(?:(?:prze)?czytaj|zobacz) (?:też|także|również)|"
    r"(?:διαβ[άα]στε|δε[ίι]τε) επ[ίι]σης|(?:прочитајте|погледајте) још|"
    r"(?:pročitajte|pogledajte) još|(?:lees|zie|bekijk) ook|"
    r"(?:čtěte|přečtěte si) (?:také|též)|(?:čítajte|prečítajte si) (?:aj|tiež)|"
    r"читайте (?:також|теж)|також читайте|相关阅读|延伸阅读|相關閱讀|延伸閱讀|"
    r"あわせて読みたい"
)
_RELATED_ELSEWHERE = (
    _SEE_ALSO_ELSEWHERE + r"|(?:die )?meist(?:gelesen|kommentiert|geteilt)\w*|am meisten gelesen|"
    r"weitere (?:artikel|beiträge|nachrichten|meldungen|themen)|"
    r"mehr (?:zum thema|aus|von|nachrichten|artikel)\b|neueste (?:artikel|beiträge|nachrichten)|"
    r"(?:einen )?kommentar (?:schreiben|verfassen|hinterlassen)|"
    r"(?:schreiben sie|hinterlasse|hinterlassen sie) einen kommentar|"
    r"über (?:den autor|die autorin)|"
    r"les (?:articles )?plus (?:lus|populaires|partagés|commentés)|"
    r"(?:nos )?derni(?:ers|ères) (?:articles|actualités|infos|nouvelles)|"
    r"(?:plus d['’]|d['’]autres |autres )articles|à propos de l['’]auteur|"
    r"(?:laisser|ajouter|écrire|laissez|ajoutez) un commentaire|"
    r"lo más (?:leído|visto|popular|compartido|comentado)|"
    r"(?:l[ao]s )?más (?:leíd|vist|comentad)[oa]s|(?:más|otras|últimas) noticias|más artículos|"
    r"(?:deja|dejar|añadir|escribe) (?:un|tu) comentario|"
    r"(?:sobre|acerca del?) (?:el )?autor\b|"
    r"(?:i |le )?più (?:lett[ie]|popolari|commentat[ie]|condivis[ie])|(?:altre|ultime) notizie|"
    r"altri articoli|(?:lascia|aggiungi|scrivi) un commento|(?:sull|l)['’]autore|"
    r"(?:[ao]s )?mais (?:lid|vist|comentad)[oa]s|(?:mais|outras|últimas) notícias|leia mais|"
    r"deix(?:e|a) (?:um|seu|o seu|a sua|sua) comentário|sobre o autor|"
    r"cele mai (?:citite|populare|comentate|vizualizate)|"
    r"(?:alte|ultimele) (?:[șşs]tiri|articole)|(?:las[ăa]|adaug[ăa]) un comentariu|despre autor|"
    r"(?:en )?çok (?:okunan|izlenen|yorumlanan)\w*|(?:diğer|son) haberler|"
    r"yorum (?:yap|yaz)\w*|yazar hakkında|"
    r"najczęściej (?:czytane|komentowane)|najpopularniejsze|polecane(?: artykuły)?|polecamy|"
    r"(?:inne|najnowsze) (?:artykuły|wiadomości)|więcej (?:artykułów|wiadomości)|"
    r"(?:dodaj|napisz) komentarz|o autorze|"
    r"(?:τα )?πιο (?:δημοφιλ[ήη]|διαβασμ[έε]να)|"
    r"најчитаније|најчитани|najčitanije|"
    r"lees meer|meer over dit onderwerp|meer (?:nieuws|artikelen)|"
    r"další (?:články|zprávy)|ďalšie (?:články|správy)"
)
# Headings that introduce a list of other articles, the comments, the form for one or the
# writer's box (English, Bulgarian, Russian, and ``_RELATED_ELSEWHERE``): the body extractor
# cuts the section after one, and the date and title rules never read inside one. One
# vocabulary for both, and for the boxes above.
RELATED_HEADINGS = (
    BOX_RELATED_HEADINGS + r"|most (?:read|popular|viewed|shared|commented)(?: in \w+)?|"
    r"related(?: \w+)?|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|more (?:from|stories|news|on|in|articles)\b|"
    r"read more|recommended|popular|trending|top stories|latest(?: news)?|see also|"
    r"also read|don.?t miss|what to read next|about the authors?(?:$|\s*:)|"
    r"най-(?:четени|коментирани|нови(?:те)?|популярни)|още (?:от|новини|по темата)|"
    rf"други {_LIST_NOUNS}|{_LIST_NOUNS} по темата|подобни(?: {_LIST_NOUNS})?\s*:?\s*$|"
    rf"последни(?: новини)?|{SEE_ALSO}|препоръч\w*|популярни|"
    r"в допълнение\s*:?\s*$|(?:\d+ )?мнения\s*(?:\(\d+\))?\s*$|вашето мнение|"
    rf"(?:добави|напиши|остави) (?:{_COMMENT}|мнение)|"
    r"(?:\d+ |top(?: rated)? |reader |readers.? |latest |recent |all )?comments?\b|"
    r"(?:\d+|one) (?:responses?|replies) to\b|(?:leave|add|post|write) a (?:reply|comment)|"
    r"discussion about this (?:post|article)|"
    r"самые (?:популярные|читаемые)|читайте также|похожие|отзывы|комментарии|" + _RELATED_ELSEWHERE
)

# A heading that starts with one of them (the body's section cut, the id-anchor rule).
STARTS_RELATED = re.compile(f"^(?:{RELATED_HEADINGS})", re.IGNORECASE)
# The most words a heading of one of them says after it and still stands alone, one
# measure for the body's cut below and for a box's heading (``furniture``).
RELATED_MORE_WORDS = r"(?:\s+\S+){0,2}"
# One of them standing alone as a heading, not a sentence or a section's title opening
# with its words ("Други статии от наредбата се отменят", "Последни промени в закона",
# "Препоръчваме на родителите да четат"): at most two words more ("Още от Русе",
# "Препоръчано за вас", "Related Posts for you"), or a clause saying what they may do
# for the reader ("Related articles that may interest you", "Свързани статии, които
# може да ви харесат"); a count ("Коментари (3)"), a colon (or a full-width one, "相关阅读："),
# or a quoted title ("3 responses to “Title”": the comments' heading names the post).
STANDS_AS_RELATED = re.compile(
    rf"^(?:{RELATED_HEADINGS})(?:{RELATED_MORE_WORDS}|,?\s+(?:that|which|които)\s+(?:may|might|"
    r"could|може да)(?:\s+\S+){1,3})\s*(?:\(\d+\))?\s*[:：]?\s*(?:[„“”\"«].*)?$",
    re.IGNORECASE,
)


# Where ``is_table_of_contents`` looks in a profile's body (``remove_junk``).
_TOC_SELECTOR = "[id], [class*='toc']"


def remove_junk(root: LexborHTMLParser | LexborNode) -> None:
    """Drop scripts, styles, form controls, hidden elements and plugins' tables of
    contents (``is_table_of_contents``). Used on a profile's body,
    where the selector already chose the article's element (its furniture goes with
    ``remove_boilerplate_elements``); the generic finder skips the same elements while
    walking instead."""
    for node in reversed(root.css(",".join(JUNK_TAGS))):
        node.decompose()
    for node in reversed(root.css(FORM_CAPTIONS)):
        node.decompose()
    for node in reversed(root.css(_HIDDEN)):
        if is_hidden_attrs(node.attributes):
            node.decompose()
    for node in reversed(root.css(_TOC_SELECTOR)):
        if is_table_of_contents(node.attributes):
            node.decompose()


_FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary dialog alert alertdialog search menu menubar "
    "toolbar".split()
)
_NEVER_MARKED = frozenset(("html", "body", "main", "article"))


_MARKER_CACHE: dict[str, bool] = {}
# A page's bottom named by the position alone: ``<div id="dolu">`` (Bulgarian "долу",
# below), "bottom", the box of a site's hours, address and phone. Only as the whole name:
# a word among others, the position names a part of anything, the article's box too
# ("content-bottom", "text-dolu"): "bottom" read as a furniture word changed 12 texts, 6
# dates and 4 bylines of the 892 dev pages (a review's paragraphs, a post's date lost);
# as a whole id or class (25 elements) it changed none.
_BOTTOM_NAMES = frozenset(("bottom", "dolu"))


def is_boilerplate_marker(marker: str) -> bool:
    """A class or id value naming furniture; memoised because themes repeat class strings."""
    known = _MARKER_CACHE.get(marker)
    if known is None:
        named = _builder_words(marker.lower())
        named = without_states(named)
        known = named.strip() in _BOTTOM_NAMES or bool(
            _names_boilerplate(named) and not _EMBED_ATTR.search(named)
        )
        if len(marker) <= MEMO_CHARS:
            if len(_MARKER_CACHE) > 20_000:
                _MARKER_CACHE.clear()
            _MARKER_CACHE[marker] = known
    return known


# Page builders call every box a widget (Elementor marks each paragraph's box
# "elementor-widget", SiteOrigin each block "so-panel widget" with a "panel-widget-style"
# wrapper): those structural names say nothing about the content.
_BUILDER = re.compile(r"^(?:elementor-widget|so-panel|panel-widget-style\S*)$", re.IGNORECASE)

# "elementor-widget-post-info", "elementor-widget-nav-menu", "so-widget-sow-editor": the
# widget's type says what it is; the prefix every widget carries does not (Elementor's
# own wrappers, "elementor-widget-wrap" and "-container", are left naming nothing).
_WIDGET_TYPE = re.compile(r"^(?:elementor-widget-|so-widget-|siteorigin-widget-)", re.IGNORECASE)
# Blogger lays out every part of a blog as a typed "widget": the sidebar's "widget Label"
# and "widget BlogArchive" are furniture, but "widget Blog" holds the posts themselves.
_BLOGGER_POSTS = "widget blog"
# Inside a SiteOrigin panel, the plain WordPress widget classes are the builder's too.
_PANEL_WIDGET = re.compile(r"^widget(?:$|_)", re.IGNORECASE)


def _builder_words(marker: str) -> str:
    """The class words that say what an element is, without a page builder's scaffolding.

    Elementor and SiteOrigin give every section of an article its own "widget" wrappers:
    read as furniture, an article built with one was cut down to one box of its text.
    Blogger's "widget Blog" is the one that holds the posts: their headlines and dates.
    """
    if "widget" not in marker and "so-panel" not in marker:  # all the builder words
        return marker
    if marker == _BLOGGER_POSTS:
        return ""
    words = marker.split()
    panel = "so-panel" in words
    kept = []
    for word in words:
        if _BUILDER.match(word) or (panel and word.lower() == "widget"):
            continue
        word = _WIDGET_TYPE.sub("", word)
        kept.append(_PANEL_WIDGET.sub("", word) if panel else word)
    return " ".join(kept)


# "has-rail-right", "with-sidebar", "no-comments": a class saying what an element has
# beside it (a layout state), not what it is; the article column carries them. Also at
# the end of a name ("page-content-has-sidebar"): the name before it is what counts.
# So is what it is not or has not: Weebly's content column, "wsite-not-footer".
_STATE_CLASS = re.compile(r"(?:^|(?<=[\s_-]))(?:has|with|without|no|not|non)-\S*", re.IGNORECASE)
_STATE_WORDS = ("has-", "with-", "without-", "no-", "not-", "non-")


def without_states(named: str) -> str:
    """Lower-cased class words without the layout states among them (``_STATE_CLASS``):
    "has-comments" names no comments, "no-sidebar" no sidebar."""
    return _STATE_CLASS.sub(" ", named) if may_hold(named, _STATE_WORDS) else named


def may_hold(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether a lower-cased class string can hold one of ``words`` as an ignore-case
    regex sees them: the cheap test before such a regex's search or substitution over
    every new class string (nearly all have a hyphen, few a state, metadata or related
    word), which on pages of unseen sites cost about as much as the furniture search
    itself. Exact for ASCII; a string with other letters always goes to the regex, for
    which ignoring case makes "ſ" an "s" and "ı" an "i". (A loop, not ``any`` over a
    generator, which cost as much again as the substring tests it ran.)"""
    if not lowered.isascii():
        return True
    for word in words:
        if word in lowered:
            return True
    return False


def _marked(
    tag: str,
    attrs: dict[str, str | None],
    marker: Callable[[str], bool],
    node: LexborNode | None = None,
) -> bool:
    """A furniture role, or a class or id that ``marker`` names; never a ``_NEVER_MARKED``.

    Given the ``node``, an id that merely spells the element's heading is not read as a
    name (see ``_is_heading_anchor``).
    """
    if tag in _NEVER_MARKED:
        return False
    role = attrs.get("role")
    if role and role.lower() in _FURNITURE_ROLES:
        return True
    cls, ident = attrs.get("class"), attrs.get("id")
    if cls and marker(cls):
        return node is None or not (
            _leads_the_article(node, attrs, cls)
            or _discloses_as_named(node, cls)
            or _holds_the_article_body(node)
        )
    if not ident or not marker(ident):
        return False
    return node is None or not (_is_heading_anchor(node, ident) or _discloses_as_named(node, ident))


# The furniture names a paid article's disclosure is set in: "disclaimer", "promo-note",
# "sponsored", "advertorial", an "editor-note", an article's "footer". A box named
# "share", "comments", "related", "meta" or "nav" holds none, and is not read for one:
# the test reads the box and its neighbours, and furniture boxes are many (about 20 a
# page); the name's test is memoised as the furniture marker is (themes repeat them).
# (Substrings of the lower-cased name: an ignore-case pattern of these words cost 3% of
# AEB's extraction instructions, tried at each character of utility CSS's long class lists.)
_MAY_DISCLOSE = (
    "disclaim", "disclos", "promo", "sponsor", "advert", "partner", "paid", "reklam",
    "platen", "note", "footer",
)  # fmt: skip


def _names_a_disclosure_box(name: str) -> bool:
    low = name.lower()
    return any(word in low for word in _MAY_DISCLOSE)


_may_disclose = memoised(_names_a_disclosure_box, 20_000)


def _discloses_as_named(node: LexborNode, name: str) -> bool:
    return _may_disclose(name) and discloses_payment(node)


# What an ad slot holds besides its label: a box holding any is the slot, not a disclosure.
_AD_PARTS = "img, picture, iframe, ins, video, object, embed, a[href], script"


def discloses_payment(node: LexborNode) -> bool:
    """A paid article's disclosure in a box whose class names furniture ("disclaimer",
    "promo-note", "sponsored"): kept, as the text's first or last line, for it is what
    tells the archive's reader that the article was paid for (``disclosure``). The box
    opens or closes its parent (an ad's label stands over its banner, a sibling after it),
    holds no picture, frame or link (an ad slot's label over the ad inside it), and its
    whole text is the disclosure; a promo box of other articles says more. The text it
    opens or closes is beside it, in its parent: the box has a neighbour on one side only,
    and that neighbour holds text (a label over a box of no text is a banner's; a badge
    alone in its box, "Sponsored" beside one entry's name in a list of products, closes
    no text)."""
    after, before = _sibling(node, forward=True), _sibling(node, forward=False)
    if (after is None) == (before is None):
        return False
    text = _short_text(node, DISCLOSURE_MAX)
    if text is None or not is_paid_disclosure(text) or node.css_first(_AD_PARTS) is not None:
        return False
    beside = after if after is not None else before
    return beside is not None and bool(beside.text(deep=True).strip())


def _short_text(node: LexborNode, limit: int) -> str | None:
    """``node``'s text, or None once it passes ``limit`` characters: a sidebar or a
    footer classed as furniture is asked this at each of its nested boxes, and reading
    each whole would cost its size again at every level. (A template's indentation counts
    too: ``_PRINTED_SPACES`` times a disclosure's length is room for it.)"""
    parts: list[str] = []
    size = 0
    for part in node.traverse(include_text=True):
        if part.tag == "-text" and (chunk := part.text_content or ""):
            size += len(chunk)
            if size > limit * _PRINTED_SPACES:
                return None
            parts.append(chunk)
    return "".join(parts)


# How much longer than its words a short box's text may be as the template indents it
_PRINTED_SPACES = 4


def _sibling(node: LexborNode, *, forward: bool) -> LexborNode | None:
    """The element (or text of more than spaces) after ``node`` among its siblings, or
    before it; None at its parent's edge."""
    sibling = node.next if forward else node.prev
    while sibling is not None:
        tag = sibling.tag or ""
        if tag[:1] != "-" or (tag == "-text" and (sibling.text_content or "").strip()):
            return sibling
        sibling = sibling.next if forward else sibling.prev
    return None


def _holds_the_article_body(node: LexborNode) -> bool:
    """A box whose class word names furniture but which holds the item's text, its
    schema.org ``articleBody``: Blogger's "Simple" theme groups a day's posts in
    ``<div class="date-outer">``, and marked as a date's box, the post was weighed only
    as a skipped subtree; a short one lost to the sidebar's "За мен" blurb (brezovitsa,
    round 103). A box of furniture holds no article's body."""
    return node.css_first('[itemprop~="articleBody"]') is not None


def _leads_the_article(node: LexborNode, attrs: dict[str, str | None], cls: str) -> bool:
    """The story's lead in a box whose class calls it furniture: the item's schema.org
    description (``_describes_the_article``), or a teaser box leading the text
    (``_teaser_lead``)."""
    if "itemprop" in attrs and _describes_the_article(node):
        return True
    return "teaser" in cls.lower() and _teaser_lead(node, cls)


_TEASER = class_words(("teasers?",))
# A lead is a sentence or three; the text after it is longer than it by far.
_LEAD_MAX = 600
_TEXT_OVER_LEAD = 2
_LEAD_SIBLINGS = 3


def _teaser_lead(node: LexborNode, cls: str) -> bool:
    """A box the CMS calls the item's "teaser" printed above its own text: older TYPO3
    news prints the lead as ``<div class="teaser-text">`` with no microdata, the picture
    and then ``<div class="news-text-wrap">`` after it, and the lead was cut. Read as the
    lead only when nothing else in its class names furniture, it is written in paragraphs
    as the text is (the editor's field; a standfirst in a bare box, which WCXB's truths
    leave out as a dek, stays out), it links nowhere (a card's excerpt sits under its
    linked headline, and a list of them links each), it is a lead's length, and one of
    the next few boxes beside it holds the longer text. A card whose excerpt is followed
    by nothing of the kind stays furniture."""
    if not _TEASER.search(cls) or is_boilerplate_marker(_TEASER.sub(" ", cls).strip()):
        return False
    if node.css_first("p") is None or node.css_first("a[href]") is not None:
        return False
    own = len(node.text(deep=True).strip())
    if not own or own > _LEAD_MAX:
        return False
    sibling = node.next
    seen = 0
    while sibling is not None and seen < _LEAD_SIBLINGS:
        if sibling.tag and sibling.tag[0] != "-":  # an element, not text or a comment
            seen += 1
            text = sum(len(p.text(deep=True).strip()) for p in sibling.css("p"))
            if text >= _TEXT_OVER_LEAD * own:
                return True
        sibling = sibling.next
    return False


def _describes_the_article(node: LexborNode) -> bool:
    """The schema.org ``description`` of the item whose ``articleBody`` is on the page: the
    story's lead as the page shows it, whatever its class says. TYPO3's news prints it as
    ``<div class="teaser-text" itemprop="description">`` above the text, a "teaser" to
    the furniture words, so the lead was cut; a card's excerpt describes an item of its
    own, holding no article body."""
    if "description" not in (node.attributes.get("itemprop") or "").split():
        return False
    scope = node.parent
    while scope is not None and "itemscope" not in scope.attributes:
        scope = scope.parent
    return scope is not None and scope.css_first('[itemprop~="articleBody"]') is not None


_ID_WORD = re.compile(r"[^\W\d_]+")
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_ANY_HEADING = ", ".join(sorted(HEADINGS))


def _is_heading_anchor(node: LexborNode, ident: str) -> bool:
    """An id that is a slug of the element's own heading ("how-social-media-changed-menus"
    on a section whose h2 says so): a link target made from the words of the text, not a
    name for what the element is, so a furniture word in it means nothing.

    At least three words, nearly all of them in the heading (a slug may carry a prefix
    such as "h-" or a number): a component name ("cookie-law-info-bar") is not written
    in the element's own text. A heading that opens a list of other articles ("Most
    read…") names a box whatever its id.
    """
    words = _ID_WORD.findall(ident.lower())
    if len(words) < 3:
        return False
    text = node.text(deep=True) if (node.tag or "") in HEADINGS else ""
    if not text:
        heading = node.css_first(_ANY_HEADING)
        text = heading.text(deep=True) if heading is not None else ""
    said = set(_ID_WORD.findall(text.lower()))
    if STARTS_RELATED.match(" ".join(text.split())):
        return False  # "popular-posts-this-week" over "Popular posts this week" is a box
    return sum(w in said for w in words) >= max(3, len(words) - 1)


def is_boilerplate_attrs(
    tag: str, attrs: dict[str, str | None], node: LexborNode | None = None
) -> bool:
    """Decide from an element's tag and attributes (the generic walker's fast path); the
    ``node`` itself is read only when its id alone marks it."""
    return _marked(tag, attrs, is_boilerplate_marker, node)


# React's streaming server rendering sends the page in ``<div hidden id="S:0">`` and
# moves it into place with a script: hidden in the markup, the whole article to a reader.
_STREAMED = re.compile(rf"^[SP]:{PART_NUMBER}$")


def is_hidden_attrs(attrs: dict[str, str | None]) -> bool:
    """Invisible to readers (``hidden``, ``aria-hidden``, inline ``display:none``), but
    not a folded accordion's panel: the article's own text, one click away."""
    if "hidden" not in attrs and "aria-hidden" not in attrs and "style" not in attrs:
        return False  # (nearly every element: asked of each a date's window reads)
    if "hidden" in attrs and _STREAMED.match(attrs.get("id") or ""):
        return False
    if _is_accordion_panel(attrs):
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def is_hidden(attrs: dict[str, str | None]) -> bool:
    """Not shown to readers: ``hidden``, inline ``display:none`` (``is_hidden_attrs``) or
    a class a theme hides its stamps for machines with (``class_names.SNIPPET_CLASSES``).
    Not ``aria-hidden`` alone: that hides from screen readers what the eye sees, such
    as the "·" between "7 min read" and "Dec 30, 2013" (Medium), whose box kept the two
    apart (skipped, they ran together and the day was lost)."""
    if "aria-hidden" in attrs:
        attrs = {name: value for name, value in attrs.items() if name != "aria-hidden"}
    if is_hidden_attrs(attrs):
        return True
    classes = attrs.get("class")
    return (
        classes is not None
        and any(word in classes for word in SNIPPET_CLASSES)  # (before a split of each)
        and not SNIPPET_CLASSES.isdisjoint(classes.split())
    )


# The table-of-contents boxes WordPress plugins set into a post's text, by the id or
# the class word each plugin prints on its outer box: Easy Table of Contents
# (``id="ez-toc-container"``), Table of Contents Plus (``id="toc_container"``), Rank
# Math's block (``wp-block-rank-math-toc-block``, ``id="rank-math-toc"``), LuckyWP's
# (``lwptoc``). Not "toc" alone: a theme marks the article's own wrapper "has-toc".
_TOC_IDS = frozenset(("ez-toc-container", "toc_container", "rank-math-toc"))
_TOC_CLASSES = frozenset(("lwptoc", "wp-block-rank-math-toc-block"))


def is_table_of_contents(attrs: dict[str, str | None]) -> bool:
    """A plugin's table of contents (``_TOC_IDS``, ``_TOC_CLASSES``): the post's own
    headings again, as links, under a label of the editor's choosing ("Съдържание
    [скрий]", "Article Content"). Neither text nor furniture: skipped like a hidden
    element, so that it ends nothing either. WCXB's truths leave every such box out (18
    dev pages print one). As links its items went as a link list already, its label
    stayed over the lead; marked as furniture instead, the box weighed as a barrier of
    its size in the text, and an article whose box stood after its opening paragraphs
    lost them (a dev page, 14 lines)."""
    if attrs.get("id") in _TOC_IDS:
        return True
    classes = attrs.get("class") or ""
    return "toc" in classes and not _TOC_CLASSES.isdisjoint(classes.split())


# What a link printing a glyph alone prints: a heading's permalink as documentation
# tools close every heading with (Sphinx's and MkDocs' "¶", GitHub-style "#", "§", "🔗").
# The reader's handle for copying the address, no word of the heading or the text: kept,
# "¶" ran into the title and each section's heading ("Configuration¶"). The text's walk
# skips such a link's text (``blocks``), the headline's reading the link (``titles``).
LINK_GLYPHS = frozenset(("¶", "#", "§", "🔗"))
_NO_GLYPH_OR_ONE = LINK_GLYPHS | {""}


def is_heading_permalink(node: LexborNode) -> bool:
    """A link to its own place on the page (``href="#…"``) printing a glyph alone
    (``LINK_GLYPHS``) or nothing, where CSS draws it: a table of contents' "#install"
    link says its section's name."""
    href = node.attributes.get("href")
    return (
        href is not None
        and href.startswith("#")
        and (node.text(deep=True) or "").strip().strip("\u200b") in _NO_GLYPH_OR_ONE
    )


# Class names of text written for screen readers alone (Bootstrap's ``sr-only`` and
# ``visually-hidden``, WordPress's ``screen-reader-text``): an icon link's label
# ("<a><i class="icon"></i><span class="sr-only">Мнение</span></a>"), never shown.
SCREEN_READER_CLASSES = frozenset(("sr-only", "visually-hidden", "screen-reader-text"))
# Class names that hide an element (Bootstrap's ``d-none`` and ``invisible``, the
# ``hidden``/``is-hidden``/``hide`` of other frameworks, screen-reader-only text): the one
# vocabulary of them. Read by ``access`` only, of an offer a site keeps in every page and
# shows by script over a paid article; the extraction rules do not skip these (a
# responsive template's ``d-none d-md-block`` is its desktop text). The one hiding class
# they do skip, a theme's for its stamps for machines (Avada's "rich-snippet-hidden"),
# is ``class_names.SNIPPET_CLASSES``, read by ``is_hidden`` and by discovery's cards too.
HIDDEN_CLASSES = (
    frozenset(("d-none", "hidden", "is-hidden", "hide", "invisible")) | SCREEN_READER_CLASSES
)


def is_hidden_class(attrs: dict[str, str | None]) -> bool:
    """A class of ``HIDDEN_CLASSES``, and no responsive display class beside it
    (``d-md-block``: shown from that width on)."""
    words = (attrs.get("class") or "").split()
    if not HIDDEN_CLASSES.intersection(words):
        return False
    return not any(w.startswith("d-") and w != "d-none" for w in words)


def _is_accordion_panel(attrs: dict[str, str | None]) -> bool:
    """The panel of an accordion as ARIA writes one: a region named by its header's
    button. A guide's steps or an FAQ's answers are folded into them, hidden until
    opened, and skipping them as hidden lost all but the headers (four fifths of a
    solar installation guide)."""
    return attrs.get("role") == "region" and "aria-labelledby" in attrs


def is_cookie_notice(line: str) -> bool:
    """A cookie notice's sentence (``COOKIE_NOTICE``), tried only on a line opening as
    one can (``_COOKIE_NOTICE_BY_OPENER``)."""
    rule = _COOKIE_NOTICE_BY_OPENER.get(line[:1])
    return rule is not None and rule.match(line) is not None


def is_boilerplate_element(node: LexborNode) -> bool:
    """A class, id or role that names page furniture (share, cookie, related, comments...)."""
    return is_boilerplate_attrs(node.tag or "", node.attributes, node)


# Class words that mark where a page states its metadata: not body text, but exactly where
# the title/date/author rules look, so they must not count as furniture there.
_METADATA_NAMES = (
    rf"bylines?|by|{'|'.join(WRITER_WORDS)}|timestamp|dateline|date|published|meta|article-info"
)
# A byline's name run together with its block's, as camelCase themes and CMSs write it
# (Plone's "documentByLine", "articleByline"): the element is the byline all the same,
# and as furniture its author link and its "от …" were read by no rule.
_JOINED_BYLINE = r"[a-z]+bylines?"
_METADATA_WORDS = re.compile(
    rf"(?:^|(?<=[\s_-]))(?:{_METADATA_NAMES}|{_JOINED_BYLINE})(?=$|[\s_-])",
    re.IGNORECASE,
)


def _stem(word: str) -> str:
    """A class word's letters every match of it holds: up to its first pattern sign, less
    a letter made optional ("authors?" → "author", "autor(?:in|es)?" → "autor")."""
    letters = re.match(r"[\w-]*", word)
    stem = letters.group() if letters else ""
    return stem[:-1] if word[len(stem) : len(stem) + 1] == "?" else stem


# (their stems, for ``may_hold``'s substring test before the pattern)
METADATA_STEMS = (
    "by",
    *map(_stem, WRITER_WORDS),
    "timestamp",
    "date",
    "published",
    "meta",
    "article-info",
)
# A class token that ends in a field's name names that field of one item, whatever list
# its template was first written for: TYPO3's news prints "news-list-author" and
# "news-list-date" on the article's own page too.
FIELD_TOKEN = re.compile(rf"\S*[_-](?:{_METADATA_NAMES})(?=$|\s)", re.IGNORECASE)


def is_furniture_attrs(tag: str, attrs: dict[str, str | None]) -> bool:
    """Furniture for metadata look-ups: like ``is_boilerplate_element`` but a byline or a
    date box is not furniture (the body extractor still drops them). Takes the attributes
    already read, as its callers have them: reading them builds a dict."""
    return _marked(tag, attrs, _furniture_marker)


# What only a utility-class token holds: a variant's colon, an arbitrary value's brackets.
_LAYOUT_TOKEN = re.compile(r"[\[:(=]")


def reads_as_furniture(marker: str) -> bool:
    """A class or id value naming furniture to the metadata rules (``is_furniture_attrs``,
    which memoises it; ``furniture`` keeps its own memo of it with a related list's names).

    Utility-class tokens ("lg:mr-[--sidebar-width]") describe layout arithmetic, not
    what the element is: a column sized against the sidebar is not the sidebar. (Most
    class strings hold none: only one that does is tested word by word, a test that
    took about a third of this one's time on pages of unseen classes.)"""
    kept = marker.split()
    if _LAYOUT_TOKEN.search(marker):
        kept = [word for word in kept if not _LAYOUT_TOKEN.search(word)]
    words = " ".join(kept)
    if may_hold(words.lower(), METADATA_STEMS):
        words = _METADATA_WORDS.sub(" ", words)
    return is_boilerplate_marker(words)


_furniture_marker = memoised(reads_as_furniture, 20_000)


def boilerplate_elements(root: LexborHTMLParser | LexborNode) -> list[LexborNode]:
    """Elements whose class, id or role marks them as furniture.

    Returned, not removed: the generic finder treats them as *probably* boilerplate and
    overrides that when one turns out to wrap most of the page's prose (a theme that calls
    its article column ``penci_sidebar`` or ``widget Blog``).
    """
    return [
        node
        for node in root.css("[class], [id], [role]")
        if is_boilerplate_element(node) and not _in_code(node)
    ]


# Inside code a class names a highlighter's token ("hljs-comment", "token tag",
# "hljs-meta"), not furniture: the code's comments are the text's own.
CODE_TAGS = frozenset({"pre", "code"})


def _in_code(node: LexborNode) -> bool:
    """Inside ``CODE_TAGS``: the code's own text, not furniture."""
    return within(node, CODE_TAGS)


def remove_boilerplate_elements(root: LexborHTMLParser | LexborNode) -> None:
    """Decompose every element whose class/id/role marks it as furniture."""
    # Reverse document order: descendants go before their ancestors, so no node is touched
    # after an ancestor's decompose has freed it.
    for node in reversed(boilerplate_elements(root)):
        node.decompose()


def drop_selectors(root: LexborHTMLParser | LexborNode, selectors: tuple[str, ...]) -> None:
    """A profile's own list of what to drop."""
    for selector in selectors:
        try:
            nodes = root.css(selector)
        except Exception:  # a bad selector in a user profile must not kill extraction
            continue
        for node in nodes:
            node.decompose()


def is_i18n_key(text: str) -> bool:
    """The text is a template's untranslated key ("site.bta"): never the page's words,
    whether a line of its body or its h1 and og:title (``titles``)."""
    return "." in text and " " not in text and bool(_I18N_KEY.match(text))


# A press release's closing contact set out over lines: its label, alone ("За контакти:",
# "За повече информация:") over the press office's name or with it ("За контакти:
# Пресцентър на Община …"), then the office's telephone, e-mail and address. The office
# may be a press officer ("старши експерт „Връзки с обществеността“") or its address.
_CONTACT_LABEL = re.compile(rf"(?:{_CONTACT_LABELS})\s*:", re.IGNORECASE)
_PRESS_OFFICE = re.compile(
    rf"{_PRESS_OFFICES}|Връзки с обществеността|\b(?:press|pr|media)@", re.IGNORECASE
)
_CONTACT_LINES = 5  # the label and its lines: a name, a post, a telephone, an e-mail
_CONTACT_CHARS = 150
# An English release's closing contact: its label ("Media contact", "Press inquiries:",
# "For media enquiries"), which says by itself that the lines under it are the press
# office's, alone on its line or before its colon; and what a contact's line reaches
# the office by (an e-mail address, a telephone number).
_MEDIA_CONTACT_LABEL = re.compile(
    r"(?:(?:news )?(?:media|press) (?:contacts?|inquiries|enquiries|relations)|"
    r"for (?:media|press) (?:inquiries|enquiries))(?:\s*:\s*|\s*$)",
    re.IGNORECASE,
)
_REACHES = re.compile(r"@[\w-]+\.\w|\+?\d[\d ().-]{6,}\d")


def without_press_contact(paragraphs: list[str]) -> list[str]:
    """The text without a press release's closing contact when it is set out over lines:
    "За контакти:" alone, then "Пресцентър на Община Примерово", "тел.: …", "e-mail: …"
    (or a press officer: "Мария Иванова, старши експерт „Връзки с обществеността“").
    The line rule (``_LINE_RULES``) drops the label with the office on one line, and
    left the office's name, telephone and e-mail closing the story. Only at the text's
    end, every line from the label on short, and only a press office's: the contact a
    notice gives ("За контакти: Иван Петров, тел. …") is the story's and stays. An
    English release's, under a label naming the press ("Media contact"), too
    (``_without_media_contact``)."""
    end = len(paragraphs)
    for at in range(max(0, end - _CONTACT_LINES), end):
        line = paragraphs[at].strip()
        label = _CONTACT_LABEL.match(line)
        if label is None:
            continue
        rest = line[label.end() :].strip()
        office = rest if rest else (paragraphs[at + 1] if at + 1 < end else "")
        if _PRESS_OFFICE.search(office) and all(len(p) <= _CONTACT_CHARS for p in paragraphs[at:]):
            return paragraphs[:at]
    return _without_media_contact(paragraphs)


def _without_media_contact(paragraphs: list[str]) -> list[str]:
    """The text without an English release's closing contact: "Media contact" over
    "Jordan Reyes, jreyes@example.org, 202-555-0110" (or the label and the contact on
    one line). The label says the lines are the press office's; they are the label's
    lines that are short and no sentence, or reach someone (``_REACHES``), one of them at
    least reaching someone. Only near the text's end, and only those lines: the
    organisation's closing paragraph under them ("Clean Waters Alliance is a national
    nonprofit …") is its own and stays."""
    end = len(paragraphs)
    for at in range(max(0, end - _CONTACT_LINES - 1), end):
        line = paragraphs[at].strip()
        label = _MEDIA_CONTACT_LABEL.match(line)
        if label is None:
            continue
        after = at if line[label.end() :].strip() else at + 1
        stop = after
        while (
            stop < end
            and stop - at < _CONTACT_LINES
            and len(paragraphs[stop]) <= _CONTACT_CHARS
            and (_REACHES.search(paragraphs[stop]) or paragraphs[stop].rstrip()[-1:] not in ".!?")
        ):
            stop += 1
        if any(_REACHES.search(p) for p in paragraphs[after:stop]):
            return paragraphs[:at] + paragraphs[stop:]
    return paragraphs


# The notice an EU-funded project must print on whatever it publishes: "Цялата
# отговорност за съдържанието … се носи от Община … и при никакви обстоятелства не може
# да се приема, че тази публикация отразява официалното становище на Европейския съюз…",
# often after "Проектът се осъществява с финансовата подкрепа на …" in the same
# paragraph. A municipality closes every project's news with it, inside the text's own
# box; no story tells news in those words. A paragraph opening as the notice does, behind
# an exact test of the words its forms hold: a story quoting it opens with its own.
_FUNDING_NOTICE = re.compile(
    r"^(?:Проект(?:ът)?|Документ(?:ът)?|Публикация(?:та)?|Материал(?:ът)?|(?:Уеб)?сайт(?:ът)?"
    r"|Т(?:ози|ази|ова) \w+|Настоящ\w* \w+|Цялата отговорност)\b"
    r".*(?:отразява официалн(?:ото|ата) (?:становище|позиция) на (?:Европейския съюз|ЕС)"
    r"|при никакви обстоятелства не може да се (?:приема|счита|смята))",
    re.IGNORECASE,
)
_FUNDING_NOTICE_CHARS = 1000
# A paper's appeal for subscribers closing each article, its own name first ("Il Post
# esiste grazie ai suoi abbonati. Se ti piace, abbonati anche tu.", "Le Quotidien existe
# grâce à ses abonnés"): the site's, no story's. Its name opens it, so it is no rule of
# ``_LINE_RULES`` (which are split by their first letters): a short line holding the
# word for "thanks to" is tried (``_may_appeal``), few are.
_SUPPORT_APPEAL = re.compile(
    r"^[^.!?]{1,40}? (?:esiste|existe|exists|existiert|lebt|vive|vit) (?:grazie|grâce|gracias|"
    r"graças|thanks|dank)\b[^.!?]{0,30}?\b(?:abbonat[ie]|lettori|abonnés|lecteurs|suscriptores|"
    r"lectores|assinantes|leitores|subscribers|readers|members|Abonnent\w*|Leser\w*)\b"
    # (alone, or before its call: "Se ti piace, abbonati anche tu.", "Abonnez-vous.")
    r"(?:\s*[.!]?|[.!]\s[^.!?]{0,60}\b(?:abbona|abonne|abonnie|suscr|assin|subscri|"
    r"sosteni|soutene|support|unterstütz)\w*\b[^.!?]{0,40}[.!]?)$",
    re.IGNORECASE,
)
_APPEAL_CHARS = 200
_APPEAL_WORDS = (" grazie ", " grâce ", " gracias ", " graças ", " thanks ", " dank ")


def _may_appeal(line: str) -> bool:
    for word in _APPEAL_WORDS:  # (a loop, not ``any``: asked of every short line)
        if word in line:
            return True
    return False


# The signs a site sets before a line of its furniture as an icon ("📱 Participe do canal
# do g1 PR no WhatsApp", "👉 Follow us on Instagram", "► Виж още"): an emoji or a symbol,
# with the variation selector and the joiner that build one. The line is read without
# them; a line opening with a letter, a digit or a quote is read as it is.
_SIGN_CATEGORIES = frozenset(("So", "Sk", "Sm", "Mn", "Cf", "Zs"))


def _without_signs(line: str) -> str:
    """``line`` without the icons opening it (``_SIGN_CATEGORIES``), or as it is."""
    at = 0
    while at < len(line) and unicodedata.category(line[at]) in _SIGN_CATEGORIES:
        at += 1
    return line[at:].lstrip() if at else line


def is_boilerplate_line(line: str, extra: tuple[re.Pattern[str], ...] = ()) -> bool:
    """True for a paragraph that is a known boilerplate text, generic or the profile's."""
    first = line[:1]
    rules = _LINE_RULES_BY_OPENER.get(first)
    if rules is not None and rules.search(line):
        return True
    if (
        rules is None
        and first > "\u2000"
        and (bare := _without_signs(line))
        and bare != line
        and is_boilerplate_line(bare, extra)
    ):
        return True  # (else the line's own tests below, its sign and all)
    if (not first or first in BAR_OPENERS) and _BAR_LINE.match(line):
        return True
    if "|" in line and _MORE_LINE.match(line):
        return True
    if line[-1:] == "|" and _BARRED_HEADLINE.match(line):
        return True
    if "." in line and " " not in line and _I18N_KEY.match(line):  # is_i18n_key, inlined:
        return True  # (a call per paragraph of every page costs what the test does not)
    if _ends_in_photo_credit(line) or reserves_rights(line) or ends_in_picture_credit(line):
        return True
    if (
        ("становище" in line or "обстоятелства" in line)
        and len(line) <= _FUNDING_NOTICE_CHARS
        and _FUNDING_NOTICE.search(line)
    ):
        return True
    if is_gallery_control(line):
        return True
    if len(line) <= _APPEAL_CHARS and _may_appeal(line) and _SUPPORT_APPEAL.match(line):
        return True
    if ("|" in line or "•" in line or "·" in line or "¦" in line) and labels_and_copyright(line):
        return True  # (its separators tested inline: a call per paragraph costs more)
    return bool(extra) and any(rule.search(line) for rule in extra)  # no generator per line
