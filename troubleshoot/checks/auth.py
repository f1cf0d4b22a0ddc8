"""The sender's domain: SPF (pyspf), DMARC (the ``dmarc`` package's parser, organisational domain
from the Public Suffix List) and DKIM keys (dkimpy). Every DNS query goes through
:class:`~.dnsclient.Lookups`, so it shares the deadline and the cache."""

from __future__ import annotations

import base64
import threading


import dkim
import dmarc
import spf
from publicsuffixlist import PublicSuffixList

from . import texts as T
from .dnsclient import Answer, Lookups
from .model import Check
from .texts import LazyJoin, LazyText

# A documentation address: evaluating a record "for nobody" still finds syntax errors and the
# lookup limit, because nothing matches before the end.
_NOBODY_IP = "192.0.2.1"

# -- pyspf's DNS goes through our lookups ---------------------------------------------------
_spf_local = threading.local()
_spf_original_lookup = spf.DNSLookup


def _spf_dns_lookup(name, qtype, strict=True, timeout=20):
    lookups: Lookups | None = getattr(_spf_local, "lookups", None)
    if lookups is None:
        return _spf_original_lookup(name, qtype, strict, timeout)
    name = str(name).rstrip(".")
    if qtype not in ("A", "AAAA", "MX", "PTR", "TXT"):
        return []  # type SPF (99) and others: nothing, as a server that has none
    answer = lookups.get(name, qtype)
    if answer.failed:
        raise spf.TempError(f"DNS {answer.error} for {name} {qtype}")
    key = (name, qtype)
    if qtype == "TXT":
        return [(key, [record]) for record in answer.records]
    return [(key, record) for record in answer.records]


spf.DNSLookup = _spf_dns_lookup

_psl = PublicSuffixList()


def organisational_domain(domain: str) -> str:
    return _psl.privatesuffix(domain) or domain


def spf_evaluate(lookups: Lookups, domain: str, ip: str | None) -> tuple[str, str]:
    """``(result, explanation)``: pyspf's RFC 7208 result for ``ip`` sending as ``postmaster@domain``."""
    _spf_local.lookups = lookups
    try:
        querytime = max(lookups.remaining(), 0.05)
        query = spf.query(i=ip or _NOBODY_IP, s=f"postmaster@{domain}", h=domain, querytime=querytime)
        result, _code, explanation = query.check()
        return result, str(explanation or "")
    finally:
        _spf_local.lookups = None


def spf_check(lookups: Lookups, domain: str, ip: str | None) -> Check:
    base = dict(kind="spf", target=domain, source="SPF")
    result, explanation = spf_evaluate(lookups, domain, ip)
    facts = (("result", result), ("ip", ip or ""), ("explanation", explanation))
    if result == "temperror":
        return Check(**base, verdict="could_not_check", code="temperror", facts=facts,
                     detail=LazyText(T.COULD_NOT_CHECK, what=T.WHAT_SPF, target=domain))
    if result == "none":
        return Check(**base, verdict="problem", code="spf_none", facts=facts, detail=LazyText(T.SPF_NONE, domain=domain))
    if result == "permerror":
        lowered = explanation.lower()
        if "too many dns lookups" in lowered or "void lookup" in lowered or "lookup limit" in lowered:
            return Check(**base, verdict="problem", code="spf_too_many_lookups", facts=facts,
                         detail=LazyText(T.SPF_TOO_MANY_LOOKUPS, domain=domain))
        return Check(**base, verdict="problem", code="spf_permerror", facts=facts,
                     detail=LazyText(T.SPF_PERMERROR, domain=domain, reason=explanation[:200]))
    if not ip:
        return Check(**base, verdict="ok", code="spf_valid", facts=facts, detail=LazyText(T.SPF_VALID, domain=domain))
    if result == "pass":
        return Check(**base, verdict="ok", code="spf_pass", facts=facts, detail=LazyText(T.SPF_PASS, domain=domain, ip=ip))
    template = {"fail": T.SPF_FAIL, "softfail": T.SPF_SOFTFAIL}.get(result, T.SPF_NEUTRAL)
    return Check(**base, verdict="problem", code=f"spf_{result}", facts=facts,
                 detail=LazyText(template, domain=domain, ip=ip))


def _dmarc_records(answer: Answer) -> list[str]:
    found = []
    for raw in answer.records:
        text = raw.decode("utf-8", "replace").strip()
        if text.startswith("v=DMARC1") and (len(text) == 8 or text[8] in "; \t"):
            found.append(text)
    return found


def dmarc_check(lookups: Lookups, domain: str, ip: str | None, spf_result=None) -> Check:
    """The domain's DMARC record (or its organisational domain's). ``spf_result`` is a callable
    giving the SPF check for ``ip``: with an enforcing policy and SPF not passing, DMARC
    depends on DKIM alone, and the check says so."""
    base = dict(kind="dmarc", target=domain, source="DMARC")
    could_not = LazyText(T.COULD_NOT_CHECK, what=T.WHAT_DMARC, target=domain)
    answer = lookups.get(f"_dmarc.{domain}", "TXT")
    if answer.failed:
        return Check(**base, verdict="could_not_check", code=answer.error, detail=could_not)
    records = _dmarc_records(answer) if answer.ok else []
    found_at = domain
    org = organisational_domain(domain)
    if not records and org != domain:
        answer = lookups.get(f"_dmarc.{org}", "TXT")
        if answer.failed:
            return Check(**base, verdict="could_not_check", code=answer.error, detail=could_not)
        records = _dmarc_records(answer) if answer.ok else []
        found_at = org
    if not records:
        return Check(**base, verdict="problem", code="dmarc_none", detail=LazyText(T.DMARC_MISSING, domain=domain))
    if len(records) > 1:
        return Check(**base, verdict="problem", code="dmarc_multiple", detail=LazyText(T.DMARC_MULTIPLE, domain=found_at))
    try:
        policy = dmarc.DMARC().parse_record(records[0], domain=domain, org_domain=org)
    except dmarc.Error as exc:
        return Check(**base, verdict="problem", code="dmarc_invalid",
                     detail=LazyText(T.DMARC_INVALID, domain=found_at, reason=str(exc)[:200]))
    disposition = policy.p
    if found_at != domain and policy.sp is not dmarc.DMARCDisposition.UNSPECIFIED:
        disposition = policy.sp
    p = disposition.value
    template = {"none": T.DMARC_POLICY_NONE, "quarantine": T.DMARC_POLICY_QUARANTINE}.get(p, T.DMARC_POLICY_REJECT)
    align = {dmarc.DMARCAlignment.STRICT: T.ALIGNMENT_STRICT}
    rua = [u for u in policy.rua if u]
    parts = [LazyText(template, domain=domain)]
    if found_at != domain:
        parts.append(LazyText(T.DMARC_INHERITED, org=found_at, domain=domain))
    if p != "none" and policy.pct < 100:
        parts.append(LazyText(T.DMARC_PCT, pct=policy.pct))
    parts.append(LazyText(T.DMARC_ALIGNMENT, aspf=align.get(policy.aspf, T.ALIGNMENT_RELAXED),
                          adkim=align.get(policy.adkim, T.ALIGNMENT_RELAXED)))
    parts.append(LazyText(T.DMARC_RUA, rua=", ".join(rua)) if rua else LazyText(T.DMARC_NO_RUA))
    facts = (("policy", p), ("aspf", policy.aspf.value), ("adkim", policy.adkim.value), ("pct", policy.pct),
             ("rua", tuple(rua)), ("record", records[0]), ("found_at", found_at))
    verdict, code = "ok", f"dmarc_{p}"
    if p in ("quarantine", "reject") and ip and spf_result is not None:
        spf_checked = spf_result()
        if spf_checked is not None and spf_checked.verdict == "problem":
            parts.insert(1, LazyText(T.DMARC_FAILS_FOR_IP, ip=ip, domain=domain))
            verdict, code = "problem", f"dmarc_{p}_spf_fails"
            facts += (("spf", spf_checked.fact("result")),)
    return Check(**base, verdict=verdict, code=code, detail=LazyJoin(*parts), facts=facts)


def dkim_check(lookups: Lookups, domain: str, selector: str) -> Check:
    name = f"{selector}._domainkey.{domain}"
    base = dict(kind="dkim", target=name, source="DKIM")
    answer = lookups.get(name, "TXT")
    if answer.failed:
        return Check(**base, verdict="could_not_check", code=answer.error,
                     detail=LazyText(T.COULD_NOT_CHECK, what=T.WHAT_DKIM, target=name))
    records = [r for r in answer.records if b"p=" in r or b"v=DKIM1" in r] if answer.ok else []
    if not records:
        return Check(**base, verdict="problem", code="dkim_missing", detail=LazyText(T.DKIM_MISSING, name=name))
    record = records[0]
    try:
        tags = dkim.util.parse_tag_value(record)
    except dkim.util.InvalidTagValueList as exc:
        return Check(**base, verdict="problem", code="dkim_invalid",
                     detail=LazyText(T.DKIM_INVALID, name=name, reason=str(exc)[:200] or "syntax"))
    if tags.get(b"p", None) == b"":
        return Check(**base, verdict="problem", code="dkim_revoked", detail=LazyText(T.DKIM_REVOKED, name=name))
    algorithm = tags.get(b"k", b"rsa").decode("ascii", "replace")
    try:
        if algorithm == "ed25519":
            if len(base64.b64decode(tags.get(b"p", b""), validate=True)) != 32:
                raise dkim.KeyFormatError("an Ed25519 key has 32 bytes")
            bits = 256
        else:
            _pk, bits, _ktag, _tlsrpt = dkim.evaluate_pk(name, record)
    except (dkim.KeyFormatError, ValueError, TypeError) as exc:
        return Check(**base, verdict="problem", code="dkim_invalid",
                     detail=LazyText(T.DKIM_INVALID, name=name, reason=str(exc)[:120] or "key"))
    facts = (("algorithm", algorithm), ("bits", bits))
    if algorithm == "rsa" and bits < 1024:
        return Check(**base, verdict="problem", code="dkim_weak", facts=facts, detail=LazyText(T.DKIM_WEAK, name=name, bits=bits))
    return Check(**base, verdict="ok", code="dkim_key", facts=facts,
                 detail=LazyText(T.DKIM_OK, name=name, algorithm=algorithm.upper() if algorithm == "rsa" else "Ed25519",
                                 bits=bits))


