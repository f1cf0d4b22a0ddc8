"""Providers' own code labels: a code in the reply that the provider documents, which says the
reason better than any wording ("OFR006_102", "IB112", "AUP#CXBL", "RCP-P1", "(000C05A6)").

Each table follows the provider's published list as Sisimai's host modules record it
(go-sisimai, BSD 2-Clause License, azumakuniyuki and sisimai development team); the file is named
beside each table. :func:`provider_reason` returns the first label found and its category.
"""

from __future__ import annotations

import re

from . import rx

# Orange / Wanadoo / La Poste (rhost/for-franceptt.go; Orange's postmaster pages): "OFR006_102",
# "LPN007_426", "OUK..."
_FRANCE_RE = re.compile(r"\b(?:OFR|LPN|LPNAAA|OUK)\d{0,4}_(\d{3})\b", re.I)
_FRANCE = {
    "101": "blocked", "102": "blocked", "103": "blocked", "104": "ratelimited", "305": "securityerror",
    "401": "authfailure", "402": "securityerror", "403": "rejected", "405": "rejected", "415": "rejected",
    "416": "userunknown", "417": "mailboxfull", "420": "suspend", "421": "rejected", "426": "suspend",
    "505": "systemerror", "506": "spamdetected", "510": "blocked", "514": "emailtoolarge", "517": "authfailure",
    "630": "policyviolation", "999": "blocked",
}

# GoDaddy (rhost/for-godaddy.go): " IB112"
_GODADDY_RE = re.compile(r"\bIB(\d{3})\b")
_GODADDY = {
    "401": "securityerror", "501": "notcompliantrfc", "502": "notcompliantrfc", "506": "rejected",
    "508": "authfailure", "108": "requireptr", "212": "spamdetected", "705": "virusdetected",
    "605": "ratelimited", "007": "ratelimited", "101": "ratelimited", "504": "ratelimited", "510": "ratelimited",
    "607": "ratelimited", "110": "blocked", "111": "blocked", "112": "blocked", "113": "blocked",
    "103": "badreputation", "104": "blocked", "105": "blocked", "106": "blocked",
}

# Cox (rhost/for-cox.go): "AUP#CXBL"; Spectrum / Charter (rhost/for-spectrum.go): "AUP#I-1000"
_COX_RE = re.compile(r"AUP#([A-Za-z]+\d*)\b")
_COX = {"CXBL": "blocked", "CDRBL": "blocked", "CXDNS": "requireptr", "CXSNDR": "authfailure", "CXSMTP": "rejected",
        "CXCNCT": "ratelimited", "CXMXRT": "ratelimited", "CXTHRT": "securityerror", "CXMJ": "securityerror",
        "URLBL011": "spamdetected", "URLBL101": "spamdetected", "URLBL110": "spamdetected",
        "URLBL1001": "spamdetected"}
_SPECTRUM_RE = re.compile(r"AUP#\D{0,4}(\d{4})\b")


def _spectrum(code: int) -> str | None:
    for low, high, category in ((1000, 1000, "blocked"), (1010, 1080, "rejected"), (1090, 1090, "systemerror"),
                                (1100, 1150, "requireptr"), (1160, 1190, "policyviolation"), (1200, 1250, "blocked"),
                                (1260, 1260, "networkerror"), (1300, 1490, "ratelimited"), (1500, 1520, "rejected"),
                                (1530, 1530, "emailtoolarge"), (1540, 1550, "ratelimited"),
                                (1560, 1560, "policyviolation"), (1580, 1580, "ratelimited")):
        if low <= code <= high:
            return category
    return None


# Facebook (rhost/for-facebook.go): "RCP-P1"
_FACEBOOK_RE = re.compile(r"\b((?:RCP|INT|POL|MSG|DNS|CON)-[PT]\d)\b")
_FACEBOOK = {
    "RCP-P1": "userunknown", "INT-P1": "userunknown", "INT-P3": "userunknown", "INT-P4": "userunknown",
    "RCP-P2": "filtered", "RCP-P3": "filtered", "RCP-T4": "suspend", "RCP-T1": "systemerror",
    "MSG-P1": "emailtoolarge", "INT-P2": "emailtoolarge", "MSG-P2": "contenterror", "MSG-P3": "notcompliantrfc",
    "DNS-P1": "rejected", "DNS-P2": "rejected", "DNS-T1": "rejected", "DNS-P3": "requireptr", "DNS-T2": "requireptr",
    "POL-P5": "virusdetected", "POL-P6": "spamdetected", "POL-P7": "authfailure",
    "CON-T1": "ratelimited", "CON-T2": "ratelimited", "CON-T3": "ratelimited", "CON-T4": "ratelimited",
    "MSG-T1": "ratelimited",
}
_FACEBOOK_POL_RE = re.compile(r"^POL-(?:P[1-4]|T[1-3])$")

# i.ua (rhost/for-iua.go): "https://mail.i.ua/err/2/"
_IUA_RE = re.compile(r"\.i\.ua/err/(\d+)/")
_IUA = {"1": "norelaying", "6": "norelaying", "2": "userunknown", "3": "suspend", "4": "mailboxfull",
        "5": "ratelimited", "7": "blocked", "9": "blocked", "8": "rejected", "10": "filtered"}

# Exchange 2003 (lhost/via-exchange2003.go): "MSEXCH:IMS:... (000C05A6) Unknown Recipient"
_MSEXCH_RE = re.compile(r"MSEXCH:[^\n]{0,120}?\(([0-9A-F]{8})\)", re.I)
_MSEXCH = {"000C05A6": "userunknown", "000C0595": "filtered", "00010256": "systemerror", "000D06B5": "systemerror",
           "00120270": "networkerror", "00050311": "contenterror", "000502CC": "contenterror",
           "000B0981": "securityerror"}

_TABLES = (
    (_FRANCE_RE, lambda code: _FRANCE.get(code), "Orange/La Poste code"),
    (_GODADDY_RE, lambda code: _GODADDY.get(code), "GoDaddy code IB"),
    (_COX_RE, lambda code: _COX.get(code.upper()), "Cox code AUP#"),
    (_SPECTRUM_RE, lambda code: _spectrum(int(code)), "Spectrum code AUP#"),
    (_FACEBOOK_RE, lambda code: _FACEBOOK.get(code) or ("blocked" if _FACEBOOK_POL_RE.match(code) else None),
     "Facebook code"),
    (_IUA_RE, lambda code: _IUA.get(code), "i.ua error"),
    (_MSEXCH_RE, lambda code: _MSEXCH.get(code.upper()), "Exchange 2003 code"),
)

# PowerMTA's own reason, a field of its delivery-status part (rfc3464/powermta.go)
POWERMTA_CATEGORIES = {
    "bad-domain": "hostunknown", "bad-mailbox": "userunknown", "inactive-mailbox": "suspend",
    "message-expired": "expired", "no-answer-from-host": "networkerror", "policy-related": "policyviolation",
    "quota-issues": "mailboxfull", "routing-errors": "systemerror", "spam-related": "spamdetected",
}
# Amazon SES notifications' bounceSubType (lhost/via-amazonses.go; docs.aws.amazon.com/ses/latest/dg/
# notification-contents.html); "General" says nothing, the diagnostic text decides
SES_SUBTYPES = {
    "suppressed": "rejected", "onaccountsuppressionlist": "rejected", "mailboxfull": "mailboxfull",
    "messagetoolarge": "emailtoolarge", "contentrejected": "contenterror", "attachmentrejected": "securityerror",
}


# one cheap look for any of the labels before the tables are tried one by one
_ANY_LABEL_RE = rx.Pattern(r"OFR|LPN|OUK|\bIB\d|AUP#|\b[A-Z]{3}-[PT]\d|\.i\.ua/|MSEXCH")


def provider_reason(text: str) -> tuple[str, str] | None:
    """(category, evidence) from the first documented provider code in ``text``, or None."""
    if not text or not _ANY_LABEL_RE.test(text[:4000]):
        return None
    for pattern, lookup, label in _TABLES:
        for m in pattern.finditer(text[:4000]):
            category = lookup(m.group(1))
            if category:
                return category, "%s %s" % (label, m.group(1))
    return None


# Writers whose report states the reason itself, in a fixed sentence or header, as Sisimai's
# reader for each maps it (go-sisimai lhost/via-*.go, BSD 2-Clause): the writer's verdict, kept
# ahead of a guess from the wording of the reply it quotes.
# au / EZweb (via-ezweb.go:26-68): From Postmaster@ezweb.ne.jp or Postmaster@au.com, and the
# lead sentence of the notice.
_EZWEB = (("The user(s) account is disabled.", "suspend"), ("The user(s) account is temporarily limited.", "suspend"),
          ("The user(s) account is temporarily over quota", "mailboxfull"),
          ("Your message was not delivered within ", "expired"),
          ("Each of the following recipients was rejected by a remote mail server", "onhold"))
# Ipswitch IMail (via-imailserver.go:27-40): Subject "Undeliverable Mail ..." or X-Mailer "<SMTP32 v..."
_IMAIL = (("Unknown host", "hostunknown"), ("Unknown user", "userunknown"),
          ("Invalid final delivery userid", "userunknown"), ("User mailbox exceeds allowed size", "mailboxfull"),
          ("Requested action not taken: virus detected", "virusdetected"),
          ("Blacklisted URL in message", "spamdetected"), ("Delivery failed ", "expired"))
# Verizon (via-verizon.go:22-33): From post_master@vtext.com, or sysadmin@...vzwpix.com
_VERIZON = (("550 - Requested action not taken: no such user here", "userunknown"),
            ("No valid recipients", "userunknown"))
# Lotus Notes (via-notes.go:22-32): Subject "Undeliverable message"; Domino (via-domino.go:26-45):
# Subject "DELIVERY FAILURE:" / "DELIVERY_FAILURE:"
_NOTES = (("Message has exceeded maximum hop count", "networkerror"),
          ("User not listed in public Name & Address Book", "userunknown"), ("ディレクトリのリストにありません", "userunknown"))
_DOMINO = (("Cannot route mail to user", "filtered"), ("Several matches found in Domino Directory", "systemerror"),
           ("not listed in Domino Directory", "userunknown"), ("not listed in public Name & Address Book", "userunknown"),
           ("no se encuentra en el Directorio de Domino", "userunknown"),
           ("non répertorié dans l'annuaire Domino", "userunknown"))
# (Domino's Japanese "Domino ディレクトリには見つかりません" is left out: in ISO-2022-JP reports Sisimai's
# match on it does not happen, and the dev corpus labels such a report onhold)
# Trend Micro InterScan MSS (via-interscanmss.go:26-33, 84-90): From "InterScan..., or one of its
# subjects; "Unable to deliver message to <a>" with no SMTP transcript is its user-unknown verdict
_INTERSCAN_SUBJECTS = ("Mail could not be delivered", "メッセージを配信できません。", "メール配信に失敗しました")


def writer_verdict(*, sender: str, subject: str, mailer: str, spasign: str, text: str) -> tuple[str, str] | None:
    """(category, evidence) when the report's writer states the reason in its own fixed words."""
    # KDDI / au / EZweb mark a message their filter refused with "X-SPASIGN: NG" (via-kddi.go:96-99,
    # via-ezweb.go:150-153), whatever the notice says
    if spasign.strip().upper() == "NG":
        return "filtered", "X-SPASIGN: NG"
    table: tuple[tuple[str, str], ...] = ()
    if "postmaster@ezweb.ne.jp" in sender.lower() or "postmaster@au.com" in sender.lower():
        table = _EZWEB
    elif subject.startswith("Undeliverable Mail ") or mailer.startswith("<SMTP32 v"):
        table = _IMAIL
    elif "post_master@vtext.com" in sender.lower() or ("sysadmin@" in sender.lower() and ".vzwpix.com" in sender.lower()):
        table = _VERIZON
    elif subject.startswith("Undeliverable message"):
        table = _NOTES
    elif subject.startswith(("DELIVERY FAILURE:", "DELIVERY_FAILURE:")):
        table = _DOMINO
    elif sender.lstrip().startswith('"InterScan') or any(title in subject for title in _INTERSCAN_SUBJECTS):
        table = () if " >>> " in text else (("Unable to deliver ", "userunknown"),)
    for phrase, category in table:
        if phrase in text:
            return category, phrase
    return None
