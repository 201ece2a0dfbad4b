"""Decoding order: BOM, HTTP header, <meta>, the XML declaration (before <meta> for a page
served as XML: tests/test_charset_xml_declaration.py), strict UTF-8, detector, windows-1251
last."""

from __future__ import annotations

import codecs
import random

import pytest

from newsarchive.fetch.charset import decode_html, undeclared_utf16

TEXT = "Община Русе обяви нов конкурс за читалищата и културните домове в града"


def page(charset_meta: str = "", body: str = TEXT) -> str:
    return f"<html><head>{charset_meta}<title>т</title></head><body><p>{body}</p></body></html>"


def test_bom_wins_over_everything() -> None:
    raw = codecs.BOM_UTF8 + page('<meta charset="windows-1251">').encode("utf-8")
    text, encoding = decode_html(raw, "text/html; charset=iso-8859-5")
    assert TEXT in text and encoding == "utf-8"


def test_header_charset_wins_over_meta() -> None:
    raw = page('<meta charset="utf-8">').encode("windows-1251")
    text, encoding = decode_html(raw, "text/html; charset=windows-1251")
    assert TEXT in text and encoding == "cp1251"


@pytest.mark.parametrize("header", ["windows-1251", "koi8-r", "iso-8859-5"])
def test_utf8_bytes_win_over_a_legacy_charset_in_the_header(header: str) -> None:
    """A server left saying windows-1251 (``AddDefaultCharset``) over pages that are
    UTF-8: read as the header says, every letter is two ("РћР±С‰РёРЅР°")."""
    raw = page('<meta charset="utf-8">').encode("utf-8")
    text, encoding = decode_html(raw, f"text/html; charset={header}")
    assert TEXT in text and encoding == "utf-8"


def test_utf8_bytes_win_over_a_legacy_charset_in_the_markup() -> None:
    raw = page('<meta charset="windows-1251">').encode("utf-8")
    text, encoding = decode_html(raw, "text/html")
    assert TEXT in text and encoding == "utf-8"


def test_ascii_only_page_keeps_its_declared_charset() -> None:
    """Nothing in the bytes says otherwise: the declaration stands."""
    raw = b'<html><head><meta charset="windows-1251"></head><body>Obshtina Ruse</body></html>'
    _, encoding = decode_html(raw, "text/html; charset=windows-1251")
    assert encoding == "cp1251"


def test_meta_charset_when_header_has_none() -> None:
    raw = page('<meta charset="windows-1251">').encode("windows-1251")
    text, encoding = decode_html(raw, "text/html")
    assert TEXT in text and encoding == "cp1251"


def test_http_equiv_meta() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    text, encoding = decode_html(page(meta).encode("windows-1251"), None)
    assert TEXT in text and encoding == "cp1251"


def test_wrong_declaration_falls_through_to_utf8() -> None:
    raw = page('<meta charset="utf-8">').encode("utf-8")
    text, encoding = decode_html(raw, "text/html; charset=nonsense-charset")
    assert TEXT in text and encoding == "utf-8"


def test_undeclared_utf8() -> None:
    text, encoding = decode_html(page().encode("utf-8"))
    assert TEXT in text and encoding == "utf-8"


def test_undeclared_windows_1251_is_detected() -> None:
    text, encoding = decode_html(page(body=TEXT * 5).encode("windows-1251"))
    assert TEXT in text
    assert encoding in ("cp1251", "windows-1251")


def test_never_raises_on_garbage() -> None:
    text, encoding = decode_html(bytes(range(256)) * 4, "text/html; charset=utf-8")
    assert isinstance(text, str) and encoding


@pytest.mark.parametrize("header", ["text/html; charset=utf-8", None, "text/html; charset=cp1251"])
def test_a_utf8_page_with_a_stray_byte_is_still_utf8(header: str | None) -> None:
    """One byte that is no UTF-8 (an excerpt cut inside a letter) sent a UTF-8 page,
    declared so or not, to the detector, which read every letter of it as two
    ("РћР±С‰РёРЅР°"): the whole article garbled for one bad byte. A browser shows that
    byte as U+FFFD and the rest as UTF-8; so does the crawl."""
    cut = "Русе".encode()[:3]  # a letter's first byte without its second
    raw = (
        page('<meta charset="utf-8">', f"{TEXT} {TEXT}")
        .encode("utf-8")
        .replace(b"<p>", b"<p>" + cut)
    )
    text, encoding = decode_html(raw, header)
    assert encoding == "utf-8" and f"Р\ufffd{TEXT}" in text, text


@pytest.mark.parametrize("label", ["text/html; charset=utf-8", None])
def test_a_windows_1251_page_under_a_utf8_label_is_not_read_as_utf8(label: str | None) -> None:
    """The stray bytes rule does not take in a windows-1251 page a server calls UTF-8,
    even one holding a little real UTF-8 (a pasted quote): its letters are no UTF-8."""
    raw = page('<meta charset="utf-8">', TEXT * 3).encode("windows-1251") + "„ё“".encode()
    text, encoding = decode_html(raw, label)
    assert encoding in ("cp1251", "windows-1251") and TEXT in text


def test_a_page_and_a_feed_no_charset_reads_fall_back_to_one_legacy_charset() -> None:
    """Fetching's last resort for a page and discovery's for a feed that is no UTF-8 are
    the one windows-1251 (``utf8_strays.LEGACY_CHARSET``): written in both places, one
    could change without the other, and a site's pages and feed be read two ways."""
    from newsarchive.discover.feeds import _read_again_as
    from newsarchive.utf8_strays import LEGACY_CHARSET

    assert codecs.lookup(LEGACY_CHARSET).name == "cp1251"
    undetectable = bytes(range(128, 256))  # (no detector's guess: the last resort)
    assert decode_html(undetectable) == (undetectable.decode("cp1251", "replace"), LEGACY_CHARSET)
    assert _read_again_as(f"<rss><title>{TEXT}</title>".encode("cp1251")) == LEGACY_CHARSET


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_no_byte_order_mark_and_no_label_is_told_by_its_zero_bytes(codec: str) -> None:
    """Read as UTF-8 it decoded without a fault (a Cyrillic letter is 0x04 and a byte
    under 0x80), a NUL beside every character, and the crawl failed it as binary data.
    Its title a Cyrillic line early on, its start is 30% zeros on one side, not 40%."""
    raw = page(body=TEXT * 10).encode(codec)
    assert decode_html(raw) == decode_html(raw, "text/html") == (page(body=TEXT * 10), codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read_by_it(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    assert decode_html(bom + page().encode(codec)) == (page(), codec)


def _noise() -> dict[str, bytes]:
    rng = random.Random(11)
    return {
        "random": rng.randbytes(4000),
        "zeros": bytes(4000),
        "zeros-on-one-side": bytes(b for _ in range(2000) for b in (rng.randrange(256), 0)),
        "16-bit-samples": bytes(
            b for _ in range(2000) for b in (rng.randrange(256), rng.choice((0, 0, 255)))
        ),
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000),
        "utf-32": page().encode("utf-32-le"),
        "utf-8-with-stray-nuls": page(body=TEXT * 10).encode().replace(b" ", b"\x00"),
    }


@pytest.mark.parametrize("name", list(_noise()))
def test_zero_bytes_alone_do_not_make_utf16(name: str) -> None:
    """Noise with zeros on one side reads as UTF-16 control characters and letters of
    any script; UTF-32's and a UTF-8 page's NULs as NULs and CJK: none of it is UTF-16."""
    content = _noise()[name]
    assert undeclared_utf16(content) is None
    assert not decode_html(content, "text/html")[1].startswith("utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    ("header", "meta"),
    [
        ("text/html; charset=utf-8", ""),
        ("text/html; charset=windows-1251", ""),
        ("text/html; charset=iso-8859-1", ""),
        ("text/html; charset=koi8-r", '<meta charset="windows-1251">'),
    ],
)
def test_utf16_with_no_byte_order_mark_under_a_one_byte_label_is_told_by_its_zero_bytes(
    codec: str, header: str, meta: str
) -> None:
    """A label that reads ASCII as ASCII read such a page without a fault, a NUL beside
    every character (``undeclared_utf16`` comes first); the label's own pages stay its."""
    wide = page(meta, TEXT * 10)
    assert decode_html(wide.encode(codec), header) == (wide, codec)
    one_byte = header.rsplit("=", 1)[1]
    narrow = page(meta, TEXT * 10).encode("utf-8" if one_byte == "utf-8" else "windows-1251")
    assert not decode_html(narrow, header)[1].startswith("utf-16")
