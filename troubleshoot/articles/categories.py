"""The bounce-reason categories of DESIGN.md.

Keys follow Sisimai's reason names and never change; labels are interface strings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Category(models.TextChoices):
    USERUNKNOWN = "userunknown", _("The recipient address does not exist")
    HOSTUNKNOWN = "hostunknown", _("The recipient domain does not exist or has no mail server")
    MAILBOXFULL = "mailboxfull", _("The recipient mailbox is full")
    EMAILTOOLARGE = "emailtoolarge", _("The message is too large")
    SUSPEND = "suspend", _("The recipient account is disabled or suspended")
    HASMOVED = "hasmoved", _("The recipient address has moved")
    NOTACCEPT = "notaccept", _("The recipient domain accepts no mail")
    NORELAYING = "norelaying", _("The server refused to relay")
    REJECTED = "rejected", _("The sender address or domain was refused")
    BLOCKED = "blocked", _("The sending IP address or server is blocked")
    BADREPUTATION = "badreputation", _("Poor sending reputation")
    RATELIMITED = "ratelimited", _("Too many messages or connections")
    SPAMDETECTED = "spamdetected", _("The message was judged to be spam")
    VIRUSDETECTED = "virusdetected", _("The message carries malware")
    FILTERED = "filtered", _("Refused by a header or content rule")
    POLICYVIOLATION = "policyviolation", _("Refused by the recipient organisation's policy")
    AUTHFAILURE = "authfailure", _("SPF, DKIM or DMARC failed")
    REQUIREPTR = "requireptr", _("The sending IP address has no valid reverse DNS")
    SECURITYERROR = "securityerror", _("A security requirement was not met")
    FAILEDSTARTTLS = "failedstarttls", _("A TLS session could not be set up")
    NOTCOMPLIANTRFC = "notcompliantrfc", _("The message is not well-formed")
    CONTENTERROR = "contenterror", _("The content or headers are malformed")
    SYNTAXERROR = "syntaxerror", _("An SMTP command was invalid")
    EXPIRED = "expired", _("Delivery is delayed or has expired")
    NETWORKERROR = "networkerror", _("DNS or network failure")
    SYSTEMERROR = "systemerror", _("An error on the receiving side")
    SYSTEMFULL = "systemfull", _("The receiving system is out of storage")
    MAILERERROR = "mailererror", _("The local delivery program failed")
    ONHOLD = "onhold", _("The bounce says too little to decide")
    UNDEFINED = "undefined", _("No reason could be found")


class Permanence(models.TextChoices):
    PERMANENT = "permanent", pgettext_lazy("bounce permanence", "Permanent")
    TEMPORARY = "temporary", pgettext_lazy("bounce permanence", "Temporary")
    EITHER = "either", pgettext_lazy("bounce permanence", "Temporary or permanent")
    UNKNOWN = "unknown", pgettext_lazy("bounce permanence", "Unknown")
