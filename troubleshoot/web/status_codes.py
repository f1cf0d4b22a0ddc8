"""What each enhanced status code means for a sender, in the visitor's language: the code pages.

The codes and their meanings follow RFC 3463 and the IANA registry of enhanced status codes
(RFC 5248), plus the provider codes senders meet most (Microsoft 365's 5.7.5xx/7xx, 4.7.650); the
category each leads to is troubleshoot.diagnosis's reading of it (after Sisimai).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from troubleshoot.diagnosis import status_category

# "X.S.D": the meaning whatever the class (2, 4 or 5)
DETAILS = {
    "X.0.0": _("other undefined status"),
    "X.1.0": _("other address status"), "X.1.1": _("the recipient's mailbox does not exist"),
    "X.1.2": _("the recipient's domain does not exist or takes no mail"),
    "X.1.3": _("the recipient's address is badly written"), "X.1.4": _("the recipient's address is ambiguous"),
    "X.1.6": _("the recipient's mailbox has moved"), "X.1.7": _("the sender's address is badly written"),
    "X.1.8": _("the sender's domain is not valid"), "X.1.10": _("the recipient's domain accepts no mail (null MX)"),
    "X.2.0": _("other mailbox status"), "X.2.1": _("the mailbox is disabled and accepts no messages"),
    "X.2.2": _("the mailbox is full"), "X.2.3": _("the message is larger than the mailbox accepts"),
    "X.2.4": _("a mailing list could not be expanded"),
    "X.3.0": _("other mail system status"), "X.3.1": _("the receiving mail system is full"),
    "X.3.2": _("the receiving system accepts no network messages"),
    "X.3.4": _("the message is too big for the receiving system"),
    "X.3.5": _("the receiving system is wrongly configured"),
    "X.4.0": _("other network or routing status"), "X.4.1": _("no answer from the recipient's server"),
    "X.4.2": _("the connection broke"), "X.4.3": _("a directory (DNS) server failed"),
    "X.4.4": _("no route to the recipient's domain"), "X.4.5": _("the mail system is congested"),
    "X.4.6": _("a routing loop was detected"), "X.4.7": _("the delivery time expired"),
    "X.5.0": _("other protocol status"), "X.5.1": _("an invalid SMTP command"), "X.5.2": _("an SMTP syntax error"),
    "X.5.3": _("too many recipients"), "X.5.4": _("invalid command arguments"),
    "X.6.0": _("other content or format problem"), "X.6.1": _("a media type is not supported"),
    "X.7.0": _("other security or policy status"), "X.7.1": _("delivery not authorised: the message was refused"),
    "X.7.8": _("the login credentials were refused"), "X.7.13": _("the user's account is disabled"),
    "X.7.20": _("no valid DKIM signature"), "X.7.23": _("SPF validation failed"),
    "X.7.25": _("reverse DNS validation failed"), "X.7.26": _("several authentication checks failed (SPF, DKIM, DMARC)"),
    "X.7.27": _("the sender's domain accepts no mail (null MX)"), "X.7.28": _("a flood of similar messages was detected"),
}
# Provider codes with a meaning of their own (Microsoft 365 / Exchange Online NDR reference).
PROVIDER_DETAILS = {
    "5.7.511": _("Microsoft 365: your sending IP is banned; ask for delisting by email"),
    "5.7.515": _("Microsoft 365: the sender's domain does not meet the authentication rules for high-volume senders"),
    "5.7.606": _("Microsoft 365: your sending IP is on Microsoft's block list; request delisting"),
    "5.7.705": _("Microsoft 365: your own tenant is blocked for sending too much spam"),
    "5.7.708": _("Microsoft 365: your own tenant is blocked for sending from untrusted IP addresses"),
    "5.7.750": _("Microsoft 365: your tenant is blocked from sending from an unregistered domain"),
    "4.7.650": _("Microsoft 365: the sending IP's reputation is being checked; retry later"),
    "5.4.1": _("Microsoft 365: the recipient's address is not in the directory (directory-based edge blocking)"),
}
CODE_RE = re.compile(r"^[245]\.\d{1,3}\.\d{1,3}$")


def code_meaning(code: str) -> str:
    """The meaning of a known code, '' when we know nothing about it."""
    if code in PROVIDER_DETAILS:
        return str(PROVIDER_DETAILS[code])
    detail = DETAILS.get("X." + code.split(".", 1)[1])
    return str(detail) if detail else ""


def known_codes() -> list[str]:
    """Every code with a page: the registry's meanings in classes 4 and 5, and the provider codes."""
    codes = {f"{cls}.{key[2:]}" for key in DETAILS for cls in "45"} | set(PROVIDER_DETAILS)
    return sorted(codes, key=lambda c: tuple(int(p) for p in c.split(".")))


def code_is_known(code: str) -> bool:
    return bool(CODE_RE.match(code or "")) and bool(code_meaning(code))


def code_category(code: str) -> str | None:
    return status_category(code)
