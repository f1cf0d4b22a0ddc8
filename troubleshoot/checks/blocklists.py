"""DNS block lists: which zones, what each answer means, and reading one answer.

A list is data (:class:`BlockList`), so callers can add their own (for example from the admin)::

    checks_run(ip=..., blocklists=DEFAULT_BLOCKLISTS + (BlockList(zone="dnsbl.example.net", ...),))
"""

from __future__ import annotations

import ipaddress
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import quote

from . import texts as T
from .dnsclient import Lookups
from .model import Check
from .texts import LazyJoin, LazyText


@dataclass(frozen=True)
class Meaning:
    """What one return code means: a stable ``code`` and a sentence (lazy or plain text)."""

    code: str
    text: Any
    listed: bool = True


@dataclass(frozen=True)
class BlockList:
    """One DNS block list.

    ``zone``: queried as ``<reversed ip>.<zone>`` (``<domain>.<zone>`` for a domain list).
    ``delist_url``: with ``{ip}`` (or ``{target}``) filled in, URL-quoted; ``""`` for none.
    ``meanings``: return code (``"127.0.0.2"``) → :class:`Meaning`; an address in 127.0.0.0/8
    not in it means listed with ``default_meaning``. ``errors``: return codes that are the
    list's refusal to answer (could not check, never listed). ``ipv6``: the list covers IPv6.
    ``kind``: ``"ip"`` or ``"domain"``.
    """

    zone: str
    name: str
    delist_url: str = ""
    meanings: Mapping[str, Meaning] = field(default_factory=dict)
    default_meaning: Any = T.MEANING_LISTED
    errors: frozenset[str] = frozenset()
    ipv6: bool = False
    kind: str = "ip"

    def __hash__(self) -> int:  # meanings is a dict: hash what identifies a list
        return hash((self.zone, self.name, self.kind))

    def query_name(self, target: str) -> str:
        if self.kind == "domain":
            return f"{target}.{self.zone}"
        return f"{reversed_ip(target)}.{self.zone}"

    def action_url(self, target: str) -> str:
        if not self.delist_url:
            return ""
        value = quote(target, safe=":.")
        return self.delist_url.replace("{ip}", value).replace("{target}", value).replace("{domain}", value)


def reversed_ip(ip: str) -> str:
    """``1.2.3.4`` → ``4.3.2.1``; IPv6 → its 32 nibbles reversed, as DNS block lists expect."""
    address = ipaddress.ip_address(ip)
    if address.version == 4:
        return ".".join(reversed(ip.split(".")))
    return ".".join(reversed(address.exploded.replace(":", "")))


SPAMHAUS_ERRORS = frozenset({"127.255.255.252", "127.255.255.254", "127.255.255.255"})
SPAMHAUS_CHECKER = "https://check.spamhaus.org/results/?query={ip}"

ZEN_MEANINGS = {
    "127.0.0.2": Meaning("sbl", T.MEANING_SBL),
    "127.0.0.3": Meaning("css", T.MEANING_CSS),
    "127.0.0.4": Meaning("xbl", T.MEANING_XBL),
    "127.0.0.5": Meaning("xbl", T.MEANING_XBL),
    "127.0.0.6": Meaning("xbl", T.MEANING_XBL),
    "127.0.0.7": Meaning("xbl", T.MEANING_XBL),
    "127.0.0.9": Meaning("drop", T.MEANING_DROP),
    "127.0.0.10": Meaning("pbl", T.MEANING_PBL_ISP),
    "127.0.0.11": Meaning("pbl", T.MEANING_PBL_SPAMHAUS),
}
DBL_MEANINGS = {
    "127.0.1.2": Meaning("dbl_spam", T.MEANING_DBL_SPAM),
    "127.0.1.4": Meaning("dbl_phish", T.MEANING_DBL_PHISH),
    "127.0.1.5": Meaning("dbl_malware", T.MEANING_DBL_MALWARE),
    "127.0.1.6": Meaning("dbl_botnet", T.MEANING_DBL_BOTNET),
    "127.0.1.102": Meaning("dbl_abused", T.MEANING_DBL_ABUSED),
    "127.0.1.103": Meaning("dbl_abused", T.MEANING_DBL_ABUSED),
    "127.0.1.104": Meaning("dbl_abused", T.MEANING_DBL_ABUSED),
    "127.0.1.105": Meaning("dbl_abused", T.MEANING_DBL_ABUSED),
    "127.0.1.106": Meaning("dbl_abused", T.MEANING_DBL_ABUSED),
}

SPAMHAUS_ZEN = BlockList(
    zone="zen.spamhaus.org",
    name="Spamhaus ZEN",
    delist_url=SPAMHAUS_CHECKER,
    meanings=ZEN_MEANINGS,
    errors=SPAMHAUS_ERRORS,
    ipv6=True,
)
SPAMCOP = BlockList(
    zone="bl.spamcop.net",
    name="SpamCop",
    delist_url="https://www.spamcop.net/bl.shtml?{ip}",
    meanings={"127.0.0.2": Meaning("spamcop", T.MEANING_SPAMCOP)},
)
BARRACUDA = BlockList(
    zone="b.barracudacentral.org",
    name="Barracuda",
    delist_url="https://www.barracudacentral.org/rbl/removal-request/{ip}",
    meanings={"127.0.0.2": Meaning("barracuda", T.MEANING_BARRACUDA)},
)
SPAMHAUS_DBL = BlockList(
    zone="dbl.spamhaus.org",
    name="Spamhaus DBL",
    delist_url=SPAMHAUS_CHECKER,
    meanings=DBL_MEANINGS,
    default_meaning=T.MEANING_DBL_SPAM,
    errors=SPAMHAUS_ERRORS | {"127.0.1.255"},
    kind="domain",
)

#: The IP block lists checked unless the caller gives its own tuple.
DEFAULT_BLOCKLISTS: tuple[BlockList, ...] = (SPAMHAUS_ZEN, SPAMCOP, BARRACUDA)


def spamhaus_dqs(blocklist: BlockList, dqs_key: str) -> BlockList:
    """The same Spamhaus list through the Data Query Service (``<key>.zen.dq.spamhaus.net``)."""
    if not dqs_key or not dqs_key.isalnum() or not dqs_key.isascii():
        raise ValueError("a Spamhaus DQS key is letters and digits")
    if not blocklist.zone.endswith(".spamhaus.org"):
        return blocklist
    short = blocklist.zone[: -len(".spamhaus.org")]
    return dataclasses.replace(blocklist, zone=f"{dqs_key.lower()}.{short}.dq.spamhaus.net")


def blocklist_check(lookups: Lookups, blocklist: BlockList, target: str) -> Check:
    """Query one list for one IP (or domain) and read the answer."""
    kind = "blocklist" if blocklist.kind == "ip" else "domain_blocklist"
    answer = lookups.get(blocklist.query_name(target), "A")
    base = dict(kind=kind, target=target, source=blocklist.name)
    if answer.failed:
        return Check(**base, verdict="could_not_check", code=answer.error or "error",
                     detail=LazyText(T.BLOCKLIST_COULD_NOT_CHECK, target=target, list=blocklist.name))
    if answer.status in ("nxdomain", "nodata"):
        return Check(**base, verdict="ok", listed=False, code="not_listed",
                     detail=LazyText(T.BLOCKLIST_NOT_LISTED, target=target, list=blocklist.name))
    codes = sorted(set(answer.records), key=_ip_sort)
    errors = [c for c in codes if c in blocklist.errors]
    if errors:
        return Check(**base, verdict="could_not_check", code="list_refused", action_url=blocklist.action_url(target),
                     detail=LazyText(T.BLOCKLIST_ERROR_ANSWER, target=target, list=blocklist.name, code=errors[0]),
                     facts=(("codes", tuple(codes)),))
    odd = [c for c in codes if not _is_loopback_v4(c)]
    if odd:
        return Check(**base, verdict="could_not_check", code="unexpected_answer", action_url=blocklist.action_url(target),
                     detail=LazyText(T.BLOCKLIST_ODD_ANSWER, target=target, list=blocklist.name, code=odd[0]),
                     facts=(("codes", tuple(codes)),))
    meanings = []
    for c in codes:
        meaning = blocklist.meanings.get(c) or Meaning("listed", blocklist.default_meaning)
        if meaning not in meanings:
            meanings.append(meaning)
    listed_meanings = [m for m in meanings if m.listed]
    if not listed_meanings:
        return Check(**base, verdict="ok", listed=False, code="not_listed",
                     detail=LazyText(T.BLOCKLIST_NOT_LISTED, target=target, list=blocklist.name))
    return Check(
        **base,
        verdict="problem",
        listed=True,
        code=listed_meanings[0].code,
        action_url=blocklist.action_url(target),
        detail=LazyJoin(LazyText(T.BLOCKLIST_LISTED, target=target, list=blocklist.name),
                        *(m.text for m in listed_meanings)),
        facts=(("codes", tuple(codes)), ("listings", tuple(m.code for m in listed_meanings))),
    )


def _is_loopback_v4(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return address.version == 4 and address in ipaddress.ip_network("127.0.0.0/8")


def _ip_sort(text: str):
    try:
        return (0, int(ipaddress.ip_address(text)))
    except ValueError:
        return (1, 0)
