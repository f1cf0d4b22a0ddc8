"""What counts as an IP address or a domain name to check, and which ones are never looked up."""

from __future__ import annotations

import ipaddress
import re
import unicodedata

import idna

from .texts import (
    NOT_CHECKED_CGNAT,
    NOT_CHECKED_DOCUMENTATION_IP,
    NOT_CHECKED_EXAMPLE_DOMAIN,
    NOT_CHECKED_LINK_LOCAL,
    NOT_CHECKED_LOOPBACK,
    NOT_CHECKED_MULTICAST,
    NOT_CHECKED_PRIVATE,
    NOT_CHECKED_RESERVED_IP,
    NOT_CHECKED_SPECIAL_DOMAIN,
    LazyText,
)

MAX_DOMAIN_LENGTH = 253
MAX_INPUT_LENGTH = 300


class InvalidTarget(ValueError):
    """A value that is not an IP address or a domain name.

    ``code``: ``"empty"``, ``"too_long"``, ``"ip_with_port"``, ``"invalid_ip"``, ``"invalid_domain"``,
    ``"not_a_domain"`` (an IP address, an email address or a single label), ``"lookalike"``
    (Unicode that imitates ASCII: full-width letters, mixed scripts), ``"not_idna"`` (Unicode
    that IDNA 2008 refuses), ``"invalid_selector"``. ``field`` names the argument, ``detail`` is an
    English sentence for logs and JSON errors.
    """

    def __init__(self, code: str, detail: str, *, field: str = "", value: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.field = field
        self.value = value


# -- IP addresses ---------------------------------------------------------------------------

_PORT_V4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}:\d+$")
_PORT_V6 = re.compile(r"^\[[0-9A-Fa-f:.]+\]:\d+$")


def ip_validate(value: str, *, field: str = "ip") -> str:
    """Return the address in its normal text form (IPv4-mapped IPv6 as IPv4); raise InvalidTarget."""
    if not isinstance(value, str):
        raise InvalidTarget("invalid_ip", "The IP address must be text.", field=field)
    text = value.strip()
    if not text:
        raise InvalidTarget("empty", "No IP address given.", field=field)
    if len(text) > 45:
        raise InvalidTarget("too_long", "This is too long to be an IP address.", field=field, value=text[:60])
    if _PORT_V4.match(text) or _PORT_V6.match(text):
        raise InvalidTarget(
            "ip_with_port", "Give the IP address without a port (for example 203.0.113.5).", field=field, value=text
        )
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if text.lower().startswith("ipv6:"):
        text = text[5:]
    if "%" in text or not re.fullmatch(r"[0-9A-Fa-f:.]+", text):
        raise InvalidTarget("invalid_ip", f"{value.strip()!r} is not an IP address.", field=field, value=text)
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        raise InvalidTarget("invalid_ip", f"{value.strip()!r} is not an IP address.", field=field, value=text) from None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return str(address)


_DOCUMENTATION_NETS = tuple(
    ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32", "3fff::/20")
)
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def ip_not_checked_reason(ip: str) -> tuple[str, LazyText] | None:
    """``(code, detail)`` when this address is never looked up (not on the public Internet)."""
    address = ipaddress.ip_address(ip)
    if address.is_loopback:
        return "loopback", LazyText(NOT_CHECKED_LOOPBACK, ip=ip)
    if address.is_link_local:
        return "link_local", LazyText(NOT_CHECKED_LINK_LOCAL, ip=ip)
    if any(address in net for net in _DOCUMENTATION_NETS if net.version == address.version):
        return "documentation", LazyText(NOT_CHECKED_DOCUMENTATION_IP, ip=ip)
    if address.version == 4 and address in _CGNAT:
        return "cgnat", LazyText(NOT_CHECKED_CGNAT, ip=ip)
    if address.is_multicast:
        return "multicast", LazyText(NOT_CHECKED_MULTICAST, ip=ip)
    if address.is_private and not address.is_unspecified and not address.is_reserved:
        if address.version == 6 or any(
            address in ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
        ) or address in ipaddress.ip_network("fc00::/7"):
            return "private", LazyText(NOT_CHECKED_PRIVATE, ip=ip)
    if not address.is_global:
        return "reserved", LazyText(NOT_CHECKED_RESERVED_IP, ip=ip)
    return None


# -- domain names ---------------------------------------------------------------------------

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_SCRIPT_NEUTRAL = {"DIGIT", "HYPHEN-MINUS", "FULL", "COMBINING"}


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name:
        return "UNKNOWN"
    word = name.split(" ", 1)[0]
    if char.isdigit() or char in "-.":
        return "COMMON"
    if word in ("CJK", "HIRAGANA", "KATAKANA"):
        return "HAN"  # Japanese mixes these legitimately
    return word


def domain_validate(value: str, *, field: str = "domain") -> str:
    """Return the domain in ASCII (A-labels), lower case, without a final dot; raise InvalidTarget."""
    if not isinstance(value, str):
        raise InvalidTarget("invalid_domain", "The domain must be text.", field=field)
    text = value.strip()
    if not text:
        raise InvalidTarget("empty", "No domain given.", field=field)
    if len(text) > MAX_INPUT_LENGTH or len(text) > MAX_DOMAIN_LENGTH + 1:
        raise InvalidTarget("too_long", "A domain name has at most 253 characters.", field=field, value=text[:60])
    if "@" in text:
        raise InvalidTarget(
            "not_a_domain", "Give only the domain, the part after the @ (for example example.org).", field=field, value=text
        )
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    shown = repr(value.strip()[:80])
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in text):
        raise InvalidTarget("invalid_domain", f"{shown} is not a domain name.", field=field, value=text)
    if not text.isascii():
        text = _idna_encode(text, shown, field)
    text = text.lower()
    labels = text.split(".")
    if any(not label for label in labels):
        raise InvalidTarget("invalid_domain", f"{shown} has an empty part (two dots in a row, or a dot at the start).",
                            field=field, value=text)
    for label in labels:
        if not _LABEL.match(label):
            raise InvalidTarget(
                "invalid_domain",
                f"{shown} is not a domain name: each part has 1 to 63 letters, digits or hyphens, "
                "and does not start or end with a hyphen.",
                field=field,
                value=text,
            )
        if label.startswith("xn--"):
            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError):
                raise InvalidTarget("not_idna", f"{shown} is not a valid internationalised domain name.",
                                    field=field, value=text) from None
    if len(text) > MAX_DOMAIN_LENGTH:
        raise InvalidTarget("too_long", "A domain name has at most 253 characters.", field=field, value=text[:60])
    try:
        ipaddress.ip_address(text)
        is_ip = True
    except ValueError:
        is_ip = labels[-1].isdigit()
    if is_ip:
        raise InvalidTarget("not_a_domain", f"{shown} is an IP address, not a domain name.", field=field, value=text)
    if len(labels) < 2 and labels[-1] not in _SPECIAL_TLDS:
        raise InvalidTarget("not_a_domain", f"{shown} is not a full domain name (for example example.org).",
                            field=field, value=text)
    return text


def _idna_encode(text: str, shown: str, field: str) -> str:
    # Look-alikes: Unicode that maps to plain ASCII (full-width letters, compatibility forms) or a
    # label that mixes scripts (a Cyrillic "а" in a Latin name) imitates another domain.
    try:
        mapped = idna.uts46_remap(text, std3_rules=True, transitional=False)
    except (idna.IDNAError, UnicodeError):
        raise InvalidTarget("not_idna", f"{shown} is not a valid internationalised domain name.",
                            field=field, value=text) from None
    if mapped.isascii():
        raise InvalidTarget("lookalike", f"{shown} imitates an ASCII domain name with other characters.",
                            field=field, value=text)
    try:
        encoded = idna.encode(mapped, uts46=False).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        raise InvalidTarget("not_idna", f"{shown} is not a valid internationalised domain name.",
                            field=field, value=text) from None
    for label in mapped.split("."):
        scripts = {_script(ch) for ch in label if not ch.isascii() or ch.isalpha()} - {"COMMON"}
        if len(scripts) > 1:
            raise InvalidTarget("lookalike", f"{shown} mixes alphabets in one name, as look-alike domains do.",
                                field=field, value=text)
    return encoded


_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_SPECIAL_TLDS = frozenset({"test", "example", "invalid", "localhost", "local", "onion", "internal", "alt"})


def domain_not_checked_reason(domain: str) -> tuple[str, LazyText] | None:
    """``(code, detail)`` for example and special-use names (RFC 2606, 6761, 6762, 7686, 8375)."""
    if any(domain == d or domain.endswith("." + d) for d in _EXAMPLE_DOMAINS):
        return "example_domain", LazyText(NOT_CHECKED_EXAMPLE_DOMAIN, domain=domain)
    tld = domain.rsplit(".", 1)[-1]
    if tld in _SPECIAL_TLDS or domain == "home.arpa" or domain.endswith(".home.arpa"):
        return "special_domain", LazyText(NOT_CHECKED_SPECIAL_DOMAIN, domain=domain)
    return None


def selector_validate(value: str) -> str:
    """A DKIM selector: one or more DNS labels (``s1``, ``google``, ``2024.mail``)."""
    text = (value or "").strip().lower()
    if not text or len(text) > 63 * 2 or any(not _LABEL.match(p) and not re.fullmatch(r"[a-z0-9_-]{1,63}", p)
                                             for p in text.split(".")):
        raise InvalidTarget("invalid_selector", f"{value!r} is not a DKIM selector.", field="dkim_selector", value=text)
    return text
