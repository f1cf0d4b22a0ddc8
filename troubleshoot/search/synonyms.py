"""Everyday words senders search with, mapped to the words the articles use, in both languages.

Senders type "blacklist", "boite pleine" or "adresse invalide"; the articles (and Spamhaus,
Microsoft and Google in their own help pages) say "block list", "boîte aux lettres pleine" and
"adresse non valide". Each group is one idea: what people type, in either language, and the
articles' own phrases for it in each language. A group fires when one of its triggers appears as
whole words in the query, compared by stems in English and in French (so "blacklisted",
"blacklistée" and "boîtes pleines" fire too, accents and case never matter); its phrases are then
searched as extra clauses, in the visitor's language first and a little lower in the other.

The triggers were written from how senders phrase a bounce in provider help pages and support
forums: Google "Fix bounced or rejected emails", Microsoft's Exchange Online NDR pages and its
French postmaster pages, Spamhaus and MXToolbox block-list FAQs, Orange and Free assistance,
arobase.org and 01net (French); see tests/corpus/queries/README.md for the pages.

Staff add their own groups in the admin (articles.SearchSynonym): they are passed to the index
build as `extra_synonyms`, each a list of words that mean the same (see SynonymTable).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

LANGS = ("en", "fr")


@dataclass(frozen=True)
class SynonymGroup:
    triggers: tuple[str, ...]  # what people type, either language
    en: tuple[str, ...] = ()  # the English articles' phrases for it
    fr: tuple[str, ...] = ()  # the French articles' phrases for it
    slugs: tuple[str, ...] = ()  # articles lifted whenever the group fires
    # The words of a matched trigger only say what the group says, nothing more: "returned to
    # sender" is a bounce, not a question about sender addresses.
    absorbs: bool = False

    def phrases(self, lang: str) -> tuple[str, ...]:
        return self.fr if lang == "fr" else self.en


G = SynonymGroup
SYNONYM_GROUPS: tuple[SynonymGroup, ...] = (
    # Spamhaus, Barracuda, SpamCop and MXToolbox all say "blocklist"/"blacklist"; the articles say
    # "block list" / "liste de blocage" (docs/writing-articles.md keeps "liste noire" for search only).
    G(("blacklist", "black list", "black listed", "blocklist", "blocklisted", "denylist", "deny list", "banlist",
       "rbl", "dnsbl", "dnsrbl", "uribl", "spam list", "spamlist", "spamcop", "sorbs", "barracuda", "uceprotect",
       "delist", "delisting", "listed as spam", "ip banned", "banned ip", "ip ban",
       "liste noire", "liste rouge", "liste de spam", "listes noires", "blacklisté", "blackliste", "banni",
       "ip bannie", "adresse ip bannie", "retirer de la liste noire"),
      en=("block list", "block lists", "listed", "delisted"),
      fr=("liste de blocage", "listes de blocage", "inscrite", "retrait")),
    # Gmail "The email account that you tried to reach is over quota"; Microsoft 5.2.2 "mailbox full";
    # Orange/Free: "boîte saturée", "boîte pleine", "quota dépassé".
    G(("mailbox full", "inbox full", "box full", "over quota", "quota exceeded", "storage full", "quota full",
       "no space", "out of space", "mailbox exceeded", "exceeded storage", "storage quota", "mailbox quota",
       "full mailbox", "full inbox", "mailbox is full",
       "boite pleine", "boite mail pleine", "boite aux lettres pleine", "boite au lettre pleine", "boite saturee",
       "boite de reception pleine", "boite de reception saturee", "messagerie pleine", "messagerie saturee",
       "quota depasse", "quota atteint", "quota plein", "depassement de quota", "plus de place",
       "espace insuffisant", "espace de stockage plein", "boite mail saturee", "stockage plein"),
      en=("mailbox is full", "mailbox", "quota", "storage limit"),
      fr=("boîte aux lettres", "pleine", "quota", "limite de stockage")),
    # Postfix "User unknown in virtual mailbox table", Gmail 5.1.1 "does not exist", Exchange
    # "RecipientNotFound"; French help pages: "adresse introuvable", "destinataire inconnu".
    G(("invalid address", "wrong address", "bad address", "address not found", "no such user", "user unknown",
       "unknown user", "unknown recipient", "recipient unknown", "non existent", "nonexistent", "doesn't exist",
       "does not exist", "invalid email", "invalid recipient", "no such mailbox", "mailbox not found",
       "recipient not found", "user not found", "account does not exist", "address doesn't exist",
       "recipientnotfound", "no mailbox", "mailbox unavailable", "typo in address", "misspelled address",
       "adresse invalide", "adresse inexistante", "adresse introuvable", "adresse inconnue", "adresse erronee",
       "adresse incorrecte", "mauvaise adresse", "destinataire inconnu", "utilisateur inconnu",
       "destinataire invalide", "destinataire introuvable", "destinataire inexistant", "n'existe pas",
       "n'existe plus", "email invalide", "mail invalide", "adresse non valide", "compte inexistant",
       "boite inexistante", "faute dans l'adresse"),
      en=("address does not exist", "invalid recipient", "no mailbox"),
      fr=("adresse du destinataire", "non valide", "n'existe pas", "inconnue")),
    G(("junk", "junk mail", "spam folder", "marked as spam", "flagged as spam", "unsolicited", "spam detected",
       "considered spam", "detected as spam", "spam filter", "antispam", "anti spam",
       "indesirable", "indesirables", "pourriel", "pourriels", "courrier indesirable", "spams", "non sollicite",
       "considere comme spam", "detecte comme spam", "filtre antispam", "classe en spam"),
      en=("spam", "unsolicited"), fr=("spam", "indésirable")),
    # Gmail 5.2.3 "Your message exceeded Google's message size limits"; Postfix "message size
    # exceeds fixed limit"; French pages: "pièce jointe trop lourde/volumineuse".
    G(("too big", "attachment too large", "file too big", "attachment size", "size limit", "large file",
       "big file", "large attachment", "big attachment", "exceeds size", "message size", "size exceeded",
       "too large", "oversized", "attachment too big",
       "trop gros", "trop grosse", "trop lourd", "trop lourde", "piece jointe trop", "taille maximale",
       "taille limite", "gros fichier", "fichier trop", "grosse piece jointe", "fichier volumineux",
       "taille du message", "depasse la taille", "limite de taille", "trop volumineux", "pieces jointes lourdes"),
      en=("too large", "size"), fr=("trop volumineux", "taille")),
    G(("greylist", "greylisted", "greylisting", "graylist", "graylisted", "graylisting", "grey listing",
       "gray listing", "grey list", "gray list", "liste grise", "mis en liste grise"),
      en=("greylisting", "try again later"), fr=("liste grise", "réessayer plus tard")),
    G(("rdns", "ptr", "ptr record", "reverse lookup", "reverse dns", "no reverse dns", "reverse dns missing",
       "fcrdns", "reverse resolution", "hostname does not resolve", "resolution inverse", "dns inverse",
       "dns inversé", "enregistrement ptr", "pas de ptr"),
      en=("reverse dns",), fr=("dns inverse",)),
    # Postfix "Host or domain name not found", Gmail "DNS Error: Domain name not found", Exchange 5.4.310.
    G(("nxdomain", "no mx", "mx not found", "domain not found", "domain doesn't exist", "host unknown",
       "unknown host", "unknown domain", "no such domain", "host not found", "domain does not exist",
       "domain name not found", "dns error", "typo in domain", "wrong domain", "misspelled domain",
       "pas de mx", "domaine inexistant", "domaine inconnu", "domaine n'existe pas", "hote inconnu",
       "serveur inconnu", "domaine introuvable", "nom de domaine introuvable", "faute dans le domaine",
       "mauvais domaine", "domaine errone"),
      en=("domain does not exist", "no mail server"), fr=("domaine du destinataire", "introuvable")),
    # Gmail 5.2.1 "The email account that you tried to reach is disabled"; Microsoft "mailbox disabled".
    G(("deactivated", "inactive", "closed account", "account closed", "account disabled", "account suspended",
       "mailbox disabled", "mailbox suspended", "account inactive", "left the company", "no longer works",
       "compte ferme", "compte bloque", "compte inactif", "compte desactive", "compte suspendu", "compte supprime",
       "boite desactivee", "compte clos", "a quitte l'entreprise", "ne travaille plus"),
      en=("disabled", "suspended"), fr=("désactivé", "suspendu")),
    G(("malware", "infected", "trojan", "virus", "antivirus", "ransomware", "dangerous attachment",
       "logiciel malveillant", "infecte", "cheval de troie", "virus detecte", "piece jointe dangereuse"),
      en=("virus", "malware"), fr=("virus", "logiciel malveillant")),
    G(("ssl", "encryption", "encrypted", "certificate", "starttls", "tls handshake", "handshake",
       "chiffrement", "certificat", "connexion securisee", "chiffre", "connexion chiffree"),
      en=("tls", "encrypted connection"), fr=("tls", "connexion chiffrée")),
    # Gmail 4.7.28 / 5.4.5 "daily sending quota", Microsoft 5.7.233 / "sending limit".
    G(("throttled", "throttling", "rate limit", "rate limited", "ratelimit", "too many emails", "sending limit",
       "sending quota", "daily limit", "send limit", "too many recipients", "too many connections",
       "too many messages", "limit exceeded", "daily sending limit",
       "limite d'envoi", "trop de mails", "trop d'emails", "trop d'e-mails", "trop de courriels", "bride",
       "limitation", "quota d'envoi", "limite journaliere", "limite quotidienne", "trop de destinataires",
       "trop de connexions", "trop de messages", "limite atteinte"),
      en=("too many messages", "slowed down", "limited"), fr=("trop de messages", "ralenti", "limité")),
    G(("deferred", "still trying", "pending", "stuck in queue", "delayed", "delay", "not yet delivered",
       "delivery delayed", "in the queue", "queued", "retrying", "delivery incomplete", "delivery status delay",
       "differe", "en file d'attente", "toujours en attente", "bloque dans la file", "retarde", "retardee",
       "en attente", "pas encore remis", "remise differee", "remise retardee", "retard de remise", "reessaie"),
      en=("delayed", "queued"), fr=("retardée", "en attente")),
    # DMARC (RFC 7489) "p=reject"; Gmail 5.7.26 "unauthenticated"; Microsoft 5.7.509 "DMARC".
    G(("dmarc fail", "spf fail", "dkim fail", "not authenticated", "unauthenticated", "dmarc reject",
       "dmarc policy", "spf softfail", "spf failed", "dkim failed", "dmarc failed", "dkim signature",
       "authentication failed", "spf", "dkim", "dmarc", "sender authentication", "alignment",
       "dmarc echoue", "spf echoue", "dkim echoue", "non authentifie", "authentification echouee",
       "echec spf", "echec dkim", "echec dmarc", "echec d'authentification", "alignement"),
      en=("authentication", "spf", "dkim", "dmarc"), fr=("authentification", "spf", "dkim", "dmarc")),
    # Postfix "Relay access denied"; Exchange 5.7.54 / 5.7.64 "Unable to relay".
    G(("open relay", "relay access denied", "relaying denied", "relay denied", "relay not permitted",
       "unable to relay", "relaying not allowed", "not allowed to relay", "relay",
       "relais ouvert", "relayage refuse", "relais interdit", "relayage interdit",
       "relais non autorise", "relais"),
      en=("relay",), fr=("relais", "relayer")),
    G(("mail rejete", "message rejete", "courriel rejete", "mail refuse", "message refuse", "email refuse",
       "rejected", "refused", "denied", "declined"),
      en=("refused",), fr=("refusé",)),
    # Out-of-office replies and auto-replies are not bounces (RFC 3834).
    G(("out of office", "auto reply", "autoreply", "automatic reply", "auto-reply", "vacation reply",
       "away message", "reponse automatique", "message d'absence", "repondeur", "reponse d'absence",
       "absent du bureau", "autorepondeur"),
      en=("out-of-office", "auto-reply", "automatic reply"), fr=("absence", "réponse automatique")),
    # Exchange 5.7.1 "not authorized to send to this recipient" (restricted groups), 5.7.520.
    G(("distribution group", "distribution list", "external senders", "mailing list", "forwarding blocked",
       "external forwarding", "auto forward", "groupe de distribution", "liste de diffusion",
       "expediteurs externes", "transfert automatique", "redirection automatique", "transfert bloque"),
      en=("group", "forwarding", "policy"), fr=("groupe", "transferts", "politique")),
    G(("timed out", "timeout", "time out", "connection refused", "unreachable", "server not responding",
       "no route", "cannot connect", "could not connect", "server down",
       "delai depasse", "delai d'attente", "connexion expiree", "connexion refusee", "injoignable",
       "impossible de se connecter", "serveur hors service", "en panne", "panne", "serveur en panne", "is down",
       "server is down", "mail server down"),
      en=("could not reach", "timed out", "unreachable"), fr=("joindre", "expirée")),
    G(("disk full", "insufficient system storage", "server full", "system storage", "out of disk",
       "espace disque", "serveur plein", "stockage du serveur", "disque plein"),
      en=("disk space", "out of storage"), fr=("espace disque", "stockage")),
    G(("moved", "new address", "changed address", "address changed", "changed email", "no longer uses",
       "nouvelle adresse", "adresse a change", "change d'adresse", "ne fait pas suivre", "n'utilise plus"),
      en=("has moved", "new address"), fr=("nouvelle adresse", "a changé")),
    # French says "bloqué" for the act and "blocage" for the list ("liste de blocage"): one stem apart.
    G(("bloque", "bloquer", "bloquee", "blocage", "bloquant"),
      en=("blocked", "block"), fr=("blocage", "bloqué")),
    # "I sent it to gmial.com by mistake": the articles ask to check the spelling.
    G(("typo", "typos", "mistake", "misspelled", "misspelt", "misspelling", "wrong spelling", "faute de frappe",
       "erreur de frappe", "faute d'orthographe", "mal orthographie", "mal ecrit", "coquille"),
      en=("spelling",), fr=("orthographe",)),
    # Senders name the big mailbox providers ("Orange bloque mes mails", "Gmail rejects my mail"); the
    # articles speak of the receiving provider.
    G(("orange", "wanadoo", "free fr", "sfr", "laposte", "bouygues", "gmail", "googlemail", "hotmail", "outlook",
       "yahoo", "aol", "icloud", "gmx"),
      en=("receiving provider",), fr=("fournisseur du destinataire",)),
    G(("mail loop", "loop detected", "too many hops", "hop count", "routing loop", "boucle", "boucle de messagerie"),
      en=("mail loop", "loop"), fr=("boucle",)),
    G(("syntax error", "bad command", "command unrecognized", "unrecognized command", "bad sequence",
       "commande invalide", "erreur de syntaxe", "commande non reconnue"),
      en=("command", "syntax"), fr=("commande", "syntaxe")),
    G(("reputation", "sender score", "low reputation", "bad reputation", "poor reputation", "senderscore",
       "mauvaise reputation", "e-reputation", "reputation d'envoi"),
      en=("reputation",), fr=("réputation",)),
    G(("office 365", "o365", "m365", "outlook 365", "exchange online", "microsoft 365", "tenant",
       "office365", "microsoft365"),
      en=("microsoft 365",), fr=("microsoft 365",)),
    # Google and Yahoo bulk-sender rules (February 2024), Outlook.com (May 2025).
    G(("bulk sender", "bulk senders", "bulk mail", "mass mailing", "newsletter", "one-click unsubscribe",
       "list-unsubscribe", "sender requirements", "expediteur en masse", "expediteurs en masse",
       "envois en masse", "envoi en masse", "desinscription en un clic", "exigences d'envoi"),
      en=("requirements", "unsubscribe"), fr=("exigences", "désinscription")),
    G(("temporary", "temporarily", "try later", "retry later", "try again later", "transient", "soft bounce",
       "erreur temporaire", "reessayer plus tard", "reessayez plus tard", "temporairement", "temporaire",
       "echec temporaire"),
      en=("temporary", "try again later"), fr=("temporaire", "plus tard")),
    G(("hard bounce", "permanent failure", "permanent error", "fatal error", "erreur permanente",
       "echec permanent", "echec definitif", "erreur fatale"),
      en=("permanent",), fr=("permanente",)),
    G(("authentication required", "smtp auth", "login required", "auth required", "password", "credentials",
       "must authenticate", "authentification requise", "identifiants", "mot de passe", "identification",
       "authentification smtp"),
      en=("login", "credentials"), fr=("identification", "identifiants")),
    # Spamhaus PBL: "dynamic or residential IP"; French ISPs' boxes (Livebox, Freebox) send from one.
    G(("dynamic ip", "residential ip", "home connection", "home ip", "consumer ip",
       "ip dynamique", "ip residentielle", "box internet", "livebox", "freebox", "connexion residentielle",
       "adresse ip dynamique"),
      en=("home connection", "dynamic"), fr=("connexion résidentielle", "dynamique")),
    G(("content rule", "forbidden attachment", "blocked attachment", "attachment blocked", "file type",
       "extension blocked", "exe attachment", "zip attachment",
       "regle de contenu", "piece jointe interdite", "type de fichier", "piece jointe bloquee"),
      en=("content rule", "attachment type"), fr=("règle", "type de pièce jointe")),
    G(("malformed", "bad header", "invalid header", "duplicate header", "header missing", "missing header",
       "bare lf", "bare line feed", "not rfc compliant", "rfc 5322", "rfc5322",
       "en-tete manquant", "en-tete en double", "entete", "mal forme", "mal formate"),
      en=("header", "format"), fr=("en-tête", "format")),
)


# "Refused for no reason": the bounce gives none, which is what the general articles are about.
NO_REASON = SynonymGroup(
    ("no reason", "without reason", "unknown reason", "reason unknown", "no explanation", "for no reason",
     "no error code", "without error code", "no details", "sans raison", "raison inconnue", "cause inconnue",
     "sans explication", "aucune raison", "pas de raison", "sans motif", "motif inconnu", "sans code d'erreur",
     "aucun code", "sans detail", "sans precision"),
    en=("reason",), fr=("cause",),
    slugs=("undetermined-bounce", "unknown-reason"),
    absorbs=True,
)


# Words that only say "my mail came back", with no reason: the articles that explain a bounce in
# general and how to read one (their slugs are fixed, like every article's). Wordings from the
# bounces themselves: Postfix "Undelivered Mail Returned to Sender", Exchange "Undeliverable:",
# Gmail "Delivery Status Notification (Failure)", qmail "failure notice", Orange "Message non remis".
GENERAL_BOUNCE = SynonymGroup(
    ("bounce", "bounced", "bounces", "bounce back", "bounced back", "undeliverable", "undelivered", "ndr", "dsn",
     "non delivery", "non-delivery", "non delivery report", "returned mail", "returned to sender",
     "mail returned", "came back", "mailer-daemon", "mailer daemon", "mail delivery system",
     "mail delivery subsystem", "delivery status notification", "failure notice", "delivery failure",
     "delivery failed", "delivery has failed", "could not be delivered", "couldn't be delivered",
     "wasn't delivered", "not delivered", "message not delivered",
     "rebond", "rebondi", "rapport de non-remise", "rapport de non remise", "non remis", "non-remise",
     "non distribue", "non distribuable", "non delivre", "retourne a l'expediteur", "retour a l'expediteur",
     "mail retourne", "message retourne", "me revient", "revient", "mail revenu", "message revenu",
     "courriel revenu", "m'est revenu", "echec de remise",
     "echec de la remise", "echec de distribution", "remise impossible", "impossible de remettre",
     "n'a pas pu etre remis", "notification d'echec", "avis de non-remise", "message d'erreur"),
    slugs=("undetermined-bounce", "unknown-reason"),
    absorbs=True,
)


def fold(text: str) -> str:
    """Lowercase, accents removed, typographic apostrophes made plain, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


Stemmer = Callable[[str, str], Sequence[str]]  # (lang, text) -> the stems of its words, in order


def _fold_words(lang: str, text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


# Left out when triggers are compared with a query ("returned to the sender", "boîte de réception
# pleine", "my mailbox is full"): the determiners and the verb "to be" change no meaning here.
FILLER_WORDS = frozenset(
    "the a an my your our their his her its this that these those is are was were be been "
    "le la les l un une des du de d mon ma mes ton ta tes son sa ses notre votre nos vos leur leurs ce cet cette "
    "ces est sont etait".split()
)


def staff_groups(extra_synonyms: Iterable[Sequence[str]]) -> list[SynonymGroup]:
    """Staff groups of words that mean the same: any of them finds the others, in both languages.
    Blank words are skipped and a group of fewer than two words does nothing (the admin refuses them
    on save; an old row must still not break the search)."""
    groups = []
    for words in extra_synonyms or ():
        terms = tuple(dict.fromkeys(w.strip() for w in words if w and w.strip()))
        if len(terms) >= 2:
            groups.append(SynonymGroup(triggers=terms, en=terms, fr=terms))
    return groups


class SynonymTable:
    """The built-in groups and the staff's, matched against a query by stems in both languages."""

    def __init__(self, *, stems: Stemmer = _fold_words, extra_synonyms: Iterable[Sequence[str]] = ()):
        self._all_stems = stems
        self.groups: tuple[SynonymGroup, ...] = (*SYNONYM_GROUPS, GENERAL_BOUNCE, NO_REASON, *staff_groups(extra_synonyms))
        self._patterns = [
            {lang: self._pattern(group.triggers, lang) for lang in LANGS} for group in self.groups
        ]
        self.matching = functools.lru_cache(maxsize=4096)(self._matching)
        self.spans = functools.lru_cache(maxsize=4096)(self._spans)

    def _stems(self, lang: str, text: str) -> list[str]:
        return [stem for word, stem in zip(re.findall(r"\w+", text), self._all_stems(lang, text))
                if fold(word) not in FILLER_WORDS]

    def _pattern(self, triggers: Iterable[str], lang: str) -> re.Pattern | None:
        keys = {" ".join(self._stems(lang, t)) for t in triggers}
        keys.discard("")
        if not keys:
            return None
        alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        # a lookahead, so that overlapping triggers ("mail returned", "returned to sender") all match
        return re.compile(r"(?:^| )(?=(%s)(?: |$))" % alternatives)

    def words(self) -> set[str]:
        """Every word of every trigger and phrase, folded: the vocabulary typos are corrected to."""
        out: set[str] = set()
        for group in self.groups:
            for text in (*group.triggers, *group.en, *group.fr):
                out.update(re.findall(r"\w+", fold(text)))
        return out

    def _matching(self, query: str) -> tuple[SynonymGroup, ...]:
        keyed = {lang: " ".join(self._stems(lang, query)) for lang in LANGS}
        return tuple(group for group, patterns in zip(self.groups, self._patterns)
                     if any(p is not None and p.search(keyed[lang]) for lang, p in patterns.items()))

    def phrases(self, *, query: str, lang: str) -> list[str]:
        """The articles' phrases, in `lang`, for the everyday words found in `query`."""
        out: list[str] = []
        for group in self.matching(query):
            out.extend(p for p in group.phrases(lang) if p not in out)
        return out

    def absorbed(self, *, query: str, lang: str) -> frozenset[str]:
        """The stems, in `lang`, of the query's words that an absorbing group's trigger took."""
        return frozenset(stem for group, stems in self.spans(query, lang) if group.absorbs for stem in stems)

    def alternatives(self, *, query: str, lang: str) -> dict[str, tuple[str, ...]]:
        """For each stem, in `lang`, of a word that fired a group: that group's phrases in `lang`
        (an article saying "liste de blocage" has the word "blacklist" of the query, in effect)."""
        out: dict[str, list[str]] = {}
        for group, stems in self.spans(query, lang):
            for stem in stems:
                out.setdefault(stem, []).extend(group.phrases(lang))
        return {stem: tuple(dict.fromkeys(phrases)) for stem, phrases in out.items()}

    def _spans(self, query: str, lang: str) -> tuple[tuple[SynonymGroup, frozenset[str]], ...]:
        keyed = " ".join(self._stems(lang, query))
        out = []
        for group, patterns in zip(self.groups, self._patterns):
            if patterns[lang] is not None:
                stems = {stem for match in patterns[lang].finditer(keyed) for stem in match.group(1).split()}
                if stems:
                    out.append((group, frozenset(stems)))
        return tuple(out)

    def slugs(self, *, query: str) -> tuple[str, ...]:
        """The articles to lift for `query` (the general bounce articles for "my mail bounced")."""
        out: list[str] = []
        for group in self.matching(query):
            out.extend(s for s in group.slugs if s not in out)
        return tuple(out)


@functools.lru_cache(maxsize=1)
def _default_table() -> SynonymTable:
    return SynonymTable()


def synonym_phrases(*, query: str, lang: str) -> list[str]:
    """The articles' phrases for the everyday words found in `query` (built-in list, words as typed)."""
    return _default_table().phrases(query=query, lang=lang)


def general_bounce_slugs(*, query: str) -> tuple[str, ...]:
    """The general articles to lift when the query speaks of a bounce without naming a reason."""
    return GENERAL_BOUNCE.slugs if GENERAL_BOUNCE in _default_table().matching(query) else ()
