"""The recipient's domain: exists, MX hosts, no MX (A fallback), null MX (RFC 7505), and the
MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) records."""

from __future__ import annotations

import dkim.util

from . import texts as T
from .dnsclient import Lookups
from .model import Check
from .texts import LazyText

MAX_HOSTS_SHOWN = 5


def mx_check(lookups: Lookups, domain: str) -> Check:
    base = dict(kind="mx", target=domain, source="MX")
    could_not = LazyText(T.COULD_NOT_CHECK, what=T.WHAT_MX, target=domain)
    mx = lookups.get(domain, "MX")
    if mx.failed:
        return Check(**base, verdict="could_not_check", code=mx.error, detail=could_not)
    if mx.status == "nxdomain":
        return Check(**base, verdict="problem", code="nxdomain", detail=LazyText(T.MX_NXDOMAIN, domain=domain))
    if mx.ok:
        hosts = [host for _pref, host in mx.records]
        if any(host == "." for host in hosts):
            # RFC 7505: a single "0 ." record; a null MX beside others is broken, and still refuses.
            return Check(**base, verdict="problem", code="null_mx", detail=LazyText(T.MX_NULL, domain=domain),
                         facts=(("hosts", tuple(hosts)),))
        shown = ", ".join(hosts[:MAX_HOSTS_SHOWN]) + (", ..." if len(hosts) > MAX_HOSTS_SHOWN else "")
        return Check(**base, verdict="ok", code="mx", facts=(("hosts", tuple(hosts)),),
                     detail=LazyText(T.MX_OK, domain=domain, hosts=shown, count=len(hosts)))
    # No MX: RFC 5321 section 5.1, mail goes to the domain's own address.
    addresses: list[str] = []
    for rdtype in ("A", "AAAA"):
        answer = lookups.get(domain, rdtype)
        if answer.failed:
            return Check(**base, verdict="could_not_check", code=answer.error, detail=could_not)
        addresses.extend(answer.records)
    if addresses:
        return Check(**base, verdict="ok", code="no_mx_a_fallback", facts=(("addresses", tuple(addresses)),),
                     detail=LazyText(T.MX_A_FALLBACK, domain=domain, hosts=", ".join(addresses[:MAX_HOSTS_SHOWN])))
    return Check(**base, verdict="problem", code="no_mail_server", detail=LazyText(T.MX_NO_SERVER, domain=domain))


def _tag_record(lookups: Lookups, name: str, version: bytes):
    """``(answer, [tags, ...])`` for the TXT records at ``name`` that start with ``v=<version>``."""
    answer = lookups.get(name, "TXT")
    if not answer.ok:
        return answer, [], None
    found, error = [], None
    for raw in answer.records:
        if not raw.replace(b" ", b"").startswith(b"v=" + version):
            continue
        try:
            found.append(dkim.util.parse_tag_value(raw))
        except dkim.util.InvalidTagValueList as exc:
            error = str(exc) or "syntax"
    return answer, found, error


def _policy_record_check(lookups: Lookups, domain: str, *, kind: str, name: str, version: bytes, tag: bytes,
                         what, texts: tuple, action_url: str = "") -> Check:
    """MTA-STS and TLS-RPT alike: one tag=value TXT record that must carry `tag`.
    `texts` are the (invalid, absent, present) messages; `present` receives the tag's value."""
    invalid, absent, present = texts
    base = dict(kind=kind, target=domain, source=kind.replace("_", "-").upper())
    answer, records, error = _tag_record(lookups, name, version)
    if answer.failed:
        return Check(**base, verdict="could_not_check", code=answer.error,
                     detail=LazyText(T.COULD_NOT_CHECK, what=what, target=domain))
    if error or len(records) > 1 or (records and not records[0].get(tag)):
        reason = error or ("several records" if len(records) > 1 else f"no {tag.decode()}=")
        return Check(**base, verdict="problem", code=f"{kind}_invalid",
                     detail=LazyText(invalid, domain=domain, reason=reason))
    if not records:
        return Check(**base, verdict="ok", code=f"{kind}_none", detail=LazyText(absent, domain=domain))
    value = records[0][tag].decode("ascii", "replace")
    return Check(**base, verdict="ok", code=kind, facts=((tag.decode(), value),), action_url=action_url,
                 detail=LazyText(present, domain=domain, **{tag.decode(): value}))


def mta_sts_check(lookups: Lookups, domain: str) -> Check:
    return _policy_record_check(lookups, domain, kind="mta_sts", name=f"_mta-sts.{domain}", version=b"STSv1",
                                tag=b"id", what=T.WHAT_MTA_STS,
                                texts=(T.MTA_STS_INVALID, T.MTA_STS_ABSENT, T.MTA_STS_PRESENT),
                                action_url=f"https://mta-sts.{domain}/.well-known/mta-sts.txt")


def tls_rpt_check(lookups: Lookups, domain: str) -> Check:
    return _policy_record_check(lookups, domain, kind="tls_rpt", name=f"_smtp._tls.{domain}", version=b"TLSRPTv1",
                                tag=b"rua", what=T.WHAT_TLS_RPT,
                                texts=(T.TLS_RPT_INVALID, T.TLS_RPT_ABSENT, T.TLS_RPT_PRESENT))
