"""The writer's box closing an article's text: the writer's name (or "About <name>", "Über
<name>", "За <name>") over a line about them ("Мария Петрова е журналист…", "Phil Helsel
is a reporter for NBC News."), or that line alone.

A theme names the box ("author-bio", "entry-author") and the body's walk leaves it out by
that class word; where a build hashes its class names, or an old template has none, the
box reads as the text's last paragraphs. It is told here by its words instead: it names
the writer the page was found to be written by, and says who they are, not what happened.
"""

from __future__ import annotations

import re

from newsarchive.extraction.bylines import ABOUT_WRITER, person_words
from newsarchive.extraction.clean import VETTED_BY

# (The words a heading puts before the writer's name: ``bylines.ABOUT_WRITER``.)
_BIO_WORDS = 60  # a line or two about the writer, not a paragraph of the story
_BOX_LINES = 2  # the heading (or the name) and the line about the writer
# What the line about the writer says after the name: who they are, where they work.
_BIO_VERBS = (
    "is", "was", "has", "joined", "works", "worked", "writes", "covers", "ist", "war",
    "arbeitet", "schreibt", "е", "беше", "работи", "пише", "est", "es", "è",
)  # fmt: skip
_BIO_VERB = re.compile(rf"\s+(?:{'|'.join(_BIO_VERBS)})\b")


# A credit's label heading a contributor's box of its own ("Reviewed by", "Written by",
# "Fact checked by"), over the line about them: a guide's reviewer, whom the page names
# nowhere as its writer.
_CREDIT_LABEL = re.compile(rf"(?:{VETTED_BY}|written by)\s*:?", re.IGNORECASE)
# The line about a contributor: their name (a capital, a few words, degrees after a
# comma) and a verb of who they are ("Jordan Pike, CPCU, is a licensed agent.").
_CONTRIBUTOR_LINE = re.compile(rf"[A-Z][^.!?:]{{1,60}}?,?{_BIO_VERB.pattern}")


def without_credit_box(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without a contributor's box closing them: a credit's label alone
    (``_CREDIT_LABEL``) over a line of at most ``_BIO_WORDS`` words opening with a name
    and a verb of who they are. Under a label alone no story's line stands. Asked
    before the line rules, which drop the label alone (``clean._LINE_RULES``) and left
    the line about the reviewer closing the text."""
    if len(paragraphs) < 3 or not _CREDIT_LABEL.fullmatch(" ".join(paragraphs[-2].split())):
        return paragraphs
    bio = paragraphs[-1]
    if len(bio.split()) > _BIO_WORDS:
        return paragraphs
    return paragraphs[:-_BOX_LINES] if _CONTRIBUTOR_LINE.match(bio) else paragraphs


def without_writer_box(paragraphs: list[str], author: str) -> list[str]:
    """``paragraphs`` without the writer's box closing them (the module's docstring), or
    as they are. ``author`` is the writer the page names elsewhere (its metadata, its
    byline), a person's name of two words or more: the box says that name. Its line
    about the writer is the last, of at most ``_BIO_WORDS`` words, and opens with the name
    or the first name and a verb of who they are ("Phil Helsel is …", "Emiliano joined …";
    not "Мария Иванова", someone else of the same first name), or names the writer
    anywhere under a heading or a line that is the name ("Über Moritz Bachmann" over "Als
    Inbound Sales Manager bildet Moritz Bachmann …")."""
    words = author.split()
    if len(words) < 2 or len(paragraphs) < 3 or not person_words(author):
        # (a person's name: where the page's writer is its publisher, "Община Русе", the
        # text's closing "Община Русе е бенефициент по проекта …" is the story's)
        return paragraphs
    bio = paragraphs[-1]
    if len(bio.split()) > _BIO_WORDS:
        return paragraphs
    headed = _names_the_writer(paragraphs[-2], author)
    if headed and author.casefold() in bio.casefold():
        return paragraphs[:-_BOX_LINES]
    if not _opens_with_the_writer(bio, author, words[0]):
        return paragraphs
    return paragraphs[:-_BOX_LINES] if headed else paragraphs[:-1]


def _names_the_writer(line: str, author: str) -> bool:
    """``line`` is the writer's name alone, or a heading of it ("About Jane Doe")."""
    line = " ".join(line.split())
    return ABOUT_WRITER.sub("", line).casefold() == author.casefold()


def _opens_with_the_writer(line: str, author: str, first: str) -> bool:
    """``line`` opens with the writer's whole name, or their first name (a person's: "QCY"
    is a brand's), and a verb saying who they are (``_BIO_VERBS``: "Julius is an LA
    reporter …", "Emiliano joined …"; not "Dylan tested 17 presses for this review", the
    text's own last word on how)."""
    folded = line.casefold()
    if folded.startswith(author.casefold()):
        rest = line[len(author) :]
    elif first[:1].isupper() and first[1:].islower() and folded.startswith(first.casefold()):
        rest = line[len(first) :]
    else:
        return False
    return bool(_BIO_VERB.match(rest))
