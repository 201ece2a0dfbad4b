"""Every command that fetches reads a site's certificate by one rule (``FetchOptions.
for_site``): its profile's ``tls_verify``/``ca_bundle`` and the environment's variables,
not ``crawl`` alone; and ``add-site`` says how to go on past a refused certificate, and
writes the setting it went on with into the profile, so the nightly crawl needs no variable.

Against a real HTTPS server on 127.0.0.1 (``tlsserver``) with an expired certificate from
a test CA trusted through ``$NEWSARCHIVE_CA_BUNDLE``: it fails for its date alone.
"""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import Result

tlsserver = pytest.importorskip("tests.tlsserver")

INSECURE = "NEWSARCHIVE_INSECURE_HOSTS"


@pytest.fixture
def certs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    monkeypatch.setenv("NEWSARCHIVE_TIMEOUT", "5")
    made = tlsserver.Certificates(tmp_path)
    monkeypatch.setenv("NEWSARCHIVE_CA_BUNDLE", str(made.ca_file))
    return made


def _titles(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT title FROM articles"))


def test_check_site_honours_the_profiles_tls_verify(
    run_cli: Callable[..., Result], certs: object, db: Path
) -> None:
    with tlsserver.TlsSite(certs, "expired") as site:
        profile = site.profile(db.parent, "tls_verify = false")
        args = ("check-site", "tlssite", "--profile", str(profile), "--db", str(db))
        result = run_cli(*args, "--delay", "0")
    # before: the certificate refused as if the profile said nothing, exit 1
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "TLS certificate" not in result.stdout
    assert tlsserver.TITLES[1] in result.stdout


def test_check_site_without_settings_names_the_reason_and_the_way_out(
    run_cli: Callable[..., Result], certs: object, db: Path
) -> None:
    with tlsserver.TlsSite(certs, "expired") as site:
        profile = site.profile(db.parent)
        result = run_cli("check-site", "tlssite", "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 1
    assert f"certificate expired on {tlsserver.EXPIRED_ON.isoformat()}" in result.stdout
    assert f"{INSECURE}=127.0.0.1" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_extract_url_with_site_honours_the_profiles_tls_verify(
    run_cli: Callable[..., Result], certs: object, tmp_path: Path
) -> None:
    with tlsserver.TlsSite(certs, "expired") as site:
        profile = site.profile(tmp_path, "tls_verify = false")
        url = f"{site.origin}/news/2-remont"
        result = run_cli("extract", url, "--site", "tlssite", "--profile", str(profile))
    assert result.exit_code == 0, result.stderr  # before: exit 2, the certificate refused
    assert tlsserver.TITLES[2] in result.stdout


def test_add_site_refused_says_how_to_go_on(run_cli: Callable[..., Result], certs: object) -> None:
    with tlsserver.TlsSite(certs, "expired") as site:
        result = run_cli("add-site", site.origin, "--delay", "0")
        origin = site.origin
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"certificate expired on {tlsserver.EXPIRED_ON.isoformat()}" in lines[0]
    # before: "tls_verify = false in its profile", of a profile add-site has not written yet
    assert f"{INSECURE}=127.0.0.1 newsarchive add-site {origin}" in lines[0]
    assert "the profile then says tls_verify = false" in lines[0]


def test_add_site_gone_on_with_the_variable_writes_tls_verify_false(
    run_cli: Callable[..., Result],
    certs: object,
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profiles = tmp_path / "profiles"
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(profiles))
    with tlsserver.TlsSite(certs, "expired") as site:
        monkeypatch.setenv(INSECURE, "127.0.0.1")
        proposed = run_cli("add-site", site.origin, "--id", "tlssite", "--delay", "0", "--write")
        monkeypatch.delenv(INSECURE)  # the nightly crawl, run without the variable
        crawled = run_cli("crawl", "tlssite", "--db", str(db), "--delay", "0")
    assert proposed.exit_code == 0, proposed.stderr
    written = tomllib.loads((profiles / "tlssite.toml").read_text(encoding="utf-8"))
    assert written["tls_verify"] is False
    assert "ca_bundle" not in written
    assert crawled.exit_code == 0, crawled.stderr  # before: exit 1, the certificate refused
    assert _titles(db) == sorted(tlsserver.TITLES.values())
    assert crawled.stderr.count("without verifying its certificate") == 1


def test_add_site_verified_by_the_bundle_variable_writes_ca_bundle(
    run_cli: Callable[..., Result],
    certs: object,
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profiles = tmp_path / "profiles"
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(profiles))
    with tlsserver.TlsSite(certs, "good") as site:
        proposed = run_cli("add-site", site.origin, "--id", "tlssite", "--delay", "0", "--write")
        monkeypatch.delenv("NEWSARCHIVE_CA_BUNDLE")
        crawled = run_cli("crawl", "tlssite", "--db", str(db), "--delay", "0")
    assert proposed.exit_code == 0, proposed.stderr
    written = tomllib.loads((profiles / "tlssite.toml").read_text(encoding="utf-8"))
    assert written["ca_bundle"] == str(certs.ca_file.resolve())  # type: ignore[attr-defined]
    assert "tls_verify" not in written
    assert crawled.exit_code == 0, crawled.stderr  # before: the test CA unknown, exit 1
    assert "TLS" not in crawled.stderr
    assert len(_titles(db)) == 2


def test_add_site_over_plain_http_writes_no_tls_setting(
    run_cli: Callable[..., Result], mirror: Callable[[str], object]
) -> None:
    server = mirror("primer")
    result = run_cli(
        "add-site", "https://www.primer-obshtina.bg", "--base-url", server.url,  # type: ignore[attr-defined]
        "--delay", "0",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "tls_verify" not in result.stdout and "ca_bundle" not in result.stdout
