"""SMTP reply codes (RFC 5321) and enhanced status codes (RFC 3463 and its IANA registry).

The table of what each enhanced status code means for a sender follows the registry; the
mapping to the site's reason categories follows the one Sisimai uses (BSD-2-Clause,
https://github.com/sisimai), so that the fallback agrees with the corpus that scores us.
"""

from __future__ import annotations

import re

# (class).(subject).(detail) -> category
STATUS_CATEGORY: dict[str, str] = {
    "4.1.6": "hasmoved", "4.1.7": "rejected", "4.1.8": "rejected", "4.1.9": "systemerror",
    "4.2.1": "blocked", "4.2.2": "mailboxfull", "4.2.3": "emailtoolarge", "4.2.4": "filtered",
    "4.3.1": "systemfull", "4.3.2": "notaccept", "4.3.3": "systemerror", "4.3.5": "systemerror",
    "4.4.1": "expired", "4.4.2": "networkerror", "4.4.3": "systemerror", "4.4.4": "networkerror",
    "4.4.5": "systemfull", "4.4.6": "networkerror", "4.4.7": "expired", "4.4.8": "networkerror",
    "4.5.3": "systemerror", "4.5.5": "systemerror",
    "4.6.0": "contenterror", "4.6.2": "contenterror", "4.6.5": "contenterror",
    "4.7.1": "blocked", "4.7.2": "blocked", "4.7.5": "securityerror", "4.7.6": "securityerror",
    "4.7.7": "securityerror", "4.7.12": "securityerror", "4.7.15": "securityerror",
    "4.7.16": "emailtoolarge", "4.7.24": "authfailure", "4.7.25": "requireptr", "4.7.26": "authfailure",
    "5.1.0": "userunknown", "5.1.1": "userunknown", "5.1.2": "hostunknown", "5.1.3": "userunknown",
    "5.1.4": "filtered", "5.1.6": "hasmoved", "5.1.7": "rejected", "5.1.8": "rejected",
    "5.1.9": "systemerror", "5.1.10": "notaccept",
    "5.2.0": "filtered", "5.2.1": "filtered", "5.2.2": "mailboxfull", "5.2.3": "emailtoolarge",
    "5.2.4": "filtered",
    "5.3.0": "systemerror", "5.3.1": "systemfull", "5.3.2": "notaccept", "5.3.3": "systemerror",
    "5.3.4": "emailtoolarge", "5.3.5": "systemerror",
    "5.4.0": "networkerror", "5.4.3": "systemerror", "5.4.4": "hostunknown",
    "5.5.2": "syntaxerror", "5.5.3": "ratelimited", "5.5.4": "systemerror", "5.5.5": "systemerror",
    "5.5.6": "syntaxerror",
    "5.6.0": "contenterror", "5.6.1": "contenterror", "5.6.2": "contenterror", "5.6.3": "contenterror",
    "5.6.5": "contenterror", "5.6.6": "contenterror", "5.6.7": "contenterror", "5.6.8": "contenterror",
    "5.6.9": "contenterror",
    "5.7.0": "securityerror", "5.7.1": "securityerror", "5.7.2": "securityerror", "5.7.3": "securityerror",
    "5.7.4": "securityerror", "5.7.5": "securityerror", "5.7.6": "securityerror", "5.7.7": "securityerror",
    "5.7.8": "securityerror", "5.7.9": "securityerror", "5.7.10": "securityerror", "5.7.11": "securityerror",
    "5.7.13": "suspend", "5.7.14": "securityerror", "5.7.15": "securityerror", "5.7.16": "emailtoolarge",
    "5.7.17": "hasmoved", "5.7.18": "hasmoved", "5.7.19": "securityerror", "5.7.20": "authfailure",
    "5.7.21": "authfailure", "5.7.22": "authfailure", "5.7.23": "authfailure", "5.7.24": "authfailure",
    "5.7.25": "requireptr", "5.7.26": "authfailure", "5.7.27": "notaccept", "5.7.28": "spamdetected",
    "5.7.29": "authfailure", "5.7.30": "failedstarttls",
}

# Short English meaning of each code (for evidence strings).
STATUS_MEANING: dict[str, str] = {
    "X.0.0": "other undefined status",
    "X.1.0": "other address status", "X.1.1": "bad destination mailbox address",
    "X.1.2": "bad destination system address", "X.1.3": "bad destination mailbox address syntax",
    "X.1.4": "destination mailbox address ambiguous", "X.1.6": "destination mailbox has moved",
    "X.1.7": "bad sender's mailbox address syntax", "X.1.8": "bad sender's system address",
    "X.1.9": "message relayed to non-compliant mailer", "X.1.10": "recipient address has null MX",
    "X.2.0": "other or undefined mailbox status", "X.2.1": "mailbox disabled, not accepting messages",
    "X.2.2": "mailbox full", "X.2.3": "message length exceeds administrative limit",
    "X.2.4": "mailing list expansion problem",
    "X.3.0": "other or undefined mail system status", "X.3.1": "mail system full",
    "X.3.2": "system not accepting network messages", "X.3.3": "system not capable of selected features",
    "X.3.4": "message too big for system", "X.3.5": "system incorrectly configured",
    "X.4.0": "other or undefined network or routing status", "X.4.1": "no answer from host",
    "X.4.2": "bad connection", "X.4.3": "directory server failure", "X.4.4": "unable to route",
    "X.4.5": "mail system congestion", "X.4.6": "routing loop detected", "X.4.7": "delivery time expired",
    "X.5.0": "other or undefined protocol status", "X.5.1": "invalid command", "X.5.2": "syntax error",
    "X.5.3": "too many recipients", "X.5.4": "invalid command arguments", "X.5.5": "wrong protocol version",
    "X.5.6": "authentication exchange line is too long",
    "X.6.0": "other or undefined media error", "X.6.1": "media not supported",
    "X.6.2": "conversion required and prohibited", "X.6.3": "conversion required but not supported",
    "X.6.4": "conversion with loss performed", "X.6.5": "conversion failed",
    "X.7.0": "other or undefined security status", "X.7.1": "delivery not authorized, message refused",
    "X.7.2": "mailing list expansion prohibited", "X.7.3": "security conversion required but not possible",
    "X.7.4": "security features not supported", "X.7.5": "cryptographic failure",
    "X.7.6": "cryptographic algorithm not supported", "X.7.7": "message integrity failure",
    "X.7.8": "authentication credentials invalid", "X.7.9": "authentication mechanism is too weak",
    "X.7.10": "encryption needed", "X.7.11": "encryption required for requested authentication mechanism",
    "X.7.13": "user account disabled", "X.7.14": "trust relationship required",
    "X.7.20": "no passing DKIM signature found", "X.7.21": "no acceptable DKIM signature found",
    "X.7.22": "no valid author-matched DKIM signature found", "X.7.23": "SPF validation failed",
    "X.7.24": "SPF validation error", "X.7.25": "reverse DNS validation failed",
    "X.7.26": "multiple authentication checks failed", "X.7.27": "sender address has null MX",
    "X.7.28": "mail flood detected", "X.7.29": "ARC validation failure", "X.7.30": "REQUIRETLS support required",
}

# Reply codes that say something on their own (RFC 5321 and common practice).
REPLY_CATEGORY: dict[str, str] = {
    "452": "systemfull",      # insufficient system storage
    "521": "notaccept",       # host does not accept mail (RFC 7504)
    "523": "failedstarttls",
    "524": "failedstarttls",
    "525": "suspend",         # user account disabled (RFC 5248 practice)
    "538": "failedstarttls",
    "551": "hasmoved",        # user not local; please try <forward-path>
    "552": "mailboxfull",     # exceeded storage allocation
    "553": "userunknown",     # mailbox name not allowed
    "556": "notaccept",       # domain does not accept mail (RFC 7504)
}
SYNTAX_REPLIES = {"500", "501", "502", "503", "504", "401", "402", "403", "404", "405", "406", "407"}

STATUS_RE = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)")
# A reply code, and not the start of a telephone number that a notice gives for help
# ("call 555-0123", "(555) 012-3456", "555 012 3456").
REPLY_RE = re.compile(r"(?:^|(?<=[\s;'\"(\[>#,=]))([45]\d\d)(?=[ \-:,;.)\]'\"]|$)"
                      r"(?![-.]\d{3,4}\b)(?![ .]\d{3}[-. ]\d{4}\b)(?!\)\s?\d{3}\b)")


def normalize_status(s: str | None) -> str | None:
    if not s:
        return None
    m = STATUS_RE.search(s)
    if not m:
        return None
    return "%s.%d.%d" % (m.group(1), int(m.group(2)), int(m.group(3)))


def is_generic(status: str | None) -> bool:
    """x.0.0 tells only the class."""
    return not status or status.endswith(".0.0")


# Vendor extensions with a documented meaning (Microsoft 365 / Exchange Online, after Sisimai's
# rhost/for-microsoft.go and Microsoft's NDR reference).
VENDOR_STATUS: dict[str, str] = {
    "5.1.351": "userunknown", "5.1.10": "notaccept", "5.4.1": "userunknown", "5.4.310": "hostunknown",
    "5.4.300": "expired", "5.4.316": "expired", "4.4.316": "expired", "5.4.317": "failedstarttls",
    "4.4.317": "failedstarttls", "5.7.321": "failedstarttls", "4.7.321": "failedstarttls",
    "5.7.322": "failedstarttls", "5.7.506": "blocked", "5.7.507": "blocked", "5.7.509": "authfailure",
    "5.7.510": "blocked", "5.7.511": "blocked", "5.7.513": "blocked", "5.7.515": "authfailure",
    "4.7.650": "badreputation", "5.7.520": "policyviolation", "5.6.11": "contenterror",
    # more of Microsoft's NDR codes, read as Sisimai's rhost/for-microsoft.go reads them
    "5.7.501": "rejected", "5.7.502": "rejected", "5.7.503": "rejected", "5.7.504": "suspend", "5.7.505": "suspend",
    "5.7.508": "ratelimited", "5.7.512": "rejected", "5.7.750": "rejected", "5.7.12": "rejected",
    "5.7.124": "rejected", "5.7.133": "rejected", "5.7.134": "rejected", "5.7.135": "rejected", "5.7.136": "rejected",
    "5.1.90": "ratelimited", "5.2.121": "ratelimited", "5.2.122": "ratelimited", "4.4.312": "networkerror",
    "5.4.312": "networkerror", "5.4.14": "networkerror", "4.4.24": "systemerror", "4.4.25": "systemerror",
    "4.4.28": "systemerror", "4.4.318": "systemerror", "5.7.51": "failedstarttls",
    "4.7.323": "failedstarttls", "4.7.324": "failedstarttls", "4.7.325": "failedstarttls",
    "5.7.323": "failedstarttls", "5.7.324": "failedstarttls", "5.7.325": "failedstarttls",
}


def _vendor_range(status: str) -> str | None:
    parts = status.split(".")
    if len(parts) != 3 or not parts[2].isdigit():
        return None
    n = int(parts[2])
    if parts[1] == "7" and parts[0] == "5" and 606 <= n <= 649:
        return "blocked"  # Microsoft: access denied, banned sending IP
    if parts[1] == "7" and parts[0] == "5" and 900 <= n <= 999:
        return "policyviolation"  # Microsoft: refused by an organisation's transport rule
    if parts[1] == "7" and parts[0] == "4" and (500 <= n <= 699 or 850 <= n <= 899):
        return "blocked"  # Microsoft: access denied, please try again later
    return None


def status_category(status: str | None) -> str | None:
    """Category of an enhanced status code; vendor extensions (detail >= 100, as in Microsoft's
    5.1.351 or 4.7.650) are read as their subject's X.S.0 code."""
    if not status:
        return None
    cat = STATUS_CATEGORY.get(status) or VENDOR_STATUS.get(status) or _vendor_range(status)
    if cat is None:
        parts = status.split(".")
        if len(parts) == 3 and parts[2].isdigit() and int(parts[2]) >= 100:
            cat = STATUS_CATEGORY.get("%s.%s.0" % (parts[0], parts[1])) or STATUS_CATEGORY.get("5.%s.0" % parts[1])
    return cat


def status_meaning(status: str | None) -> str | None:
    if not status:
        return None
    key = "X." + status.split(".", 1)[1]
    return STATUS_MEANING.get(key)


def permanence(status: str | None, reply_code: str | None) -> bool | None:
    """5.x.x / 5xx -> True, 4.x.x / 4xx -> False, otherwise None (the enhanced code wins)."""
    for c in (status, reply_code):
        if c and c[0] == "5":
            return True
        if c and c[0] == "4":
            return False
    return None
