"""Everyday words senders search with, mapped to the words the articles use.

Senders type "blacklist", "boite pleine" or "adresse invalide"; the articles (and Spamhaus,
Microsoft and Google in their own help pages) say "block list", "boîte aux lettres pleine" and
"adresse non valide". Each group lists what people type (accents and case do not matter) and
the phrases to look for instead, per language. A group fires when one of its triggers appears
as whole words in the query; its phrases are then searched as extra, slightly weaker, clauses.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# (triggers, phrases in the articles' words)
SYNONYMS: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "en": [
        (("blacklist", "blacklisted", "blacklisting", "black list", "blocklist", "blocklisted", "denylist",
          "deny list", "rbl", "dnsbl", "dnsrbl", "spam list"),
         ("block list", "block lists", "listed")),
        (("mailbox full", "inbox full", "box full", "over quota", "quota exceeded", "storage full", "quota full",
          "no space"),
         ("mailbox is full", "quota")),
        (("invalid address", "wrong address", "bad address", "address not found", "no such user", "user unknown",
          "unknown user", "non existent", "nonexistent", "doesn't exist", "not exist", "does not exist",
          "invalid email", "invalid recipient"),
         ("address does not exist", "invalid recipient")),
        (("junk", "junk mail", "spam folder", "marked as spam"), ("spam",)),
        (("too big", "attachment too large", "file too big", "attachment size", "size limit", "large file",
          "big file", "large attachment", "big attachment"),
         ("too large",)),
        (("greylist", "greylisting", "graylist", "graylisting", "grey listing", "gray listing"),
         ("try again later", "temporary")),
        (("rdns", "ptr", "ptr record", "reverse lookup"), ("reverse dns",)),
        (("nxdomain", "no mx", "domain not found", "domain doesn't exist", "host unknown", "unknown host",
          "unknown domain", "no such domain", "host not found"),
         ("domain does not exist",)),
        (("deactivated", "inactive", "closed account", "account closed", "account disabled"),
         ("disabled", "suspended")),
        (("malware", "infected", "trojan"), ("virus", "malware")),
        (("ssl", "encryption", "encrypted", "certificate"), ("tls", "encrypted connection")),
        (("throttled", "throttling", "rate limit", "rate limited", "too many emails", "sending limit",
          "sending quota", "daily limit", "send limit"),
         ("too many messages", "slowed down")),
        (("deferred", "still trying", "pending", "stuck in queue"), ("delayed", "queued")),
        (("dmarc fail", "spf fail", "dkim fail", "not authenticated", "unauthenticated"),
         ("authentication failed", "spf", "dkim", "dmarc")),
        (("open relay", "relay access denied", "relaying denied", "relay denied", "relay not permitted"),
         ("relay",)),
    ],
    "fr": [
        (("liste noire", "blacklist", "blacklisté", "blackliste", "blacklistee", "blocklist", "liste rouge",
          "rbl", "dnsbl", "liste de spam"),
         ("liste de blocage", "listes de blocage", "inscrite", "inscription")),
        (("boite pleine", "boite mail pleine", "boite aux lettres pleine", "boite saturee", "messagerie pleine",
          "quota depasse", "quota atteint", "quota plein", "plus de place", "espace insuffisant"),
         ("boîte aux lettres", "pleine")),
        (("adresse invalide", "adresse inexistante", "adresse introuvable", "adresse inconnue", "adresse erronee",
          "mauvaise adresse", "destinataire inconnu", "utilisateur inconnu", "destinataire invalide",
          "n'existe pas", "email invalide", "mail invalide"),
         ("adresse du destinataire", "non valide", "n'existe pas")),
        (("indesirable", "indesirables", "pourriel", "courrier indesirable", "spams"), ("spam",)),
        (("trop gros", "trop lourd", "piece jointe trop", "taille maximale", "taille limite", "gros fichier",
          "fichier trop", "grosse piece jointe", "fichier volumineux"),
         ("trop volumineux",)),
        (("greylisting", "liste grise", "graylisting"), ("renvoyez", "temporaire")),
        (("rdns", "ptr", "reverse dns", "resolution inverse", "dns inversé"), ("dns inverse",)),
        (("nxdomain", "pas de mx", "domaine inexistant", "domaine inconnu", "domaine n'existe pas",
          "hote inconnu", "serveur inconnu", "domaine introuvable"),
         ("domaine du destinataire", "introuvable")),
        (("compte ferme", "compte bloque", "compte inactif", "compte desactive", "compte suspendu"),
         ("désactivé", "suspendu")),
        (("malware", "logiciel malveillant", "infecte", "cheval de troie"), ("virus",)),
        (("ssl", "chiffrement", "certificat"), ("tls", "connexion chiffrée")),
        (("limite d'envoi", "trop de mails", "trop d'emails", "trop d'e-mails", "bride", "limitation",
          "quota d'envoi", "limite journaliere", "limite quotidienne"),
         ("trop de messages", "ralenti")),
        (("differe", "en file d'attente", "toujours en attente", "bloque dans la file"),
         ("retardée", "en attente")),
        (("dmarc echoue", "spf echoue", "dkim echoue", "non authentifie", "authentification echouee"),
         ("authentification", "spf", "dkim", "dmarc")),
        (("relais ouvert", "relayage refuse", "relay denied", "relais interdit"), ("relais",)),
        (("mail rejete", "message rejete", "courriel rejete", "mail refuse", "message refuse"),
         ("refusé",)),
    ],
}


# Words that only say "my mail came back", with no reason: the articles that explain a bounce in
# general and how to read one (their slugs are fixed, like every article's).
GENERAL_BOUNCE = (("bounce", "bounced", "bounces", "bounce back", "bounced back", "undeliverable", "undelivered",
                   "undelivrable", "ndr", "non delivery", "non-delivery", "returned mail", "returned to sender",
                   "mailer-daemon", "mailer daemon", "mail delivery system", "delivery failure", "delivery failed",
                   "rebond", "rapport de non-remise", "rapport de non remise", "non remis", "non distribue",
                   "retourne a l'expediteur", "mail retourne", "message retourne", "me revient", "revient",
                   "echec de remise", "echec de distribution", "remise impossible"),
                  ("undetermined-bounce", "unknown-reason"))


def fold(text: str) -> str:
    """Lowercase, accents removed, typographic apostrophes made plain, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


_GROUPS = {
    lang: [(re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(re.escape(fold(t)) for t in triggers)), phrases)
           for triggers, phrases in groups]
    for lang, groups in SYNONYMS.items()
}


_GENERAL_RE = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(re.escape(fold(t)) for t in GENERAL_BOUNCE[0]))


def general_bounce_slugs(*, query: str) -> tuple[str, ...]:
    """The general articles to lift when the query speaks of a bounce without naming a reason."""
    return GENERAL_BOUNCE[1] if _GENERAL_RE.search(fold(query)) else ()


def synonym_phrases(*, query: str, lang: str) -> list[str]:
    """The articles' phrases for the everyday words found in `query` (none when nothing fires)."""
    return list(_synonym_phrases(query, lang))


@functools.lru_cache(maxsize=4096)
def _synonym_phrases(query: str, lang: str) -> tuple[str, ...]:
    folded = fold(query)
    phrases: list[str] = []
    for pattern, group in _GROUPS.get(lang, []):
        if pattern.search(folded):
            phrases.extend(p for p in group if p not in phrases)
    return tuple(phrases)
