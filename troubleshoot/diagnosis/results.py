"""What the diagnosis returns: one result per failed recipient, with its evidence and the rules
that fired, and the whole answer (or why the text is not a bounce)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    category: str
    article: str | None
    confidence: float
    evidence: list[str]
    matched_by: str

    def to_dict(self) -> dict:
        return {"category": self.category, "article": self.article, "confidence": round(self.confidence, 3),
                "evidence": list(self.evidence)}


@dataclass
class RuleFiring:
    """One rule that matched a recipient's bounce, whether or not it decided the answer."""

    kind: str  # "signature", "category_rule", "context_rule" or "status_code"
    category: str
    article: str | None
    evidence: str
    confidence: float | None = None


@dataclass
class RecipientResult:
    recipient: str | None
    category: str
    article: str | None
    permanent: bool | None
    status: str | None
    reply_code: str | None
    confidence: float
    evidence: list[str]
    low_confidence: bool
    alternatives: list[Candidate]
    diagnostic_text: str
    reporting_mta: str | None
    remote_mta: str | None
    ips: list[str]
    domains: list[str]
    passed_on: bool | None
    matched_by: str
    command: str | None = None
    action: str | None = None
    fired: list[RuleFiring] | None = None  # every rule that matched, when asked to explain
    original_recipient: str | None = None

    def to_dict(self) -> dict:
        return {
            "recipient": self.recipient,
            "original_recipient": self.original_recipient,
            "category": self.category,
            "article": self.article,
            "permanent": self.permanent,
            "status": self.status,
            "reply_code": self.reply_code,
            "confidence": round(self.confidence, 3),
            "evidence": list(self.evidence),
            "low_confidence": self.low_confidence,
            "alternatives": [a.to_dict() for a in self.alternatives],
            "diagnostic_text": self.diagnostic_text,
            "reporting_mta": self.reporting_mta,
            "remote_mta": self.remote_mta,
            "ips": list(self.ips),
            "domains": list(self.domains),
            "passed_on": self.passed_on,
            "matched_by": self.matched_by,
            "command": self.command,
            "action": self.action,
        }


@dataclass
class Diagnosis:
    results: list[RecipientResult]
    subject: str = ""
    ruleset: str = ""
    elapsed_ms: float = 0.0
    extra: dict = field(default_factory=dict)
    not_a_bounce: str | None = None  # kinds.NotABounce; then results is empty
    replaced_characters: int = 0  # characters of the report that could not be decoded (shown as U+FFFD)
    sender: str | None = None  # the original's sender, when the report names it (not in to_dict)

    def to_dict(self) -> dict:
        out: dict = {"results": [r.to_dict() for r in self.results]}
        if self.not_a_bounce:
            out["not_a_bounce"] = self.not_a_bounce
        if self.replaced_characters:
            out["replaced_characters"] = self.replaced_characters
        return out
