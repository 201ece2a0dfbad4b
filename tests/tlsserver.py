"""A small municipal news site over HTTPS on 127.0.0.1, with the certificates real ones have.

Certificates are made at test time with ``cryptography`` (a test CA of our own, an
intermediate, and leaves that are good, expired, for another name, self-signed, or served
without their intermediate). The server counts handshakes and requests, so a test can
tell a refusal said once from a retry storm.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

x509 = pytest.importorskip("cryptography.x509")
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID  # noqa: E402

NOW = dt.datetime.now(dt.UTC)
EXPIRED_ON = (NOW - dt.timedelta(days=40)).date()

ARTICLE = """<!doctype html><html lang="bg"><head><meta charset="utf-8">
<title>{title}</title></head><body><header><a href="/">Община Примерно</a></header>
<main><article><h1>{title}</h1><time datetime="2026-05-0{n}T10:00:00+03:00">0{n}.05.2026</time>
<p>Общинската администрация съобщава, че от понеделник започва ремонт на уличното осветление
в квартал {n}. Работите ще продължат около две седмици, а движението ще бъде ограничено.</p>
<p>Гражданите могат да подават сигнали на телефона на дежурния в общината всеки работен ден,
както и чрез формата на сайта. Благодарим за търпението и разбирането.</p>
</article></main></body></html>"""

LISTING = """<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>Новини</title>
<link rel="alternate" type="application/rss+xml" title="Новини" href="/feed"></head>
<body><main><h1>Новини</h1><ul>{items}</ul></main></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Община Примерно: новини</title><link>{origin}/news</link>{items}</channel></rss>"""

TITLES = {
    1: "Ремонт на осветлението в първи квартал",
    2: "Ремонт на осветлението във втори квартал",
}


def _name(common: str) -> Any:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@dataclass
class Issued:
    cert: Any
    key: ec.EllipticCurvePrivateKey


def _issue(
    subject: str,
    issuer: Issued | None,
    *,
    ca: bool,
    names: tuple[str, ...] = (),
    ips: tuple[str, ...] = (),
    expired: bool = False,
    aia: bool = False,
) -> Issued:
    key = _key()
    start = NOW - dt.timedelta(days=400 if expired else 1)
    end = NOW - dt.timedelta(days=40) if expired else NOW + dt.timedelta(days=30)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer.cert.subject if issuer else _name(subject))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
    sans: list[Any] = [x509.DNSName(n) for n in names]
    sans += [x509.IPAddress(ipaddress.ip_address(a)) for a in ips]
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    if aia:
        where = x509.UniformResourceIdentifier("http://ca.example/intermediate.crt")
        builder = builder.add_extension(
            x509.AuthorityInformationAccess(
                [x509.AccessDescription(AuthorityInformationAccessOID.CA_ISSUERS, where)]
            ),
            critical=False,
        )
    signer = issuer.key if issuer else key
    return Issued(builder.sign(signer, hashes.SHA256()), key)


def _pem(cert: Any) -> bytes:
    return bytes(cert.public_bytes(serialization.Encoding.PEM))


class Certificates:
    """A test CA (root + intermediate) in ``folder``; ``chain(kind)`` writes the PEM files a
    server of that kind presents and returns (chain file, key file)."""

    KINDS = ("good", "expired", "wrong-name", "self-signed", "no-intermediate")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.root = _issue("Тестов корен CA", None, ca=True)
        self.intermediate = _issue("Test Intermediate CA", self.root, ca=True, aia=True)
        self.ca_file = folder / "test-ca.pem"
        self.ca_file.write_bytes(_pem(self.root.cert))

    def chain(self, kind: str) -> tuple[Path, Path]:
        ip = ("127.0.0.1",)
        if kind == "self-signed":
            leaf = _issue("127.0.0.1", None, ca=False, ips=ip)
            chain = [leaf.cert]
        else:
            leaf = _issue(
                "obshtina",
                self.intermediate,
                ca=False,
                names=("hosting.example", "www.hosting.example") if kind == "wrong-name" else (),
                ips=() if kind == "wrong-name" else ip,
                expired=kind == "expired",
                aia=True,
            )
            chain = (
                [leaf.cert] if kind == "no-intermediate" else [leaf.cert, self.intermediate.cert]
            )
        cert_file = self.folder / f"{kind}.pem"
        key_file = self.folder / f"{kind}.key"
        cert_file.write_bytes(b"".join(_pem(c) for c in chain))
        key_file.write_bytes(
            leaf.key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return cert_file, key_file


@dataclass
class TlsSite:
    """The site served over TLS with one of ``Certificates``' chains."""

    certificates: Certificates
    kind: str
    handshakes: int = 0
    requests: list[str] = field(default_factory=list)

    def __enter__(self) -> TlsSite:
        cert_file, key_file = self.certificates.chain(self.kind)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.requests.append(self.path)
                body, status = b"", 404
                if self.path in ("/", "/news"):
                    items = "".join(
                        f'<li><a href="/news/{n}-remont-na-osvetlenieto">{t}</a></li>'
                        for n, t in TITLES.items()
                    )
                    body, status = LISTING.format(items=items).encode(), 200
                elif self.path == "/feed":  # (what add-site proposes the site by)
                    origin = f"https://127.0.0.1:{self.server.server_address[1]}"
                    items = "".join(
                        f"<item><title>{t}</title><link>{origin}/news/{n}-remont-na-osvetlenieto</link>"
                        f"<pubDate>{email.utils.format_datetime(NOW)}</pubDate></item>"
                        for n, t in TITLES.items()
                    )
                    body, status = FEED.format(origin=origin, items=items).encode(), 200
                elif self.path.startswith("/news/") and self.path[6:7] in "12":
                    n = int(self.path[6])
                    body, status = ARTICLE.format(title=TITLES[n], n=n).encode(), 200
                self.send_response(status)
                kind = "application/rss+xml" if self.path == "/feed" else "text/html"
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def get_request(self) -> tuple[Any, Any]:
                sock, address = self.socket.accept()
                site.handshakes += 1
                return context.wrap_socket(sock, server_side=True), address

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # (a refused handshake is the test, not noise)

        # The handshake happens on the handler's thread, at its first read: a client
        # that refuses the certificate costs the server one failed handler, no more.
        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self._httpd.server_address[1]}"

    def profile(self, folder: Path, extra: str = "") -> Path:
        """The site's profile (id ``tlssite``), ``extra`` TOML lines added."""
        path = folder / "tlssite.toml"
        path.write_text(
            f'id = "tlssite"\nname = "Община Примерно"\norigin = "{self.origin}"\n{extra}\n'
            "[discovery]\nstart_urls = [\"/news\"]\narticle_pattern = '^/news/\\d+-'\n",
            encoding="utf-8",
        )
        return path
