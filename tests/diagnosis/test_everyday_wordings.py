"""What senders paste without any code, in English and French, reaches its reason.

These are everyday wordings of webmail and ISP notices (written for this test, not taken from the
measured sets in tests/corpus), one or two per reason.
"""

from __future__ import annotations

import pytest

from troubleshoot.diagnosis import bounce_diagnose

CASES = [
    ("Message non remis : l'adresse email du destinataire est invalide", "userunknown"),
    ("Votre message est trop volumineux pour être remis.", "emailtoolarge"),
    ("The account you tried to reach has been disabled", "suspend"),
    ("La boîte aux lettres du destinataire a été désactivée.", "suspend"),
    ("Votre message a été rejeté car il a été identifié comme spam.", "spamdetected"),
    ("Your email was rejected because it looks like spam.", "spamdetected"),
    ("Le serveur de destination a refusé votre message : votre adresse IP est sur liste noire.", "blocked"),
    ("Your IP address is on a blocklist. Message rejected.", "blocked"),
    ("Message refusé : échec de l'authentification SPF pour le domaine example.fr", "authfailure"),
    ("The message failed DMARC authentication and was rejected by the recipient's server.", "authfailure"),
    ("Relais non autorisé : ce serveur ne relaie pas le courrier pour votre domaine.", "norelaying"),
    ("Relaying denied. You must authenticate before sending.", "norelaying"),
    ("Trop de messages envoyés, veuillez réessayer plus tard.", "ratelimited"),
    ("You have sent too many messages in a short time. Please try again later.", "ratelimited"),
    ("Le message contient un virus et a été supprimé.", "virusdetected"),
    ("A virus was detected in your message attachment.", "virusdetected"),
    ("Le domaine du destinataire est introuvable.", "hostunknown"),
    ("Votre adresse d'expéditeur a été refusée par le serveur du destinataire.", "rejected"),
    ("The sender address was rejected by the recipient's server.", "rejected"),
    ("Aucun enregistrement PTR (DNS inverse) pour votre adresse IP.", "requireptr"),
    ("Your server's IP address has no reverse DNS (PTR) record.", "requireptr"),
    ("Le destinataire a changé d'adresse.", "hasmoved"),
    ("Impossible de joindre le serveur de destination, nouvelle tentative dans 30 minutes.", "expired"),
    ("We'll keep trying to deliver your message for 48 hours.", "expired"),
    ("Le message a été rejeté par une règle de l'organisation du destinataire.", "policyviolation"),
    ("Your message was rejected by the recipient's organization policy.", "policyviolation"),
    ("The message you sent was too large. Try reducing the size of attachments.", "emailtoolarge"),
    ("Your message couldn't be delivered because you weren't recognized as a valid sender.", "rejected"),
    ("Unauthenticated email is not accepted from this domain", "authfailure"),
    ("We do not relay non-local mail", "norelaying"),
    ("The recipient's server is temporarily unavailable. We'll retry later.", "expired"),
    # a refusal that gives no reason says too little to decide: on hold, not a guess
    ("Your message couldn't be delivered because the recipient's email provider rejected it.", "onhold"),
]


@pytest.mark.parametrize("text, category", CASES)
def test_everyday_wordings_without_codes_are_routed(general_ruleset, text, category):
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.category == category, r.evidence
