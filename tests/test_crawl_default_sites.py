"""``crawl`` with no SITE, as the README's nightly cron line runs it, crawls every profile
``sites`` lists: a site a user added with ``add-site --write`` is crawled each night too,
not only when named."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .support import Result

# The built-in ids (a user profile with a built-in id replaces it, so each is pointed at
# a mirror on 127.0.0.1 and no test reaches the network) and one site only a user has.
MIRRORED = ("bta", "nsorb", "ruse-bg", "ruse24", "zornitsa")


def test_crawl_without_site_ids_crawls_the_user_profiles_too(
    run_cli: Callable[..., Result],
    mirror: Callable[[str], MirrorServer],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = tmp_path / "user-profiles"
    user.mkdir()
    for site in MIRRORED:
        origin = mirror(site).url.rstrip("/")
        (user / f"{site}.toml").write_text(
            f'id = "{site}"\nname = "{site}"\norigin = "{origin}"\n', encoding="utf-8"
        )
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(user))
    listed = run_cli("sites")
    assert "zornitsa" in listed.stdout
    result = run_cli("crawl", "--delay", "0", "--quiet", "--db", str(db))
    # The mirrors' pages name their real hosts, off these 127.0.0.1 origins: what counts
    # here is which sites the run went to, recorded per site in ``runs``.
    assert result.exit_code in (0, 1), result.stderr
    with closing(sqlite3.connect(db)) as conn:
        crawled = {site for (site,) in conn.execute("SELECT DISTINCT site FROM runs")}
    assert crawled == set(MIRRORED)


def test_a_file_named_as_the_profiles_folder_is_an_error_not_no_profiles(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NEWSARCHIVE_PROFILES naming a profile file, not its folder, was read as no user
    profiles: the nightly crawl left out every site the user had added, and said nothing."""
    profile = tmp_path / "zornitsa.toml"
    profile.write_text('id = "zornitsa"\nname = "z"\norigin = "https://z.bg"\n', "utf-8")
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(profile))
    for args in (("sites",), ("crawl", "--quiet", "--db", str(db))):
        result = run_cli(*args)
        assert result.exit_code == 2, result.stdout
        assert result.stderr == (
            f"newsarchive: error: {profile} is not a folder: user profiles are the *.toml"
            " files in one ($NEWSARCHIVE_PROFILES)\n"
        )
    assert not db.exists()  # refused before an archive was made


def test_a_profiles_folder_that_does_not_exist_is_said_by_sites_and_the_nightly_crawl(
    run_cli: Callable[..., Result],
    mirror: Callable[[str], MirrorServer],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A slip in NEWSARCHIVE_PROFILES (``~/stes`` for ``~/sites``) left every saved site
    out of ``sites`` and of the nightly crawl without a word. The built-in sites are
    pointed at the mirrors by --profile files (later files win), so nothing leaves
    127.0.0.1."""
    typo = tmp_path / "stes"
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(typo))
    said = (
        f"newsarchive: warning: $NEWSARCHIVE_PROFILES names {typo}, which does not exist:"
        " no site saved with add-site --write is read (a typo? correct it, or unset it for"
        " the default folder)\n"
    )
    listed = run_cli("sites")
    assert listed.exit_code == 0, listed.stderr
    assert "ruse24" in listed.stdout
    assert listed.stderr == said
    files = []
    for site in MIRRORED[:-1]:
        origin = mirror(site).url.rstrip("/")
        files += ["--profile", str(tmp_path / f"{site}.toml")]
        (tmp_path / f"{site}.toml").write_text(
            f'id = "{site}"\nname = "{site}"\norigin = "{origin}"\n', encoding="utf-8"
        )
    result = run_cli("crawl", *files, "--delay", "0", "--quiet", "--db", str(db))
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr.startswith(said)
    named = run_cli("crawl", "ruse24", *files, "--delay", "0", "--quiet", "--db", str(db))
    assert said not in named.stderr  # a site named: the saved ones were not asked for
    typo.mkdir()  # (an empty folder: no site saved yet, nothing to say)
    assert run_cli("sites").stderr == ""
