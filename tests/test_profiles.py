"""Site profiles: the built-in TOML files, user profiles, and errors that name the bad key."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.errors import ProfileError
from newsarchive.profiles.loader import (
    builtin_ids,
    get_profile,
    list_profiles,
    load_profile_file,
    parse_profile,
    user_profile_dir,
)

from .support import Result

MINIMAL = 'id = "mysite"\norigin = "https://www.mysite.bg"\n'


def _write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_four_seed_sites_are_built_in() -> None:
    assert sorted(builtin_ids()) == ["bta", "nsorb", "ruse-bg", "ruse24"]


@pytest.mark.parametrize("site", ["bta", "nsorb", "ruse-bg", "ruse24"])
def test_builtin_profiles_are_complete(site: str) -> None:
    profile = get_profile(site)
    assert profile.source == "built-in"
    # sources only where verified (bta's); the others are found by exploring the site
    assert bool(profile.start_urls or profile.feeds) is (site == "bta")
    assert profile.article_pattern
    re.compile(profile.article_pattern)
    assert profile.title_selectors and profile.date_selectors and profile.body_selectors
    assert profile.drop_selectors
    assert profile.delay is not None and profile.delay >= 1.0
    assert all(h == h.lower() for h in profile.hosts)


def test_builtin_profiles_say_what_is_verified_and_what_is_a_guess() -> None:
    sites = Path(__file__).resolve().parents[1] / "src" / "newsarchive" / "profiles" / "sites"
    for path in sites.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert "SITE_FACTS" in text, path.name
        assert re.search(r"VERIFIED|verified", text), path.name
        assert re.search(r"GUESS|[Uu]nverified", text), path.name


@pytest.mark.parametrize(
    ("url", "site", "is_article"),
    [
        ("https://www.ruse24.bg/novini/ruse/Obshtina-Ruse-i-UNICEF-2822573", "ruse24", True),
        ("https://ruse24.bg/novini/Bylgaria/Nyakakvo-Zaglavie-2822001", "ruse24", True),
        ("https://www.ruse24.bg/novini/topics/112.html", "ruse24", False),
        ("https://www.ruse24.bg/sport/678.html", "ruse24", False),
        ("https://www.namrb.org/bg/aktualno/natsionalna-sreshta-4321", "nsorb", True),
        ("https://namrb.org/bg/aktualno/natsionalna-sreshta-4321", "nsorb", True),
        ("https://www.namrb.org/bg/byuletin?newsletter=44", "nsorb", False),
        ("https://www.namrb.org/bg/aktualno", "nsorb", False),
        (
            "https://www.obshtinaruse.bg/kmetat-na-ruse-pencho-milkov-shte-zashtitava-interesite",
            "ruse-bg",
            True,
        ),
        ("https://www.obshtinaruse.bg/proekt-za-parka-na-mladezhta-13548", "ruse-bg", True),
        ("https://www.obshtinaruse.bg/administratsiya", "ruse-bg", False),
        ("https://www.obshtinaruse.bg/en/some-english-news-item-here", "ruse-bg", False),
        ("https://www.bta.bg/bg/news/bulgaria/1180011-obshtinskiyat-savet", "bta", True),
        (
            "https://www.bta.bg/bg/news/bulgaria/regional-news/oblast-ruse/1180104-rusenskite",
            "bta",
            True,
        ),
        ("https://www.bta.bg/bg/news/1180011-bez-sektsiya", "bta", True),
        ("https://www.bta.bg/bg/ot-arhivite/1180011-arhiv", "bta", True),
        ("https://www.bta.bg/bg/news/bulgaria", "bta", False),
    ],
)
def test_article_patterns(url: str, site: str, is_article: bool) -> None:
    from newsarchive.discover.urls import is_article_url

    assert is_article_url(url, get_profile(site)) is is_article


def test_minimal_profile_gets_defaults() -> None:
    profile = parse_profile(
        {"id": "mysite", "origin": "https://www.mysite.bg"}, where="x.toml", source="user"
    )
    assert profile.name == "mysite"
    assert profile.hosts == ("www.mysite.bg",)
    assert profile.max_pages == 25 and profile.delay is None


@pytest.mark.parametrize(
    ("origin", "home"),
    [
        ("https://x.bg", "/"),
        ("https://x.bg/", "/"),
        ("https://x.bg/obshtina/", "/obshtina/"),
        ("https://x.bg/obshtina", "/obshtina/"),
    ],
)
def test_an_origin_at_a_sub_path_is_the_sites_home_folder(origin: str, home: str) -> None:
    """A municipality kept at a folder of a host it shares (``https://x.bg/obshtina/``)
    is explored from there; the origin is the host alone, as every stage reads it."""
    profile = parse_profile({"id": "a", "origin": origin}, where="x.toml", source="user")
    assert (profile.origin, profile.home, profile.hosts) == ("https://x.bg", home, ("x.bg",))


def test_strings_become_one_element_lists() -> None:
    profile = parse_profile(
        {"id": "a", "origin": "https://a.bg", "extract": {"title": "h1.x"}},
        where="x.toml",
        source="user",
    )
    assert profile.title_selectors == ("h1.x",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"origin": "https://a.bg"}, "missing required key 'id'"),
        ({"id": "a"}, "missing required key 'origin'"),
        ({"id": "A B", "origin": "https://a.bg"}, "'id' must be lowercase"),
        ({"id": "a", "origin": "https://a.bg/?lang=bg"}, "'origin' must look like https://host"),
        ({"id": "a", "origin": "a.bg"}, "'origin' must look like https://host"),
        ({"id": "a", "origin": "https://a.bg", "titel": "h1"}, "unknown key 'titel'"),
        (
            {"id": "a", "origin": "https://a.bg", "extract": {"titel": "h1"}},
            "unknown key 'extract.titel' (did you mean 'extract.title'?)",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "extrakt": {}},
            "unknown key 'extrakt' (did you mean 'extract'?)",
        ),
        ({"id": "a", "origin": "https://a.bg", "extract": "h1"}, "'[extract]' must be a table"),
        (
            {"id": "a", "origin": "https://a.bg", "extract": {"title": 3}},
            "'extract.title' must be a string or a list of strings",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "extract": {"body": ["div["]}},
            "'extract.body' has a bad CSS selector",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "discovery": {"article_pattern": "(["}},
            "'discovery.article_pattern' is not a valid regex",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "extract": {"drop_patterns": ["(["]}},
            "'extract.drop_patterns' has a bad regex",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "discovery": {"max_pages": -1}},
            "'discovery.max_pages' must be a whole number",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "discovery": {"pagination": "?p="}},
            "'discovery.pagination' must be like",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "discovery": {"start_urls": ["news"]}},
            "'discovery.start_urls' entry 'news' must be a path",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "extract": {"date_formats": ["DD.MM.YYYY"]}},
            "'extract.date_formats' entry 'DD.MM.YYYY' has no strftime code",
        ),
        (  # matched nothing, without a word: the dates fell to the generic rules
            {"id": "a", "origin": "https://a.bg", "extract": {"date_formats": ["%d.%Q.%Y"]}},
            "'extract.date_formats' entry '%d.%Q.%Y' is no strptime format: 'Q' is a bad",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "extract": {"date_formats": ["%d.%m.%Y %"]}},
            "is no strptime format: stray % in format",
        ),
        (  # strptime's year is 1900 when the format names none
            {"id": "a", "origin": "https://a.bg", "extract": {"date_formats": ["%d.%m %H:%M"]}},
            "'extract.date_formats' entry '%d.%m %H:%M' has no year (%Y or %y)",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "politeness": {"delay": "fast"}},
            "'politeness.delay' must be a number of seconds",
        ),
        (  # TOML has inf and nan: inf overflowed time_t mid-crawl, nan passed "< 0"
            {"id": "a", "origin": "https://a.bg", "politeness": {"delay": float("inf")}},
            "'politeness.delay' must be a number of seconds from 0 to 3600",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "politeness": {"delay": float("nan")}},
            "'politeness.delay' must be a number of seconds from 0 to 3600",
        ),
        (
            {"id": "a", "origin": "https://a.bg", "hosts": ["https://a.bg"]},
            "'hosts' entry 'https://a.bg' must be a bare host name",
        ),
    ],
)
def test_validation_names_the_bad_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(data, where="my.toml", source="user")
    assert str(info.value).startswith("my.toml: ")
    assert message in str(info.value)


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    broken = _write(tmp_path, "broken.toml", 'id = "a\n')
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile_file(broken)
    with pytest.raises(ProfileError, match="cannot read profile"):
        load_profile_file(tmp_path / "nope.toml")


def test_user_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(tmp_path / "p"))
    assert user_profile_dir() == tmp_path / "p"
    # cron leaves a crontab's ~ unexpanded: the sites saved there were left out silently
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", "~/p")
    assert user_profile_dir() == tmp_path / "p"
    monkeypatch.delenv("NEWSARCHIVE_PROFILES")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert user_profile_dir() == tmp_path / "cfg" / "newsarchive" / "sites"


def test_user_profile_adds_a_site_and_overrides_a_builtin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "sites"
    _write(user, "mysite.toml", MINIMAL)
    _write(user, "ruse24.toml", 'id = "ruse24"\norigin = "https://www.ruse24.bg"\n')
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(user))
    profiles = list_profiles()
    assert profiles["mysite"].source == "user"
    assert profiles["ruse24"].source == "user"
    assert profiles["bta"].source == "built-in"
    extra = _write(tmp_path, "other.toml", 'id = "mysite"\norigin = "https://other.bg"\n')
    assert get_profile("mysite", [extra]).origin == "https://other.bg"


def test_unknown_site_lists_known_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(tmp_path / "none"))
    with pytest.raises(ProfileError, match=r"unknown site 'nope' \(known sites: bta, nsorb"):
        get_profile("nope")


def test_a_site_id_is_read_as_typed_by_every_command_that_asks_for_a_profile() -> None:
    """``get_profile`` reads an id as ``typed_site`` does (case, a paste's spaces), so
    crawl, check-site and extract need not each remember to."""
    assert get_profile(" BTA ").id == "bta"
    assert get_profile("Ruse24\t").id == "ruse24"


# --- the CLI ---------------------------------------------------------------------------


def test_sites_lists_builtin_and_user_profiles(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user-sites"
    _write(user, "mysite.toml", MINIMAL)
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(user))
    monkeypatch.setenv("COLUMNS", "200")
    result = run_cli("sites")
    assert result.exit_code == 0, result.stderr
    for site in ("bta", "nsorb", "ruse-bg", "ruse24", "mysite"):
        assert site in result.stdout
    assert "built-in" in result.stdout and "user" in result.stdout
    # a profile naming no sources is explored, as the README's table of profiles says:
    # its origin in the column of start URLs read as its one start URL
    nsorb = [line for line in result.stdout.splitlines() if " nsorb " in line][0]
    assert "explored" in nsorb and nsorb.count("https://www.namrb.org") == 1, nsorb


@pytest.mark.parametrize(
    "command",
    [
        ["sites"],
        ["crawl", "bta", "--delay", "0"],
        ["extract", "PAGE", "--site", "bta"],
    ],
)
def test_a_bad_user_profile_is_one_line_and_exit_2(
    command: list[str],
    run_cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = tmp_path / "user-sites"
    _write(user, "bad.toml", MINIMAL + '[extract]\ntitel = "h1"\n')
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(user))
    page = _write(tmp_path, "page.html", "<html><body><h1>x</h1></body></html>")
    args = [str(page) if a == "PAGE" else a for a in command]
    if args[0] == "crawl":
        args += ["--db", str(tmp_path / "a.db")]
    result = run_cli(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "bad.toml" in lines[0] and "extract.titel" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_bad_profile_file_option_is_one_line_and_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    bad = _write(tmp_path, "bad.toml", 'id = "x"\norigin = "ftp://x"\n')
    result = run_cli("sites", "--profile", str(bad))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'origin' must look like" in result.stderr


def test_a_file_no_profile_could_be_is_refused_unread(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A profile is read for at most ``MAX_PROFILE_CHARS``: a file named by mistake was
    read whole first (``--profile /dev/zero`` grew until the kernel killed it, 23 GB).
    Here a valid profile under two million characters of comment: it was loaded."""
    big = _write(tmp_path, "big.toml", MINIMAL + ("# " + "x" * 98 + "\n") * 20_000)
    result = run_cli("sites", "--profile", str(big))
    assert result.exit_code == 2, result.stdout
    assert result.stderr.count("\n") == 1, result.stderr
    assert "is longer than 1,000,000 characters, which no site profile is" in result.stderr


def test_a_profile_saved_with_a_byte_order_mark_is_read_and_utf16_said(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Windows' Notepad saves UTF-8 with a byte-order mark (and CRLF): such a profile was
    "not valid TOML: Invalid statement (at line 1, column 1)", as if its first line were
    wrong. UTF-16 (PowerShell's ``>``) is said so, as import-jsonl says it."""
    text = MINIMAL.replace("\n", "\r\n")
    marked = tmp_path / "marked.toml"
    marked.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    result = run_cli("sites", "--profile", str(marked))
    assert result.exit_code == 0, result.stderr
    assert "mysite" in result.stdout
    wide = tmp_path / "wide.toml"
    wide.write_bytes(text.encode("utf-16"))
    result = run_cli("sites", "--profile", str(wide))
    assert result.exit_code == 2
    assert result.stderr == (
        f"newsarchive: error: {wide} is UTF-16 text: a profile is UTF-8"
        " (iconv -f utf-16 -t utf-8)\n"
    )
    # a Cyrillic name saved by a Windows editor: Python's "'utf-8' codec can't decode
    # byte 0xce in position 71: invalid continuation byte", as "not valid TOML"
    cyrillic = tmp_path / "cyrillic.toml"
    cyrillic.write_bytes((MINIMAL + 'name = "Община Русе"\n').encode("cp1251"))
    result = run_cli("sites", "--profile", str(cyrillic))
    assert result.exit_code == 2
    assert result.stderr == (
        f"newsarchive: error: {cyrillic} is not UTF-8 text (byte 0xce): a profile is UTF-8;"
        " convert it first, e.g. iconv -f windows-1251 -t utf-8\n"
    )


def test_an_origin_no_server_can_have_is_the_profiles_error(tmp_path: Path) -> None:
    """``origin = "http://256.256.256.256"`` passed the loader and failed the site's crawl
    as an internal error (httpx's InvalidURL, exit 70); "https://a..bg" likewise (the
    resolver's UnicodeError)."""
    for origin, said in (
        ("http://256.256.256.256", "'256.256.256.256' is no IPv4 address"),
        ("https://a..bg", "'a..bg' has an empty label"),
    ):
        path = tmp_path / "bad.toml"
        path.write_text(f'id = "bad"\norigin = "{origin}"\n', encoding="utf-8")
        with pytest.raises(ProfileError, match="'origin' names no server") as raised:
            load_profile_file(path)
        assert said in str(raised.value)


def test_a_profiles_folder_the_system_cannot_look_at_is_one_line(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """$NEWSARCHIVE_PROFILES with a name over 255 bytes made ``is_dir`` raise: an
    internal error (exit 70) in ``sites``, every ``crawl`` and ``add-site --write``."""
    folder = tmp_path / ("a" * 300)
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(folder))
    result = run_cli("sites")
    assert result.exit_code == 2, result.stderr
    assert result.stderr == (
        f"newsarchive: error: cannot read user profiles in {folder}: File name too long\n"
    )
