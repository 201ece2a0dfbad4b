"""``add-site URL``: explore a new site politely and propose its profile as TOML.

The proposal is what ``crawl`` would find by itself (``explorer.explore``), written down
so a person can read, correct and keep it: every line says how it was found. The article
fields are checked on a few sampled articles with the same extraction the crawl uses, and
the rule that supplied each field is named, so a wrong guess is visible before the first
crawl. Nothing is archived.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive.check_site import FIELDS
from newsarchive.discover import feeds
from newsarchive.discover.explore import Discovery, pagination_template
from newsarchive.discover.sub_sites import MAX_RESOLVED, resolved_cards
from newsarchive.discover.urls import (
    absolute,
    article_path,
    normalize_url,
    on_site,
    site_hosts,
    stated_canonical,
    url_key,
    with_hosts,
)
from newsarchive.errors import FetchError, ProfileError, UsageError
from newsarchive.explorer import explore, resolved_sub_sites
from newsarchive.extraction.pipeline import extract
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.fetch.documents import document_kind
from newsarchive.fetch.tls import CA_BUNDLE_ENV, INSECURE_HOSTS_ENV, proposal_refusal_line
from newsarchive.hosts import host_problem
from newsarchive.link_header import linked
from newsarchive.markup import parse_html
from newsarchive.models import SOURCE_SITEMAP, Page, Profile
from newsarchive.profiles.loader import pagination_problem, parse_profile

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


@dataclass
class Proposal:
    profile: Profile
    found: Discovery
    fields: dict[str, list[str]] = field(default_factory=dict)  # field -> rule per sample
    sampled: list[str] = field(default_factory=list)
    moved_from: str = ""  # the origin typed, when the whole site moved from it
    # the whole run's: robots.txt, the home page's move check and the sampled articles
    # too, not only exploring's share (a run of five said "1 requests")
    requests: int = 0


def site_id_for(host: str) -> str:
    """``www.obshtinaruse.bg`` -> ``obshtinaruse``: the host without www and the TLD. An
    IP address is no name with a TLD: all of it, its port too (``127.0.0.1:8831`` ->
    ``127-0-0-1-8831``), where its first number alone made every local test site's id
    ``127``."""
    if (v6 := _ipv6_id(host)) is not None:
        return v6
    if _ip_host(host):
        return re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-") or "site"
    parts = host.lower().removeprefix("www.").split(".")
    name = parts[0] if len(parts) > 1 else host
    return re.sub(r"[^a-z0-9-]+", "-", name).strip("-") or "site"


def _ipv6_id(netloc: str) -> str | None:
    """An IPv6 host's id, or None for any other host: "ipv6-" and its groups in their
    compressed form, the run of zero groups it elides written as one "0", then its port
    (``[::1]:8080`` -> ``ipv6-0-1-8080``, ``[2001:db8::5]`` -> ``ipv6-2001-db8-0-5``).
    Its colons cut as the other characters no id holds, ``[::1]:8080`` was ``1-8080``:
    nothing said it was an address, let alone which. A zone (``%eth0``) names no site and
    is left out. One too long for an id (``_ID``) keeps its start and a digest of the
    whole, so two such hosts' ids still differ."""
    if not netloc.startswith("["):
        return None
    try:
        parts = urlsplit(f"//{netloc}")
        address = ipaddress.IPv6Address((parts.hostname or "").partition("%")[0])
        port = parts.port
    except ValueError:
        return None
    groups = address.compressed.replace("::", ":0:").strip(":").replace(":", "-")
    chosen = f"ipv6-{groups}" + (f"-{port}" if port is not None else "")
    if _ID.match(chosen):
        return chosen
    digest = hashlib.sha1(chosen.encode()).hexdigest()[:8]
    return f"{chosen[:32].rstrip('-')}-{digest}"


def _ip_host(netloc: str) -> bool:
    """Whether a host (with its port, if any) is an IP address, v4 or v6."""
    try:
        ipaddress.ip_address(urlsplit(f"//{netloc}").hostname or "")
    except ValueError:
        return False
    return True


def origin_of(url: str) -> tuple[str, str]:
    """The origin and host of what the user typed (a bare host gets https://)."""
    normal = normalize_url(url if "://" in url else "https://" + url)
    parts = urlsplit(normal or "")
    if normal is None or not parts.hostname:
        raise UsageError(f"not an http(s) URL or host name: '{url}'")
    # ('not a url' became https://not a url, asked of the DNS as not%20a%20url)
    if problem := host_problem(parts.hostname):
        raise UsageError(f"not an http(s) URL or host name: '{url}' ({problem})")
    return f"{parts.scheme}://{parts.netloc}", parts.netloc


def _typed_path(url: str) -> str:
    """The typed address's path, less a page's name at its end ("/obshtina/index.php" is
    "/obshtina/"): the folders ``typed_folder`` and ``deeper_folder`` choose from."""
    parts = urlsplit(normalize_url(url if "://" in url else "https://" + url) or "")
    path = parts.path or "/"
    last = path.rsplit("/", 1)[1]
    return path[: len(path) - len(last)] if "." in last else path


def typed_folder(url: str) -> str:
    """The folder of the host a site kept there would be in, by the typed address: its
    first folder ("https://x.bg/obshtina", "https://x.bg/obshtina/index.php" and
    "https://x.bg/obshtina/novini/5" are all "/obshtina/"), "/" for the host's root or a
    page there. One level, however deep the address: a hosting company keeps each
    customer's site in a folder of its own at the top ("/obshtina/", "/uchilishte/"),
    and an address deeper is a section or a page of a site, the host's own (which the
    root's sources hold) or the one in its first folder. Taken as the home, a deeper
    folder ("/obshtina/novini/") made the site that section alone (its crawl reads
    only under the home), or was passed over for another site's news.

    But a municipality's folder of its mayoralties ("/kmetstva/", ``_SUB_SITES``) holds a
    site in each of its folders ("/kmetstva/rakita/", the village's own menu, news and
    pages): that is the site, two levels deep. Taken one level deep, every mayoralty's
    news were proposed as the one typed."""
    folders = [part for part in _typed_path(url).split("/") if part]
    if len(folders) > 1 and _SUB_SITES.fullmatch(folders[0]):
        return f"/{folders[0]}/{folders[1]}/"
    return f"/{folders[0]}/" if folders else "/"


def deeper_folder(url: str) -> str | None:
    """The typed address's first two folders ("/view/kmetstvo-sajtovo/"), where
    ``typed_folder`` took one: the site when neither the host's "/" nor its first folder
    is one (a 404, no news), as on a platform keeping each customer's site two folders
    deep (new Google Sites' "sites.google.com/view/<site>/"); None when the address has
    no second folder or ``typed_folder`` already took it."""
    folders = [part for part in _typed_path(url).split("/") if part]
    if len(folders) < 2:
        return None
    deeper = f"/{folders[0]}/{folders[1]}/"
    return None if deeper == typed_folder(url) else deeper


# A municipality's folder of the sites of its mayoralties or villages, each
# one a folder in it: "/kmetstva/rakita/", "/naseleni-mesta/rakita/", "/sela/rakita/"
_SUB_SITES = re.compile(r"kmetstv[ao]|naseleni-mesta|sela", re.IGNORECASE)


def _passes_by(found: Discovery, in_folder: Profile) -> bool:
    """Whether the news the host's "/" led to all lie outside the folder the user typed
    (``in_folder.home``, "/obshtina/": ``typed_folder``): another customer's, linked by
    a bar the host sets atop every site it keeps, or its root's menu."""
    return not any(on_site(u, in_folder) for u in (*found.listings, *found.feeds, *found.samples))


def propose(
    url: str,
    *,
    site_id: str | None = None,
    base_url: str | None = None,
    options: FetchOptions | None = None,
    samples: int = 3,
) -> Proposal:
    """Explore the site and check the article fields on a few samples. A site that moved
    to another domain as a whole (its robots.txt and home page redirect there for good)
    is explored there, and proposed under its new origin: the address a user knows is
    often the old one."""
    origin, host = origin_of(url)
    typed = origin
    _checked_id(site_id or site_id_for(host))
    profile = Profile(id="", name=host, origin=origin, hosts=(host,), source="add-site")
    with Fetcher(
        options or FetchOptions(retries=1), mirror=base_url,
        site_hosts=site_hosts(profile),
    ) as fetcher:  # fmt: skip
        try:
            moved_to = fetcher.follow_site_move(origin)
        except FetchError:
            moved_to = None  # (the exploration's own requests say what is wrong)
        moved_from = ""
        if moved_to is not None:
            moved_from, origin, host = origin, moved_to, urlsplit(moved_to).netloc
            profile = replace(profile, origin=origin, name=host, hosts=(host, *profile.hosts))
        profile = replace(profile, id=_checked_id(site_id or site_id_for(host)))
        if (problem := fetcher.robots_problem(origin)) is not None:
            # a site down or its robots.txt failing: the fetcher's one line, as crawl and
            # extract URL say it (with the mirror really contacted), not its home page's;
            # a certificate refused says how add-site goes on (no profile to set yet)
            if refused := next(iter(fetcher.tls_refusals.values()), None):
                raise UsageError(proposal_refusal_line(refused, url))
            raise UsageError(f"{problem}; no proposal")
        found = explore(fetcher, profile)
        folder = typed_folder(url)
        if folder != "/" and (found.empty or _passes_by(found, replace(profile, home=folder))):
            # nothing from the host's "/", or only news outside the folder typed: the
            # address may be a site kept at a sub-path of a host it shares (a hosting
            # company's customers, "/obshtina/"), the host's "/" linking another's news
            in_folder = explore(fetcher, replace(profile, home=folder))
            if not in_folder.empty:
                profile, found = replace(profile, home=folder), in_folder
            elif found.empty and (deeper := deeper_folder(url)) is not None:
                # nothing at the host's "/" nor in the first folder: a platform keeping
                # each site two folders deep (Google Sites' "/view/<site>/")
                in_deeper = explore(fetcher, replace(profile, home=deeper))
                if not in_deeper.empty:
                    profile, found = replace(profile, home=deeper), in_deeper
        # the news section's own host under the site's domain is the site's: its samples
        # are checked, and the proposal names it, so a crawl of it reads it at once
        profile = with_hosts(profile, found.hosts)
        named = _named(fetcher, typed, origin)
        home_problem = _unaddressed(found.home_problem, fetcher.describe(absolute(profile, "/")))
        if found.empty and found.home_problem:
            raise UsageError(f"cannot read the home page of {named}: {home_problem}")
        if found.empty:
            raise UsageError(_nothing_found(fetcher, origin, named))
        held = {url: _holds_news(fetcher, url, found, profile) for url in found.sitemaps}
        unread = [error for error in held.values() if isinstance(error, FetchError)]
        if found.home_problem and not (found.feeds or found.listings) and len(unread) == len(held):
            # robots.txt named sitemaps, and nothing else answered: a proposal of sources
            # none of which could be read would be a guess, not a finding
            raise UsageError(
                f"cannot read {named}: nothing could be read (its home page:"
                f" {home_problem}; {len(unread)} sitemap(s) from robots.txt: {unread[0]})"
            )
        barren = [url for url, holds in held.items() if holds is False]
        found = found.without(barren) if barren else found
        if found.empty:
            raise UsageError(_nothing_found(fetcher, origin, named))
        # each source under the address its server moved it to (a sitemap robots.txt
        # names on a host that redirects to the site's): as a crawl saves them
        # (``crawl_discovery``), else every run of the profile pays the redirect again
        found = found.readdressed(fetcher.moved)
        items: dict[str, Page] = {}  # (the home's items fetched: samples read again)
        found_at = _archived_at(fetcher, found, profile, items, samples)
        found = resolved_sub_sites(fetcher, profile, found, found_at)
        profile = _with_tls(profile, fetcher, base_url)
        proposal = Proposal(profile, found, moved_from=moved_from)
        # twice as many candidates as samples: a document or a "not found" page is passed
        for article_url in _samples(fetcher, found, profile)[: 2 * samples]:
            if len(proposal.sampled) >= samples:
                break
            try:
                page = items.get(article_url) or fetcher.fetch(article_url)
            except FetchError:
                continue
            if page.status != 200 or document_kind(page):
                continue  # a PDF listed as news says nothing of the site's articles
            article = extract(page.content, page.final_url, profile=profile, today=page.fetched_at)
            if article.rules.get("kind"):
                continue  # a "not found" page or a bot wall, not one of its articles
            proposal.sampled.append(article_url)
            for name in FIELDS:
                proposal.fields.setdefault(name, []).append(article.rules.get(name, "none"))
        proposal.requests = fetcher.requests
    return proposal


# the home page's items add-site reads first to tell whether they live where linked
PROBED = 2


def _archived_at(
    fetcher: Fetcher, found: Discovery, profile: Profile, pages: dict[str, Page], samples: int
) -> dict[str, str]:
    """Where the home page's news items (``Discovery.home_items``) would be archived, by
    the key of each: its final address, or the canonical it states. A crawl learns it
    from what it archived (``crawl_discovery``); add-site archives nothing, so it fetches
    them, for the proposal to name the sub-sites they live in
    (``explorer.resolved_sub_sites``) as a crawl's first run finds them: else the
    profile's hints, read in place of exploring, left the sub-sites' news unread. First
    up to ``PROBED`` of them that are among the first ``samples`` samples, fetched for
    the field check anyway (kept in ``pages``, read from there); the rest only where one
    of those lives in a folder other than its link's, so a site whose items live where
    they are linked pays nothing more (nor one whose samples are none of them)."""
    probed = [url for url in found.samples[:samples] if url in found.home_items][:PROBED]
    found_at = _fetched_at(fetcher, probed, profile, pages)
    if resolved_cards(probed, found_at):
        rest = [url for url in found.home_items[:MAX_RESOLVED] if url not in probed]
        found_at.update(_fetched_at(fetcher, rest, profile, pages))
    return found_at


def _fetched_at(
    fetcher: Fetcher, urls: list[str], profile: Profile, pages: dict[str, Page]
) -> dict[str, str]:
    """``_archived_at`` for ``urls``, each fetched (and kept in ``pages``)."""
    found_at: dict[str, str] = {}
    for url in urls:
        try:
            page = fetcher.fetch(url)
        except FetchError:
            continue
        pages[url] = page
        if page.status != 200 or document_kind(page):
            continue
        article = extract(page.content, page.final_url, profile=profile, today=page.fetched_at)
        header = linked(page.headers.get("link"), "canonical")
        stated = stated_canonical(article.canonical_url, header, page.final_url)
        found_at[url_key(url)] = stated or page.final_url
    return found_at


def _with_tls(profile: Profile, fetcher: Fetcher, base_url: str | None) -> Profile:
    """The TLS settings add-site read the site with, kept in its profile: read unverified
    (``$NEWSARCHIVE_INSECURE_HOSTS``), ``tls_verify = false``; verified with
    ``$NEWSARCHIVE_CA_BUNDLE``'s authorities, that file as ``ca_bundle``. Else the
    nightly crawl, run without the variable, refuses the site add-site proposed."""
    netlocs = (*site_hosts(profile), urlsplit(base_url or "").netloc)
    hosts = {urlsplit(f"//{h}").hostname for h in netlocs} - {None}  # (a port left off)
    if fetcher.unverified_hosts() & hosts:
        return replace(profile, tls_verify=False)
    bundle = fetcher.options.ca_bundle
    if bundle and fetcher.verified_hosts() & hosts:
        return replace(profile, ca_bundle=str(Path(bundle).expanduser().resolve()))
    return profile


def _checked_id(chosen: str) -> str:
    if not _ID.match(chosen):
        raise UsageError(f"--id must be lower-case letters, digits and '-', not '{chosen}'")
    return chosen


# How many words a page holding a password field may show beside it and still be a
# login form, not a public page with a sign-in box in its corner
_LOGIN_WORDS = 300


def is_login_form(html: str) -> bool:
    """Whether a page is a login form: a password field, and little else to read."""
    tree = parse_html(html)
    if not any((i.attributes.get("type") or "").lower() == "password" for i in tree.css("input")):
        return False
    tree.strip_tags(["script", "style", "noscript", "template"])
    body = tree.body
    return body is None or len(body.text(separator=" ").split()) < _LOGIN_WORDS


def _named(fetcher: Fetcher, typed: str, origin: str) -> str:
    """The site as a refusal names it: the address typed, with the mirror really asked
    (``--base-url``) and where the site moved, as ``fetcher.describe`` names a site it
    cannot reach. A refusal named only the origin the site moved to, which a script
    adding several sites could not tell for the address it gave."""
    named = fetcher.describe(typed)
    return named if origin == typed else f"{named} (moved to {origin})"


def _unaddressed(problem: str, shown: str) -> str:
    """The fetcher's reason without the address it ends with (``shown``, its
    ``describe``): a refusal that names the site already said it once, and twice, each
    with its mirror, read as two addresses."""
    return problem.removesuffix(f": {shown}")


def _nothing_found(fetcher: Fetcher, origin: str, named: str) -> str:
    """Why a site that listed no news gets no proposal: a home page that is a login form
    (an intranet, a members' portal) was told it "does not look like a news site", as if
    the address were wrong. The home page is the one exploring read and kept (asked
    again only when it was not kept: a redirect, a page too large, a slow exploration)."""
    home = fetcher.take_kept(origin + "/")
    if home is None:
        try:
            home = fetcher.fetch(origin + "/")
        except FetchError:
            home = None
    if home is not None and home.status == 200 and is_login_form(home.text):
        return f"{named} answers with a login form: newsarchive archives public pages only"
    return _no_news(named, fetcher.requests)


def _no_news(named: str, requests: int) -> str:
    return (
        f"{named} does not look like a news site: no feed, sitemap or listing of"
        f" news found ({_requests(requests)})"
    )


def _requests(count: int) -> str:
    return f"{count} request" if count == 1 else f"{count} requests"


def _holds_news(
    fetcher: Fetcher, url: str, found: Discovery, profile: Profile
) -> bool | FetchError:
    """Whether a sitemap (or the first children of an index) lists URLs of the article
    shape the listings taught: many sites' sitemaps list only their static pages. Why
    not, when the sitemap itself could not be read (unknown: kept, the crawl will judge,
    unless nothing else could be read either)."""
    shapes = [re.compile(pattern) for pattern in found.article_patterns]
    queue = [url]
    for _ in range(3):
        if not queue:
            break
        first = queue[0] == url
        try:
            page = fetcher.fetch(queue.pop(0))
        except FetchError as error:
            return error if first else True  # unknown: keep it, the crawl will judge
        max_bytes = fetcher.options.max_bytes
        # (read as the crawl reads a sitemap: an HTML site map's links are its entries)
        read = feeds.page_links(page, profile, SOURCE_SITEMAP, max_bytes=max_bytes, shapes=shapes)
        articles, children = read.articles, read.sitemaps
        if any(not shapes or any(s.search(article_path(c.url)) for s in shapes) for c in articles):
            return True
        queue += [child.url for child in feeds.posts_children(children)]
    return False


def _samples(fetcher: Fetcher, found: Discovery, profile: Profile) -> list[str]:
    if found.samples:
        return list(found.samples)
    for feed in found.feeds[:1]:
        try:
            page = fetcher.fetch(feed)
        except FetchError:
            return []
        read = feeds.page_links(page, profile, feed, max_bytes=fetcher.options.max_bytes)
        return [c.url for c in read.articles]
    return []


# What TOML lets no string hold as it is: the control characters but tab (TOML 1.0).
_TOML_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


def _toml(value: str) -> str:
    """A TOML string: literal when it can be (regexes read best so), else basic."""
    if "'" not in value and _TOML_CONTROL.search(value) is None:
        return f"'{value}'"
    return _toml_basic(value)


def _toml_basic(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, but for DEL, which JSON writes as
    it is and TOML refuses (a site name with one made the whole proposal unloadable)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _path(url: str, origin: str) -> str:
    """A URL on the origin as its path ("/novini"); another host's stays absolute."""
    if not url.startswith(origin):
        return url
    return url[len(origin) :] or "/"


def render(proposal: Proposal) -> str:
    """The proposed profile: readable TOML, a comment on every line saying how."""
    p, found = proposal.profile, proposal.found
    origin = p.address
    name = found.site_name or p.name
    hosts = sorted(site_hosts(p) & ({urlsplit(u).netloc for u in _all(found)} | set(p.hosts)))
    today = dt.date.today().isoformat()
    asked = _requests(proposal.requests)
    lines = [
        f"# Proposed by `newsarchive add-site {origin}` on {today} ({asked}).",
        "# Every value was found on the site itself; the comments say where. Correct freely.",
        f"id = {_toml(p.id)}",
        f"name = {_toml_basic(name)}  # the home page's og:site_name, title or logo",
        f"origin = {_toml(origin)}"
        + (
            f"  # moved from {proposal.moved_from}: its robots.txt and home page redirect here"
            " for good"
            if proposal.moved_from
            else ""
        ),
        f"hosts = [{', '.join(_toml(h) for h in hosts)}]  # hosts the site's links use",
        *_tls_lines(p),
        "",
        "[discovery]",
    ]
    for key, urls in (("start_urls", found.listings), ("rested_urls", found.rested),
                      ("feeds", found.feeds), ("sitemaps", found.sitemaps)):  # fmt: skip
        if not urls and key == "rested_urls":
            continue  # (a key few sites need: not written to say it is empty)
        if not urls:
            lines.append(f"{key} = []  # none found")
            continue
        lines.append(f"{key} = [")
        for url in urls:
            lines.append(f"  {_toml(_path(url, p.origin))},  # {found.notes.get(url, 'found')}")
        lines.append("]")
    for url, how in found.notes.items():
        if how.startswith("held no news"):
            lines.append(f"# left out: {url} (a sitemap of pages that are not news)")
    lines += _pagination_lines(found)
    for pattern in found.article_patterns:
        # Only a hint: one listing's shape is often narrower than the site's (other
        # rubrics) and looser than its articles (a feed link in the same folder); the
        # listing's own structure decides better, so the line stays commented out.
        lines.append(f"# article_pattern = {_toml(pattern)}  # the shape one listing's items share")
    lines += ["", f"# [extract]: checked on {len(proposal.sampled)} sampled article(s):"]
    for name in FIELDS:
        rules = proposal.fields.get(name, [])
        summary = ", ".join(f"{rule} on {rules.count(rule)}" for rule in sorted(set(rules)))
        lines.append(f"#   {name:<9} {summary or 'not checked'}")
    lines.append("# Generic rules found these; add selectors only where a field came out wrong.")
    return _loadable("\n".join(lines) + "\n")


def _tls_lines(p: Profile) -> list[str]:
    """The TLS settings add-site had to read the site with (``_with_tls``), if any."""
    if not p.tls_verify:
        return [
            f"tls_verify = false  # its certificate is refused; read unverified, as"
            f" ${INSECURE_HOSTS_ENV} asked add-site, and so by the crawl without it"
        ]
    if p.ca_bundle:
        return [
            f"ca_bundle = {_toml_basic(p.ca_bundle)}  # ${CA_BUNDLE_ENV} when add-site ran:"
            " the crawl verifies the site with it too, without the variable"
        ]
    return []


def _pagination_lines(found: Discovery) -> list[str]:
    """The listing's page template, when page 2's URL gives one the profile loader takes
    (``loader.pagination_problem``); else a comment saying why there is none."""
    pages = {pagination_template(u, n): n for u, n in found.pagination.items()}
    templates = set(pages) - {""}
    if len(templates) != 1:
        if not found.pagination:
            return []
        return ["# pagination: the listing's own next-page links are followed (no template)"]
    template = templates.pop()
    if problem := pagination_problem(template):
        return [
            f"# pagination: left out, as page 2 ({pages[template]}) gives {template!r}, and"
            f" a template {problem}; the listing's own next-page links are followed"
        ]
    return [f"pagination = {_toml(template)}  # page 2 of the listing is its URL + this"]


def _loadable(text: str) -> str:
    """The proposal, once the profile loader has read it as ``crawl`` will: a profile it
    refuses would be written, then fail every crawl of the site (exit 2)."""
    try:
        parse_profile(tomllib.loads(text), where="the proposed profile", source="add-site")
    except (tomllib.TOMLDecodeError, ProfileError) as exc:
        raise ProfileError(f"add-site proposed a profile that does not load: {exc}") from None
    return text


def _all(found: Discovery) -> list[str]:
    return [*found.listings, *found.rested, *found.feeds, *found.sitemaps, *found.samples]


def check_unclaimed(
    typed: str, proposed: Profile, chosen_id: str | None, known: Iterable[Profile]
) -> str:
    """Refuse to save, under an id nobody chose, a profile for a site another profile
    already crawls: under that profile's id it silently replaced a built-in one's tuned
    selectors, under the host's own id ("obshtinaruse" for ruse-bg's site) it made a
    second site of the same pages. A chosen ``--id`` is the user's decision: the same id
    replaces that profile, another one is a second profile, said in the returned line.
    But an ``--id`` that is another site's profile (``--id bta`` for kalina.bg) is
    refused: saved, it replaced BTA's built-in profile with Kalina's, and every later
    ``crawl bta`` archived Kalina's pages as bta's, among BTA's."""
    hosts = site_hosts(proposed)
    for profile in known:
        if not hosts & site_hosts(profile):
            if chosen_id == profile.id:
                raise UsageError(
                    f"--id {profile.id} is the {profile.source} profile of another site,"
                    f" {profile.origin}: saved for {typed}, its pages would be archived as"
                    f" {profile.id}'s; choose another --id"
                )
            continue
        if chosen_id is None:
            raise UsageError(
                f"{typed} is the site '{profile.id}' already ({profile.source} profile):"
                f" crawl it with `newsarchive crawl {profile.id}`, or pass --id"
                f" {profile.id} to replace that profile with this proposal"
            )
        if chosen_id != profile.id:
            return (
                f"note: the profile '{profile.id}' crawls this site too; crawled both, the"
                " same pages are archived under the first one's site"
            )
    return ""


def write_profile(text: str, folder: Path, site_id: str) -> Path:
    """Save the proposal where user profiles live; never overwrite one. Written whole or
    not at all (``written_whole``, as an export's file): on a full disk it left an empty
    ``ID.toml``, which every later command then read as the user's profile, and said
    exit 2 ("bad usage or input") where any other write meeting a full disk says 74."""
    from newsarchive.export.outfile import written_whole

    target = folder / f"{site_id}.toml"
    if target.exists():
        raise UsageError(f"{target} exists: remove it or choose another --id")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror}") from None
    with written_whole(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    return target
