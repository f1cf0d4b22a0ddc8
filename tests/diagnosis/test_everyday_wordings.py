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
 ("Le compte de messagerie du destinataire n'existe pas.", "userunknown"),
 ("Cette adresse e-mail n'existe pas ou n'est plus valide.", "userunknown"),
 ("Utilisateur inconnu", "userunknown"),
 ("Adresse de destination inconnue : jdoe@example.fr", "userunknown"),
 ("La boîte de réception de jdoe@example.fr est saturée.", "mailboxfull"),
 ("Le quota de la boîte aux lettres du destinataire est atteint.", "mailboxfull"),
 ("Espace de stockage du destinataire insuffisant", "mailboxfull"),
 ("Le message dépasse la taille maximale autorisée par le serveur du destinataire.", "emailtoolarge"),
 ("Pièce jointe trop lourde", "emailtoolarge"),
 ("Votre message a été bloqué par le filtre antispam du destinataire.", "spamdetected"),
 ("Le message a été considéré comme indésirable et n'a pas été distribué.", "spamdetected"),
 ("Message refusé : contenu suspect.", "spamdetected"),
 ("Votre adresse IP a été bloquée en raison d'un volume de spam important.", "blocked"),
 ("Connexion refusée : votre adresse IP figure sur une liste noire (Spamhaus).", "blocked"),
 ("Votre domaine n'est pas autorisé à envoyer des messages à ce destinataire.", "rejected"),
 ("L'expéditeur est bloqué par le destinataire.", "rejected"),
 ("Le serveur du destinataire exige une authentification DMARC valide.", "authfailure"),
 ("Votre message n'a pas passé les contrôles SPF et DKIM.", "authfailure"),
 ("Vous avez dépassé la limite d'envoi quotidienne.", "ratelimited"),
 ("Trop de destinataires pour ce message.", "ratelimited"),
 ("Le serveur distant ne répond pas ; le message sera renvoyé ultérieurement.", "expired"),
 ("Le message n'a pas pu être remis dans le délai imparti.", "expired"),
 ("Le domaine example.invalid n'a pas d'enregistrement MX.", "hostunknown"),
 ("Nom de domaine inexistant", "hostunknown"),
 ("Ce serveur n'accepte pas de relais (relais refusé).", "norelaying"),
 ("Le compte du destinataire est suspendu.", "suspend"),
 ("Erreur temporaire du serveur, veuillez réessayer plus tard.", "systemerror"),
 ("Une boucle de messagerie a été détectée.", "networkerror"),
 ("Connexion TLS requise par le serveur du destinataire.", "failedstarttls"),
 ("Le message a été bloqué car il contient une pièce jointe interdite (.exe).", "policyviolation"),
 ("Your message was blocked because it contains a prohibited attachment type (.exe).", "policyviolation"),
 ("The recipient's server refused the connection.", "blocked"),
 ("User's mailbox is over its storage limit.", "mailboxfull"),
 ("No such recipient here", "userunknown"),
 ("The domain name in the email address is incorrect. Check the address.", "hostunknown"),
    # a refusal that gives no reason says too little to decide: on hold, not a guess
    ("Your message couldn't be delivered because the recipient's email provider rejected it.", "onhold"),
]


@pytest.mark.parametrize("text, category", CASES)
def test_everyday_wordings_without_codes_are_routed(general_ruleset, text, category):
    (r,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert r.category == category, r.evidence
