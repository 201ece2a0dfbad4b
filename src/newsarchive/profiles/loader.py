"""Read site profiles from TOML into frozen ``Profile`` values, with errors that name the key.

Built-in profiles ship in ``profiles/sites``; a user adds or corrects a site with a TOML
file in ``$NEWSARCHIVE_PROFILES`` (default: the user config dir) or with ``--profile FILE``.
A user profile with a built-in id replaces the built-in one.
"""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import errno
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsarchive.errors import ProfileError
from newsarchive.hosts import host_problem, host_variants
from newsarchive.models import Profile
from newsarchive.pem_files import ca_bundle_problem
from newsarchive.safe_text import redacted

_BUILTIN_DIR = Path(__file__).parent / "sites"

# section -> {toml key: Profile field}
_SCHEMA: dict[str, dict[str, str]] = {
    "": {
        "id": "id",
        "name": "name",
        "origin": "origin",
        "hosts": "hosts",
        "tls_verify": "tls_verify",
        "ca_bundle": "ca_bundle",
    },
    "discovery": {
        "start_urls": "start_urls",
        "rested_urls": "rested_urls",
        "feeds": "feeds",
        "sitemaps": "sitemaps",
        "article_pattern": "article_pattern",
        "pagination": "pagination",
        "max_pages": "max_pages",
    },
    "extract": {
        "title": "title_selectors",
        "date": "date_selectors",
        "body": "body_selectors",
        "author": "author_selectors",
        "tags": "tag_selectors",
        "drop": "drop_selectors",
        "drop_patterns": "drop_patterns",
        "title_affixes": "title_affixes",
        "date_formats": "date_formats",
        "verified": "verified_fields",
    },
    "politeness": {"delay": "delay"},
}
_TUPLE_FIELDS = {f.name for f in fields(Profile) if str(f.type).startswith("tuple")}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# a name, or an IPv6 literal in the brackets a URL writes it in ("[::1]:8080")
_HOST_RE = re.compile(r"^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d+)?$", re.IGNORECASE)
_SELECTOR_KEYS = ("title", "date", "body", "author", "tags", "drop")
# the fields whose selectors a profile may mark as verified (``Profile.verified_fields``)
VERIFIABLE = ("title", "date", "body")
_URL_KEYS = ("start_urls", "rested_urls", "feeds", "sitemaps")


def _did_you_mean(key: str, known: list[str], prefix: str = "") -> str:
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f" (did you mean '{prefix}{close[0]}'?)"
    return f" (known: {', '.join(sorted(known))})"


def _bad_selector(selector: str) -> bool:
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception:
        return True
    return False


def user_profile_dir() -> Path:
    """Where user profiles live: ``$NEWSARCHIVE_PROFILES`` or ``~/.config/newsarchive/sites``.
    A leading ``~`` is the home folder: cron does not expand a crontab's
    ``NEWSARCHIVE_PROFILES=~/sites``, and the nightly crawl left out every site saved there
    without a word."""
    env = os.environ.get("NEWSARCHIVE_PROFILES")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "newsarchive" / "sites"


def missing_user_dir() -> Path | None:
    """The folder ``$NEWSARCHIVE_PROFILES`` names, when it names one that does not exist.

    Unset, a missing default folder only means no site was saved yet; set, it was set for
    the sites saved there, and a slip in it (``~/stes``) left every one of them out of the
    nightly crawl and of ``sites`` without a word (``add-site --write`` makes the folder,
    so a fresh one is no slip for it)."""
    if not os.environ.get("NEWSARCHIVE_PROFILES"):
        return None
    folder = user_profile_dir()
    return None if folder.exists() else folder


def missing_user_dir_warning(folder: Path) -> str:
    """What ``crawl`` (every site) and ``sites`` say of ``missing_user_dir``."""
    return (
        f"$NEWSARCHIVE_PROFILES names {folder}, which does not exist: no site saved with"
        " add-site --write is read (a typo? correct it, or unset it for the default folder)"
    )


def _convert(where: str, key: str, field_name: str, value: Any) -> Any:
    if field_name in _TUPLE_FIELDS:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProfileError(f"{where}: '{key}' must be a string or a list of strings")
        return tuple(value)
    if field_name == "max_pages":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ProfileError(f"{where}: '{key}' must be a whole number >= 0")
        return value
    if field_name == "delay":
        # (0 to an hour: TOML has nan and inf, and inf overflowed time_t mid-crawl)
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 3600:
            raise ProfileError(f"{where}: '{key}' must be a number of seconds from 0 to 3600")
        return float(value)
    if field_name == "tls_verify":
        if not isinstance(value, bool):
            raise ProfileError(f"{where}: '{key}' must be true or false")
        return value
    if not isinstance(value, str):
        raise ProfileError(f"{where}: '{key}' must be a string")
    if field_name == "ca_bundle":  # (a leading ~ is the home folder, as in a crontab)
        value = str(Path(value).expanduser())
        if problem := ca_bundle_problem(value):
            raise ProfileError(f"{where}: {problem}")
    return value


def _check_value(where: str, table: str, key: str, value: Any) -> None:
    """Checks a type alone cannot make: selectors parse, URLs and templates are usable."""
    name = f"{table}.{key}"
    if table == "extract" and key in _SELECTOR_KEYS:
        for selector in value:
            if not selector.strip() or _bad_selector(selector):
                raise ProfileError(f"{where}: '{name}' has a bad CSS selector: {selector!r}")
    elif table == "extract" and key == "verified":
        for item in value:
            if item not in VERIFIABLE:
                raise ProfileError(
                    f"{where}: '{name}' entry {item!r} must be one of {', '.join(VERIFIABLE)}"
                )
    elif table == "extract" and key == "date_formats":
        for fmt in value:
            if problem := _date_format_problem(fmt):
                raise ProfileError(f"{where}: '{name}' entry {fmt!r} {problem}")
    elif table == "discovery" and key in _URL_KEYS:
        for url in value:
            if not url.startswith(("/", "http://", "https://")):
                raise ProfileError(
                    f"{where}: '{name}' entry {url!r} must be a path (/...) or an http(s) URL"
                )
            if url.startswith("http") and (problem := _url_problem(url)):
                raise ProfileError(f"{where}: '{name}' entry {url!r} names no page: {problem}")
    elif table == "discovery" and key == "pagination" and value:
        if problem := pagination_problem(value):
            raise ProfileError(f"{where}: '{name}' {problem}")


def _url_problem(url: str) -> str:
    """Why an http(s) URL a profile names (its origin, a start URL, a feed) can be asked of
    no server, or "": one ``urlsplit`` refuses ("http://[::1", "http://[zz]/", a port past
    65535) passed the profile's checks and raised ValueError when the crawl first split
    it, an internal error (exit 70) for a typo in the user's own file; a host no server
    can have is ``host_problem``'s."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (urlsplit checks the port only when asked)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if not parts.hostname:  # ("http://" alone: the crawl asked the origin's home instead)
        return "no host"
    return host_problem(parts.hostname)


def _date_format_problem(fmt: str) -> str:
    """Why a strptime format can date no article, or "". A mistyped code ('%Q') or a
    format without a year matched nothing, or dated every article 1900, without a word:
    the date silently fell to the generic rules, or was wrong."""
    if "%" not in fmt:
        return "has no strftime code (%d...)"
    try:
        dt.datetime.strptime("", fmt)
    except ValueError as exc:
        if "does not match" not in str(exc):  # 'Q' is a bad directive, stray %
            return f"is no strptime format: {exc}"
    if "%Y" not in fmt and "%y" not in fmt:
        return "has no year (%Y or %y): every date would be in 1900"
    return ""


def pagination_problem(template: str) -> str:
    """Why ``template`` is no pagination template (``next_pages.page_url`` adds a ``?``
    one to the listing's query, appends a ``/`` one to its path), or "" when it is one:
    the one rule, which add-site checks its proposal by before writing it."""
    if "{page}" not in template or not template.startswith(("?", "/")):
        return "must be like '?page={page}' or '/page/{page}/'"
    try:
        template.format(page=2)
    except (KeyError, IndexError, ValueError):
        return "may contain only the {page} field"
    return ""


def parse_profile(data: dict[str, Any], *, where: str, source: str) -> Profile:
    """Validate one parsed TOML document; every unknown or mistyped key is an error."""
    values: dict[str, Any] = {"source": source}
    for key, value in data.items():
        if key in _SCHEMA and key != "":
            if not isinstance(value, dict):
                raise ProfileError(f"{where}: '[{key}]' must be a table")
            for sub, subvalue in value.items():
                field_name = _SCHEMA[key].get(sub)
                if field_name is None:
                    hint = _did_you_mean(sub, list(_SCHEMA[key]), prefix=f"{key}.")
                    raise ProfileError(f"{where}: unknown key '{key}.{sub}'{hint}")
                values[field_name] = _convert(where, f"{key}.{sub}", field_name, subvalue)
                _check_value(where, key, sub, values[field_name])
            continue
        field_name = _SCHEMA[""].get(key)
        if field_name is None:
            tables = [t for t in _SCHEMA if t]
            close = difflib.get_close_matches(key, list(_SCHEMA[""]) + tables, n=1)
            hint = (
                f" (did you mean '{close[0]}'?)"
                if close
                else f" (known: {', '.join(sorted(_SCHEMA['']))}; tables: "
                + ", ".join(f"[{t}]" for t in tables)
                + ")"
            )
            raise ProfileError(f"{where}: unknown key '{key}'{hint}")
        values[field_name] = _convert(where, key, field_name, value)
        if key == "hosts":
            for host in values[field_name]:
                if not _HOST_RE.match(host):
                    raise ProfileError(f"{where}: 'hosts' entry '{host}' must be a bare host name")
    for required in ("id", "origin"):
        if required not in values:
            raise ProfileError(f"{where}: missing required key '{required}'")
    if not _ID_RE.match(values["id"]):
        raise ProfileError(f"{where}: 'id' must be lowercase letters, digits, '-' or '_'")
    origin = re.match(r"^(https?://[^/?#]+)(/[^?#]*)?$", values["origin"])
    if origin is None:
        raise ProfileError(
            f"{where}: 'origin' must look like https://host (or https://host/folder/ for a"
            " site kept at a sub-path of its host), with no query"
        )
    if "@" in origin.group(1):
        # (its pages' links name the host alone, so the site's hosts ('reader:p@x.bg' was
        # one) matched none of them, and the password was archived with robots.txt's
        # address and quoted in the crawl's log)
        raise ProfileError(
            f"{where}: 'origin' holds a login ('{redacted(origin.group(1))}'): name the site's"
            " public address, as https://host; newsarchive crawls what anyone can read"
        )
    # a site at a sub-path of a host it shares ("https://x.bg/obshtina/") is explored
    # from its folder: the host's own "/" is another site's page (a host's customers)
    values["origin"], home = origin.group(1), origin.group(2) or "/"
    if home != "/":
        values["home"] = home if home.endswith("/") else home + "/"
    if problem := _url_problem(values["origin"]):
        raise ProfileError(f"{where}: 'origin' names no server: {problem}")
    for key in ("article_pattern",):
        if values.get(key):
            try:
                re.compile(values[key])
            except re.error as exc:
                raise ProfileError(
                    f"{where}: 'discovery.{key}' is not a valid regex: {exc}"
                ) from None
    for pattern in values.get("drop_patterns", ()):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ProfileError(f"{where}: 'extract.drop_patterns' has a bad regex: {exc}") from None
    values.setdefault("name", values["id"])
    if not values.get("hosts"):
        values["hosts"] = (values["origin"].split("://", 1)[1],)
    return Profile(**values)


# The most characters a profile file is read for: the built-in ones and add-site's are
# a few kB. A file named by mistake was read whole first: ``--profile /dev/zero`` grew
# to 23 GB before the kernel killed it, ``--profile newsarchive.db`` read the archive.
MAX_PROFILE_CHARS = 1_000_000


def load_profile_file(path: Path, *, source: str = "user") -> Profile:
    """Load one profile file, turning I/O and TOML errors into ``ProfileError``."""
    # (UTF-8 with the byte-order mark Windows' Notepad writes is read as UTF-8: the file
    # saved from add-site's proposal was "not valid TOML: Invalid statement (at line 1,
    # column 1)", as import-jsonl reads it; UTF-16, PowerShell's ``>``, is said so)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            text = handle.read(MAX_PROFILE_CHARS + 1)
    except OSError as exc:
        raise ProfileError(f"cannot read profile {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        if bytes(exc.object[:2]) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            raise ProfileError(
                f"{path} is UTF-16 text: a profile is UTF-8 (iconv -f utf-16 -t utf-8)"
            ) from None
        # (a Cyrillic name saved by a Windows editor: "not valid TOML: 'utf-8' codec can't
        # decode byte 0xc1 in position 31: invalid start byte", Python's words)
        raise ProfileError(
            f"{path} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x}): a profile is"
            " UTF-8; convert it first, e.g. iconv -f windows-1251 -t utf-8"
        ) from None
    if len(text) > MAX_PROFILE_CHARS:
        raise ProfileError(
            f"{path} is longer than {MAX_PROFILE_CHARS:,} characters, which no site profile"
            " is (a TOML file of a few kB): is it the file meant?"
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None
    return parse_profile(data, where=str(path), source=source)


def _load_dir(directory: Path, source: str) -> Iterable[Profile]:
    """The profiles in a folder; none while it does not exist (``add-site --write`` makes
    it). A file where the folder should be (``NEWSARCHIVE_PROFILES=~/sites/x.toml``) is
    refused: the nightly crawl left out every site saved in the folder meant, silently. So
    is one the system cannot look at (a name too long: ``is_dir`` raised, exit 70)."""
    try:
        directory.stat()
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            raise ProfileError(
                f"cannot read {source} profiles in {directory}: {exc.strerror}"
            ) from None
    if not directory.is_dir():
        if directory.exists():
            raise ProfileError(
                f"{directory} is not a folder: {source} profiles are the *.toml files in one"
                " ($NEWSARCHIVE_PROFILES)"
            )
        return []
    return [load_profile_file(p, source=source) for p in sorted(directory.glob("*.toml"))]


def list_profiles(extra_files: Iterable[Path] = ()) -> dict[str, Profile]:
    """All known profiles by id: built-in, then user dir, then explicit files (later wins)."""
    profiles: dict[str, Profile] = {}
    for profile in _load_dir(_BUILTIN_DIR, "built-in"):
        profiles[profile.id] = profile
    for profile in _load_dir(user_profile_dir(), "user"):
        profiles[profile.id] = profile
    for path in extra_files:
        profile = load_profile_file(path)
        profiles[profile.id] = profile
    return profiles


def get_profile(site: str, extra_files: Iterable[Path] = ()) -> Profile:
    """One profile by id as typed (``typed_site``), or a ``ProfileError`` listing the ids
    that exist."""
    site = typed_site(site)
    profiles = list_profiles(extra_files)
    try:
        return profiles[site]
    except KeyError:
        message = f"unknown site '{site}' (known sites: {named_sites(profiles)})"
        if is_address(site):
            message += address_hint(site, profiles.values()) or (
                f"; a new site's profile is made by: newsarchive add-site {site} --write"
            )
        else:
            message += meant_site(site, profiles)
        raise ProfileError(message) from None


# How many ids an unknown site's line names: an archive of imported WARCs holds a site
# per host, hundreds, and its one line ran to thousands of characters
NAMED_SITES = 20


def named_sites(ids: Iterable[str]) -> str:
    """The ids an unknown site's line lists (sorted, at most ``NAMED_SITES``, the rest
    counted), or "none yet". One wording for crawl, search, export, stats, reextract,
    rename-site and the web page."""
    ordered = sorted(ids)
    if not ordered:
        return "none yet"
    more = len(ordered) - NAMED_SITES
    listed = ", ".join(ordered[:NAMED_SITES])
    return f"{listed}, and {more} more ('newsarchive sites' lists them)" if more > 0 else listed


def meant_site(site: str, ids: Iterable[str]) -> str:
    """ "; did you mean 'ruse-bg'?" for a mistyped id (``rusebg``, ``bta1``), else "".
    The ids were listed, but a reader had to spot the one meant among them (a list cut
    by ``named_sites`` may not even hold it)."""
    close = difflib.get_close_matches(site, list(ids), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def is_address(site: str) -> bool:
    """Whether ``site``, typed where a site's id belongs, is an address (a host, a URL):
    an id holds no "." (``_ID_RE``) and no "/", so either says so; "http://intranet/"
    and "localhost/news" hold no dot."""
    return "." in site or "/" in site


def address_hint(site: str, profiles: Iterable[Profile]) -> str:
    """What an unknown site id typed as an address (``is_address``) is told: "; that is
    the address of the site 'bta': name it 'bta'" (``site_at``), or "" when it is no
    address or none of ``profiles``'. One rule and one wording for every command that
    takes a site's id (``get_profile``: crawl; ``archive.search.check_sites``: search,
    export, stats)."""
    named = site_at(site, profiles) if is_address(site) else None
    return f"; that is the address of the site '{named}': name it '{named}'" if named else ""


def site_at(address: str, profiles: Iterable[Profile]) -> str | None:
    """The id of the profile whose origin or hosts ``address`` names (a URL pasted, or a
    host, with or without ``www.``): the id a user who typed the site's address meant.
    One too malformed to split ("http://[::1", "https://[zz]/": ``urlsplit`` raises
    ValueError) names none: it was an internal error, exit 70, in every command that
    takes a site's id (crawl, search, export, stats, check-site), where an unknown
    site's line and exit 2 belong."""
    try:
        host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    except ValueError:
        return None
    if not host:
        return None
    typed = host_variants([host])  # (the one folding: case, www., an IDN's punycode)
    for profile in profiles:
        if typed & host_variants([urlsplit(profile.origin).hostname or "", *profile.hosts]):
            return profile.id
    return None


def builtin_ids() -> list[str]:
    """Ids of the profiles shipped with the package (the demo's sites)."""
    return [p.id for p in _load_dir(_BUILTIN_DIR, "built-in")]


def generic_site_id(host: str) -> str:
    """The site id of a page no profile claims (a WARC from elsewhere): its host.

    Profile ids never contain a dot (``_ID_RE``), so a host id cannot clash with one and
    ``is_generic_site`` can tell such articles apart later (``reextract``). A host no id
    can spell ("a..bg", an IPv6 literal) is "unknown.host": import-warc keeps such pages
    (nothing is fetched from a record), and a site id of "a..bg" made the archive's own
    export refused whole by import-jsonl.
    """
    # (a port; "x.bg." is "x.bg"; an IPv6 literal, cut at its first colon, spells none)
    site = host.lower().split(":")[0].rstrip(".").removeprefix("www.")
    return site if _spells_host_id(site) else "unknown.host"


def _spells_host_id(site: str) -> bool:
    labels = site.split(".")
    return (
        len(labels) > 1
        and all(labels)
        and not any(c.isspace() or c in "/\\?#@:%[]" or not c.isprintable() for c in site)
    )


def typed_site(site: str) -> str:
    """A site id as typed (a SITE, ``--site``, the web page's ``site=``), read as the
    archive spells ids: lower-case, without the spaces a paste brings around it. The one
    reading for every command and the web page: search, export, stats and reextract took
    ``--site " BTA "``, while crawl, check-site, extract and the page said "unknown site
    ' bta '". ``get_profile`` reads every id so; the filters of search, export and the web
    page (no profile asked) call it themselves."""
    return site.strip().lower()


def is_site_id(site: str) -> bool:
    """Whether ``site`` can be an archive's site: a profile's id, or a host's as
    ``generic_site_id`` makes it (a Cyrillic host included). What an import accepts:
    "../x", "BTA" or "bta " made a site no ``--site`` could name."""
    return bool(_ID_RE.match(site)) or (_spells_host_id(site) and site == generic_site_id(site))


def is_generic_site(site: str) -> bool:
    """Whether articles of ``site`` were extracted by the generic rules, without a profile."""
    return "." in site
