"""Fetching a page or a PDF from the web, carefully.

One GET, with a timeout, a cap on the bytes read (the body is streamed and the download stops at
the cap), a content-type check (a web page or a PDF, nothing else), and redirects followed by
hand, a few at most, and only to http or https addresses. httpx is imported only here, so only
`sources add URL` and `sources check` load it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

TIMEOUT = 20.0  # seconds, for connecting and between bytes
MAX_BYTES = 64 * 1024 * 1024  # as for a page or a PDF on disk (load.MAX_DOCUMENT_BYTES)
MAX_REDIRECTS = 5
ACCEPTED = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}
USER_AGENT = "factcheck-ledger (saving a source for a fact-check)"


class FetchError(Exception):
    """The address cannot be fetched as a page or a PDF; str() is one line for the editor."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the address the body came from, after redirects
    kind: str  # "html" or "pdf"
    body: bytes
    content_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def shown(url: str) -> str:
    """An address for a message: a character that is not printable (a server's redirect may hold
    anything) is shown as its escape, never sent to the terminal."""
    from factcheck.safe_text import visible

    return visible(url)


def check_url(url: str) -> str:
    """The URL itself when it is an http or https address with a host; FetchError otherwise."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise FetchError(f"{shown(url)}: not a web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{shown(url)}: only http and https addresses are fetched")
    if not host:
        raise FetchError(f"{shown(url)}: no host in the address")
    return url


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    import httpx

    current = check_url(url)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9"}
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", current) as r:
                    if r.is_redirect:
                        location = r.headers.get("location", "")
                        if not location:
                            raise FetchError(f"{shown(current)}: redirect ({r.status_code}) without an address")
                        current = check_url(urljoin(current, location))
                        continue
                    if r.status_code >= 400:
                        raise FetchError(f"{shown(current)}: the server answered {r.status_code} {r.reason_phrase}")
                    ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
                    kind = ACCEPTED.get(ctype)
                    if kind is None:
                        raise FetchError(f"{shown(current)}: not a web page or a PDF (content type "
                                         f"'{ctype or 'none'}')")
                    declared = r.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{shown(current)}: {int(declared) // (1024 * 1024)} MB, over the "
                                         f"{max_bytes // (1024 * 1024)} MB a source may be")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"{shown(current)}: over the {max_bytes // (1024 * 1024)} MB a source may "
                                             "be; stopped reading")
                        chunks.append(chunk)
                    return Fetched(str(current), kind, b"".join(chunks), ctype)
            raise FetchError(f"{shown(url)}: more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"{shown(current)}: no answer within {timeout:g} seconds") from None
    except httpx.HTTPError as e:
        raise FetchError(f"{shown(current)}: cannot be fetched: {e}") from None
