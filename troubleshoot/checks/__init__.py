"""Live DNS checks of what a bounce names: the sending IP, the sender's and the recipient's domains.

Pure Python (dnspython, pyspf, dmarc, dkimpy, publicsuffixlist, idna); the only Django import is
``django.utils.translation`` for the lazy verdict texts. It knows nothing of HTTP, the ORM or the
articles, so the views, the API and the CLI call it alike.

Public API::

    checks = checks_run(
        ip="81.2.69.160", domain="sender.example.net", recipient_domain="example.org",
        dkim_selector="s1",               # optional: check <s1>._domainkey.<domain>
        topics={"tls", "content"},       # extra checks: "tls" (MTA-STS, TLS-RPT), "content"/"reputation" (DBL)
        resolver=Resolver(["127.0.0.1:5353"]),   # default: the system's resolvers
        budget=3.0,                       # seconds for everything, lookups run in parallel
        cache=django_cache,               # anything with get(key) / set(key, value, timeout)
        blocklists=DEFAULT_BLOCKLISTS + (BlockList(zone=..., name=..., delist_url=".../{ip}"),),
        dqs_key=None,                     # Spamhaus Data Query Service key: <key>.zen.dq.spamhaus.net
    )                                     # -> list[Check]; raises InvalidTarget for malformed input
    [c.to_dict() for c in checks]         # the JSON of GET /api/v1/checks, "detail" in the active language
    ip_validate("203.0.113.5")            # normalised text, or raises InvalidTarget(.code, .field, .detail)
    domain_validate("Exämple.org")        # "xn--exmple-cua.org", or raises InvalidTarget

- :class:`Check`: ``kind``, ``target``, ``verdict`` (``"ok"`` | ``"problem"`` | ``"not_checked"`` |
  ``"could_not_check"``), ``listed`` (block lists: True/False/None), ``detail`` (lazy text),
  ``action_url``, ``code`` (stable key: ``"pbl"``, ``"sbl"``, ``"spf_fail"``, ``"null_mx"``,
  ``"dmarc_reject_spf_fails"``...), ``source``, ``facts`` (read values, not in the JSON).
- :class:`InvalidTarget` ``.code``: ``"empty"``, ``"too_long"``, ``"ip_with_port"``, ``"invalid_ip"``,
  ``"invalid_domain"``, ``"not_a_domain"``, ``"lookalike"``, ``"not_idna"``, ``"invalid_selector"``.
- Private, reserved and documentation addresses and example/special-use domains are never looked
  up: their checks are ``not_checked`` with a detail that says why.
- A timeout, SERVFAIL, REFUSED, garbage or truncated answer, an oversized TXT record, a CNAME loop
  or a block list's own error code (Spamhaus 127.255.255.252/254/255) is ``could_not_check``,
  never a pass or a fail, and is not cached. Answers are cached for their TTL, at most an hour.

Modules: :mod:`.validation`, :mod:`.dnsclient` (dnspython, deadline, cache), :mod:`.blocklists`,
:mod:`.rdns`, :mod:`.auth` (SPF, DMARC, DKIM), :mod:`.recipient`, :mod:`.run`, :mod:`.texts`.
"""

from .blocklists import (
    BARRACUDA,
    DEFAULT_BLOCKLISTS,
    SPAMCOP,
    SPAMHAUS_DBL,
    SPAMHAUS_ZEN,
    BlockList,
    Meaning,
    spamhaus_dqs,
)
from .dnsclient import MAX_CACHE_SECONDS, Answer, Resolver
from .model import KINDS, VERDICTS, Check
from .run import DEFAULT_BUDGET, TOPICS, checks_run
from .texts import LazyJoin, LazyText
from .validation import (
    InvalidTarget,
    domain_not_checked_reason,
    domain_validate,
    ip_not_checked_reason,
    ip_validate,
    selector_validate,
)

__all__ = [
    "Answer",
    "BARRACUDA",
    "BlockList",
    "Check",
    "DEFAULT_BLOCKLISTS",
    "DEFAULT_BUDGET",
    "InvalidTarget",
    "KINDS",
    "LazyJoin",
    "LazyText",
    "MAX_CACHE_SECONDS",
    "Meaning",
    "Resolver",
    "SPAMCOP",
    "SPAMHAUS_DBL",
    "SPAMHAUS_ZEN",
    "TOPICS",
    "VERDICTS",
    "checks_run",
    "domain_not_checked_reason",
    "domain_validate",
    "ip_not_checked_reason",
    "ip_validate",
    "selector_validate",
    "spamhaus_dqs",
]
