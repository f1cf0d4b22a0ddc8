"""What a mail client says when it could not send, pasted as often as a bounce.

Texts as Thunderbird writes them (composeMsgs.properties in comm-central, and the French
localisation in thunderbird/thunderbird-l10n), with a host name in place of %S, and as Roundcube
writes them (program/localization/{en_US,fr_FR}/messages.inc), with values in place of $code, $sec.
"""

import pytest

from troubleshoot.diagnosis import bounce_diagnose


@pytest.mark.parametrize("text, category", [
    ("An error occurred while sending mail: Outgoing server (SMTP) smtp.example.com is unknown. The server may be "
     "incorrectly configured. Please verify that your Outgoing server (SMTP) settings are correct and try again.",
     "networkerror"),
    ("Une erreur est survenue lors de l’envoi de l’e-mail : le serveur sortant (SMTP) « smtp.example.com » est "
     "inconnu. Le serveur est peut-être mal configuré.", "networkerror"),
    ("The message could not be sent because connecting to Outgoing server (SMTP) smtp.example.com failed. The "
     "server may be unavailable or is refusing SMTP connections.", "networkerror"),
    ("Le message n’a pas pu être envoyé car la connexion au serveur sortant (SMTP) « smtp.example.com » a expiré. "
     "Veuillez essayer à nouveau.", "networkerror"),
    ("The size of the message you are trying to send exceeds the global size limit (10485760 bytes) of the "
     "server. The message was not sent; reduce the message size and try again.", "emailtoolarge"),
    ("La taille du message que vous essayez d’envoyer excède la limite de taille globale (10485760 octets) du "
     "serveur. Le message n’a pas été envoyé ; réduisez la taille du message et essayez à nouveau.",
     "emailtoolarge"),
    ("An error occurred while sending mail: Unable to establish a secure link with Outgoing server (SMTP) "
     "smtp.example.com using STARTTLS since it doesn't advertise that feature.", "failedstarttls"),
    ("Impossible de s’authentifier sur le serveur sortant (SMTP) smtp.example.com. Veuillez vérifier votre mot "
     "de passe et la « Méthode d’authentification ».", "securityerror"),
    ("Des caractères non ASCII sont présents dans la partie locale de l’adresse e-mail du destinataire "
     "élodie@example.net, mais votre serveur ne prend pas en charge SMTPUTF8.", "syntaxerror"),
    ("Le serveur sortant (SMTP) smtp.example.com ne gère pas la méthode d’authentification sélectionnée. "
     "Veuillez modifier la « Méthode d’authentification ».", "securityerror"),
    ("The Outgoing server (SMTP) smtp.example.com does not allow plaintext passwords. Please try changing the "
     "'Authentication method' to 'Encrypted password'.", "securityerror"),
    ("Une erreur est survenue lors de l’envoi de l’e-mail : impossible d’obtenir le mot de passe pour "
     "« jean@example.fr ». Le message n’a pas été envoyé.", "securityerror"),
    ("A communications error occurred: 12.  Please try again.", "networkerror"),
    ("An error occurred while sending mail:  the return mail address was invalid.  Please verify that your "
     "email address is correct in your account settings and try again.", "rejected"),
    # Roundcube
    ("Erreur SMTP (535) : échec d’authentification.", "securityerror"),
    ("Erreur SMTP (421) : échec de connexion au serveur.", "networkerror"),
    ("Erreur SMTP : impossible d’analyser la liste des destinataires.", "syntaxerror"),
    ("SMTP Error: Server does not support Unicode in email address.", "syntaxerror"),
    ("Erreur SMTP : la taille du courriel dépasse la limite du serveur (10 Mo)", "emailtoolarge"),
    ("Patientez 30 s avant d’envoyer ce courriel.", "ratelimited"),
])
def test_a_mail_clients_send_error_is_read_for_what_it_says(general_ruleset, text, category):
    (result,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert result.category == category


@pytest.mark.parametrize("text, category", [
    # Sendmail dnsbl.m4: the list could not be asked (not a listing); Postfix's table lookup failure
    ("451 4.4.3 Temporary lookup failure of 203.0.113.45 at zen.spamhaus.org", "networkerror"),
    ("451 4.3.0 <someone@example.com>: Temporary lookup failure", "systemerror"),
    # Exim's delay warning is a delay, whatever the reply quoted in it
    ("A message that you sent has not yet been delivered to one or more of its recipients after more than "
     "24 hours on the queue on mx1.example.net.", "expired"),
    # Dovecot Pigeonhole's sieve reject
    ("Your message to <alex@example.org> was automatically rejected:\nI am not accepting mail from this address.",
     "filtered"),
])
def test_writers_wordings_added_with_their_sources(general_ruleset, text, category):
    (result,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert result.category == category


@pytest.mark.parametrize("text, category", [
    # a Sieve reject wrapper around Dovecot's own quota refusal: the reason decides
    ("Your message to <dave@example.com> was automatically rejected:\nQuota exceeded (mailbox for user is full)",
     "mailboxfull"),
    # Exim's callout: the sender's address failed verification (ACL verify = sender/callout)
    ("550-Verification failed for <shawn@example.org>\n550-Called: 192.0.2.5\n550-Sent: RCPT TO:<shawn@example.org>\n"
     "550-Response: 550 No Such User Here\n550 Sender verify failed", "rejected"),
    ("550 Delivery is not allowed to this address.", "norelaying"),
    ("550 The host name specified in HELO does not match IP address.", "blocked"),
])
def test_more_writers_wordings(general_ruleset, text, category):
    (result,) = bounce_diagnose(text=text, ruleset=general_ruleset).results
    assert result.category == category
