"""A paid article's disclosure: the one vocabulary of the words that say an article was paid
for ("Платена публикация.", "Промоционален материал", "Sponsored").

Why it matters: a sponsored article is archived as any other (what the site published),
and its disclosure, kept as a line of its text, is what tells the archive's reader, and a
search, that it was paid for. Sites set that line in a box of its own, often classed
``disclaimer``, ``promo…`` or ``sponsored`` (furniture words), and print the bare word
alone, as an ad slot's label is printed: so the furniture gates ask here whether a box
or a line at the text's edge is the article's own disclosure. Only the whole of a short
text counts: a sentence naming the words ("… рекламен материал за фирмата …") is prose,
and an ad slot's plain "Реклама" or "Advertisement" names no paid article.
"""

from __future__ import annotations

import re

# The disclosures, Bulgarian and English, each as a site prints it alone; "Sponsored" may
# name what it marks ("Sponsored content", "Sponsored post").
PAID_WORDS = (
    "платена публикация",
    "платен материал",
    "промоционален материал",
    "промоционална публикация",
    "рекламен материал",
    "рекламна публикация",
    "спонсорирано съдържание",
    "спонсориран материал",
    "партньорски материал",
    "партньорска публикация",
    r"sponsored(?: (?:content|post|article|story))?",
    "paid (?:content|post|partnership)",
    "advertorial",
    "partner content",
)
# A disclosure as a sentence: "Материалът е платена публикация.", "Публикацията е
# платена.", "This is sponsored content."
_SUBJECT = r"(?:(?:материалът|публикацията|статията|текстът) е |this is |this (?:article|post) is )"
_PAID_LINE = re.compile(
    rf"(?:{_SUBJECT}?(?:{'|'.join(PAID_WORDS)})|(?:публикацията|материалът|статията) е платен[ао]?)"
    r"\s*[.!]?",
    re.IGNORECASE,
)
# Longer than any disclosure above: the text is not read further.
DISCLOSURE_MAX = 60


def is_paid_disclosure(text: str) -> bool:
    """The whole of ``text`` (squashed) says the article was paid for, and no more."""
    text = " ".join(text.split())
    return 0 < len(text) <= DISCLOSURE_MAX and bool(_PAID_LINE.fullmatch(text))


# A site's standing note on its affiliate links, which blogs and review sites set over or
# under every post ("This post may contain affiliate links.", "As an Amazon Associate I
# earn from qualifying purchases.", "HomeGearLab is reader-supported. When you buy through
# links on our site, we may earn an affiliate commission."): the site's policy, the same
# on every page, where a paid article's disclosure says what this article is.
_AFFILIATE_NOTE = re.compile(
    r"\b(?:contains?|may contain|uses?|includes?) (?:some |a few )?affiliate links"
    r"|\blinks (?:in|on) (?:this|the|our) (?:post|article|page|guide|site) (?:are|may be|might be) "
    r"affiliate links"
    r"|\bAmazon Associate|\bearns? from qualifying purchases"
    r"|\b(?:we|I) (?:may |might |will |can )?(?:earn|receive|make|get) (?:a |an )?"
    r"(?:small |tiny |\(very\) small )?(?:affiliate )?commission"
    r"|\breader[- ]supported\b|\baffiliate commission",
    re.IGNORECASE,
)
# Longer than such a note: a paragraph that long is the text's own.
AFFILIATE_NOTE_MAX = 400
# A guide site's standing note on how it writes, set over or under every guide as the
# affiliate note is ("Editorial Note: CentWise's editorial team independently selects and
# reviews products.", "Our experts continually monitor the health and wellness space, and
# we update our articles…", "Healthful Mind uses only high-quality sources…"): its
# policy, no guide's words. Opening the paragraph only: a story's sentence on a
# newsroom's editors says more before it.
_EDITORIAL_NOTE = re.compile(
    r"^(?:Editorial (?:Note|Disclosure|Policy|Independence|Integrity|Guidelines)\s*:"
    r"|Our (?:experts|editors|editorial team|team of experts) (?:continually|regularly|"
    r"constantly) (?:monitor|review|update)"
    r"|[^.!?]{1,60}\buses only high-quality sources\b"
    r"|[^.!?]{1,60}\b(?:editorial team|editors) independently (?:selects?|reviews?|chooses?))",
    re.IGNORECASE,
)


def is_editorial_note(text: str) -> bool:
    """``text`` is a short paragraph giving the site's note on how it writes
    (``_EDITORIAL_NOTE``), left out where the text opens (``pipeline._trim_head``)."""
    return len(text) <= AFFILIATE_NOTE_MAX and _EDITORIAL_NOTE.match(text) is not None


def is_affiliate_note(text: str) -> bool:
    """``text`` is a short paragraph giving the site's affiliate-links note, or its note
    on how it writes (``_EDITORIAL_NOTE``): left out at the text's edges
    (``content.trim_edges``); in the text's midst, a sentence on affiliate links may be
    what the post is about."""
    return is_editorial_note(text) or (
        len(text) <= AFFILIATE_NOTE_MAX and _AFFILIATE_NOTE.search(text) is not None
    )
