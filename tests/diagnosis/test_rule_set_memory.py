"""The built-in wordings' RE2 set has a bounded DFA cache (see matching._BuiltinRules): after many
texts never seen before have filled and reset that cache, every wording is still found."""

import random

from troubleshoot.diagnosis.matching import _BuiltinRules

WORDS = ("relay denied mailbox full quota blocked spam policy unknown user rejected temporarily deferred "
         "boîte pleine utilisateur inconnu refusé spamhaus listed dnsbl greylisted try again later").split()


def test_every_wording_is_still_found_after_the_cache_was_filled_by_unseen_texts():
    rules = _BuiltinRules()
    probes = {
        "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table": "userunknown",
        "552 5.2.2 Mailbox full: quota exceeded": "mailboxfull",
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org": "blocked",
    }
    before = {text: set(rules.hits((text,))) for text in probes}
    assert all(category in before[text] for text, category in probes.items())
    rng = random.Random(7)
    for _ in range(4000):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 40)))
        noise = "".join(chr(rng.randrange(0x20, 0x2FF)) for _ in range(rng.randrange(20, 400)))
        rules.hits((f"{rng.choice(['550', '451', '554'])} {words} {noise} <u{rng.getrandbits(40):x}@example.net>",))
    after = {text: set(rules.hits((text,))) for text in probes}
    assert after == before
