"""Live DNS checks of what a diagnosed bounce names, with the site's settings.

The checks themselves live in troubleshoot.checks (a lower layer, like diagnosis); this module
decides what to check for a result (which IP is the sender's, which domains, which extra checks
its category calls for), runs them with the configured resolvers, budget and shared cache, and is
used alike by the result page, the API and the CLI.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache as django_cache
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from troubleshoot.checks import DEFAULT_BLOCKLISTS, TOPICS, Check, Resolver, checks_run

logger = logging.getLogger(__name__)

# Which extra checks a category calls for (troubleshoot.checks.TOPICS).
TOPICS_BY_CATEGORY = {
    "failedstarttls": {"tls"}, "securityerror": {"tls"},
    "spamdetected": {"content"}, "filtered": {"content"}, "contenterror": {"content"},
    "badreputation": {"reputation"}, "blocked": {"reputation"},
}
# "host mx.example.org[192.0.2.25] said:", "Remote-MTA: dns; mx.example.org [192.0.2.25]": the
# refusing server's own address, never the sender's.
_SERVER_IP_RE = re.compile(r"[\w.-]+\.[a-z]{2,}\.?\s?[\[(]([0-9a-f.:]+)[\])]", re.I)
# the words a refusal uses for the sending address: "Client host [ip]", "your IP ip", "from [ip]"
_SENDER_CUE_RE = re.compile(r"(?:client|sender|sending|your|connecting|source|remote|from|ip(?: address)?|"
                            r"listed|blocked|rejected|host)\W{1,4}(?:host\W{1,3}|address\W{1,3}|ip\W{1,3})?"
                            r"\[?([0-9a-f.:]{7,39})\]?", re.I)


@dataclass(frozen=True)
class CheckTargets:
    ip: str | None
    domain: str | None
    recipient_domain: str | None
    topics: frozenset[str]

    def any(self) -> bool:
        return bool(self.ip or self.domain or self.recipient_domain)


def sending_ip_find(*, text: str, ips: list[str]) -> str | None:
    """The sender's IP among those a refusal names: not the refusing server's own address, and
    preferably one the text introduces as the client's ("Client host [203.0.113.5] blocked")."""
    servers = set(_SERVER_IP_RE.findall(text or ""))
    # only an address the refusal itself names: the report's other addresses are mostly the
    # servers on the way ("host mx.example.org[192.0.2.25] said:" is the refusing server's)
    candidates = [ip for ip in ips if ip not in servers and ip in (text or "")]
    for match in _SENDER_CUE_RE.finditer(text or ""):
        if match.group(1) in candidates:
            return match.group(1)
    return candidates[0] if len(candidates) == 1 else None


def check_targets_for(*, result, sender: str | None) -> CheckTargets:
    """What to check for one diagnosed recipient: its sending IP, the sender's domain, its domain."""
    ip = sending_ip_find(text=result.diagnostic_text or "", ips=list(result.ips or []))
    recipient_domain = result.recipient.rsplit("@", 1)[1] if result.recipient and "@" in result.recipient else None
    domain = sender.rsplit("@", 1)[1] if sender and "@" in sender else None
    return CheckTargets(ip=ip, domain=domain, recipient_domain=recipient_domain,
                        topics=frozenset(TOPICS_BY_CATEGORY.get(result.category, ())))


class _SharedCache:
    """The site's cache for DNS answers; a cache that is down costs a lookup, never an error."""

    def get(self, key):
        try:
            return django_cache.get(key)
        except (RedisError, OSError):
            return None

    def set(self, key, value, timeout=None):
        try:
            django_cache.set(key, value, timeout)
        except (RedisError, OSError):
            logger.warning("Cache unreachable: a DNS answer was not kept")


def checks_for(*, ip: str | None, domain: str | None, recipient_domain: str | None,
               topics: frozenset[str] | set[str] = frozenset()) -> list[Check]:
    """Run the checks with the site's resolvers, budget, Spamhaus key and shared cache.
    Raises troubleshoot.checks.InvalidTarget for a malformed IP or domain."""
    resolver = Resolver(settings.DNS_RESOLVERS or None)
    return checks_run(ip=ip, domain=domain, recipient_domain=recipient_domain, topics=set(topics),
                      resolver=resolver, budget=settings.CHECKS_BUDGET_SECONDS, cache=_SharedCache(),
                      blocklists=DEFAULT_BLOCKLISTS, dqs_key=settings.SPAMHAUS_DQS_KEY or None)


@dataclass(frozen=True)
class Finding:
    """What the checks say about the bounce, and the article that explains it (a fixed slug)."""

    text: str
    article: str | None = None
    contradicts: bool = False  # the checks do not bear out what the diagnosis said


def checks_findings(*, checks: list[Check], category: str | None) -> list[Finding]:
    """The checks read against the diagnosis: what they explain, and where they disagree."""
    codes = {check.code for check in checks}
    answered = [c for c in checks if c.kind == "blocklist" and c.listed is not None]
    listed = [c for c in answered if c.listed]
    out: list[Finding] = []
    if "pbl" in codes:
        out.append(Finding(_("Your sending IP is on the Spamhaus PBL, the list of addresses that should not send "
                             "mail directly: that explains the refusal."), "spamhaus-pbl"))
    elif listed:
        names = ", ".join(sorted({c.source for c in listed}))
        out.append(Finding(_("Your sending IP is on %(lists)s: that explains the refusal.") % {"lists": names},
                           "sending-ip-blocked"))
    elif category in ("blocked", "badreputation") and answered and len(answered) == len(
            [c for c in checks if c.kind == "blocklist"]):
        out.append(Finding(_("None of the public block lists we asked has your sending IP: the refusal more likely "
                             "comes from the recipient's own block list or filter."), "blocked-ip", contradicts=True))
    if any(code.startswith("dmarc_") and code.endswith("_spf_fails") for code in codes):
        out.append(Finding(_("Your domain's DMARC policy asks receivers to refuse or quarantine mail that fails it, "
                             "and SPF fails for your sending IP: unless DKIM passes, that explains the refusal."),
                           "spf-dkim-dmarc-failure"))
    if "null_mx" in codes:
        out.append(Finding(_("The recipient's domain says it accepts no mail at all (null MX)."), "domain-accepts-no-mail"))
    elif "nxdomain" in codes:
        out.append(Finding(_("The recipient's domain does not exist."), "recipient-domain-not-found"))
    if codes & {"no_ptr", "ptr_not_confirmed"} and category in ("requireptr", "blocked"):
        out.append(Finding(_("Your sending IP has no valid reverse DNS: many receivers refuse mail for that alone."),
                           "missing-reverse-dns"))
    return out


def check_request_read(params) -> tuple[dict[str, str | None], frozenset[str]]:
    """The targets and topics of a checks request (the API's and the panel's query string)."""
    targets = {name: (params.get(name) or "").strip() or None for name in ("ip", "domain", "recipient_domain")}
    topics = frozenset(t for t in (params.get("topics") or "").split(",") if t in TOPICS)
    return targets, topics


def invalid_target_message(error) -> str:
    """What to tell a visitor about a malformed IP or domain (InvalidTarget), in their language."""
    value = (error.value or "")[:80]
    if error.field == "ip":
        return _("“%(value)s” is not an IP address (for example 203.0.113.5 or 2001:db8::1, without a port).") % {
            "value": value}
    return _("“%(value)s” is not a domain name (for example example.org).") % {"value": value}
