"""A site whose TLS certificate a browser would refuse: one plain line, no retries, a way out.

Against a real HTTPS server on 127.0.0.1 whose certificates a test CA of our own issues
(``tlsserver``); the CA is trusted through ``$NEWSARCHIVE_CA_BUNDLE``, so that an expired
or misnamed certificate fails for that reason alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import Result

tlsserver = pytest.importorskip("tests.tlsserver")

FAST = {"NEWSARCHIVE_BACKOFF": "0.01", "NEWSARCHIVE_TIMEOUT": "5"}


@pytest.fixture
def certs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    for name, value in FAST.items():
        monkeypatch.setenv(name, value)
    made = tlsserver.Certificates(tmp_path)
    monkeypatch.setenv("NEWSARCHIVE_CA_BUNDLE", str(made.ca_file))
    return made


def _crawl(run_cli: Callable[..., Result], site: object, db: Path, extra: str = "") -> Result:
    profile = site.profile(db.parent, extra)  # type: ignore[attr-defined]
    return run_cli("crawl", "tlssite", "--profile", str(profile), "--db", str(db), "--delay", "0")


def _archived(db: Path) -> list[str]:
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT title FROM articles"))


REFUSED = {
    "expired": f"certificate expired on {tlsserver.EXPIRED_ON.isoformat()}",
    "wrong-name": "certificate is for hosting.example, www.hosting.example, not 127.0.0.1",
    "self-signed": "self-signed certificate",
    "no-intermediate": (
        "the server sends no intermediate certificate (issuer 'Test Intermediate CA')"
    ),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_refused_certificate_is_said_plainly_once_and_not_retried(
    run_cli: Callable[..., Result], certs: object, db: Path, kind: str
) -> None:
    with tlsserver.TlsSite(certs, kind) as site:
        result = _crawl(run_cli, site, db)
        handshakes, requests = site.handshakes, list(site.requests)
    assert result.exit_code == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if "TLS certificate" in line]
    assert len(lines) == 1, result.stderr
    assert REFUSED[kind] in lines[0]
    assert "not retried" in lines[0]
    assert "NEWSARCHIVE_INSECURE_HOSTS=127.0.0.1" in lines[0]
    assert "tls_verify = false" in lines[0]
    # one refused handshake and one that reads the certificate for the line; before, four
    # (robots.txt tried four times), each saying only "certificate verify failed"
    assert handshakes == 2
    assert requests == []
    assert _archived(db) == []


def test_missing_intermediate_line_names_the_file_way_out(
    run_cli: Callable[..., Result], certs: object, db: Path
) -> None:
    with tlsserver.TlsSite(certs, "no-intermediate") as site:
        result = _crawl(run_cli, site, db)
    assert "ca_bundle = a PEM file holding that intermediate" in result.stderr
    assert "a browser would refuse it too" not in result.stderr  # (browsers complete it)


def test_unknown_authority_is_not_taken_for_a_missing_intermediate(
    run_cli: Callable[..., Result], certs: object, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSARCHIVE_CA_BUNDLE")
    with tlsserver.TlsSite(certs, "good") as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 1
    assert "certificate issued by an authority not trusted here 'Тестов корен CA'" in result.stderr


def test_trusted_test_ca_archives_without_a_word_of_tls(
    run_cli: Callable[..., Result], certs: object, db: Path
) -> None:
    with tlsserver.TlsSite(certs, "good") as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert "TLS" not in result.stderr
    assert len(_archived(db)) == 2


def test_profile_tls_verify_false_archives_and_says_so_once(
    run_cli: Callable[..., Result], certs: object, db: Path
) -> None:
    with tlsserver.TlsSite(certs, "expired") as site:
        result = _crawl(run_cli, site, db, "tls_verify = false")
    assert result.exit_code == 0, result.stderr
    assert _archived(db) == sorted(tlsserver.TITLES.values())
    assert result.stderr.count("without verifying its certificate") == 1


def test_profile_ca_bundle_verifies_with_the_missing_intermediate(
    run_cli: Callable[..., Result], certs: object, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSARCHIVE_CA_BUNDLE")
    bundle = db.parent / "with-intermediate.pem"
    with tlsserver.TlsSite(certs, "no-intermediate") as site:
        bundle.write_bytes(
            certs.ca_file.read_bytes()  # type: ignore[attr-defined]
            + tlsserver._pem(certs.intermediate.cert)  # type: ignore[attr-defined]
        )
        result = _crawl(run_cli, site, db, f'ca_bundle = "{bundle}"')
    assert result.exit_code == 0, result.stderr
    assert "without verifying" not in result.stderr
    assert len(_archived(db)) == 2


def test_insecure_hosts_env_lets_extract_read_a_self_signed_site(
    run_cli: Callable[..., Result], certs: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tlsserver.TlsSite(certs, "self-signed") as site:
        url = f"{site.origin}/news/1-remont"
        refused = run_cli("extract", url)
        monkeypatch.setenv("NEWSARCHIVE_INSECURE_HOSTS", "127.0.0.1")
        read = run_cli("extract", url)
    assert refused.exit_code == 2
    assert "self-signed certificate" in refused.stderr
    assert read.exit_code == 0, read.stderr
    assert tlsserver.TITLES[1] in read.stdout


def test_bad_ca_bundle_is_one_line(run_cli: Callable[..., Result], certs: object, db: Path) -> None:
    with tlsserver.TlsSite(certs, "good") as site:
        result = _crawl(run_cli, site, db, 'ca_bundle = "/nonexistent/ca.pem"')
    assert result.exit_code == 2
    assert "ca_bundle '/nonexistent/ca.pem' is no readable file" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_authorities_are_read_when_a_host_first_needs_tls_once_a_run(
    run_cli: Callable[..., Result],
    certs: object,
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """certifi's authorities go into a context when a host first needs TLS, once a run:
    a crawl of an ``http://`` server reads none, one of an ``https://`` site once (it
    read them twice more, into the transport's and its pool's contexts, which no
    handshake uses: some 50-100 ms of CPU at the start of every command that fetches)."""
    import certifi

    from .mirror_sites import bare_profile, crawl_twice
    from .support import SITES

    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):  # (httpx reads those instead of certifi)
        monkeypatch.delenv(name, raising=False)
    read: list[str] = []
    where = certifi.where

    def reading() -> str:
        read.append(where())
        return read[-1]

    monkeypatch.setattr(certifi, "where", reading)
    profile = bare_profile(tmp_path, "dinya", "Община Диня", "https://dinya.bg")
    first, _ = crawl_twice(run_cli, tmp_path / "http.db", profile, "dinya", SITES / "dinya")
    assert first and read == []
    with tlsserver.TlsSite(certs, "good") as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert len(_archived(db)) == 2 and len(read) == 1


@pytest.mark.parametrize(("kind", "archived"), [("good", 2), ("self-signed", 0)])
def test_a_transport_without_a_pool_to_replace_still_verifies_by_the_policy(
    run_cli: Callable[..., Result],
    certs: object,
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    archived: int,
) -> None:
    """Were httpx's transport ever to keep no ``_pool`` for ``bounded_transport`` to
    replace, the plain transport it falls back to verifies with the policy's context (the
    run's authorities, here the test CA), not the pool's that trusts none: the good site
    is archived, the self-signed one refused."""
    import httpx

    real = httpx.HTTPTransport
    built: list[httpx.HTTPTransport] = []

    def transport(*args: object, **kwargs: object) -> httpx.HTTPTransport:
        made = real(*args, **kwargs)  # type: ignore[arg-type]
        if not built:
            del made._pool
        built.append(made)
        return made

    monkeypatch.setattr(httpx, "HTTPTransport", transport)
    with tlsserver.TlsSite(certs, kind) as site:
        result = _crawl(run_cli, site, db)
    assert len(built) >= 2 and not hasattr(built[0], "_pool")
    assert len(_archived(db)) == archived, result.stderr
