"""A site served at an IPv6 literal (``http://[::1]:PORT/``): add-site names it by an id
that says it is one, its profile loads, and a crawl archives its news."""

from __future__ import annotations

import socket
import sqlite3
import threading
import tomllib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsarchive.add_site import site_id_for

from .support import Result

Cli = Callable[..., Result]

_STORIES = {
    "nov-most-nad-rekata": (
        "Новият мост над реката отваря за движение",
        "2026-11-30",
        "След две години строителство мостът край старата мелница е готов. Кметът "
        "прери лентата в присъствието на жители от двата бряга.",
    ),
    "zimna-podgotovka": (
        "Общината купи нова снегорина за селата",
        "2026-11-27",
        "Машината ще чисти пътя към трите планински села. Досега хората чакаха по цял "
        "ден, докато техника дойде от съседната община.",
    ),
    "biblioteka-knigi": (
        "Библиотеката получи триста нови книги",
        "2026-11-24",
        "Дарението е от местни семейства и от издателство в столицата. Читателите "
        "могат да ги заемат от понеделник.",
    ),
}


def _shell(title: str, main: str) -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8">'
        f"<title>{title} | Община Примерово</title></head><body>"
        '<header><a href="/">Община Примерово</a><nav><a href="/">Начало</a> '
        '<a href="/novini/">Новини</a> <a href="/kontakti/">Контакти</a></nav></header>'
        f"<main>{main}</main><footer>Община Примерово</footer></body></html>"
    )


def _page(path: str) -> str | None:
    cards = "".join(
        f'<article class="news-item"><h2><a href="/novini/{slug}/">{head}</a></h2>'
        f'<time datetime="{day}">{day}</time><p>{text[:60]}</p></article>'
        for slug, (head, day, text) in _STORIES.items()
    )
    if path == "/":
        return _shell("Начало", f"<h1>Добре дошли</h1><section><h2>Новини</h2>{cards}</section>")
    if path == "/novini/":
        return _shell("Новини", f"<h1>Новини</h1>{cards}")
    if path == "/kontakti/":
        return _shell("Контакти", "<h1>Контакти</h1><p>Площад Централен 1</p>")
    slug = path.removeprefix("/novini/").rstrip("/")
    if path.startswith("/novini/") and slug in _STORIES:
        head, day, text = _STORIES[slug]
        stamp = f'<time datetime="{day}">{day}</time>'
        return _shell(head, f"<article><h1>{head}</h1>{stamp}<p>{text}</p><p>{text}</p></article>")
    return None


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/robots.txt":
            status, kind, text = 200, "text/plain", "User-agent: *\nDisallow:\n"
        else:
            page = _page(self.path.partition("?")[0])
            status, kind, text = (
                (404, "text/html", "<h1>Няма я</h1>") if page is None else (200, "text/html", page)
            )
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class _V6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


@pytest.fixture
def v6_site() -> Iterator[int]:
    """The site on [::1], its port; the test skips where the machine has no IPv6
    loopback."""
    try:
        server = _V6Server(("::1", 0), _Handler)
    except OSError as error:
        pytest.skip(f"no IPv6 loopback here: {error}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("[::1]:8080", "ipv6-0-1-8080"),
        ("[::1]", "ipv6-0-1"),
        ("[2001:db8::5]:80", "ipv6-2001-db8-0-5-80"),
        ("[fe80::1%25eth0]:8000", "ipv6-fe80-0-1-8000"),
    ],
)
def test_an_ipv6_hosts_id_says_it_is_that_address(host: str, expected: str) -> None:
    """``[::1]:8080`` was ``1-8080``: the colons cut, nothing said it was an address."""
    assert site_id_for(host) == expected


def test_an_ipv6_hosts_id_too_long_for_an_id_stays_one_and_apart() -> None:
    one = site_id_for("[2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff]:65535")
    other = site_id_for("[2001:db8:aaaa:bbbb:cccc:dddd:eeee:fff0]:65535")
    assert one != other
    assert one.startswith("ipv6-2001-db8-") and len(one) <= 41


def test_a_site_at_an_ipv6_literal_is_proposed_and_crawled(
    run_cli: Cli, v6_site: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """add-site wrote ``hosts = ['[::1]:PORT']``, which the profile loader refused as "no
    bare host name": the proposal never loaded, so no crawl could follow."""
    profiles = tmp_path / "profiles"
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(profiles))
    site = f"http://[::1]:{v6_site}/"
    proposed = run_cli("add-site", site, "--delay", "0", "--write")
    assert proposed.exit_code == 0, proposed.stderr
    expected_id = f"ipv6-0-1-{v6_site}"
    profile = tomllib.loads((profiles / f"{expected_id}.toml").read_text())
    assert profile["id"] == expected_id
    assert profile["origin"] == f"http://[::1]:{v6_site}"
    db = tmp_path / "archive.db"
    crawled = run_cli("--db", str(db), "crawl", expected_id, "--delay", "0")
    assert crawled.exit_code == 0, crawled.stderr
    with sqlite3.connect(db) as conn:
        archived = {row[0] for row in conn.execute("SELECT url FROM articles")}
    assert archived == {f"http://[::1]:{v6_site}/novini/{slug}/" for slug in _STORIES}
