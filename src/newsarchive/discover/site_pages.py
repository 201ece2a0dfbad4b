"""The pages a site keeps about itself, never a section of its news: "За нас",
"Контакти", "Администрация", "Документи", "Структура", "Галерия", "Карта на сайта",
"Как да стигнем", "Вход", "Търсене", "Абонамент", "Реклама", "Дарения", "Общината",
"Услуги", and their English spellings.

One vocabulary, read where a menu's entries are opened on a guess: a regional paper's
menu names its topics, never the news ("Начало | За нас | Контакти | Администрация |
Русе | Регион | …"), and the explorer opens only its first few entries
(``explore.menu_entries``); an entry of these words spent a request, and a slot a topic
needed, on a page that lists no news. (Extraction reads no such vocabulary: its
"За контакти:" is a press release's closing line, another meaning.)

Read by the whole label (a few words, "Общинска администрация"), or by the last
segment of the address ("/kontakti/", "/about-us.php"): a headline or a topic that
merely holds one of the words ("Контакти с румънските общини") is no such page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# What the menu's link says, whole (case and a trailing colon or arrow aside).
_LABEL = re.compile(
    r"(?:"
    r"за\s+нас|за\s+сайта|about|about\s+us"
    r"|контакти?|връзка\s+с\s+нас|свържете\s+се\s+с\s+нас|contacts?|contact\s+us"
    r"|(?:общинска\s+|областна\s+)?администрация|administration"
    r"|(?:\w+\s+)?документи|documents"
    r"|(?:организационна\s+)?структура|structure"
    r"|(?:фото\s*|видео\s*)?галерия|(?:photo\s*|video\s*)?gallery"
    r"|карта(?:\s+на\s+сайта)?|(?:site\s*)?map"
    r"|как\s+да\s+(?:стигнем|ни\s+намерите)(?:\s+до\s+нас)?|how\s+to\s+(?:get\s+here|find\s+us)"
    r"|вход|регистрация|login|log\s+in|sign\s+in|register"
    r"|търсене|search"
    r"|абонамент|абонирайте\s+се|subscribe|subscription|реклама|advertising|advertise"
    r"|дарения|дарете|donate|donations?"
    r"|(?:за\s+)?общината|(?:административни\s+|електронни\s+)?услуги|e-?services|services"
    r")",
    re.IGNORECASE,
)
_LABEL_TRIM = " \t:»›→▸►▾▼"
# The last segment of the address, its extension (".php", ".html") aside.
_SLUG = re.compile(
    r"(?:"
    r"za-nas|about|about-us"
    r"|kontakti?|kontakty|contacts?|contact-us"
    r"|administratsi[ya]a?|administracia|administraciya|administration"
    r"|dokumenti|documents|struktura|structure"
    r"|(?:foto-?)?galeri[ya]a?|(?:photo-?)?gallery"
    r"|karta|karta-na-sa[iy]ta|map|site-?map"
    r"|kak-da-stignem"
    r"|vhod|login|registratsiya|register|search|tarsene|tursene"
    r"|abonament|subscribe|subscription|reklama|advertis(?:e|ing)|dareniya|donate|donations?"
    r"|obshtinata|za-obshtinata|uslugi|e-?uslugi|services|e-?services"
    r")",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"\.(?:php|html?|aspx?|jsp)$", re.IGNORECASE)


def is_site_page(label: str, url: str) -> bool:
    """Whether a menu entry leads to a page about the site itself (its contacts, its
    administration, its gallery, its login), by its whole label or its address's last
    segment: no section of its news, never worth one of exploring's few requests."""
    if _LABEL.fullmatch(label.strip(_LABEL_TRIM)):
        return True
    segments = [part for part in urlsplit(url).path.split("/") if part]
    return bool(segments) and bool(_SLUG.fullmatch(_EXTENSION.sub("", segments[-1])))
