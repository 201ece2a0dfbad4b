"""The fixture mirror maps path + query to files, so `?p=2` listings work offline."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from newsarchive.fetch.mirror import MirrorTransport
from newsarchive.mirror import MirrorServer, main, resolve


def _site(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "news" / "index.html").write_text("<p>page 1</p>", encoding="utf-8")
    (tmp_path / "news" / "index@p=2.html").write_text("<p>page 2</p>", encoding="utf-8")
    (tmp_path / "news" / "rss.xml").write_text("<rss/>", encoding="utf-8")
    (tmp_path / "news" / "123-story.html").write_text("<p>story</p>", encoding="utf-8")
    return tmp_path


def test_mirror_resolve_maps_paths_and_queries(tmp_path: Path) -> None:
    root = _site(tmp_path)
    assert resolve(root, "/") == root / "index.html"
    assert resolve(root, "/news") == root / "news" / "index.html"
    assert resolve(root, "/news?p=2") == root / "news" / "index@p=2.html"
    assert resolve(root, "/news/rss") == root / "news" / "rss.xml"
    assert resolve(root, "/news/123-story") == root / "news" / "123-story.html"
    assert resolve(root, "/news?p=3") is None
    assert resolve(root, "/../../etc/passwd") is None


def test_mirror_server_serves_files_and_404s(tmp_path: Path) -> None:
    with MirrorServer(_site(tmp_path)) as server:
        page2 = httpx.get(server.url + "/news?p=2")
        feed = httpx.get(server.url + "/news/rss")
        missing = httpx.get(server.url + "/news?p=9")
    assert page2.status_code == 200 and "page 2" in page2.text
    assert page2.headers["content-type"] == "text/html"
    assert feed.headers["content-type"] == "application/xml"
    assert missing.status_code == 404
    assert server.requests == ["/news?p=2", "/news/rss", "/news?p=9"]


def test_mirror_command_rejects_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([str(tmp_path / "absent")])
    assert stopped.value.code == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_mirror_can_state_its_charset_in_the_header_only(tmp_path: Path) -> None:
    """A site whose markup names no charset, only its Content-Type header (kremena)."""
    root = _site(tmp_path)
    (root / "index.html").write_bytes("<p>Община</p>".encode("cp1251"))
    (root / "_mirror.json").write_text(
        '{"content_types": {".html": "text/html; charset=windows-1251"}}', encoding="utf-8"
    )
    with MirrorServer(root) as server:
        home = httpx.get(server.url + "/")
        feed = httpx.get(server.url + "/news/rss")
    assert home.headers["content-type"] == "text/html; charset=windows-1251"
    assert home.text == "<p>Община</p>"
    assert feed.headers["content-type"] == "application/xml"


def test_a_mirror_of_a_site_with_one_origin_redirects_other_schemes_and_hosts(
    tmp_path: Path,
) -> None:
    """kalinovo: http:// and www. answer 301 to the https bare host, as the real server's
    rewrite rules would; ``--base-url``'s transport says what it asked for, as a proxy
    does, and follows the redirect back through the mirror."""
    root = _site(tmp_path)
    (root / "_mirror.json").write_text('{"origin": "https://x.bg"}', encoding="utf-8")
    with MirrorServer(root) as server:
        transport = MirrorTransport(server.url, ["x.bg"])
        with httpx.Client(transport=transport, follow_redirects=True) as client:
            moved = client.get("http://www.x.bg/news?p=2")
        direct = httpx.get(server.url + "/news?p=2")  # no proxy headers: served as it is
    assert moved.status_code == 200 and "page 2" in moved.text
    assert str(moved.url) == "https://x.bg/news?p=2"
    assert [r.status_code for r in moved.history] == [301]
    assert direct.status_code == 200


def test_a_host_with_a_folder_of_its_own_is_served_from_it_and_only_it(tmp_path: Path) -> None:
    """``host_roots``: ``novini.x.bg`` answers from ``novini/`` (its own ``/`` and
    robots.txt, no ``origin`` redirect), and the main host never from there."""
    root = _site(tmp_path)
    (root / "novini").mkdir()
    (root / "novini" / "index.html").write_text("<p>news home</p>", encoding="utf-8")
    (root / "_mirror.json").write_text(
        '{"origin": "https://www.x.bg", "host_roots": {"novini.x.bg": "novini"}}', encoding="utf-8"
    )
    with MirrorServer(root) as server:

        def get(host: str, path: str) -> httpx.Response:
            headers = {"X-Forwarded-Host": host, "X-Forwarded-Proto": "https"}
            return httpx.get(server.url + path, headers=headers)

        assert get("novini.x.bg", "/").text == "<p>news home</p>"
        assert get("novini.x.bg", "/news").status_code == 404
        assert get("www.x.bg", "/").text == "<p>home</p>"
        assert get("www.x.bg", "/novini/").status_code == 404
        assert get("obs.x.bg", "/").status_code == 301


def test_a_mirror_can_answer_a_page_past_the_end_with_another_file(tmp_path: Path) -> None:
    """A CMS clamping the page number it is given (borinovo): any unknown query of the
    path is its first page; a known one is its own file."""
    root = _site(tmp_path)
    (root / "_mirror.json").write_text('{"fallbacks": {"/news": "news"}}', encoding="utf-8")
    with MirrorServer(root) as server:
        past = httpx.get(server.url + "/news?p=99")
        page2 = httpx.get(server.url + "/news?p=2")
        other = httpx.get(server.url + "/nothing?p=99")
    assert past.status_code == 200 and "page 1" in past.text
    assert "page 2" in page2.text
    assert other.status_code == 404


def test_a_rate_limited_mirror_turns_a_path_away_once(tmp_path: Path) -> None:
    """smilets: the first request for the path is a 429 with the wait it asks for; the
    next one, and every other path, is served."""
    root = _site(tmp_path)
    (root / "_mirror.json").write_text('{"throttled": {"/news?p=2": 1}}', encoding="utf-8")
    with MirrorServer(root) as server:
        first, again = httpx.get(server.url + "/news?p=2"), httpx.get(server.url + "/news?p=2")
        other = httpx.get(server.url + "/news")
    assert (first.status_code, first.headers["Retry-After"]) == (429, "1")
    assert again.status_code == 200 and "page 2" in again.text
    assert other.status_code == 200


def test_a_mirror_of_cookieless_sessions_sends_a_visitor_to_a_fresh_id(tmp_path: Path) -> None:
    """ASP.NET's cookieless sessions (rosenishte): ``/`` or an ``.aspx`` page asked for
    without an id is sent to the same path under a new one; under any id it is served."""
    root = _site(tmp_path)
    (root / "Novini.aspx").write_text("<p>novini</p>", encoding="utf-8")
    (root / "_mirror.json").write_text('{"path_sessions": true}', encoding="utf-8")
    with MirrorServer(root) as server:
        first = httpx.get(server.url + "/Novini.aspx")
        second = httpx.get(server.url + "/Novini.aspx")
        page = httpx.get(server.url + first.headers["location"])
        home = httpx.get(server.url + "/", follow_redirects=True)
        static = httpx.get(server.url + "/news?p=2")
    assert first.status_code == second.status_code == 302
    assert first.headers["location"].startswith("/(S(")
    assert first.headers["location"].endswith("))/Novini.aspx")
    assert first.headers["location"] != second.headers["location"]
    assert page.status_code == 200 and "novini" in page.text
    assert "home" in home.text
    assert static.status_code == 200 and "page 2" in static.text


def test_a_servlets_path_parameters_name_no_file(tmp_path: Path) -> None:
    """A mirror of Tomcat writing the session into its links (``path_params``) serves
    ``/novini.jsp;jsessionid=…?page=2`` as ``/novini.jsp?page=2``; one that does not,
    as the file the path names (none)."""
    root = _site(tmp_path)
    (root / "novini.jsp@page=2.html").write_text("<p>page two</p>", encoding="utf-8")
    asked = "/novini.jsp;jsessionid=9F3A0C1D2E3F40516273849AABBCCDDE?page=2"
    with MirrorServer(root) as server:
        before = httpx.get(server.url + asked)
    (root / "_mirror.json").write_text('{"path_params": true}', encoding="utf-8")
    with MirrorServer(root) as server:
        after = httpx.get(server.url + asked)
        plain = httpx.get(server.url + "/novini.jsp?page=2")
    assert before.status_code == 404
    assert after.status_code == plain.status_code == 200 and "page two" in after.text


def test_a_cookie_walls_mirror_sends_every_page_to_its_consent_page_until_accepted(
    tmp_path: Path,
) -> None:
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "consent.html").write_text("<p>wall</p>", encoding="utf-8")
    (tmp_path / "_mirror.json").write_text(
        '{"consent": {"page": "/consent", "accept": "/consent/accept", "cookie": "consent=1"},'
        ' "fallbacks": {"/consent": "consent.html"}}',
        encoding="utf-8",
    )
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        walled = client.get("/")
        assert (walled.status_code, walled.headers["location"]) == (302, "/consent?next=%2F")
        assert client.get("/consent?next=%2F").text == "<p>wall</p>"
        accepted = client.get("/consent/accept?next=/")
        assert (accepted.status_code, accepted.headers["location"]) == (302, "/")
        assert accepted.headers["set-cookie"] == "consent=1; Path=/"
        assert client.get("/").text == "<p>home</p>"  # (the client sends the cookie now)


def test_a_path_behind_basic_authentication_answers_its_challenge(tmp_path: Path) -> None:
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text("<p>panel</p>", encoding="utf-8")
    (tmp_path / "_mirror.json").write_text('{"basic_auth": {"/admin/": "CMS"}}', encoding="utf-8")
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        refused = client.get("/admin/")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == 'Basic realm="CMS", charset="UTF-8"'
        assert "panel" not in refused.text


def test_a_cache_busting_mirror_ignores_its_parameter_and_writes_another_value_each_time(
    tmp_path: Path,
) -> None:
    (tmp_path / "novini.html").write_text('<a href="/novini/5?t=@T@">5</a>', encoding="utf-8")
    settings = '{"cache_buster": {"parameter": "t", "placeholder": "@T@"}}'
    (tmp_path / "_mirror.json").write_text(settings, encoding="utf-8")
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        first = client.get("/novini?t=1764400000123")
        second = client.get("/novini")
    assert first.status_code == second.status_code == 200
    assert first.text.startswith('<a href="/novini/5?t=17') and "@T@" not in first.text
    assert first.text != second.text and first.headers["etag"] != second.headers["etag"]


def test_a_mirror_can_bust_caches_with_random_fractions_or_stamp_answers_alone(
    tmp_path: Path,
) -> None:
    (tmp_path / "novini.html").write_text('<a href="/5?rnd=@R@">5</a>', encoding="utf-8")
    settings = '{"cache_buster": {"parameter": "rnd", "placeholder": "@R@", "value": "fraction"}}'
    (tmp_path / "_mirror.json").write_text(settings, encoding="utf-8")
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        first = client.get("/novini?rnd=0.12345678901234")
        second = client.get("/novini")
    assert first.status_code == second.status_code == 200
    assert re.fullmatch(r'<a href="/5\?rnd=0\.\d{14}">5</a>', first.text)
    assert first.text != second.text
    (tmp_path / "_mirror.json").write_text('{"cache_buster": {"placeholder": "@R@"}}', "utf-8")
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        first, second = client.get("/novini"), client.get("/novini")
        asked = client.get("/novini?rnd=1")  # (no parameter the server ignores)
    assert first.headers["etag"] != second.headers["etag"] and asked.status_code == 404


def test_a_mirror_answering_now_and_then_with_nothing_does_so_every_nth_page(
    tmp_path: Path,
) -> None:
    (tmp_path / "novini.html").write_text("<p>news</p>", encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (tmp_path / "_mirror.json").write_text('{"empty_every": 3}', encoding="utf-8")
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        robots = client.get("/robots.txt")
        answers = [client.get("/novini") for _ in range(6)]
    assert robots.text == "User-agent: *\n"
    assert [a.status_code for a in answers] == [200] * 6
    assert [a.text for a in answers] == ["<p>news</p>", "<p>news</p>", ""] * 2


def test_a_mirror_throttling_every_nth_request_answers_it_429_with_retry_after(
    tmp_path: Path,
) -> None:
    (tmp_path / "novini.html").write_text("<p>news</p>", encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (tmp_path / "_mirror.json").write_text(
        '{"throttle_every": 3, "retry_after": 2}', encoding="utf-8"
    )
    with MirrorServer(tmp_path) as server, httpx.Client(base_url=server.url) as client:
        robots = [client.get("/robots.txt") for _ in range(3)]
        answers = [client.get("/novini") for _ in range(6)]
    assert [r.status_code for r in robots] == [200] * 3
    assert [a.status_code for a in answers] == [200, 200, 429] * 2
    assert answers[2].headers["retry-after"] == "2" and answers[1].text == "<p>news</p>"


def test_a_mirror_cutting_every_nth_page_short_closes_the_connection_mid_body(
    tmp_path: Path,
) -> None:
    (tmp_path / "novini.html").write_text("<p>news of the day</p>", encoding="utf-8")
    (tmp_path / "rss.xml").write_text("<rss/>", encoding="utf-8")
    (tmp_path / "_mirror.json").write_text('{"cut_every": 2}', encoding="utf-8")
    with MirrorServer(tmp_path, quiet=True) as server, httpx.Client(base_url=server.url) as client:
        first = client.get("/novini")
        feeds = [client.get("/rss.xml") for _ in range(2)]  # (no page: never cut)
        with pytest.raises(httpx.RemoteProtocolError, match="incomplete|complete message body"):
            client.get("/novini")
        third = client.get("/novini")
    assert first.text == third.text == "<p>news of the day</p>"
    assert [f.text for f in feeds] == ["<rss/>"] * 2


def test_a_mirror_of_two_nights_serves_the_next_nights_files_over_the_first(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    night2 = root / "_night2"
    (night2 / "news").mkdir(parents=True)
    (night2 / "news" / "index.html").write_text("<p>page 1, tonight</p>", encoding="utf-8")
    (night2 / "news" / "124-new.html").write_text("<p>new</p>", encoding="utf-8")
    (night2 / "_mirror.json").write_text('{"gone": {"/news/123-story": 410}}', encoding="utf-8")
    with MirrorServer(root) as server:

        def get(path: str) -> httpx.Response:
            return httpx.get(server.url + path)

        assert get("/news").text == "<p>page 1</p>"
        assert get("/news/124-new").status_code == 404
        assert get("/news/123-story").status_code == 200
        server.next_night()
        assert get("/news").text == "<p>page 1, tonight</p>"
        assert get("/news/124-new").text == "<p>new</p>"
        assert get("/news/123-story").status_code == 410
        assert get("/news?p=2").text == "<p>page 2</p>"  # the first night's, unchanged
        assert get("/_night2/news/124-new").status_code == 404  # never its folder itself
