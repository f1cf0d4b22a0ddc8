"""The sending IP's reverse DNS: present, forward-confirmed (FCrDNS), home/dynamic look."""

from __future__ import annotations

import ipaddress
import re

import dns.reversename

from . import texts as T
from .dnsclient import Lookups
from .model import Check
from .texts import LazyText

MAX_PTR = 10

_DYNAMIC_WORDS = re.compile(
    r"(?:^|[.\-_]|\d)(dyn|dynamic|dynip|dhcp|dial|dialup|dialin|ppp|pppoe|dsl|adsl|vdsl|xdsl|sdsl|cable|cpe|"
    r"pool|broadband|bband|resnet|res|home|client|clients|customer|cust|subscriber|user|users|ftth|fttx|fios|"
    r"wireless|wifi|mobile|lte|gprs|nat|access|dip|dip0|static|generic|unassigned|unknown)(?=$|[.\-_]|\d)",
    re.IGNORECASE,
)


def ptr_looks_dynamic(ip: str, name: str) -> bool:
    """True when a PTR name looks generic (``host-1-2-3-4.isp.net``, ``dsl-pool.isp.net``)."""
    labels = name.lower().rstrip(".").split(".")
    local = ".".join(labels[:-2]) if len(labels) > 2 else labels[0]
    address = ipaddress.ip_address(ip)
    if address.version == 4:
        octets = ip.split(".")
        numbers = re.findall(r"\d+", local)
        for seq in (octets, octets[::-1]):
            for i in range(len(numbers) - 3):
                if [n.lstrip("0") or "0" for n in numbers[i : i + 4]] == seq:
                    return True
        if f"{int(address):08x}" in local:
            return True
    else:
        nibbles = address.exploded.replace(":", "")
        if nibbles[-8:] in local.replace("-", "").replace(".", ""):
            return True
    return bool(_DYNAMIC_WORDS.search(local))


def reverse_dns_check(lookups: Lookups, ip: str) -> Check:
    base = dict(kind="reverse_dns", target=ip, source="PTR")
    could_not = LazyText(T.COULD_NOT_CHECK, what=T.WHAT_REVERSE_DNS, target=ip)
    ptr = lookups.get(dns.reversename.from_address(ip).to_text(omit_final_dot=True), "PTR")
    if ptr.failed:
        return Check(**base, verdict="could_not_check", code=ptr.error, detail=could_not)
    if not ptr.ok:
        return Check(**base, verdict="problem", code="no_ptr", detail=LazyText(T.RDNS_NONE, ip=ip))
    names = [n for n in ptr.records if n and n != "."][:MAX_PTR]
    if not names:
        return Check(**base, verdict="problem", code="no_ptr", detail=LazyText(T.RDNS_NONE, ip=ip))
    rdtype = "A" if ipaddress.ip_address(ip).version == 4 else "AAAA"
    confirmed = None
    errors = 0
    for name in names:
        forward = lookups.get(name, rdtype)
        if forward.failed:
            errors += 1
            continue
        if any(ipaddress.ip_address(a) == ipaddress.ip_address(ip) for a in forward.records):
            confirmed = name
            break
    facts = (("ptr", tuple(names)),)
    if confirmed is None:
        if errors == len(names):
            return Check(**base, verdict="could_not_check", code="forward_error", detail=could_not, facts=facts)
        return Check(**base, verdict="problem", code="ptr_not_confirmed", facts=facts,
                     detail=LazyText(T.RDNS_NOT_CONFIRMED, ip=ip, name=names[0]))
    if ptr_looks_dynamic(ip, confirmed):
        return Check(**base, verdict="problem", code="ptr_dynamic", facts=facts + (("confirmed", confirmed),),
                     detail=LazyText(T.RDNS_DYNAMIC, ip=ip, name=confirmed))
    return Check(**base, verdict="ok", code="fcrdns", facts=facts + (("confirmed", confirmed),),
                 detail=LazyText(T.RDNS_OK, ip=ip, name=confirmed))
