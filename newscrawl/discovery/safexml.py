"""Parsing untrusted XML (sitemaps, feeds) without entity expansion, DTDs or network access.

Sitemaps and feeds never need a DTD, so any document declaring one is refused outright: that
closes billion-laughs and external-entity attacks before a parser sees them. The parser itself is
also locked down, as a second wall.
"""

from __future__ import annotations

import re
import zlib

from lxml import etree

GZIP_MAGIC = b"\x1f\x8b"
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK = 64 * 1024


class XmlRejected(ValueError):
    """The document cannot be used; `reason` is the stats key suffix."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(body: bytes) -> etree._Element:
    """The root element of `body`; `XmlRejected` for DTDs/entities or unparseable input.

    >>> parse_xml(b"<urlset><url><loc>http://a/</loc></url></urlset>").tag
    'urlset'
    >>> parse_xml(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    Traceback (most recent call last):
    ...
    newscrawl.discovery.safexml.XmlRejected: dtd
    """
    if _DTD.search(body):
        raise XmlRejected("dtd")
    try:
        root = etree.fromstring(body.lstrip(), _parser())
    except (etree.XMLSyntaxError, ValueError):
        raise XmlRejected("malformed") from None
    if root is None:
        raise XmlRejected("malformed")
    return root


def local_name(element: etree._Element) -> str:
    """Tag name without its namespace.

    >>> local_name(parse_xml(b'<a xmlns="http://x/ns"/>'))
    'a'
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def gunzip_capped(body: bytes, max_bytes: int) -> tuple[bytes, str | None]:
    """Decompress a gzip body in chunks, stopping at `max_bytes` (gzip bombs).

    Returns the data and a problem: None, "too_large" (cut at the cap) or "truncated" (the
    compressed stream ends early; the part received is returned). Non-gzip bodies pass through.

    >>> import gzip
    >>> data = gzip.compress(b"x" * 1000)
    >>> len(gunzip_capped(data, 10_000)[0]), gunzip_capped(data, 10_000)[1]
    (1000, None)
    >>> gunzip_capped(data, 100)[1]
    'too_large'
    >>> gunzip_capped(data[:-12], 10_000)[1]
    'truncated'
    >>> gunzip_capped(b"<urlset/>", 100)
    (b'<urlset/>', None)
    """
    if not body.startswith(GZIP_MAGIC):
        return body, None
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        for start in range(0, len(body), _CHUNK):
            out += decompressor.decompress(body[start : start + _CHUNK], max_bytes + 1 - len(out))
            while decompressor.unconsumed_tail and len(out) <= max_bytes:
                out += decompressor.decompress(
                    decompressor.unconsumed_tail, max_bytes + 1 - len(out)
                )
            if len(out) > max_bytes:
                return bytes(out[:max_bytes]), "too_large"
            if decompressor.eof:
                break
    except zlib.error:
        return bytes(out), "truncated"
    if not decompressor.eof:
        return bytes(out), "truncated"
    return bytes(out), None
