"""Bylines as pages print them: "Автор: Иван Петров", "От Мария Иванова", "By Jane Doe".

Pure text functions; the pipeline decides where to look (byline elements first, then the
text just after the headline). One vocabulary for the prefixes, used by both.
"""

from __future__ import annotations

import re

from newsarchive.extraction.dates import MONTH_WORD

# Elements themes name after the byline, most specific first.
BYLINE_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    'a[rel="author"]',
    '[class*="author-name"], [class*="author__name"], [class*="authorName"]',
    '[class*="byline"] a, [class*="author"] a',
    '[class*="byline"], [class*="author"]',
)
# "Автор:", "Автори:", "Текст:", "От" (Bulgarian), "By", "Written by", "Posted by",
# "Author:" (English), "Автор материала" is not needed: Russian sites write "Автор:" too.
_PREFIX = r"(?:автори?|текст|снимки и текст|от|author|authors|written by|posted by|by)"
_LEADING = re.compile(rf"^\s*{_PREFIX}\s*:?\s+", re.IGNORECASE)
# What follows a name in a byline line: a date, a separator, a role after a comma.
_TAIL = re.compile(
    r"\s*(?:\||•|·|—|–|\s-\s|\bon\b|\bupdated\b|\bpublished\b|\bпубликувано\b|\d).*$",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-ZА-ЯЁ][\w.'’-]*"
# In running text, a byline is a prefix and one to three capitalised words.
_IN_TEXT = re.compile(
    rf"(?:^|[\s|•·])(?:Автори?:|Текст:|Author:|Written by|Posted by|By|От)\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von)){{0,2}})",
)
_MAX_WORDS = 8
_NOT_NAMES = frozenset({"undefined", "null", "none", "admin", "administrator", "webmaster"})


def clean_byline(text: str) -> str:
    """The name(s) in a byline element's text, without prefix, date or separators; "" when
    the text does not read as names (too long, a sentence, a bare number or URL).

    Only the first line counts once a bare prefix line ("By", "Автор:") is passed: themes
    put the writer's role or bio in an element of its own after the name.
    """
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line and _LEADING.sub("", line + " ").strip()]
    text = _LEADING.sub("", lines[0]) if lines else ""
    text = _TAIL.sub("", text)
    month = MONTH_WORD.search(text)
    if month:
        text = text[: month.start()]
    text = text.strip(" ,;:\"'“”")
    if text.lower() in _NOT_NAMES:
        return ""
    if not text or text.startswith(("http", "@")) or len(text.split()) > _MAX_WORDS:
        return ""
    if text[-1:] in ".!?" and len(text.split()) > 3:
        return ""  # a sentence, not a name
    if not any(ch.isalpha() for ch in text):
        return ""
    return text


def byline_in_text(text: str) -> str:
    """The first "By Jane Doe" / "Автор: Иван Петров" / "От Мария Иванова" in ``text``."""
    m = _IN_TEXT.search(text)
    if not m:
        return ""
    words = m["name"].split()
    following = text[m.end() :].split()[:1]
    if len(words) == 3 and following and following[0][:1].islower():
        words = words[:2]  # "Иван Петров Общината съобщи": the third word starts a sentence
    return clean_byline(" ".join(words))


# Words that may stand lower-case inside a name: particles and the joins between names.
_PARTICLES = frozenset("de da di del della der den van von la le du bin al ibn and & и".split())


def reads_as_name(text: str) -> bool:
    """One to six words, each capitalised unless a particle or a join ("van", "и", "and"):
    "Ivan Petrov", "Ludwig van Beethoven", "Мария и Петър". Not "Articles by Jane", not
    "read more", not a number."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)
