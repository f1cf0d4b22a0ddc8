"""Bounce diagnosis: read a bounce, extract the facts, match rules, rank an explained answer.

Pure Python (standard library + ``google-re2``); no Django here, so it can be used from the CLI,
the views and the API alike, and tested on thousands of real bounces in seconds.

Public API::

    rs = ruleset_compile(signatures=[SignatureSpec(...), ...],
                         general_articles={"userunknown": "slug", ..., "onhold": "slug", "undefined": "slug"},
                         skip_invalid=False)        # True: leave unusable signatures out (rs.skipped)
    d = bounce_diagnose(text=raw_text_or_bytes, ruleset=rs)   # may raise BounceInputError
    d.to_dict()  # {"results": [{"recipient", "category", "article", "permanent", "status", ...}, ...]}
    pattern_validate(pattern="...", example="...")            # raises PatternError
    bounce_words_present("jdoe est introuvable sur contoso.com")  # True: words of a delivery failure

- :class:`BounceInputError` ``.code``: ``"empty"``, ``"too_large"`` (over ``MAX_INPUT_BYTES``),
  ``"binary"``, ``"unreadable"``; ``.detail`` is an English sentence.
- :class:`PatternError` ``.code``: ``"syntax"`` (not RE2 / not linear-time), ``"too_long"``,
  ``"too_broad"``, ``"no_match_example"``, ``"empty"``, ``"bad_category"``; ``.detail`` says what to
  fix; ``.index`` is the position of the signature given to :func:`ruleset_compile`.
- A :class:`RuleSet` is immutable; compile it once per content version and share it between
  threads. ``RuleSet.fingerprint`` identifies its content, ``RuleSet.articles`` the slugs it may
  answer with (every result's ``article`` is one of them).

Modules: :mod:`.inputs` (decoding, refusals), :mod:`.mime` (forgiving MIME reader),
:mod:`.reading` (facts per failed recipient), :mod:`.codes` (RFC 3463 / 5321 codes),
:mod:`.rules` (built-in wordings per category), :mod:`.ruleset` (signatures, RE2),
:mod:`.matching` (decision, confidence, evidence, results).

Credits: the reason categories and much of the wording knowledge follow Sisimai
(https://github.com/sisimai, BSD 2-Clause License, azumakuniyuki and sisimai development team).
"""

from .errors import MAX_INPUT_BYTES, BounceInputError, PatternError
from .inputs import decode_input as bounce_input_read
from .inputs import text_for_display as bounce_text_for_display
from .codes import status_category
from .kinds import NotABounce
from .mime import message_decoded as bounce_text_decoded
from .kinds import has_failure_words as bounce_words_present
from .matching import bounce_diagnose, bounce_explain
from .results import Candidate, Diagnosis, RecipientResult, RuleFiring
from .rules import ALIASES, CATEGORIES
from .ruleset import RuleSet, SignatureSpec, pattern_validate, ruleset_compile

__all__ = [
    "MAX_INPUT_BYTES", "BounceInputError", "PatternError", "SignatureSpec", "RuleSet", "Diagnosis",
    "RecipientResult", "Candidate", "CATEGORIES", "ALIASES", "ruleset_compile", "pattern_validate",
    "bounce_diagnose", "bounce_explain", "RuleFiring", "bounce_text_for_display", "bounce_words_present",
    "NotABounce", "bounce_text_decoded", "bounce_input_read", "status_category",
]
