"""TLS certificates a browser would refuse: said in plain words, not retried, and a way out.

A municipal site with an expired certificate, one for another name (``www.`` only, or
the hosting company's), a self-signed one, or an incomplete chain (the server omits the
intermediate: browsers fetch it from the address the certificate names, OpenSSL does not)
fails the same way on every try: retrying it cost four handshakes a URL and said only
OpenSSL's "certificate verify failed". Here the handshake's refusal becomes a
``CertificateRefused`` naming the reason ("certificate expired on 2026-10-01"), which the
fetcher neither retries nor counts as silence.

The reason's details (the date, the names the certificate is for, its issuer) are read
from the certificate itself, fetched by one more handshake that verifies nothing and sends
no request; ``cryptography`` reads it (the reference X.509 parser; without it the line
names the reason alone). A missing intermediate is never completed from the address in
the certificate: that is a fetch from a third host in the middle of a handshake, and
the crawl cannot check it offline; the line says so and names the way out instead.

The way out is explicit and per host, never a global downgrade: ``tls_verify = false`` or
``ca_bundle = "path"`` in a site's profile, ``NEWSARCHIVE_INSECURE_HOSTS`` (hosts, comma
separated) and ``NEWSARCHIVE_CA_BUNDLE`` (more authorities to trust, still verified) in
the environment. Trust otherwise is httpx's: certifi's bundle, the same on every machine.
"""

from __future__ import annotations

import os
import socket
import ssl
from collections.abc import Iterable
from typing import Any, TypeVar

import httpcore
import httpx

INSECURE_HOSTS_ENV = "NEWSARCHIVE_INSECURE_HOSTS"
CA_BUNDLE_ENV = "NEWSARCHIVE_CA_BUNDLE"
_E = TypeVar("_E", bound=BaseException)

# OpenSSL's X509_V_ERR_* codes (ssl.SSLCertVerificationError.verify_code)
_NOT_YET_VALID = 9
_EXPIRED = 10
_SELF_SIGNED = 18
_SELF_SIGNED_IN_CHAIN = 19
_NO_LOCAL_ISSUER = 20
_UNVERIFIABLE_LEAF = 21
_NO_ISSUER = 2
_REVOKED = 23
_HOSTNAME_MISMATCH = 62
_IP_MISMATCH = 64
_DER = 2  # _ssl.ENCODING_DER


class CertificateRefused(httpcore.ConnectError):
    """The server's certificate failed verification; ``reason`` says why in plain words."""

    def __init__(self, host: str, reason: str, missing_intermediate: bool = False) -> None:
        super().__init__(f"TLS certificate of {host} refused: {reason}")
        self.host = host
        self.reason = reason
        self.missing_intermediate = missing_intermediate


def _behind(exc: BaseException, kind: type[_E]) -> _E | None:
    """The ``kind`` error ``exc`` was raised from or while handling (a few links down:
    httpx and httpcore each raise their own error from the one below), if any."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return None
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def certificate_refused(exc: BaseException) -> CertificateRefused | None:
    """The ``CertificateRefused`` behind an httpx error (httpx raises its own from it)."""
    return _behind(exc, CertificateRefused)


def way_out(host: str, missing_intermediate: bool = False) -> str:
    """What lets the crawl archive ``host`` anyway: the words of every refusal's line."""
    more = (
        " (or, verified, ca_bundle = a PEM file holding that intermediate)"
        if missing_intermediate
        else ""
    )
    return (
        f"to archive it anyway, unverified: tls_verify = false in its profile or "
        f"{INSECURE_HOSTS_ENV}={host}{more}"
    )


def refusal_line(refused: CertificateRefused) -> str:
    """The one line a refused certificate is said in: the host, the reason, the way out."""
    browser = "" if refused.missing_intermediate else "; a browser would refuse it too"
    return (
        f"TLS certificate of {refused.host} refused ({refused.reason}{browser}), not "
        f"retried; {way_out(refused.host, refused.missing_intermediate)}"
    )


def proposal_refusal_line(refused: CertificateRefused, typed: str) -> str:
    """``add-site``'s line for a site whose certificate is refused: there is no profile
    yet to write ``tls_verify = false`` in, so the way on is the variable, for this one
    run; the profile it then writes carries the setting, so the nightly crawl needs none."""
    bundle = (
        f"; or, verified, {CA_BUNDLE_ENV}=a PEM file holding that intermediate (the profile"
        " then names it as ca_bundle)"
        if refused.missing_intermediate
        else ""
    )
    return (
        f"TLS certificate of {refused.host} refused ({refused.reason}); no proposal; to "
        f"propose one anyway, read unverified: {INSECURE_HOSTS_ENV}={refused.host} "
        f"newsarchive add-site {typed} (the profile then says tls_verify = false, so its "
        f"crawl needs no variable){bundle}"
    )


def explain(code: int, message: str, host: str, chain: list[bytes]) -> tuple[str, bool]:
    """OpenSSL's verify code and message, and the chain the server sent (DER, its own
    certificate first; [] when unread), as (plain reason, whether it is a missing
    intermediate). Pure."""
    cert = _decoded(chain[0] if chain else None)
    if code == _EXPIRED:
        when = f" on {cert.not_valid_after_utc.date().isoformat()}" if cert else ""
        return f"certificate expired{when}", False
    if code == _NOT_YET_VALID:
        when = f" before {cert.not_valid_before_utc.date().isoformat()}" if cert else ""
        return f"certificate not valid yet{when}", False
    if code in (_HOSTNAME_MISMATCH, _IP_MISMATCH):
        names = _names(cert) if cert else []
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        return (f"certificate is for {shown}, not {host}" if shown else
                f"certificate is not for {host}"), False  # fmt: skip
    if code == _SELF_SIGNED:
        return "self-signed certificate", False
    if code == _SELF_SIGNED_IN_CHAIN:
        root = f" '{_common_name(cert, issuer=True)}'" if cert else ""
        return f"certificate issued by a private authority{root} no browser trusts", False
    if code in (_NO_LOCAL_ISSUER, _UNVERIFIABLE_LEAF, _NO_ISSUER):
        last = _decoded(chain[-1]) if chain else None
        issuer = f" '{_common_name(last, issuer=True)}'" if last else ""
        if cert is None or len(chain) > 1 or not _names_issuer_address(cert):
            # (the chain came whole, or nothing says where its issuer lives: an authority
            # unknown here, a private one or one the bundle lacks)
            return f"certificate issued by an authority not trusted here{issuer}", False
        return (
            f"the server sends no intermediate certificate (issuer{issuer}): browsers "
            "fetch it from the address the certificate names, this crawler does not"
        ), True
    if code == _REVOKED:
        return "certificate revoked", False
    said = message.strip().rstrip(".") or f"verify error {code}"
    return f"certificate not accepted: {said}", False


def peer_chain(address: tuple[str, int], server_name: str, timeout: float) -> list[bytes]:
    """The certificates (DER, the server's own first) the server at ``address`` sends for
    ``server_name``, read by a handshake that verifies nothing and sends no request; [] when
    none could be read. (Python 3.13 names the chain's reader; 3.11 has it unnamed.)"""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with socket.create_connection(address, timeout=timeout) as raw:
            with context.wrap_socket(raw, server_hostname=server_name) as tls:
                leaf = tls.getpeercert(binary_form=True)
                reader = getattr(tls, "get_unverified_chain", None) or getattr(
                    getattr(tls, "_sslobj", None), "get_unverified_chain", None
                )
                sent = reader() if reader is not None else None
    except (OSError, ValueError):
        return []
    try:  # (3.11's unnamed reader gives objects whose DER is asked for by number: 2)
        return [c if isinstance(c, bytes) else c.public_bytes(_DER) for c in sent or ()] or (
            [leaf] if leaf else []
        )
    except (AttributeError, TypeError, ValueError):
        return [leaf] if leaf else []


def _decoded(der: bytes | None) -> Any:
    if der is None:
        return None
    try:
        from cryptography import x509
    except ImportError:  # (optional: the reason is said without its details)
        return None
    try:
        return x509.load_der_x509_certificate(der)
    except (ValueError, TypeError):
        return None


def _names(cert: object) -> list[str]:
    from cryptography import x509

    assert isinstance(cert, x509.Certificate)
    try:
        extension = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except x509.ExtensionNotFound:
        common = _common_name(cert, issuer=False)
        return [common] if common else []
    names = [str(n) for n in extension.value.get_values_for_type(x509.DNSName)]
    names += [str(a) for a in extension.value.get_values_for_type(x509.IPAddress)]
    return names


def _common_name(cert: object, *, issuer: bool) -> str:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    assert isinstance(cert, x509.Certificate)
    name = cert.issuer if issuer else cert.subject
    values = name.get_attributes_for_oid(NameOID.COMMON_NAME)
    if values:
        return str(values[0].value)
    return name.rfc4514_string()


def _names_issuer_address(cert: object) -> bool:
    """Whether the certificate says where its issuer's certificate is (AIA caIssuers), as
    every public authority's does: then a missing issuer is an intermediate left out."""
    from cryptography import x509
    from cryptography.x509.oid import AuthorityInformationAccessOID

    assert isinstance(cert, x509.Certificate)
    try:
        access = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess)
    except x509.ExtensionNotFound:
        return False
    return any(d.access_method == AuthorityInformationAccessOID.CA_ISSUERS for d in access.value)


def insecure_hosts(text: str | None) -> frozenset[str]:
    """``NEWSARCHIVE_INSECURE_HOSTS``: hosts, comma or space separated, lower case."""
    return frozenset(h.strip().lower() for h in (text or "").replace(",", " ").split() if h.strip())


class TlsPolicy:
    """Which context verifies a host's certificate: the default (certifi's authorities,
    plus ``ca_bundle``'s), or none for the hosts named insecure. Contexts are built once."""

    def __init__(self, insecure: Iterable[str] = (), ca_bundle: str | None = None) -> None:
        self.insecure = frozenset(h.lower() for h in insecure)
        self.ca_bundle = ca_bundle
        self._verified: ssl.SSLContext | None = None
        self._unverified: ssl.SSLContext | None = None
        self.unverified_hosts: set[str] = set()  # those this run talked to unverified
        self.verified_hosts: set[str] = set()  # and verified (``ca_bundle``'s authorities too)

    @classmethod
    def from_env(cls) -> TlsPolicy:
        bundle = os.environ.get(CA_BUNDLE_ENV, "").strip() or None
        return cls(insecure_hosts(os.environ.get(INSECURE_HOSTS_ENV)), bundle)

    def verifies(self, host: str) -> bool:
        return host.lower() not in self.insecure

    def context(self, host: str | None) -> ssl.SSLContext:
        if host is not None and not self.verifies(host):
            if self._unverified is None:
                context = httpx.create_ssl_context(verify=False)
                self._unverified = context
            self.unverified_hosts.add(host.lower())
            return self._unverified
        if host is not None:
            self.verified_hosts.add(host.lower())
        if self._verified is None:
            context = httpx.create_ssl_context()
            if self.ca_bundle:
                context.load_verify_locations(cafile=self.ca_bundle)
            self._verified = context
        return self._verified


def verify_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The verification error behind a handshake's failure, if that was its cause."""
    return _behind(exc, ssl.SSLCertVerificationError)
