"""Bounce diagnosis: read a bounce, extract the facts, match rules, rank an explained answer.

Pure Python (standard library + ``google-re2``); no Django here, so it can be used from the CLI,
the views and the API alike, and tested on thousands of real bounces in seconds.

Public API::

    rs = ruleset_compile(signatures=[SignatureSpec(...), ...], general_articles={"userunknown": "slug", ...})
    d = bounce_diagnose(text=raw_text_or_bytes, ruleset=rs)   # may raise BounceInputError(code)
    d.to_dict()  # {"results": [{"recipient", "category", "article", "permanent", "status", ...}, ...]}
    pattern_validate(pattern="...", example="...")            # raises PatternError

Credits: the reason categories and much of the wording knowledge follow Sisimai
(https://github.com/sisimai, BSD 2-Clause License, azumakuniyuki and sisimai development team).
"""

from .errors import MAX_INPUT_BYTES, BounceInputError, PatternError
from .matching import Candidate, Diagnosis, RecipientResult, bounce_diagnose
from .rules import ALIASES, CATEGORIES
from .ruleset import RuleSet, SignatureSpec, pattern_validate, ruleset_compile

__all__ = [
    "MAX_INPUT_BYTES", "BounceInputError", "PatternError", "SignatureSpec", "RuleSet", "Diagnosis",
    "RecipientResult", "Candidate", "CATEGORIES", "ALIASES", "ruleset_compile", "pattern_validate",
    "bounce_diagnose",
]
