"""A page's charset named in its XML declaration (``<?xml version="1.0"
encoding="windows-1251"?>``), the one place old XHTML 1.0 sites name it, read where a
browser reads it (``fetch.charset``): after a ``<meta>`` in a page served as text/html,
before one in a page served as XML (``application/xhtml+xml``), whose parser never reads
a ``<meta>``; never over a byte order mark or the header's ``charset``.

Measured before (the declaration unread, left to the detector): the detector takes a
declaration whose label it knows as a hint, and read a page's one word right in
windows-1251, KOI8-R, ISO-8859-5 and UTF-8 alike (those cases pass before too); under
``x-cp1251`` (the HTML Standard's label for windows-1251, and ``_normalise``'s) it
guessed, and read "Новини" as Big5 and "Обява" as Mac Roman. A Western template's
``<meta … charset=iso-8859-1 />`` left over pages the XML declaration rightly calls
windows-1251, served as application/xhtml+xml, was believed: every article archived as
"Ðåìîíò íà ìîñòà". Pages written here."""

from __future__ import annotations

import codecs
import io
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsarchive.fetch.charset import decode_html, xml_encoding

from .hostileserver import HostileServer, Reply, response
from .support import Result

XHTML = "application/xhtml+xml"
CODECS = {"windows-1251": "cp1251", "x-cp1251": "cp1251", "koi8-r": "koi8-r"}
CODECS |= {"iso-8859-5": "iso8859-5", "utf-8": "utf-8"}
WESTERN_META = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />'


def xhtml(label: str, title: str, content: str, head: str = "") -> str:
    """A page of an XHTML 1.0 template, its charset ``label`` named in its XML
    declaration (and elsewhere only if ``head`` says one)."""
    return (
        f'<?xml version="1.0" encoding="{label}"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="bg" lang="bg">\n'
        f"<head>{head}<title>{title}</title></head>\n<body>\n"
        '<div id="menu"><a href="/">Home</a> | <a href="/novini.php">News</a></div>\n'
        f"{content}\n</body>\n</html>\n"
    )


@pytest.mark.parametrize("label", list(CODECS))
@pytest.mark.parametrize("word", ["Новини", "Обява"])
@pytest.mark.parametrize("content_type", [XHTML, "text/html", None])
def test_a_short_page_is_read_by_its_xml_declaration(
    label: str, word: str, content_type: str | None
) -> None:
    """One Cyrillic word in a page of markup: too little for a guess. Before, under
    ``x-cp1251``: Big5 and Mac Roman."""
    page = xhtml(label, "Gyovren", f"<p>{word}</p>")
    assert xml_encoding(page.encode()) == label
    assert decode_html(page.encode(CODECS[label]), content_type) == (page, CODECS[label])


STALE = {  # a template's <meta> beside the declaration: (declared, in the <meta>)
    "windows-1251": WESTERN_META,
    "koi8-r": WESTERN_META.replace("iso-8859-1", "windows-1251"),
    "iso-8859-5": WESTERN_META.replace("iso-8859-1", "koi8-r"),
}


@pytest.mark.parametrize("label", list(STALE))
def test_served_as_xml_the_declaration_is_believed_before_a_meta(label: str) -> None:
    """The XML parser a browser reads application/xhtml+xml with never reads a <meta>:
    a template's left over said nothing the site's visitors saw. Before, the <meta>'s
    charset read every letter as another."""
    page = xhtml(label, "Ремонт на моста", "<p>Общината ремонтира моста.</p>", STALE[label])
    raw = page.encode(CODECS[label])
    assert decode_html(raw, XHTML) == (page, CODECS[label])
    assert decode_html(raw, "application/xml") == (page, CODECS[label])
    assert decode_html(raw, "text/html")[1] != CODECS[label]  # HTML's order: the <meta>


def test_served_as_html_a_meta_is_believed_before_the_declaration() -> None:
    """The HTML Standard reads the XML declaration only when no <meta> names a charset
    (what a browser showed the site's author); ``extract``'s file has no type either."""
    meta = WESTERN_META.replace("iso-8859-1", "koi8-r")
    page = xhtml("windows-1251", "Ремонт на моста", "<p>Общината ремонтира моста.</p>", meta)
    raw = page.encode("koi8-r")
    assert decode_html(raw, "text/html") == decode_html(raw) == (page, "koi8-r")


def test_a_byte_order_mark_and_the_header_come_before_the_declaration() -> None:
    """A byte order mark, then the header's charset (RFC 7303 for XML, the HTML Standard
    for HTML), as for a <meta>."""
    page = xhtml("windows-1251", "Ремонт на моста", "<p>Общината ремонтира моста.</p>")
    assert decode_html(codecs.BOM_UTF8 + page.encode(), XHTML) == (page, "utf-8")
    assert decode_html(page.encode("koi8-r"), f"{XHTML}; charset=koi8-r") == (page, "koi8-r")


@pytest.mark.parametrize("label", ["utf-16", "utf-32", "cp037", "base64", "no-such-charset"])
def test_a_declaration_no_ascii_page_can_mean_is_passed_over(label: str) -> None:
    """Read as ASCII, as a <meta> is: a UTF-16 page's declaration is UTF-16 itself
    (``undeclared_utf16`` reads it by its zero bytes), one read as ASCII cannot mean it."""
    page = xhtml(label, "Ремонт на моста", "<p>Общината ремонтира моста.</p>" * 3)
    assert decode_html(page.encode("cp1251"), XHTML) == (page, "cp1251")


def test_a_utf16_page_with_its_declaration_is_read_by_its_zero_bytes() -> None:
    page = xhtml("utf-16", "Ремонт на моста", "<p>Общината ремонтира моста.</p>")
    assert decode_html(page.encode("utf-16-le"), XHTML) == (page, "utf-16-le")


def test_only_a_declaration_opening_the_page_is_one() -> None:
    """A declaration quoted later (an article about XML, a stylesheet's processing
    instruction) names nothing; whitespace a PHP include printed first is forgiven."""
    assert xml_encoding(b"\n  <?xml version=\"1.0\" encoding='koi8-r' ?><p/>") == "koi8-r"
    assert xml_encoding(b'<p>&lt;?xml version="1.0" encoding="koi8-r"?&gt;</p>') is None
    assert xml_encoding(b'<?xml version="1.0"?><p>encoding="koi8-r"</p>') is None
    assert xml_encoding(b'<?xml-stylesheet href="a.xsl" encoding="koi8-r"?><p/>') is None


ARTICLE = (
    "<h1>{title}</h1>\n<p>Публикувано на {day}.11.2026 г.</p>\n"
    "<p>Общината започна ремонта на моста над реката. Работата ще продължи до края на "
    "месеца, а движението минава по обходния път през квартала.</p>\n"
    "<p>Кметът благодари на жителите за търпението. Средствата са от общинския бюджет "
    "и от програма за развитие на селските райони.</p>"
)


def test_extract_reads_a_file_by_its_xml_declaration(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """``extract`` of a file decodes it as the crawl does, with no type: HTML's order.
    A notice headed in Cyrillic, its text in Latin letters: before, "Œ·ˇ‚‡" (Mac
    Roman)."""
    text = "Obshtinskiyat savet shte zaseda na 28.11.2026 ot 10:00 v zalata na obshtinata."
    page = xhtml("x-cp1251", "Обява", f"<h1>Обява</h1>\n<p>{text}</p>")
    path = tmp_path / "obyava.html"
    path.write_bytes(page.encode("cp1251"))
    result = run_cli("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert isinstance(data, dict)
    assert (data["title"], data["text"]) == ("Обява", text)


def test_extract_of_an_address_served_as_xhtml_reads_its_declaration(
    run_cli: Callable[..., Result],
) -> None:
    title = "Ремонт на моста"
    page = xhtml("windows-1251", title, ARTICLE.format(title=title, day=28), WESTERN_META)
    routes = {"/novina.php?id=1": response(body=page.encode("cp1251"), content_type=XHTML)}
    with HostileServer(routes) as server:
        result = run_cli("extract", f"{server.url}/novina.php?id=1")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert isinstance(data, dict)
    assert data["title"] == title and data["text"].startswith("Общината започна ремонта")


def test_import_warc_reads_a_record_served_as_xhtml_by_its_declaration(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A WARC's response decoded as the crawl decodes it, by the type it was served
    with. Before: "Ðåìîíò íà ìîñòà"."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    url, title = "https://old.example/novina.php?id=1", "Ремонт на моста"
    body = xhtml("windows-1251", title, ARTICLE.format(title=title, day=28), WESTERN_META)
    raw = body.encode("cp1251")
    warc, db = tmp_path / "old.warc", tmp_path / "archive.db"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", XHTML)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(raw), length=len(raw), http_headers=http
        )
        writer.write_record(record)
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    shown = run_cli("show", url, "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert shown["title"] == title and shown["text"].startswith("Общината започна ремонта")


SITE = "https://gyovren.example"
PROFILE = f"""\
id = "gyovren"
name = "Община Гьоврен"
origin = "{SITE}"

[discovery]
start_urls = ["/novini.php"]
article_pattern = 'novina\\.php\\?id=\\d+$'
max_pages = 0

[extract]
title = ["h1"]
"""
TITLES = {1: "Ремонт на моста", 2: "Нов детски кът в парка", 3: "Обява за сесия на съвета"}


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """httpx honours *_PROXY variables; the crawl must talk to 127.0.0.1 directly."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield


def _site(label: str, head: str) -> dict[str, Reply]:
    """Every page served as application/xhtml+xml with no charset, in ``label``."""

    def served(page: str) -> Reply:
        return response(body=page.encode(CODECS[label]), content_type=XHTML)

    items = "".join(
        f'<dt>{20 + n}.11.2026</dt><dd><a href="novina.php?id={n}">{title}</a></dd>'
        for n, title in TITLES.items()
    )
    routes = {
        "/robots.txt": response(body=b"User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/novini.php": served(xhtml(label, "Новини", f"<h1>Новини</h1><dl>{items}</dl>", head)),
    }
    for n, title in TITLES.items():
        content = ARTICLE.format(title=title, day=20 + n)
        routes[f"/novina.php?id={n}"] = served(xhtml(label, title, content, head))
    return routes


@pytest.mark.parametrize(
    ("label", "head"), [("windows-1251", WESTERN_META), ("koi8-r", ""), ("iso-8859-5", "")]
)
def test_a_crawl_archives_pages_served_as_xhtml_by_their_declaration(
    run_cli: Callable[..., Result], tmp_path: Path, label: str, head: str
) -> None:
    """Before, with the Western template's <meta>: three articles of "Ðåìîíò íà ìîñòà".
    (The declaration alone in KOI8-R and ISO-8859-5: the detector's hint read them right
    before too; the declaration reads them now.)"""
    db = tmp_path / "archive.db"
    profile = tmp_path / "gyovren.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    with HostileServer(_site(label, head)) as site:
        result = run_cli(
            "crawl", "gyovren", "--profile", str(profile), "--base-url", site.url,
            "--delay", "0", "--db", str(db), "--quiet",
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, title, text FROM articles ORDER BY url").fetchall()
        read = "SELECT DISTINCT encoding FROM captures WHERE url NOT LIKE '%robots.txt'"
        encodings = {encoding for (encoding,) in conn.execute(read)}
    assert [(url, title) for url, title, _ in rows] == [
        (f"{SITE}/novina.php?id={n}", title) for n, title in TITLES.items()
    ]
    assert {text[:24] for _, _, text in rows} == {"Общината започна ремонта"}
    assert encodings == {CODECS[label]}
