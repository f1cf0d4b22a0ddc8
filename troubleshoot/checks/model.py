"""The result of one check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

VERDICTS = ("ok", "problem", "not_checked", "could_not_check")

#: ``kind`` values, in the order :func:`checks_run` returns them.
KINDS = (
    "blocklist",  # the sending IP on one DNS block list (``source`` names it)
    "reverse_dns",  # the sending IP's PTR, forward-confirmed, home/dynamic look
    "spf",  # the sender's domain
    "dmarc",
    "dkim",  # only with a selector
    "domain_blocklist",  # the sender's domain on the Spamhaus DBL (topics "content"/"reputation")
    "mx",  # the recipient's domain: exists, MX, null MX, A fallback
    "mta_sts",  # the recipient's domain (topic "tls")
    "tls_rpt",
)


@dataclass(frozen=True)
class Check:
    """One verdict about one target.

    ``detail`` is a lazy text: ``str(check.detail)`` translates it in the active language.
    ``listed`` is True/False for a block list that answered, None otherwise (and for other kinds).
    ``code`` is a stable machine key for the finding (``"pbl"``, ``"spf_fail"``, ``"null_mx"``,
    ``"timeout"``...), for code that ties a check to an article; ``source`` names the list or
    record read (``"Spamhaus ZEN"``, ``"SPF"``). ``facts`` holds read values (DMARC policy, SPF
    result, MX hosts...) for the same purpose; it is not part of the JSON.
    """

    kind: str
    target: str
    verdict: str
    detail: Any
    listed: bool | None = None
    action_url: str = ""
    code: str = ""
    source: str = ""
    facts: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")

    def fact(self, name: str, default: Any = None) -> Any:
        return dict(self.facts).get(name, default)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``GET /api/v1/checks`` (``detail`` in the active language)."""
        return {
            "kind": self.kind,
            "target": self.target,
            "verdict": self.verdict,
            "listed": self.listed,
            "detail": str(self.detail),
            "action_url": self.action_url,
            "code": self.code,
            "source": self.source,
        }
