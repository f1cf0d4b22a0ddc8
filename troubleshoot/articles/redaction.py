"""Email addresses out of anything we keep: unfound pastes and searches, saved reports.

Trust decision: a pasted bounce holds other people's addresses. Before any of it is stored,
every part of the message is decoded (base64, quoted-printable, encoded words, any charset;
troubleshoot.diagnosis.bounce_text_decoded) so that no address hides in an encoding, and then
every address form RFC 5322 allows in a bounce is replaced: dot-atoms (jdoe@example.com),
quoted local parts ("john doe"@example.com), domain literals (ops@[192.0.2.1]) and what is left
of quoted-printable in a text that was not MIME (judy=40example.com).
"""

from __future__ import annotations

import re2

from troubleshoot.diagnosis import bounce_text_decoded

# RE2: a long paste without "@" costs linear time.
_LOCAL = r'(?:"[^"\r\n]{0,100}"|[^\s@<>()\[\]{}",;:]+)'
_DOMAIN = r"(?:\[[^\]\s]{1,100}\]|[^\s@<>()\[\]{}\"',;:]+)"
ADDRESS_RE = re2.compile(r"%s@%s" % (_LOCAL, _DOMAIN))
# "=40" is "@" in quoted-printable.
QP_ADDRESS_RE = re2.compile(r"[A-Za-z0-9._%+-]+=40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PLACEHOLDER = "<address>"


def _domain_kept(match) -> str:
    # The domain stays: it tells which server refused; the person's part of the address goes.
    return "redacted@" + match.group(0).rsplit("@", 1)[-1]


def email_addresses_redact(text: str, *, keep_domain: bool = False) -> str:
    """Every address in `text` replaced by a placeholder, or by redacted@<its domain> with
    `keep_domain` (no decoding; see text_redact)."""
    return QP_ADDRESS_RE.sub(PLACEHOLDER, ADDRESS_RE.sub(_domain_kept if keep_domain else PLACEHOLDER, text))


def text_redact(text: str, *, keep_domain: bool = False) -> str:
    """`text` with its MIME parts and encoded words decoded, then every address replaced; what
    no database can store (lone surrogates of undecodable bytes) is replaced too."""
    try:
        decoded = bounce_text_decoded(text)
    except RecursionError:  # pragma: no cover - nesting is bounded by the reader
        decoded = text
    decoded = decoded.encode("utf-8", "replace").decode("utf-8")
    return email_addresses_redact(decoded, keep_domain=keep_domain)
