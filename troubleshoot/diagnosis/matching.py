"""Decide, for each failed recipient, the category and the article, with confidence and evidence.

Order (as the design asks):
1. the articles' own signatures (RE2 patterns / example texts; matching codes add confidence);
2. built-in category rules (:mod:`.rules`), applied with the precedence Sisimai uses between
   reasons (https://github.com/sisimai, BSD-2-Clause): e.g. a full mailbox wins over everything,
   an unknown-user wording counts as "user unknown" when the server refused the recipient at
   RCPT TO (or said 5.1.1), and as "filtered" when it refused after the message was sent;
3. the meaning of the RFC 3463 enhanced status code (then the SMTP reply code) as a fallback.
"""

from __future__ import annotations

import time

import re2

from . import codes, kinds, rx
from .errors import BounceInputError
from .inputs import decode_input
from .providers import provider_reason
from .reading import Fact, Report, collapse, read, strip_codes
from .results import Candidate, Diagnosis, RecipientResult, RuleFiring
from .rules import RULES, local_agent_reason
from .ruleset import RuleSet, _find_any, matching_texts

LOW_CONFIDENCE = 0.6
_RECIPIENT_CATS = frozenset({"userunknown", "hostunknown", "filtered", "rejected", "mailboxfull", "suspend",
                             "hasmoved", "norelaying", "emailtoolarge"})
_STAGE_FITS = {"userunknown": ("RCPT",), "filtered": ("DATA",), "rejected": ("MAIL",), "blocked": ("CONN", "HELO"),
               "spamdetected": ("DATA",), "norelaying": ("RCPT",)}
_BEFORE_DATA = frozenset({"CONN", "HELO", "MAIL", "RCPT", "STARTTLS", "AUTH"})
# decisive wordings: the narrower reasons first ("mailbox unavailable (not enough free space)")
_W4_ORDER = ("systemfull", "notaccept", "networkerror", "rejected", "hostunknown", "mailererror", "userunknown",
             "mailboxfull", "emailtoolarge", "suspend", "hasmoved", "norelaying", "authfailure", "filtered",
             "requireptr", "notcompliantrfc", "badreputation", "contenterror", "virusdetected", "spamdetected",
             "ratelimited", "blocked", "policyviolation", "systemerror", "expired", "failedstarttls",
             "securityerror", "syntaxerror")
_RETRY = frozenset({"undefined", "onhold", "systemerror", "securityerror", "expired", "networkerror",
                    "hostunknown", "userunknown"})
ORDER_A = ("mailboxfull", "emailtoolarge", "suspend", "hasmoved", "norelaying", "authfailure", "userunknown",
           "filtered", "requireptr", "notcompliantrfc", "badreputation", "contenterror", "rejected", "hostunknown",
           "virusdetected", "spamdetected", "ratelimited", "blocked")
ORDER_B = ("mailboxfull", "authfailure", "badreputation", "ratelimited", "spamdetected", "virusdetected",
           "policyviolation", "norelaying", "systemerror", "networkerror", "suspend", "contenterror", "systemfull",
           "notaccept", "expired", "failedstarttls", "securityerror", "mailererror", "userunknown", "hostunknown",
           "rejected", "blocked", "syntaxerror", "filtered", "requireptr", "notcompliantrfc", "hasmoved",
           "emailtoolarge")


# ---------------------------------------------------------------------------------------------
# built-in rules, compiled once

def any_apostrophe(pattern: str) -> str:
    """A rule's ASCII apostrophe also matches the typographic one (’) that French notices and
    localised mail clients write ("l’adresse", "s’authentifier"); inside [...] it is left alone."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            in_class = True
            out.append(ch)
        elif ch == "]":
            in_class = False
            out.append(ch)
        elif ch == "'" and not in_class:
            out.append("['’]")
        else:
            out.append(ch)
    return "".join(out)


class _BuiltinRules:
    def __init__(self) -> None:
        o = re2.Options()
        o.case_sensitive = False
        o.log_errors = False
        # RE2 caches DFA states lazily up to 2/3 of this budget: with 64 MB, texts never seen before
        # kept adding states and RSS grew by ~40 MB per process (benchmarks/soak.py --varied). The set
        # compiles in under 8 MB, and a set match resets a full cache rather than failing.
        o.max_mem = 16 << 20
        self.options = o
        self.entries: list[tuple[str, int, str]] = []
        self.set = re2.Set.SearchSet(o)
        for cat, pats in RULES.items():
            for pat, weight in pats:
                pat = any_apostrophe(pat)
                self.set.Add(pat)
                self.entries.append((cat, weight, pat))
        self.set.Compile()
        self._rx: dict[int, object] = {}

    def hits(self, texts: tuple[str, ...]) -> dict[str, tuple[int, int]]:
        """category -> (best weight, entry index)."""
        out: dict[str, tuple[int, int]] = {}
        for text in texts:
            if not text:
                continue
            for idx in self.set.Match(text) or ():
                cat, w, _p = self.entries[idx]
                cur = out.get(cat)
                if cur is None or w > cur[0]:
                    out[cat] = (w, idx)
        return out

    def evidence(self, idx: int, texts: tuple[str, ...]) -> str:
        rx = self._rx.get(idx)
        if rx is None:
            rx = re2.compile(self.entries[idx][2], self.options)
            self._rx[idx] = rx
        return _find_any(rx, texts) or self.entries[idx][2]


_BUILTIN: _BuiltinRules | None = None


def builtin() -> _BuiltinRules:
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = _BuiltinRules()
    return _BUILTIN


# ---------------------------------------------------------------------------------------------
# the decision

class _Texts:
    """Hits of the built-in rules on a recipient's diagnostic text and (lazily) on its wider context."""

    __slots__ = ("diag", "hits", "_fact", "_subject", "_ctx", "_ctx_hits", "top")

    def __init__(self, fact: Fact, report: Report):
        diag = fact.diagnostic or ""
        self.diag = matching_texts(diag) if diag else ()
        # the built-in wordings never need the reply codes: match the text without them
        self.hits = builtin().hits(self.diag[-1:])
        self.top = max((w for w, _i in self.hits.values()), default=0)
        self._fact = fact
        self._subject = report.subject if report.subject and not report.bare_reply else ""
        self._ctx = None
        self._ctx_hits = None

    @property
    def ctx(self) -> tuple[str, ...]:
        if self._ctx is None:
            ctx = self._fact.full_context()
            if self._subject:
                ctx = (ctx + " " + self._subject).strip()
            self._ctx = (collapse(ctx[:6000]),) if ctx and ctx != (self._fact.diagnostic or "") else ()
        return self._ctx

    @property
    def near(self) -> tuple[str, ...]:
        """The recipient's own part of the report (cheaper than the whole context)."""
        c = self._fact.context or ""
        if self._subject:
            c = (c + " " + self._subject).strip()
        return (collapse(c[:6000]),) if c and c != (self._fact.diagnostic or "") else ()

    @property
    def ctx_hits(self) -> dict[str, tuple[int, int]]:
        if self._ctx_hits is None:
            self._ctx_hits = builtin().hits(self.ctx) if self.ctx else {}
        return self._ctx_hits

    def has(self, cat: str, minw: int = 1) -> bool:
        h = self.hits.get(cat)
        return h is not None and h[0] >= minw

    def weight(self, cat: str) -> int:
        h = self.hits.get(cat)
        return h[0] if h else 0

    def evidence(self, cat: str, ctx: bool = False) -> str:
        h = (self.ctx_hits if ctx else self.hits).get(cat)
        if not h:
            return ""
        return builtin().evidence(h[1], self.ctx if ctx else self.diag)


def _probe_a(cat: str, t: _Texts, f: Fact, stcat: str | None) -> bool:
    cmd = f.command
    if cat == "mailboxfull":
        return stcat == "mailboxfull" or t.has("mailboxfull", 2)
    if cat == "emailtoolarge":
        return stcat == "emailtoolarge" or t.has("emailtoolarge", 2)
    if cat == "suspend":
        return f.reply_code == "525" or t.has("suspend", 2)
    if cat == "hasmoved":
        return stcat == "hasmoved" or t.has("hasmoved", 2)
    if cat == "norelaying":
        return t.has("norelaying", 2) and cmd not in ("CONN", "HELO")
    if cat == "authfailure":
        return stcat == "authfailure" or t.has("authfailure", 2)
    if cat == "userunknown":
        if not t.has("userunknown"):
            return False
        if stcat == "userunknown":
            return not any(t.has(c, 2) for c in ("norelaying", "blocked", "mailboxfull", "hasmoved", "rejected",
                                                   "notaccept", "suspend", "requireptr", "authfailure"))
        if t.weight("userunknown") >= 4:
            return True
        if t.has("rejected", 3):
            return False  # "Sender verify failed: no such user here": the unknown user is the sender
        # refused at RCPT TO (or a bare reply, which is nearly always that); after DATA it is a filter
        # (a bare reply or a pasted sentence with no stage is nearly always that: Sisimai, which
        # scores whole reports, calls an unknown user "filtered" unless the report shows RCPT TO)
        return (cmd == "RCPT" or (cmd is None and (f.bare or f.pasted))) and t.has("userunknown", 2)
    if cat == "filtered":
        if t.weight("spamdetected") >= 3 or t.weight("virusdetected") >= 3:
            return False  # "message filtered" that says why: spam or virus
        user_or_filter = t.has("filtered", 2) or t.has("userunknown", 2)
        if stcat == "filtered":
            return user_or_filter
        if cmd in _BEFORE_DATA:
            return False
        if (f.bare or f.pasted) and cmd is None and not t.has("filtered", 2):
            return False
        return user_or_filter
    if cat == "requireptr":
        return stcat == "requireptr" or t.has("requireptr", 2)
    if cat == "notcompliantrfc":
        return t.has("notcompliantrfc", 2)
    if cat == "badreputation":
        return t.has("badreputation", 2)
    if cat == "contenterror":
        if _probe_spam(t, f, stcat):
            return False
        return stcat == "contenterror" or t.has("contenterror", 2)
    if cat == "rejected":
        if stcat == "rejected":
            return True
        if cmd == "MAIL" and t.has("rejected", 1) and not any(
                w >= 2 for c, (w, _i) in t.hits.items() if c not in ("rejected", "securityerror")):
            return True  # refused at MAIL FROM with no other reason given: the sender was refused
        if not t.has("rejected", 2):
            return False
        if cmd == "MAIL":
            return True
        if cmd == "DATA" and stcat != "userunknown":
            return True
        if stcat == "userunknown":
            # "Sender address rejected: User unknown in local recipient table" (5.1.0): the sender
            return t.has("rejected", 3)
        return stcat in (None, "securityerror", "systemerror", "onhold", "undefined")
    if cat == "hostunknown":
        if stcat == "hostunknown":
            # a DNS error wording refuses it, unless the answer was a permanent NXDOMAIN / "domain
            # name not found" (Sisimai lhost/via-gmail.go and rhost/for-gsuite.go)
            return not t.has("networkerror", 2) or (t.has("hostunknown", 3) and
                                                     codes.permanence(f.status, f.reply_code) is True)
        if cmd in ("CONN", "HELO", "MAIL") or codes.permanence(f.status, f.reply_code) is False:
            return False  # the domain was found (we talked to it) or the failure is temporary (DNS trouble)
        return t.has("hostunknown", 2)
    if cat == "virusdetected":
        return t.has("virusdetected", 3) and cmd not in _BEFORE_DATA
    if cat == "spamdetected":
        return _probe_spam(t, f, stcat)
    if cat == "ratelimited":
        return stcat == "ratelimited" or t.has("ratelimited", 2)
    if cat == "blocked":
        return stcat == "blocked" or t.has("blocked", 2)
    return False


def _probe_spam(t: _Texts, f: Fact, stcat: str | None) -> bool:
    if not f.status:
        return False
    if stcat == "spamdetected":
        return True
    if f.command in _BEFORE_DATA:
        return False
    return t.has("spamdetected", 2)


def _confidence_for_rule(cat: str, t: _Texts, f: Fact, stcat: str | None) -> float:
    w = t.weight(cat)
    if not w and cat == "filtered":
        w = t.weight("userunknown")  # filtered decided on an unknown-user wording and the stage
    conf = {4: 0.85, 3: 0.8, 2: 0.7, 1: 0.55}.get(w, 0.6)
    if stcat == cat:
        conf = conf + 0.1 if w else 0.75
    elif stcat and w and not codes.is_generic(f.status):
        conf -= 0.05
    if f.command and f.command in _STAGE_FITS.get(cat, ()):
        conf += 0.05
    return max(0.05, min(conf, 0.97))


# sendmail deliver.c giveresponse(): "unknown mailer error %d" for an exit status outside sysexits.h
_UNKNOWN_MAILER = rx.Pattern(r"unknown mailer error \d+")


def decide(f: Fact, report: Report) -> tuple[str, float, list[str], str, _Texts]:
    """Category, confidence, evidence and how it was decided (category_rule / status_code / none)."""
    t = _Texts(f, report)
    st = f.status
    stcat = codes.status_category(st)
    dtype = (f.diagnostic_type or "").lower()
    ev_status = []
    if st:
        meaning = codes.status_meaning(st)
        ev_status.append("status %s%s" % (st, " (%s)" % meaning if meaning else ""))
    ev_cmd = ["refused at %s" % f.command] if f.command else []

    def rule_result(cat: str, conf: float | None = None) -> tuple[str, float, list[str], str, _Texts]:
        evid = []
        e = t.evidence(cat)
        if e:
            evid.append(e)
        if stcat == cat and ev_status:
            evid += ev_status
        if cat in ("userunknown", "filtered", "rejected", "spamdetected", "norelaying", "blocked") and ev_cmd:
            evid += ev_cmd
        if not evid and f.reply_code == "525" and cat == "suspend":
            evid.append("reply code 525")
        by = "category_rule" if e or cat != stcat else "status_code"
        if not e and stcat == cat:
            by = "status_code"
        return cat, conf if conf is not None else _confidence_for_rule(cat, t, f, stcat), evid or ev_status, by, t

    # 0. a local delivery agent wrote it (procmail, maildrop, Dovecot...): its own wordings decide
    # ("maildir over quota" is a full mailbox), an agent failure that names none is mailererror
    if f.command in (None, "DATA"):
        lda = local_agent_reason(f.diagnostic or "")
        if lda:
            return lda[0], 0.85, [lda[1]], "category_rule", t
    # 0b. a local delivery program failed. An "x-unix" Diagnostic-Code is written for the local
    # delivery program (sendmail savemail.c prints the mailer's exit status with the local/prog
    # mailers' diagnostic type "X-Unix", Postfix dsb_unix() the agent's error). With X.0.0 nothing more
    # is said; with 5.3.0 sendmail's "(reason: ...)" is only the sysexits.h text of the status it
    # substituted, and deliver.c giveresponse() names an exit status outside sysexits.h "unknown mailer
    # error %d" (554 5.3.0) in the transcript: the program itself failed.
    if t.has("mailererror", 2) or (dtype.startswith("x-unix") and (
            codes.is_generic(st) or ((st or "")[1:] == ".3.0" and _UNKNOWN_MAILER.test(f.context or "")))):
        e = t.evidence("mailererror") or _UNKNOWN_MAILER.find(f.context or "")
        return "mailererror", 0.85 if e else 0.7, [e] if e else ["diagnostic type %s" % dtype], "category_rule", t

    # 1a. the provider's own code label ("OFR006_102", "IB112", "AUP#CXBL"...) or reason field
    # (PowerMTA's X-PowerMTA-BounceCategory, Amazon SES's bounceSubType)
    # A field's reason that only says "user unknown", "network error"... is weighed again against
    # the codes and words, as Sisimai does with an MTA module's reason in its retry list.
    label = f.provider_reason if f.provider_reason and f.provider_reason[0] not in _RETRY else None
    # A writer's own "user unknown" stands unless a reason Sisimai tries first also fits the text
    # (reason/find.go: ProbesInto["UserUnknown"] is true for a module's userunknown, and only
    # MailboxFull ... AuthFailure come before it in ClassOrder[0]); no stage rule turns it into
    # "filtered".
    if f.provider_reason and f.provider_reason[0] == "userunknown" and stcat != "suspend" and not any(
            _probe_a(c, t, f, stcat) for c in ORDER_A[:ORDER_A.index("userunknown")]):
        label = f.provider_reason
    label = label or provider_reason(f.diagnostic or "")
    if label:
        return label[0], 0.85, [label[1]], "category_rule", t

    # 1b. a temporary error that the sending server stopped retrying: the delivery expired, and the
    # last error it met is kept as evidence (RFC 3464 "Action: failed" with a 4.x.x status; qmail
    # "this message has been in the queue too long", Exim "retry timeout exceeded", Postfix
    # "delivery temporarily suspended" + "Action: failed", Sendmail "Cannot send message for 5 days")
    # When the last error names its own reason (a full mailbox, a DNS failure), that reason stands,
    # as Sisimai reads these reports.
    # A refusal at a known stage is the remote server's own answer, and decides (qmail's "does not
    # like recipient" with "in the queue too long" is on hold in Sisimai, via-qmail.go).
    if codes.permanence(st, f.reply_code) is False and t.top < 2 and f.command is None:
        gave_up = _GAVE_UP.find(f.full_context()[:6000] + " " + (f.diagnostic or ""))
        if gave_up:
            last = "last error: %s" % (f.diagnostic or st or "")[:200]
            return "expired", 0.75, [gave_up, last], "category_rule", t

    # 1a. a bare reply or a pasted line that only says the connection failed (Postfix smtp_connect.c
    # "connect to <host>[<ip>]:25: Connection timed out"; Sendmail err.c "Connection refused by <host>";
    # Exchange Online "451 4.4.316 Connection refused [Message=Socket error code 10061]", "450 4.4.315
    # Connection timed out"): a network error. Delivery only expired when the report says it stopped
    # retrying (1b above) or gives up in its own words; a delay or failure report keeps its own reading.
    if (f.bare or f.pasted) and not f.action and t.top < 3 and stcat in (None, "expired", "networkerror") \
            and (_CONN_FAILED if f.bare else _CONN_FAILED_LOG).test(f.diagnostic or "") and not _delay_words_around(t, f):
        return "networkerror", 0.7, [_CONN_FAILED.find(f.diagnostic or "") or ""] + ev_status, "category_rule", t

    # 1. wordings that settle the matter whatever the codes say (directory look-ups, null MX ...)
    if t.top >= 4:
        for cat in _W4_ORDER:
            if t.weight(cat) >= 4:
                return rule_result(cat)
    # ... and in a pasted notice, the sentence the provider wrote for the sender ("jdoe wasn't found
    # at contoso.com", "You do not have permission to send to this recipient") says as much as the
    # technical line under it
    if f.pasted and not f.bare:
        for cat in _W4_ORDER:
            h = t.ctx_hits.get(cat)
            if h and h[0] >= 4:
                return cat, 0.8, [t.evidence(cat, ctx=True)] + ev_status, "category_rule", t

    # 2. Sisimai's first pass: reasons recognised by status code or wording, in precedence order
    for cat in ORDER_A:
        if _probe_a(cat, t, f, stcat):
            return rule_result(cat)

    # 3. second pass: more wordings, when the status code alone would not settle it
    if stcat and stcat not in _RETRY and not (dtype and dtype != "smtp"):
        # an X.Y.0 code names only the subject ("other mailbox status"): a wording that names its
        # reason outright says more
        if st and st.endswith(".0"):
            for cat in ORDER_B:
                if cat != stcat and t.has(cat, 3) and not (cat in _RECIPIENT_CATS and f.command in ("CONN", "HELO")):
                    return rule_result(cat)
        return stcat, 0.7, ev_status, "status_code", t
    early = f.command in ("CONN", "HELO")
    for cat in ORDER_B:
        if cat == "spamdetected" and f.command in _BEFORE_DATA and not t.has("spamdetected", 3):
            continue
        if early and cat in _RECIPIENT_CATS:
            continue  # refused before any recipient was given: not about the recipient
        if cat == "hostunknown" and codes.permanence(st, f.reply_code) is False:
            continue  # a DNS failure that may pass is a network error (Sisimai rhost/for-gsuite.go)
        if t.has(cat, 2):
            return rule_result(cat)
    if stcat:
        return stcat, 0.55 if not codes.is_generic(st) else 0.35, ev_status, "status_code", t

    if early and _CONN_FAILED.test(f.diagnostic or ""):
        # no SMTP reply at all: the connection itself failed (Postfix smtp_connect.c), not a refusal
        return "networkerror", 0.55, [_CONN_FAILED.find(f.diagnostic or "") or ""], "category_rule", t
    if early:
        return "blocked", 0.5, ["refused at %s" % f.command] + ([t.evidence("blocked")] if t.has("blocked") else []), \
            "category_rule", t
    # 4. wording elsewhere in the report (the recipient's paragraph, the subject)
    for cat in ORDER_A + ORDER_B:
        h = t.ctx_hits.get(cat)
        if h and h[0] >= 3:
            return cat, 0.5, [t.evidence(cat, ctx=True)], "category_rule", t
    # 5. hints
    for cat in ORDER_B:
        if t.has(cat, 1):
            return cat, 0.45, [t.evidence(cat)], "category_rule", t
    # 6. class / subject of the code, then the circumstances
    if st and st[2:4] == "6.":
        return "contenterror", 0.4, ev_status, "status_code", t
    if st and st[2:4] == "7.":
        return "securityerror", 0.4, ev_status, "status_code", t
    if dtype.startswith("x-unix"):
        return "mailererror", 0.5, ["diagnostic type %s" % dtype], "category_rule", t
    rc = f.reply_code or ""
    if rc and (("400" < rc < "408") or ("500" < rc < "508")):
        return "syntaxerror", 0.4, ["reply code %s" % rc], "status_code", t
    if f.action in ("delayed", "expired"):
        return "expired", 0.6, ["action: %s" % f.action], "status_code", t
    if f.command in ("HELO", "CONN"):
        return "blocked", 0.45, ["refused at %s" % f.command], "category_rule", t
    if rc in codes.REPLY_CATEGORY:
        return codes.REPLY_CATEGORY[rc], 0.35, ["reply code %s" % rc], "status_code", t
    if (f.diagnostic or "").strip():
        return "onhold", 0.2, [], "none", t
    return "undefined", 0.1, [], "none", t


_GAVE_UP = rx.Pattern(
    r"(?:in the queue too long|retry time(?:out)? (?:exceeded|not reached for any host after a long failure)|"
    r"giving up|gave up|i'?ve given up|(?:after|in) \d+ (?:delivery )?attempts|"
    r"too many (?:delivery )?(?:attempts|retries)|"
    r"could not (?:be )?(?:deliver(?:ed)?|send message) for (?:the )?(?:past |last )?\d+|"
    r"(?:was|were) not delivered within \d+|message (?:has )?expired|queue (?:lifetime|expired)|"
    r"d[ée]lai (?:de remise )?(?:d[ée]pass[ée]|expir[ée])|abandon)")


def _delay_words_around(t: _Texts, f: Fact) -> bool:
    """Does the report around the diagnostic (its paragraph, its subject) speak of a delay or of retries?"""
    diag = collapse(f.diagnostic or "")
    if _SUSPENDED.test(diag):
        return True
    around = tuple(c.replace(diag, " ") for c in t.ctx) if diag else t.ctx
    return "expired" in builtin().hits(around) or bool(around and _GAVE_UP.test(around[0]))


# Postfix qmgr/smtp: "delivery temporarily suspended: <the error>" is the queue putting the
# destination on hold after failures, which is how its delay and expiry reports word the last error
_SUSPENDED = rx.Pattern(r"delivery temporarily suspended")

# A connection to the next server that failed, in the words of the MTAs that report it (Postfix
# smtp_connect.c, Sendmail err.c, Exim transports/smtp.c "Connection timed out" / "Connection refused",
# hMailServer "Connection to recipients server failed", Exchange Online 4.4.315 / 4.4.316).
_CONN_FAILED = rx.Pattern(
    r"\bconnection (?:timed out|refused|reset(?: by peer)?)\b|connect(?:ion)? to (?:recipients? )?\S+ (?:server )?failed|"
    r"no route to host|network is unreachable")
# ... and, in a pasted text, only as those programs log it (a host or an error number beside it); a
# notice's own sentence ("the recipient's server could not be reached") reads as the notice means it
_CONN_FAILED_LOG = rx.Pattern(
    r"connect(?:ion)? to (?:recipients? )?\S+.{0,60}\b(?:timed out|refused|failed|reset)\b|"
    r"connection (?:timed out|refused) (?:by|with) \S+\.\S+|error:? \d+ connection (?:timed out|refused)")


# The most frequent reasons behind a reply code, offered when the text says nothing more.
_USUAL: dict[str, tuple[str, ...]] = {
    "550": ("userunknown", "blocked", "rejected"), "551": ("hasmoved", "userunknown"),
    "552": ("mailboxfull", "emailtoolarge"), "553": ("userunknown", "rejected", "norelaying"),
    "554": ("spamdetected", "blocked", "policyviolation"), "5xx": ("userunknown", "blocked", "rejected"),
    "421": ("ratelimited", "blocked", "systemerror"), "450": ("mailboxfull", "blocked", "systemerror"),
    "451": ("systemerror", "ratelimited", "expired"), "452": ("systemfull", "mailboxfull", "ratelimited"),
    "4xx": ("systemerror", "ratelimited", "expired"),
}


def _alternatives(chosen: str, t: _Texts, f: Fact, ruleset: RuleSet, sig_cands: list[Candidate]) -> list[Candidate]:
    seen = {chosen}
    out: list[Candidate] = []
    for c in sig_cands:
        if c.category not in seen or c.article != ruleset.article_for(c.category):
            out.append(c)
            seen.add(c.category)
    stcat = codes.status_category(f.status)
    pool: list[tuple[float, str, str]] = []
    for cat, (w, _idx) in t.hits.items():
        if cat not in seen:
            pool.append((_confidence_for_rule(cat, t, f, stcat) - 0.1, cat, t.evidence(cat)))
    for cat, (w, _idx) in t.ctx_hits.items():
        if cat not in seen and w >= 2 and cat not in t.hits:
            pool.append((0.35 + 0.05 * w, cat, t.evidence(cat, ctx=True)))
    if stcat and stcat not in seen and stcat not in t.hits:
        pool.append((0.45, stcat, "status %s" % f.status))
    if len(pool) + len(out) < 3:
        # nothing more specific: the usual reasons behind this kind of reply
        rc = (f.reply_code or "")[:3] or ("%s00" % f.status[0] if f.status else "")
        for i, cat in enumerate(_USUAL.get(rc, _USUAL.get(rc[:1] + "xx", ()))):
            pool.append((0.25 - 0.05 * i, cat, "usual reason for a %s reply" % rc))
    pool.sort(key=lambda x: -x[0])
    for conf, cat, ev in pool:
        if cat in seen:
            continue
        seen.add(cat)
        out.append(Candidate(cat, ruleset.article_for(cat), max(0.05, min(conf, 0.9)), [ev] if ev else [],
                             "category_rule"))
    out.sort(key=lambda c: -c.confidence)
    return out[:3]


def _signature_candidates(f: Fact, t: _Texts, ruleset: RuleSet) -> list[Candidate]:
    if not ruleset.signatures:
        return []
    general = set(ruleset.general_articles.values())
    best: dict[int, Candidate] = {}
    for which, malus in (("diag", 0.0), ("ctx", -0.15)):
        if which == "ctx" and best:
            break  # the wider context is only searched when the diagnostic itself matched nothing
        texts = t.diag if which == "diag" else t.near
        if not texts:
            continue
        for sig, matched in ruleset.match(texts):
            # a signature of a specific article is surer than one of a category's general article
            conf = (0.75 if sig.spec.article in general else 0.85) + malus
            ev = ["signature: %s" % (sig.spec.pattern or sig.spec.text)[:200]]
            if matched:
                ev.append(matched[:200])
            if sig.reply_code and f.reply_code:
                if sig.reply_code == f.reply_code:
                    conf += 0.05
                    ev.append("reply code %s" % f.reply_code)
                elif sig.reply_code[0] != f.reply_code[0]:
                    conf -= 0.3
                else:
                    conf -= 0.02
            if sig.status and f.status:
                sp, fp = sig.status.split("."), f.status.split(".")
                if codes.is_generic(f.status):
                    if sp[0] != fp[0]:
                        conf -= 0.3
                elif sig.status == f.status:
                    conf += 0.05
                    ev.append("status %s" % f.status)
                elif sp[0] != fp[0]:
                    conf -= 0.3
                elif sp[1] != fp[1]:
                    conf -= 0.15
                else:
                    conf -= 0.05
            conf += min(sig.weight, 60) / 3000.0  # longer texts are more specific
            cand = Candidate(sig.spec.category, sig.spec.article, max(0.05, min(conf, 0.99)), ev, "signature")
            cur = best.get(sig.index)
            if cur is None or cand.confidence > cur.confidence:
                best[sig.index] = cand
    return sorted(best.values(), key=lambda c: -c.confidence)


# What a report says of its own failure when it gives no code: the wordings MTAs put next to
# it (Postfix "This is a permanent error"; qmail "This is a permanent error; I've given up";
# Exim "permanent delivery error" / "retry time not reached"; Exchange "will continue trying";
# Gmail "The error that the other server returned was ... temporary"; French notices).
_PERMANENT_WORDS = rx.Pattern(
    r"permanent(?:ly)? (?:error|failure|fatal|rejected|undeliverable)|fatal error|hard bounce|"
    r"i'?ve given up|will not (?:be )?(?:retried|try again)|won't (?:retry|try again)|"
    r"no further (?:delivery )?attempts|"
    r"erreur (?:permanente|d[ée]finitive)|[ée]chec d[ée]finitif|d[ée]finitivement")
_TEMPORARY_WORDS = rx.Pattern(
    r"temporar(?:y|ily)|will (?:continue to )?(?:retry|try again|keep trying|be retried)|try again later|"
    r"still trying|has been delayed|delivery delayed|deferred|soft bounce|"
    r"erreur temporaire|temporairement|nouvelle(?:s)? tentative|sera r[ée]essay|r[ée]essayer plus tard")
# categories whose failure is permanent by nature, and those that pass (DESIGN.md, "usually")
_PERMANENT_CATS = frozenset({"userunknown", "hostunknown", "notaccept", "hasmoved", "suspend", "rejected",
                             "norelaying", "emailtoolarge", "spamdetected", "virusdetected", "filtered",
                             "policyviolation", "authfailure", "securityerror", "notcompliantrfc", "contenterror",
                             "syntaxerror", "mailererror"})
_TEMPORARY_CATS = frozenset({"ratelimited", "networkerror", "systemerror", "systemfull", "expired"})


def _permanence(f: Fact, category: str) -> bool | None:
    """Will the same message fail again? The codes say so first (5.x.x / 5xx permanent, 4.x.x / 4xx
    temporary), then the report's own words, its RFC 3464 Action, then the nature of the reason."""
    by_code = codes.permanence(f.status, f.reply_code)
    if by_code is not None:
        return by_code
    text = (f.diagnostic or "") + " " + (f.context or "")[:2000]
    if _PERMANENT_WORDS.test(text):
        return True
    if f.action == "delayed" or _TEMPORARY_WORDS.test(text):
        return False
    if category in _PERMANENT_CATS:
        return True
    if category in _TEMPORARY_CATS:
        return False
    if f.action == "failed" and category not in ("onhold", "undefined", "expired"):
        return True
    return None


def _passed_on(f: Fact, category: str) -> bool | None:
    """True: the reporting server relays another server's refusal; False: its own finding (including
    the connection and DNS failures it met itself); None: the report does not tell."""
    if f.passed_on:
        return True
    if category in ("expired", "networkerror", "mailererror", "hostunknown", "notaccept") or report_is_local(f):
        return False if (f.reporting_mta or report_is_local(f) or f.action) else f.passed_on
    return f.passed_on


def report_is_local(f: Fact) -> bool:
    return bool(f.diagnostic_type and f.diagnostic_type.startswith("x-"))


def _rules_fired(f: Fact, t: _Texts, ruleset: RuleSet, sig_cands: list[Candidate]) -> list[RuleFiring]:
    """Every rule that matched this recipient, for staff: nothing cut or merged."""
    fired = [
        RuleFiring("signature", c.category, c.article, " · ".join(c.evidence), round(c.confidence, 3))
        for c in sig_cands
    ]
    fired += [
        RuleFiring("category_rule", cat, ruleset.article_for(cat), t.evidence(cat))
        for cat, _hit in sorted(t.hits.items(), key=lambda item: -item[1][0])
    ]
    fired += [
        RuleFiring("context_rule", cat, ruleset.article_for(cat), t.evidence(cat, ctx=True))
        for cat, _hit in sorted(t.ctx_hits.items(), key=lambda item: -item[1][0])
        if cat not in t.hits
    ]
    stcat = codes.status_category(f.status)
    if stcat:
        fired.append(RuleFiring("status_code", stcat, ruleset.article_for(stcat), "status %s" % f.status))
    return fired


def _rules_overrule(sig: Candidate, category: str, t: _Texts, f: Fact, ruleset: RuleSet) -> bool:
    """A general article's signature only restates its category's wording ("user unknown"). When
    the built-in rules matched that wording too and still decided otherwise, they read it in the
    light of the whole report (its SMTP stage, its codes: an unknown user after DATA is a filter's
    refusal, see _probe_a) and their reading stands. A specific article's signature (one provider's
    exact text) still decides, and so does any signature on a bare reply or a pasted sentence."""
    return (sig.article in ruleset.general_articles.values() and sig.category != category
            and t.has(sig.category) and not (f.bare or f.pasted))


def diagnose_report(report: Report, ruleset: RuleSet, explain: bool = False) -> list[RecipientResult]:
    results = []
    for f in report.facts:
        category, conf, evidence, by, t = decide(f, report)
        article = ruleset.article_for(category)
        sig_cands = _signature_candidates(f, t, ruleset)
        fired = _rules_fired(f, t, ruleset, sig_cands) if explain else None
        chosen_sig = None
        if sig_cands:
            top = sig_cands[0]
            same = [c for c in sig_cands if c.category == category]
            # a signature decides when it is at least as sure as the rules; when it agrees with
            # them, it picks the article (a specific article beats the category's general one)
            if top.confidence >= conf and not _rules_overrule(top, category, t, f, ruleset):
                chosen_sig = top
            elif same and same[0].confidence >= conf - 0.3:
                chosen_sig = Candidate(same[0].category, same[0].article, max(conf, same[0].confidence),
                                       same[0].evidence + [e for e in evidence if e not in same[0].evidence],
                                       "signature")
        if chosen_sig is not None:
            others = [c for c in sig_cands[1:]]
            rule_cand = Candidate(category, article, conf, evidence, by)
            category, article, conf, evidence, by = (chosen_sig.category, chosen_sig.article, chosen_sig.confidence,
                                                     chosen_sig.evidence, "signature")
            sig_cands = others + ([rule_cand] if rule_cand.category != category else [])
        if article is None or article not in ruleset.articles:
            article = ruleset.article_for(category)
        low = conf < LOW_CONFIDENCE
        alts = _alternatives(category, t, f, ruleset, sig_cands) if low else []
        diag = f.diagnostic or ""
        results.append(RecipientResult(
            recipient=f.recipient, category=category, article=article,
            permanent=_permanence(f, category), status=f.status, reply_code=f.reply_code,
            confidence=round(conf, 3), evidence=[e for e in evidence if e], low_confidence=low, alternatives=alts,
            diagnostic_text=diag, reporting_mta=f.reporting_mta, remote_mta=f.remote_mta, ips=list(f.ips),
            domains=list(f.domains), passed_on=_passed_on(f, category),
            matched_by=by if category not in ("onhold", "undefined") or by == "signature" else
            (by if by != "none" else "none"),
            command=f.command, action=f.action, fired=fired, original_recipient=f.original_recipient))
    return results


def bounce_diagnose(*, text: str | bytes, ruleset: RuleSet, explain: bool = False) -> Diagnosis:
    """Diagnose a bounce (bare SMTP reply, whole report, or a paste). Raises BounceInputError.

    With `explain`, each result also lists in `fired` every rule that matched it.
    """
    t0 = time.perf_counter()
    decoded = decode_input(text)
    try:
        report = read(decoded)
    except RecursionError:  # pragma: no cover - nesting is bounded; belt and braces
        raise BounceInputError("unreadable") from None
    results = diagnose_report(report, ruleset, explain) if not report.not_a_bounce else []
    not_a_bounce = report.not_a_bounce
    if not not_a_bounce and _no_bounce_text(report, results):
        # a pasted out-of-office reply still starts with its subject ("Réponse automatique : ...")
        auto = kinds.pasted_auto_reply(report.notification)
        results, not_a_bounce = [], kinds.AUTO_REPLY if auto else kinds.NO_BOUNCE_TEXT
    replaced = sum(text.count("\ufffd") for text in
                   [report.subject, report.notification, *(fact.diagnostic for fact in report.facts)])
    return Diagnosis(results=results, subject=report.subject, ruleset=ruleset.fingerprint,
                     elapsed_ms=(time.perf_counter() - t0) * 1000, not_a_bounce=not_a_bounce,
                     replaced_characters=replaced, sender=report.sender)


def _no_bounce_text(report: Report, results: list[RecipientResult]) -> bool:
    """A pasted text (no message headers) in which nothing at all speaks of a delivery failure:
    no code, no rule, no signature, no failure wording. Guessing would be worse than saying so."""
    if report.is_message or report.bare_reply or len(results) != 1:
        return False
    r = results[0]
    if r.status or r.reply_code or r.matched_by != "none" or r.recipient:
        return False
    return not kinds.has_failure_words(report.facts[0].diagnostic + " " + report.notification)


def bounce_explain(*, text: str | bytes, ruleset: RuleSet) -> list[list[RuleFiring]]:
    """Every rule that fired, per failed recipient (same order as bounce_diagnose's results)."""
    return [result.fired for result in bounce_diagnose(text=text, ruleset=ruleset, explain=True).results]


__all__ = [
    "Diagnosis", "RecipientResult", "Candidate", "RuleFiring", "bounce_diagnose", "bounce_explain", "decide",
    "builtin", "strip_codes",
]
