"""Every sentence a sender reads in a check, in English, translated when shown.

The constants are lazy (``gettext_lazy`` / ``ngettext_lazy``): nothing is translated when a check
runs. :class:`LazyText` keeps a constant and its values and translates on ``str()``, in the
language active at that moment, so one cached list of checks serves French and English pages.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class LazyText:
    """A message and its values; ``str()`` translates and fills it in the active language."""

    __slots__ = ("template", "params")

    def __init__(self, template: Any, /, **params: Any):
        self.template = template
        self.params = params

    def __str__(self) -> str:
        if not self.params:
            return str(self.template)
        values = {k: v if isinstance(v, (int, float)) else str(v) for k, v in self.params.items()}
        return str(self.template % values)

    def __repr__(self) -> str:
        return f"LazyText({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyText, LazyJoin)):
            return str(self) == str(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))


class LazyJoin:
    """Sentences shown one after the other (each translated on ``str()``)."""

    __slots__ = ("parts",)

    def __init__(self, *parts: Any):
        self.parts = tuple(p for p in parts if p is not None)

    def __str__(self) -> str:
        return " ".join(str(p) for p in self.parts)

    def __repr__(self) -> str:
        return f"LazyJoin({str(self)!r})"

    __eq__ = LazyText.__eq__
    __hash__ = LazyText.__hash__


# -- not checked ----------------------------------------------------------------------------
NOT_CHECKED_LOOPBACK = _(
    "%(ip)s is a loopback address (the machine itself), not an address on the Internet, so it was not "
    "looked up. Look in the bounce for the public IP address of your mail server."
)
NOT_CHECKED_LINK_LOCAL = _(
    "%(ip)s is a link-local address, used only inside one local network, so it was not looked up. "
    "Look in the bounce for the public IP address of your mail server."
)
NOT_CHECKED_DOCUMENTATION_IP = _(
    "%(ip)s is reserved for documentation and examples, not a real sender, so it was not looked up. "
    "Use the IP address from your own bounce."
)
NOT_CHECKED_CGNAT = _(
    "%(ip)s is a shared address inside an Internet provider's network (carrier-grade NAT), so it was not "
    "looked up. Look in the bounce for the public IP address of your mail server."
)
NOT_CHECKED_MULTICAST = _("%(ip)s is a multicast address, not a mail server, so it was not looked up.")
NOT_CHECKED_PRIVATE = _(
    "%(ip)s is a private address, used only inside a local network: block lists never list it, so it was "
    "not looked up. Look in the bounce for the public IP address of your mail server."
)
NOT_CHECKED_RESERVED_IP = _("%(ip)s is a reserved address, not in use on the Internet, so it was not looked up.")
NOT_CHECKED_EXAMPLE_DOMAIN = _(
    "%(domain)s is an example domain reserved for documentation, so it was not looked up. "
    "Use the domain from your own bounce."
)
NOT_CHECKED_SPECIAL_DOMAIN = _(
    "%(domain)s uses a reserved name that does not exist on the Internet (such as .test, .invalid or "
    ".localhost), so it was not looked up."
)

# -- could not check ------------------------------------------------------------------------
COULD_NOT_CHECK = _(
    "%(what)s for %(target)s could not be checked right now: the DNS answer did not arrive in time or "
    "could not be read. This is not a sign of a problem; try again in a few minutes."
)
WHAT_REVERSE_DNS = _("The reverse DNS")
WHAT_SPF = _("The SPF record")
WHAT_DMARC = _("The DMARC record")
WHAT_DKIM = _("The DKIM key")
WHAT_MX = _("The mail servers (MX records)")
WHAT_MTA_STS = _("The MTA-STS record")
WHAT_TLS_RPT = _("The TLS-RPT record")

BLOCKLIST_COULD_NOT_CHECK = _(
    "%(target)s could not be checked on %(list)s right now: the DNS answer did not arrive in time or "
    "could not be read. This does not mean it is listed; try again in a few minutes."
)
BLOCKLIST_ERROR_ANSWER = _(
    "%(list)s refused this query (answer %(code)s: the query came through a public DNS resolver, or too "
    "many queries were made). This does not mean %(target)s is listed: check it on the list's website."
)
BLOCKLIST_ODD_ANSWER = _(
    "%(list)s gave an answer that is not a block list answer (%(code)s), usually because a DNS resolver "
    "rewrote it. %(target)s may or may not be listed: check it on the list's website."
)

# -- block lists ----------------------------------------------------------------------------
BLOCKLIST_NOT_LISTED = _("%(target)s is not on %(list)s.")
BLOCKLIST_LISTED = _("%(target)s is on %(list)s.")
MEANING_LISTED = _("Find out why on the list's website, fix the cause, then ask for removal.")
MEANING_SBL = _(
    "It is listed as a source of spam (Spamhaus SBL). Stop the spam first (look for a hacked account, "
    "a contact form or a script that sends mail), then ask Spamhaus for removal."
)
MEANING_CSS = _(
    "It sent spam recently (Spamhaus CSS), often through a hacked account or a badly configured server. "
    "Fix the cause, then ask Spamhaus for removal."
)
MEANING_XBL = _(
    "It is listed as infected or hijacked (Spamhaus XBL): a computer or server behind this address sends "
    "spam or attacks. Find and clean it, then ask Spamhaus for removal."
)
MEANING_DROP = _(
    "Its whole address range is on the Spamhaus DROP list (hijacked or run by criminals). Only the "
    "company that provides this address can solve this: contact it."
)
MEANING_PBL_ISP = _(
    "It is on the Spamhaus PBL at the request of your Internet provider: this address should not send mail "
    "directly to other servers. This is not a penalty. Send through your provider's mail server "
    "(smarthost), or ask your provider for an address that may send mail."
)
MEANING_PBL_SPAMHAUS = _(
    "It is on the Spamhaus PBL: addresses like this one (home or dynamic connections) should not send mail "
    "directly to other servers. This is not a penalty. Send through your provider's mail server "
    "(smarthost); if this really is a mail server with its own name, you can ask Spamhaus for removal."
)
MEANING_SPAMCOP = _(
    "Recipients reported spam from it in the last few days. The listing ends by itself about 24 hours "
    "after the reports stop: find and stop the spam first."
)
MEANING_BARRACUDA = _(
    "Barracuda Reputation lists it for sending spam or for a bad setup (for example no reverse DNS). "
    "Fix the cause, then ask Barracuda for removal (it is free)."
)
MEANING_DBL_SPAM = _(
    "It is listed as a domain used in spam (Spamhaus DBL): mail that mentions it is refused. Find out why on "
    "the Spamhaus website, fix the cause, then ask for removal."
)
MEANING_DBL_PHISH = _(
    "It is listed as a phishing domain (Spamhaus DBL). If your site was hacked, clean it, then ask Spamhaus "
    "for removal."
)
MEANING_DBL_MALWARE = _(
    "It is listed as a domain that spreads malware (Spamhaus DBL). If your site was hacked, clean it, then "
    "ask Spamhaus for removal."
)
MEANING_DBL_BOTNET = _(
    "It is listed as a domain that controls infected computers (Spamhaus DBL). Contact the company that "
    "hosts it, clean the server, then ask Spamhaus for removal."
)
MEANING_DBL_ABUSED = _(
    "It is a legitimate domain that spammers abuse (Spamhaus DBL, for example through a hacked page or an "
    "open redirect). Find and close the abused page, then ask Spamhaus for removal."
)

# -- reverse DNS ----------------------------------------------------------------------------
RDNS_OK = _("%(ip)s has the reverse DNS name %(name)s, and that name points back to %(ip)s, as receiving servers expect.")
RDNS_NONE = _(
    "%(ip)s has no reverse DNS name (PTR record). Many servers refuse mail from such addresses: ask whoever "
    "provides this address (your host or Internet provider) to set one to your mail server's name."
)
RDNS_NOT_CONFIRMED = _(
    "%(ip)s has the reverse DNS name %(name)s, but that name does not point back to %(ip)s. Many servers "
    "want both to match: add an A record for %(name)s with the value %(ip)s, or change the reverse DNS."
)
RDNS_DYNAMIC = _(
    "The reverse DNS name of %(ip)s is %(name)s, which looks like a home or dynamic address. Many servers "
    "refuse mail sent directly from such addresses: send through your provider's mail server, or use a "
    "server with a fixed address and a name of its own."
)

# -- SPF ------------------------------------------------------------------------------------
SPF_PASS = _("The SPF record of %(domain)s allows %(ip)s to send its mail.")
SPF_VALID = _("%(domain)s publishes a valid SPF record.")
SPF_NONE = _(
    "%(domain)s has no SPF record, so receivers cannot tell which servers may send its mail. Publish a TXT "
    "record that starts with \"v=spf1\" and lists your mail servers."
)
SPF_FAIL = _(
    "The SPF record of %(domain)s does not allow %(ip)s (result: fail), so receivers may refuse this mail. "
    "Add this server, or your mail service's include, to the record."
)
SPF_SOFTFAIL = _(
    "The SPF record of %(domain)s does not really allow %(ip)s (result: softfail), so this mail often ends "
    "up as spam. Add this server, or your mail service's include, to the record."
)
SPF_NEUTRAL = _(
    "The SPF record of %(domain)s says nothing definite about %(ip)s (result: neutral). Add this server to "
    "the record so that receivers can trust it."
)
SPF_TOO_MANY_LOOKUPS = _(
    "The SPF record of %(domain)s needs more than 10 DNS lookups (include, a, mx...), so receivers treat it "
    "as broken (permerror). Remove the includes you no longer use, or replace some with ip4:/ip6: ranges."
)
SPF_PERMERROR = _(
    "The SPF record of %(domain)s is broken, so receivers ignore or refuse it (permerror: %(reason)s). "
    "Correct the record."
)

# -- DMARC ----------------------------------------------------------------------------------
DMARC_MISSING = _(
    "%(domain)s has no DMARC record. Gmail, Yahoo and Microsoft require one from bulk senders: publish at "
    "least \"v=DMARC1; p=none\" with a rua= address at _dmarc.%(domain)s."
)
DMARC_INVALID = _(
    "The DMARC record of %(domain)s cannot be read (%(reason)s), so receivers ignore it. Correct the record "
    "at _dmarc.%(domain)s."
)
DMARC_MULTIPLE = _(
    "%(domain)s has more than one DMARC record, so receivers ignore them all. Keep only one at "
    "_dmarc.%(domain)s."
)
DMARC_POLICY_NONE = _(
    "The DMARC policy of %(domain)s is \"none\": receivers only report failures, they do not refuse mail "
    "because of DMARC."
)
DMARC_POLICY_QUARANTINE = _(
    "The DMARC policy of %(domain)s is \"quarantine\": mail that fails DMARC (neither SPF nor DKIM matches "
    "the From domain) goes to spam."
)
DMARC_POLICY_REJECT = _(
    "The DMARC policy of %(domain)s is \"reject\": mail that fails DMARC (neither SPF nor DKIM matches the "
    "From domain) is refused."
)
DMARC_INHERITED = _("This policy is published by %(org)s and also covers %(domain)s.")
DMARC_PCT = _("It applies to %(pct)s%% of the failing mail.")
DMARC_ALIGNMENT = _("Alignment: SPF %(aspf)s, DKIM %(adkim)s.")
ALIGNMENT_RELAXED = _("relaxed")
ALIGNMENT_STRICT = _("strict")
DMARC_RUA = _("Reports go to %(rua)s.")
DMARC_NO_RUA = _("No reports are requested (no rua=): add an address to learn which servers send mail as your domain.")
DMARC_FAILS_FOR_IP = _(
    "SPF does not pass for %(ip)s, so mail sent from it passes DMARC only with a valid DKIM signature for "
    "%(domain)s: sign your mail with DKIM, or add this server to the SPF record."
)

# -- DKIM -----------------------------------------------------------------------------------
DKIM_OK = _("The DKIM key %(name)s is published (%(algorithm)s, %(bits)s bits).")
DKIM_WEAK = _(
    "The DKIM key %(name)s has only %(bits)s bits, and many receivers ignore keys under 1024 bits: publish "
    "a 2048-bit key."
)
DKIM_MISSING = _(
    "No DKIM key is published at %(name)s, so signatures with this selector cannot be verified. Publish the "
    "key your mail service gives you, or check the selector name."
)
DKIM_REVOKED = _(
    "The DKIM key at %(name)s is revoked (empty p=), so signatures with this selector fail. Publish the "
    "current key."
)
DKIM_INVALID = _(
    "The DKIM record at %(name)s cannot be read (%(reason)s). Publish the key again, exactly as your mail "
    "service gives it."
)

# -- the recipient's domain -----------------------------------------------------------------
MX_NXDOMAIN = _(
    "%(domain)s does not exist, so no mail can be delivered to it. Check the spelling of the address after the @."
)
MX_NULL = _(
    "%(domain)s states that it accepts no mail at all (null MX, RFC 7505). Ask the recipient for another address."
)
MX_OK = ngettext_lazy(
    "Mail for %(domain)s goes to its mail server %(hosts)s.",
    "Mail for %(domain)s goes to %(count)d mail servers: %(hosts)s.",
    "count",
)
MX_A_FALLBACK = _(
    "%(domain)s has no MX record, so mail goes to the address of the domain itself (%(hosts)s). This works, "
    "but the recipient's administrator should add an MX record."
)
MX_NO_SERVER = _(
    "%(domain)s exists but has no mail server (no MX record and no address), so mail to it cannot be "
    "delivered. Check the address with the recipient."
)
MTA_STS_PRESENT = _(
    "%(domain)s publishes an MTA-STS policy (id %(id)s): servers that send to it must use TLS with a valid "
    "certificate, or delivery fails. If yours cannot, its TLS settings or certificates need fixing."
)
MTA_STS_ABSENT = _("%(domain)s publishes no MTA-STS policy, so no policy requires TLS with a valid certificate.")
MTA_STS_INVALID = _("The MTA-STS record of %(domain)s cannot be read (%(reason)s), so senders ignore it.")
TLS_RPT_PRESENT = _(
    "%(domain)s asks for TLS reports (TLS-RPT) at %(rua)s: its administrator can see failed TLS connections, "
    "yours included."
)
TLS_RPT_ABSENT = _(
    "%(domain)s asks for no TLS reports (TLS-RPT), so its administrator may not see TLS failures: tell them "
    "about your bounce."
)
TLS_RPT_INVALID = _("The TLS-RPT record of %(domain)s cannot be read (%(reason)s), so senders ignore it.")
