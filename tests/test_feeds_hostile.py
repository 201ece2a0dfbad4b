"""Hostile feeds and sitemaps (issue 10, rows 9 and 13): gzip bombs, oversized sitemaps and
entity declarations in any encoding are read within the body cap, the entry cap and bounded
memory, and never expand an entity."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.discover import feeds as feeds_module
from newsarchive.discover.feeds import (
    EMPTY,
    MAX_BYTES,
    MAX_ENTRIES,
    Feed,
    FeedEntry,
    feed_links,
    parse_feed,
    read_feed,
)
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .support import Result

MiB = 1024 * 1024


def urlset(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def gzip_members(*parts: bytes, repeat_middle: int = 1) -> bytes:
    """A multi-member gzip: cheap to build however large it inflates (the middle repeats)."""
    first, middle, last = (gzip.compress(p, compresslevel=9) for p in parts)
    return first + middle * repeat_middle + last


def test_the_body_cap_is_the_fetchers_setting() -> None:
    assert FetchOptions().max_bytes == 10 * MiB
    padding = b"x" * MiB
    sitemap = gzip_members(
        b"<urlset><url><loc>https://x.bg/a-1</loc></url><!--",
        padding,
        b"--><url><loc>https://x.bg/b-2</loc></url></urlset>",
        repeat_middle=10,
    )
    assert parse_feed(sitemap) == [FeedEntry("https://x.bg/a-1")]
    feed = read_feed(sitemap)
    assert feed.cut == ("larger than 10,485,760 bytes (after gunzip): read the first 10,485,760")
    assert read_feed(sitemap, max_bytes=12 * MiB).cut is None
    assert len(read_feed(sitemap, max_bytes=12 * MiB).entries) == 2


def peak_memory(document: bytes, max_bytes: int = MAX_BYTES) -> tuple[Feed, int]:
    tracemalloc.start()
    try:
        feed = read_feed(document, max_bytes=max_bytes)
        return feed, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_of_elements_is_read_in_small_memory() -> None:
    """200 MiB of one URL repeated: 1 MiB (the cap, small here: 26,000 entries, fewer than
    the entry cap, which repeats count toward) is read, never held whole."""
    url = b"<url><loc>https://x.bg/a-1</loc></url>" * 1000
    bomb = gzip_members(b"<urlset>", url * 27, b"</urlset>", repeat_middle=200)
    assert len(bomb) < MiB  # inflates to 200 MiB
    feed, peak = peak_memory(bomb, max_bytes=MiB)
    assert feed.entries == [FeedEntry("https://x.bg/a-1")]
    assert feed.cut is not None and "1,048,576" in feed.cut
    assert peak < 3 * MiB, peak


def test_a_gzip_bomb_in_one_token_costs_at_most_a_few_caps() -> None:
    """expat holds a whole token (here a 200 MB comment) in memory: the cap bounds it."""
    bomb = gzip_members(b"<urlset><!--", b"x" * MiB, b"-->", repeat_middle=200)
    feed, peak = peak_memory(bomb)
    assert feed.entries == [] and feed.cut is not None and "10,485,760" in feed.cut
    assert peak < 3 * MAX_BYTES, peak


def test_a_sitemap_past_50000_urls_keeps_the_first_50000_and_says_so() -> None:
    urls = [f"https://x.bg/news/n-{i}" for i in range(MAX_ENTRIES + 5)]
    sitemap = gzip.compress(urlset(urls))
    entries = parse_feed(sitemap)
    assert MAX_ENTRIES == 50_000
    assert [e.url for e in entries] == urls[:MAX_ENTRIES]
    assert read_feed(sitemap).cut == "more than 50,000 entries: read the first 50,000"
    small = read_feed(urlset(urls[:10]), max_entries=3)
    assert [e.url for e in small.entries] == urls[:3] and small.cut is not None
    exact = read_feed(urlset(urls[:3]), max_entries=3)  # duplicates do not count
    assert len(exact.entries) == 3 and exact.cut is None


def test_repeated_entries_count_toward_the_entry_cap() -> None:
    """A file lists at most 50,000 URLs, repeats of one address among them: a sitemap
    repeating one for its 10 MB was read to its end, each entry built and dropped."""
    repeated = ["https://x.bg/news/a"] * 6 + ["https://x.bg/news/b"]
    feed = read_feed(urlset(repeated), max_entries=5)
    assert [e.url for e in feed.entries] == ["https://x.bg/news/a"]
    assert feed.cut == "more than 5 entries: read the first 5"
    whole = read_feed(urlset(repeated[:4] + repeated[-1:]), max_entries=5)
    assert [e.url for e in whole.entries] == repeated[-2:] and whole.cut is None
    # a broken document's regex fallback reads again what the parse read: no repeat there
    broken = urlset(repeated[:4] + repeated[-1:]).replace(b"</urlset>", b"<url><loc>&x;")
    fallback = read_feed(broken, max_entries=5)
    assert [e.url for e in fallback.entries] == repeated[-2:]


def test_a_sitemap_of_elements_outside_its_entries_is_read_no_further() -> None:
    """Each element costs the parse's callbacks: 10 MiB of <loc>s outside any <url> took
    0.4 s to read (3.7 s on a loaded machine) for no entry. Past 10,000 outside the
    entries the document is read no further: the entries before stay (and any in the
    rest of the 256 KiB chunk the cap falls in)."""
    head = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    first = b"<url><loc>https://x.bg/news/a</loc></url>"
    last = b"<url><loc>https://x.bg/news/c</loc></url></urlset>"
    outside = read_feed(head + first + b"<loc>https://x.bg/x</loc>" * 40_000 + last)
    assert [e.url for e in outside.entries] == ["https://x.bg/news/a"]
    cut = "more than 10,000 elements outside its entries: read the entries before them"
    assert outside.cut == cut
    fewer = read_feed(head + first + b"<loc>https://x.bg/x</loc>" * 9_000 + last)
    assert len(fewer.entries) == 2 and fewer.cut is None


def test_broken_xml_regex_fallback_also_stops_at_the_entry_cap() -> None:
    broken = b"<rss><channel>" + b"".join(
        b"<item><title>A & B</title><link>https://x.bg/n-%d</link></item>" % i for i in range(10)
    )
    feed = read_feed(broken, max_entries=4)
    assert [e.url for e in feed.entries] == [f"https://x.bg/n-{i}" for i in range(4)]
    assert feed.cut == "more than 4 entries: read the first 4"


def test_feed_links_tells_the_caller_it_was_cut() -> None:
    profile = Profile(id="x", name="X", origin="https://x.bg", article_pattern=r"^/news/n-\d+$")
    urls = [f"https://x.bg/news/n-{i}" for i in range(6)]
    links = feed_links(urlset(urls), profile, "feed", max_bytes=200)
    assert 0 < len(links.articles) < 6 and links.sitemaps == []
    assert links.cut == "larger than 200 bytes (after gunzip): read the first 200"
    whole = feed_links(urlset(urls), profile, "feed")
    assert [c.url for c in whole.articles] == urls and whole.cut is None


def test_one_huge_entry_keeps_its_link() -> None:
    item = b"<item>" + b"<category>c</category>" * 100_000 + b"<link>https://x.bg/a-1</link>"
    feed = (
        b"<rss><channel>"
        + item
        + b"</item><item><link>https://x.bg/b-2</link></item></channel></rss>"
    )
    assert [e.url for e in parse_feed(feed)] == ["https://x.bg/b-2"]


ENTITY_FEED = (
    '<?xml version="1.0" encoding="{encoding}"?>'
    '<!DOCTYPE rss [<!ENTITY u "https://x.bg/evil-1">]>'
    "<rss><channel><item><link>&u;</link></item></channel></rss>"
)


def lol_bomb(levels: int) -> str:
    """Billion laughs: each level expands to ten of the one below (3 * 10**levels chars)."""
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels + 1)
    ]
    return (
        '<?xml version="1.0" encoding="{encoding}"?>'
        f"<!DOCTYPE rss [{''.join(decls)}]>"
        f"<rss><channel><item><link>https://x.bg/&lol{levels};</link></item></channel></rss>"
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8"])
@pytest.mark.parametrize(
    "template",
    [
        ENTITY_FEED,
        lol_bomb(5),  # 300 kB: within expat's own amplification limit, so it used to expand
        lol_bomb(9),  # the classic billion laughs
        ENTITY_FEED.replace('"https://x.bg/evil-1"', 'SYSTEM "file:///etc/hostname"'),
        ENTITY_FEED.replace("<!ENTITY u", "<!ENTITY % p '<!ENTITY u \"x\">'> %p; <!ENTITY v"),
    ],
    ids=["entity", "300kB-laughs", "billion-laughs", "external", "parameter"],
)
def test_entity_declarations_are_refused_in_any_encoding(codec: str, template: str) -> None:
    declared = "utf-16" if codec.startswith("utf-16") else codec
    text = template.replace("{encoding}", declared)
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):  # a BOM, as UTF-16 documents carry
        data = ("\ufeff" + text).encode(codec)
    for document in (data, gzip.compress(data)):
        feed = read_feed(document)
        assert feed.entries == []
        assert feed.cut == "declares XML entities or external references: refused, nothing read"


def test_a_doctype_without_entities_is_still_read() -> None:
    rss091 = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://127.0.0.1:9/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<item><link>https://x.bg/a-1</link></item></channel></rss>"
    )
    assert read_feed(rss091) == read_feed(
        rss091.split(b"<!DOCTYPE")[0] + rss091[rss091.index(b"<rss") :]
    )
    assert [e.url for e in parse_feed(rss091)] == ["https://x.bg/a-1"]


PHP_NOTICE = (
    b"<br />\n<b>Deprecated</b>:  Function create_function() is deprecated in "
    b"<b>/home/x/public_html/sitemap.class.php</b> on line <b>38</b><br />\n"
)


def test_what_a_server_printed_before_the_xml_declaration_is_passed_over() -> None:
    """A PHP notice ahead of a sitemap index: its children are still sitemaps, dated;
    ahead of a feed, its items keep their dates (the regex fallback had neither)."""
    index = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex'
        b' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
        b"<loc>https://x.bg/sitemap.php?part=news</loc><lastmod>2026-11-28</lastmod>"
        b"</sitemap></sitemapindex>"
    )
    assert read_feed(PHP_NOTICE + index) == read_feed(index)
    assert read_feed(PHP_NOTICE + index).entries[0].is_sitemap
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><link>https://x.bg/</link><item>'
        b"<link>https://x.bg/a-1</link><pubDate>Sat, 28 Nov 2026 10:00:00 +0200</pubDate>"
        b"</item></channel></rss>"
    )
    assert read_feed(b"\xef\xbb\xbf\n" + PHP_NOTICE + rss) == read_feed(rss)
    # a declaration quoted inside the document is no place to start it from
    quoted = (
        b'<rss version="2.0"><channel><item><link>https://x.bg/a-2</link><description>'
        b'<![CDATA[<?xml version="1.0"?>]]></description></item></channel></rss>'
    )
    assert [entry.url for entry in read_feed(quoted).entries] == ["https://x.bg/a-2"]


def test_broken_utf16_xml_still_yields_links_by_regex() -> None:
    broken = "<rss><channel><item><title>A & B</title><link>https://x.bg/h-8</link></item>"
    assert [e.url for e in parse_feed(broken.encode("utf-16"))] == ["https://x.bg/h-8"]
    assert [e.url for e in parse_feed(broken.encode("utf-8"))] == ["https://x.bg/h-8"]


def broken_sitemap(count: int) -> bytes:
    """A sitemap that breaks after its first half: an unescaped ``&`` in a ``<loc>`` (which
    the regex then finds as it finds the others)."""
    first = "".join(f"<url><loc>https://x.bg/a-{n}</loc></url>" for n in range(count // 2))
    rest = "".join(f"<url><loc>https://x.bg/b-{n}</loc></url>" for n in range(count // 2))
    return f"<urlset>{first}<url><loc>https://x.bg/?a=1&b</loc></url>{rest}".encode()


@pytest.mark.parametrize("gzipped", [False, True])
@pytest.mark.parametrize("keep", [1024 * 1024, 1000])  # the parser's chunks kept, or not
def test_the_regex_fallback_reads_the_document_it_was_given_in_full(
    monkeypatch: pytest.MonkeyPatch, gzipped: bool, keep: int
) -> None:
    """Whether the fallback reuses what the parser read (``_KEEP``) or reads anew, it sees
    every chunk from the first: the half the parser read and the half it never reached."""
    monkeypatch.setattr(feeds_module, "_CHUNK", 4096)  # many chunks, a break in the middle
    monkeypatch.setattr(feeds_module, "_KEEP", keep)
    document = broken_sitemap(2000)
    urls = [e.url for e in parse_feed(gzip.compress(document) if gzipped else document)]
    assert len(urls) == 2001 and urls[0] == "https://x.bg/a-0" and urls[-1] == "https://x.bg/b-999"


def test_a_broken_gzipped_feed_is_inflated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    inflated: list[int] = []
    inflate = feeds_module.Gunzipped.__iter__

    def counting(self: feeds_module.Gunzipped) -> Iterator[bytes]:
        for chunk in inflate(self):
            inflated.append(len(chunk))
            yield chunk

    monkeypatch.setattr(feeds_module.Gunzipped, "__iter__", counting)
    document = broken_sitemap(2000)
    assert len(parse_feed(gzip.compress(document))) == 2001  # the broken <loc> too
    assert sum(inflated) == len(document)


@pytest.mark.parametrize("encoding", ["shift_jis", "utf-32", "x-unknown", "rot13", "idna"])
def test_an_encoding_expat_cannot_read_falls_back_to_the_regex(encoding: str) -> None:
    feed = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss><channel>'
        "<item><link>https://x.bg/a-1</link></item></channel></rss>"
    ).encode()
    assert [e.url for e in parse_feed(feed)] == ["https://x.bg/a-1"]


XML_BITS = st.sampled_from([
    b"<?xml version='1.0' encoding='utf-16'?>", b"<!DOCTYPE r [", b"<!ENTITY a 'EXPANDED'>", b"]>",
    b"<rss>", b"<urlset>", b"<url>", b"<item>", b"<link>", b"</link>", b"<loc>", b"</loc>",
    b"https://x.bg/a-1", b"&a;", b"&amp;", b"<![CDATA[", b"]]>", b"\x1f\x8b", b"\xff\xfe",
])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(XML_BITS, st.binary(max_size=8)), max_size=30), st.booleans())
def test_any_bytes_give_a_feed_within_the_caps_and_never_raise(
    parts: list[bytes], zipped: bool
) -> None:
    document = b"".join(parts)
    feed = read_feed(gzip.compress(document) if zipped else document, max_entries=2)
    assert len(feed.entries) <= 2
    assert not [e for e in feed.entries if "EXPANDED" in e.url]  # never an entity's value


def test_a_crawl_reads_a_bomb_and_an_oversized_sitemap_within_the_caps(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    """Through the real fetcher: a 200 MiB gzip bomb costs one request and nothing else;
    of 50,001 sitemap URLs only the first 50,000 are considered (the last is an article)."""
    site = tmp_path / "mirror"
    (site / "news").mkdir(parents=True)
    (site / "bomb.xml.gz").write_bytes(
        gzip_members(b"<urlset><!--", b"x" * MiB, b"--></urlset>", repeat_middle=200)
    )
    urls = [f"https://www.example.bg/tag/t-{i}" for i in range(MAX_ENTRIES)]
    urls += ["https://www.example.bg/news/parkat-101"]
    (site / "big.xml.gz").write_bytes(gzip.compress(urlset(urls)))
    (site / "news" / "parkat-101.html").write_text("<h1>Паркът</h1>", encoding="utf-8")
    profile = tmp_path / "example.toml"
    profile.write_text(
        'id = "example"\norigin = "https://www.example.bg"\n'
        '[discovery]\nsitemaps = ["/bomb.xml.gz", "/big.xml.gz"]\n'
        "article_pattern = '^/news/[a-z-]+-\\d+$'\n",
        encoding="utf-8",
    )
    with MirrorServer(site) as server:
        result = run_cli("crawl", "example", "--profile", str(profile), "--base-url",
                         server.url, "--delay", "0", "--db", str(tmp_path / "a.db"))  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert "/news/parkat-101" not in server.requests
        assert {"/bomb.xml.gz", "/big.xml.gz"} <= set(server.requests)
    # a cut is a warning a person should see (even with --quiet), not a failure
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert any("big.xml.gz: more than 50,000 entries: read the first 50,000" in w for w in warnings)
    assert any("bomb.xml.gz: larger than" in w for w in warnings)


def test_entities_behind_a_windows_1251_comment_are_refused_as_any() -> None:
    """An old CMS's windows-1251 comment before the DOCTYPE breaks the first parse; read
    again as windows-1251, its entity is refused with the same word, nothing read."""
    text = (
        '<?xml version="1.0"?><!-- Новини на общината -->'
        '<!DOCTYPE rss [<!ENTITY a "b">]><rss><channel><item>'
        "<link>https://x.bg/n/1</link></item></channel></rss>"
    )
    feed = read_feed(text.encode("windows-1251"))
    assert feed.entries == []
    assert feed.cut == "declares XML entities or external references: refused, nothing read"


def _numbered_urlset(count: int) -> bytes:
    return urlset([f"https://www.example.bg/news/novina-{i}" for i in range(count)])


def test_a_gzipped_sitemap_cut_short_gives_what_it_holds_and_says_so() -> None:
    """``gzip.GzipFile`` raised EOFError from the read that held all it had inflated: a
    ``sitemap.xml.gz`` cut anywhere (a stored file half uploaded) gave no entry at all,
    and no word of why."""
    packed = gzip.compress(_numbered_urlset(300))
    half = read_feed(packed[: len(packed) // 2])
    assert 0 < len(half.entries) < 300
    assert [e.url for e in half.entries] == [
        f"https://www.example.bg/news/novina-{i}" for i in range(len(half.entries))
    ]
    assert half.cut is not None and "cut short" in half.cut
    # missing only the trailer (or its last bytes), the XML is whole: nothing to say
    assert read_feed(packed[:-4]) == Feed(read_feed(packed).entries)
    assert len(read_feed(packed[:-4]).entries) == 300
    # after its last member, gzip's own reader passed over what follows: so does this one
    assert read_feed(packed + packed + b"\x00\x00junk") == read_feed(packed)
    assert read_feed(b"\x1f\x8b\x08\x00corrupt").entries == []


@pytest.mark.parametrize(
    "content",
    [b"", b" \r\n\t\n", b"\xef\xbb\xbf\n", gzip.compress(b""), gzip.compress(b"\n\n")],
    ids=["zero-bytes", "white-space", "bom", "gzip-of-nothing", "gzip-of-white-space"],
)
def test_a_document_of_nothing_says_it_is_empty(content: bytes) -> None:
    """Nothing in it (a generator that failed): said, where it read as a document of no
    entries; a document listing none is no such thing, nor a gzip cut or broken."""
    assert read_feed(content) == Feed([], EMPTY)
    profile = Profile(id="x", name="x", origin="https://www.example.bg")
    assert feed_links(content, profile, "sitemap", max_bytes=MAX_BYTES).empty


def test_an_empty_list_or_a_broken_gzip_is_not_said_empty() -> None:
    none_listed = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
    )
    assert read_feed(none_listed) == Feed([])
    assert read_feed(b"<rss><channel></channel></rss>") == Feed([])
    packed = gzip.compress(b"\n" * 100_000)
    assert read_feed(packed[: len(packed) // 2]).cut not in (None, EMPTY)  # cut short
    assert read_feed(b"\x1f\x8b\x08\x00corrupt").cut not in (None, EMPTY)


def test_a_crawl_warns_of_a_gzipped_sitemap_cut_short_and_reads_what_it_holds(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    site = tmp_path / "mirror"
    (site / "news").mkdir(parents=True)
    urls = [f"https://www.example.bg/news/parkat-{i}" for i in (101, 102)]
    urls += [f"https://www.example.bg/news/filler-{i}" for i in range(200)]
    packed = gzip.compress(urlset(urls))
    (site / "cut.xml.gz").write_bytes(packed[: len(packed) // 2])
    for i in (101, 102):
        (site / "news" / f"parkat-{i}.html").write_text(
            f"<title>Паркът {i}</title><article><h1>Паркът {i}</h1>"
            + "<p>Общината ремонтира парка в центъра на града през лятото.</p>" * 3
            + "</article>",
            encoding="utf-8",
        )
    profile = tmp_path / "example.toml"
    profile.write_text(
        'id = "example"\norigin = "https://www.example.bg"\n'
        '[discovery]\nsitemaps = ["/cut.xml.gz"]\n'
        "article_pattern = '^/news/parkat-\\d+$'\n",
        encoding="utf-8",
    )
    with MirrorServer(site) as server:
        result = run_cli("crawl", "example", "--profile", str(profile), "--base-url",
                         server.url, "--delay", "0", "--db", str(tmp_path / "a.db"))  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert {"/news/parkat-101", "/news/parkat-102"} <= set(server.requests)
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert any("cut.xml.gz: its gzip stream ends before its end" in w for w in warnings)
    assert "2 new" in result.stdout


def _corrupt_gzips(packed: bytes) -> dict[str, bytes]:
    """A gzip sitemap broken in the ways a disk, an upload or a CMS plugin breaks one."""
    return {
        "bad-method": packed[:2] + b"\x09" + packed[3:],  # (no deflate: no gzip at all)
        "garbage-after-magic": b"\x1f\x8b" + bytes(range(256)) * 4,
        "bad-crc": packed[:-8] + bytes(4) + packed[-4:],
        "bad-length": packed[:-4] + b"\xff\xff\xff\x7f",
        "corrupt-middle": packed[:40] + b"\xff" * 24 + packed[64:],
    }


@pytest.mark.parametrize("how", list(_corrupt_gzips(b"\x1f\x8b\x08" + bytes(20))))
def test_a_corrupt_gzip_sitemap_says_so_and_keeps_what_came_whole(how: str) -> None:
    """A corrupt gzip is no file cut short: its warning says "corrupt", not that the
    file ended early (a reader would look for a half upload). What inflated before the
    damage is read; a checksum that fails after a whole stream loses none of it (the
    inflater raised with all of it in hand, and every entry was lost)."""
    packed = gzip.compress(_numbered_urlset(300))
    feed = read_feed(_corrupt_gzips(packed)[how])
    assert feed.cut is not None and "corrupt" in feed.cut and "cut short" not in feed.cut
    assert "\n" not in feed.cut
    if how in ("bad-crc", "bad-length"):
        assert len(feed.entries) == 300
    if how in ("bad-method", "garbage-after-magic"):
        assert feed.entries == []


def test_a_crawl_warns_of_a_corrupt_gzip_sitemap_and_goes_on_with_its_other_sources(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    site = tmp_path / "mirror"
    (site / "news").mkdir(parents=True)
    packed = gzip.compress(urlset([f"https://www.example.bg/news/parkat-{i}" for i in (1, 2)]))
    (site / "broken.xml.gz").write_bytes(b"\x1f\x8b" + bytes(range(256)))
    (site / "sitemap.xml").write_bytes(gzip.decompress(packed))
    for i in (1, 2):
        (site / "news" / f"parkat-{i}.html").write_text(
            f"<title>Паркът {i}</title><article><h1>Паркът {i}</h1>"
            + "<p>Общината ремонтира парка в центъра на града през лятото.</p>" * 3
            + "</article>",
            encoding="utf-8",
        )
    profile = tmp_path / "example.toml"
    profile.write_text(
        'id = "example"\norigin = "https://www.example.bg"\n'
        '[discovery]\nsitemaps = ["/broken.xml.gz", "/sitemap.xml"]\n'
        "article_pattern = '^/news/parkat-\\d+$'\n",
        encoding="utf-8",
    )
    with MirrorServer(site) as server:
        result = run_cli("crawl", "example", "--profile", str(profile), "--base-url",
                         server.url, "--delay", "0", "--db", str(tmp_path / "a.db"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "broken.xml.gz" in line]
    assert len(warnings) == 1 and "corrupt" in warnings[0], result.stderr
    assert "Traceback" not in result.stderr
    assert "2 new" in result.stdout


# A date field of megabytes (dates.DATE_FIELD_CHARS): read as text, a 2 MB <pubDate> took
# read_feed 2.7 s and gave the date at its end; a field that long holds no date.
_LONG_DATE = "Mon, " + "1 " * 1_000_000 + "03 Mar 2025 10:00:00 +0200"


def _rss_dated(date: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'
        f"<item><link>https://x.bg/news/1</link><pubDate>{date}</pubDate></item>"
        "</channel></rss>"
    ).encode()


def test_a_megabytes_long_pubdate_is_no_date_and_read_at_once() -> None:
    feed = read_feed(_rss_dated(_LONG_DATE))
    assert feed.entries == [FeedEntry("https://x.bg/news/1", None)]
    # (a pubDate of the usual length is read as before)
    short = read_feed(_rss_dated("Mon, 03 Mar 2025 10:00:00 +0200")).entries[0]
    assert short.published is not None and short.published.day == 3


def test_a_megabytes_long_lastmod_atom_date_or_json_date_is_no_date() -> None:
    sitemap = (
        "<urlset><url><loc>https://x.bg/a</loc><lastmod>"
        + "12 март " * 125_000
        + "12.03.2024</lastmod></url></urlset>"
    ).encode()
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.bg/b"/>'
        "<updated>" + "1" * 500_000 + "2024-03-12T10:00:00Z</updated></entry></feed>"
    ).encode()
    as_json = json.dumps(
        {"items": [{"url": "https://x.bg/c", "date_published": "1" * 500_000 + "2024-03-12"}]}
    ).encode()
    for content in (sitemap, atom, as_json):
        (entry,) = read_feed(content).entries
        assert entry.published is None
