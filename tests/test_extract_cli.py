"""`newsarchive extract` on a mirror page prints the article's fields, no archive needed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .hostileserver import HostileServer, response
from .support import SITES, Result

EXPECTED = json.loads((SITES / "bta" / "expected.json").read_text(encoding="utf-8"))


def _file_for(url: str) -> str:
    path = url.split("://", 1)[1].split("/", 1)[1]
    return str(SITES / "bta" / f"{path}.html")


def test_extract_bta_page_with_site_profile_prints_json_fields(
    run_cli: Callable[..., Result],
) -> None:
    for expected in EXPECTED:
        result = run_cli("extract", _file_for(expected["url"]), "--site", "bta")
        assert result.exit_code == 0, result.stderr
        data = result.json()
        assert isinstance(data, dict)
        assert data["title"] == expected["title"]
        assert data["published"] == expected["published"]
        assert data["url"] == expected["url"]
        for phrase in expected["must_contain"]:
            assert phrase in data["text"]


def test_extract_picks_profile_from_url_and_prints_text(run_cli: Callable[..., Result]) -> None:
    expected = EXPECTED[0]
    result = run_cli("extract", _file_for(expected["url"]), "--url", expected["url"], "-f", "text")
    assert result.exit_code == 0
    first_line = result.stdout.splitlines()[0]
    assert first_line == expected["title"]
    assert "site.bta" not in result.stdout


def test_extract_accepts_a_utf16_page_with_bom(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    html = "<html><body><h1>Заглавие на статията</h1><p>" + "Текст на статията. " * 8 + "</p>"
    page = tmp_path / "utf16.html"
    page.write_bytes(html.encode("utf-16"))  # with a byte-order mark, full of zero bytes
    result = run_cli("extract", str(page))
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert isinstance(data, dict)
    assert data["title"] == "Заглавие на статията"
    assert data["text"].startswith("Текст на статията.")


WIDE_TITLE = "Заглавие на статията"
WIDE_PAGE = (
    f"<html><head><title>{WIDE_TITLE}</title></head><body><article><h1>{WIDE_TITLE}</h1><p>"
    + "Текст на статията за ремонта на улиците. " * 8
    + "</p></article></body></html>"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_extract_reads_a_utf16_file_without_a_bom_as_a_crawl_does(
    run_cli: Callable[..., Result], tmp_path: Path, codec: str
) -> None:
    """The sniff saw a zero byte before the first tag and said "does not look like an
    HTML page" of a page the crawl reads by its zero bytes (``undeclared_utf16``)."""
    page = tmp_path / "wide.html"
    page.write_bytes(WIDE_PAGE.encode(codec))
    result = run_cli("extract", str(page))
    assert result.exit_code == 0, result.stderr
    assert (result.json()["title"], result.json()["text"][:24]) == (
        WIDE_TITLE,
        "Текст на статията за рем",
    )


@pytest.mark.parametrize(
    ("content_type", "codec"),
    [
        ("text/html", "utf-16-le"),
        ("text/html; charset=utf-8", "utf-16-le"),
        ("text/html; charset=utf-8", "utf-16-be"),
        ("text/html; charset=windows-1251", "utf-16-be"),
    ],
)
def test_extract_of_an_address_reads_utf16_without_a_bom_under_any_one_byte_label(
    run_cli: Callable[..., Result], content_type: str, codec: str
) -> None:
    """Under a one-byte label (a server's default ``charset=utf-8``) the page read with a
    NUL beside every letter, and ``extract`` said "does not look like an HTML page"."""
    routes = {"/n": response(body=WIDE_PAGE.encode(codec), content_type=content_type)}
    with HostileServer(routes) as server:
        result = run_cli("extract", f"{server.url}/n")
    assert result.exit_code == 0, result.stderr
    assert (result.json()["title"], result.json()["text"][:24]) == (
        WIDE_TITLE,
        "Текст на статията за рем",
    )


def test_a_redirected_pages_relative_links_resolve_where_it_ended_up(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """``extract URL`` of an address that redirects reads the page's relative links
    (its canonical here) against where it was found, as a crawl does, not against the
    address typed."""
    root = tmp_path / "site"
    (root / "novini").mkdir(parents=True)
    (root / "_mirror.json").write_text('{"moved": {"/stara-statia": "/novini/statia.html"}}')
    (root / "novini" / "statia.html").write_text(
        '<html><head><link rel="canonical" href="statia.html"></head><body><article>'
        "<h1>Ремонт на улиците</h1><p>"
        + "Общината започва ремонт на шест улици. " * 8
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli("extract", f"{server.url}/stara-statia")
    assert result.exit_code == 0, result.stderr
    assert result.json()["url"] == f"{server.url}/novini/statia.html"


def test_an_address_is_never_read_as_a_file(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    """ "HTTPS://…" typed in capitals and "ftp://…" were "cannot read …: No such file or
    directory", as if a file had been meant: the first is fetched, the second refused."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "statia.html").write_text(
        "<html><body><article><h1>Ремонт на улиците</h1><p>"
        + "Общината започва ремонт на шест улици. " * 8
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli("extract", server.url.replace("http://", "HTTP://") + "/statia.html")
    assert result.exit_code == 0, result.stderr
    assert result.json()["title"] == "Ремонт на улиците"
    refused = run_cli("extract", "ftp://example.bg/statia.html")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "newsarchive: error: extract reads an HTML file, '-' or an http(s) URL,"
        " not 'ftp://example.bg/statia.html'\n"
    )


def test_extract_uses_the_one_profile_file_given_and_refuses_a_bad_one(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """``extract page.html --profile x.toml`` (a profile being tested, as the command's
    help says it is for) ignored the file, even one that was no profile at all, unless
    ``--site`` or ``--url`` was given too: exit 0, the generic rules' fields."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Общината ремонтира моста</title></head><body>"
        "<div class='zaglavie'>Ремонт на моста над реката</div><article><p>"
        + "Общината започва ремонт на моста над реката през април. " * 8
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "mine.toml"
    profile.write_text(
        'id = "mine"\nname = "Моята община"\norigin = "https://www.moya.bg"\n'
        '[discovery]\nstart_urls = ["/"]\n[extract]\ntitle = [".zaglavie"]\n',
        encoding="utf-8",
    )
    used = run_cli("extract", str(page), "--profile", str(profile))
    assert used.exit_code == 0, used.stderr
    data = used.json()
    assert isinstance(data, dict)
    assert (data["site"], data["title"]) == ("mine", "Ремонт на моста над реката")
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nname =\n', encoding="utf-8")
    for given in ([str(broken)], [str(profile), str(broken)], [str(tmp_path / "none.toml")]):
        args = [arg for path in given for arg in ("--profile", path)]
        refused = run_cli("extract", str(page), *args)
        assert refused.exit_code == 2, refused.stdout
        assert refused.stdout == ""
        [line] = refused.stderr.splitlines()
        assert line.startswith("newsarchive: error:")
        assert Path(given[-1]).name in line, line  # (the file at fault named)


@pytest.mark.parametrize(
    ("charset", "codec"), [("utf-16", "utf-16-le"), ("koi8-r", "koi8-r"), ("koi8-u", "koi8-u")]
)
def test_extract_of_an_address_reads_the_page_by_its_headers_charset_as_a_crawl_does(
    run_cli: Callable[..., Result], charset: str, codec: str
) -> None:
    """``extract URL`` handed the page's bytes to the extractor without its Content-Type,
    so a charset the header alone names was guessed (a short KOI8 page came out in other
    letters) or, UTF-16 without a byte order mark, refused as "not an HTML page"; the
    crawl reads the same page by its header."""
    title = "Ремонт на улиците в града"
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "<p>Общината започва ремонт на шест улици от понеделник.</p>" * 3
        + "</article></body></html>"
    )
    routes = {"/n": response(body=page.encode(codec), content_type=f"text/html; charset={charset}")}
    with HostileServer(routes) as server:
        result = run_cli("extract", f"{server.url}/n")
    assert result.exit_code == 0, result.stderr
    assert result.json()["title"] == title
    assert "ремонт на шест улици" in result.json()["text"]


def test_extract_of_an_empty_200_says_it_is_empty_as_a_crawl_does(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An address answering 200 with no body was "does not look like an HTML page", as
    if the address named something else; the crawl calls it an empty page."""
    routes = {"/n": response(body=b" \r\n")}
    with HostileServer(routes) as server:
        result = run_cli("extract", f"{server.url}/n")
    assert result.exit_code == 2
    assert result.stderr == (
        f"newsarchive: error: an empty page (HTTP 200 with no body): {server.url}/n\n"
    )
    empty = tmp_path / "page.html"
    empty.write_bytes(b"")
    result = run_cli("extract", str(empty))
    assert (result.exit_code, result.stderr) == (2, f"newsarchive: error: {empty} is empty\n")
