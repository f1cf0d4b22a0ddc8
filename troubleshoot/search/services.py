"""Full-text search over published articles, both languages, with tantivy.

The index lives in memory and is built from the content snapshot, not queried from the
database, so results are identical on SQLite and PostgreSQL and a search costs no query.
Each article is indexed once per language (falling back to English text where French is
empty), with that language's stemmer, accents folded, so "expediteur" finds "expéditeur".

A query goes through four steps: typos are corrected against the words of the articles, their
bounce texts and the synonym list, in both languages ("emial blacklistd" becomes "email
blacklisted"); stop words are left out of the word clauses ("what is an ndr" searches "ndr");
everyday words fire synonym groups (search/synonyms.py); then title, summary and body are
searched in the visitor's language and, a little lower, in the other one.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import tantivy
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .synonyms import SynonymTable, fold

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
ALL_WORDS_BOOST = 0.5  # chosen before measuring; a nudge among articles with the same words
GENERAL_BOUNCE_BOOST = 2.0  # a lift, not a verdict: a named reason still comes first
# ... but a query that names no reason ("message non remis", "mail returned to sender") is
# answered by the general articles first.
NO_REASON_BOOST = 8.0
COMMON_SHARE = 0.9  # a word in this share of a language's articles names no reason ("message", "serveur")
WEAK_HIT_SHARE = 0.15  # hits scoring under this share of the best one are dropped
OTHER_LANGUAGE_WEIGHT = 0.6  # the other language's words count, a little less than the visitor's
# Where a word is found: a title says what the article is about, its summary nearly as much.
FIELD_WEIGHTS = {"title": 3.0, "summary": 2.0, "body": 1.0}
PHRASE_BOOST = 1.0  # on top of each word's own score, where they stand together
SYNONYM_WEIGHTS = {"title": 2.5, "summary": 1.5, "body": 1.0}
STEMMERS = {"en": "english", "fr": "french"}
STOP_WORD_LISTS = {"en": "english", "fr": "french"}
# Beyond the engines' short lists: the question and filler words people wrap a search in
# ("why does my email bounce", "pourquoi mon mail me revient"), never what it is about.
EXTRA_STOP_WORDS = frozenset(
    "what why how when where who which whom my me mine i im you your we our it its this that these those am are was "
    "were be been being do does did doing can could would should will just so very any some all also get got have has "
    "had having from about there here than then please help cant dont didnt doesnt isnt wont"
    " pourquoi comment quoi quand ou qui quel quelle quels quelles je j tu il elle on nous vous ils elles mon ma mes "
    "ton ta tes son sa ses notre votre nos vos leur leurs est sont suis es etes a ai as avons avez ont avoir etre ete "
    "fait faire peut peux puis dois doit c ca cela ceci y en et au aux des alors aide svp stp".split()
)
# Reply codes (553) and enhanced status codes (5.7.1) are searched as exact tokens.
CODE_RE = re.compile(r"^(?:[245]\d\d|[245]\.\d{1,3}\.\d{1,3})$")
CODE_IN_TEXT_RE = re.compile(r"(?<![\w.])(?:[245]\d\d|[245]\.\d{1,3}\.\d{1,3})(?![\w.])")
WORD_RE = re.compile(r"[\w.]+", re.UNICODE)
MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
MARKDOWN_HEADING_RE = re.compile(r"^\s*#{1,6}\s")
MARKDOWN_BLOCK_RE = re.compile(r"^\s*(?:#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s)")
MARKDOWN_NOISE_RE = re.compile(r"\*\*|__|[*`]|https?://\S+")
# The French stemmer takes "-ée(s)" off a past participle only when the accent is there; a sender
# types "bloquee", "refusee". Both become "-é" before stemming, so both meet "bloqué".
FRENCH_FEMININE_RE = re.compile(r"(?<=\w\w\w)(?:ée|ee|ÉE|EE)s?\b")
# A domain name in the query ("sent to gmial.com") is a question about a domain.
DOMAIN_IN_QUERY_RE = re.compile(r"(?<![\w.@])[a-z][\w-]*\.(?:[a-z]{2,12})(?![\w.])", re.IGNORECASE)
DOMAIN_WORD = {"en": "domain", "fr": "domaine"}
TYPO_MIN_CHARS = 4  # shorter words have too many neighbours one edit away
TYPO_TWO_EDITS_CHARS = 7  # from this length, two edits (a swap counting one) are forgiven


@dataclass(frozen=True)
class SearchDocument:
    slug: str
    lang: str
    title: str
    summary: str
    body: str
    bounce_texts: tuple[str, ...]
    category: str


@dataclass(frozen=True)
class SearchHit:
    slug: str
    title: str
    category: str
    score: float
    snippet: str  # HTML: escaped text with <mark> around the matched words


def _prepare(lang: str, text: str) -> str:
    """Text as the language's analyzer should see it (index and query alike)."""
    return FRENCH_FEMININE_RE.sub("é", text) if lang == "fr" else text


def _text_analyzer(lang: str) -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer(STEMMERS[lang]))
        .build()
    )


def _plain_analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def _stop_analyzer(lang: str) -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword(STOP_WORD_LISTS[lang]))
        .build()
    )


def _plain(markdown_text: str) -> str:
    """Markdown as the words a reader sees: link texts kept, URLs and markup dropped, each heading
    ended like a sentence so that a snippet does not run it into the paragraph under it."""
    lines = []
    for line in markdown_text.splitlines():
        line = MARKDOWN_LINK_RE.sub(r"\1", line)
        heading = MARKDOWN_HEADING_RE.match(line)
        line = MARKDOWN_NOISE_RE.sub("", MARKDOWN_BLOCK_RE.sub("", line)).strip()
        if heading and line and line[-1] not in ".:?!":
            line += "."
        lines.append(line)
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


class SearchIndex:
    """An immutable in-memory index; build once per content version, search many times.

    `extra_synonyms` are the staff's synonym groups (articles.SearchSynonym.terms() of each row):
    each a list of words or phrases that mean the same; any of them in a query also finds the
    articles that use the others, in both languages.
    """

    def __init__(self, documents: Iterable[SearchDocument], *, extra_synonyms: Iterable[Sequence[str]] = ()):
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("slug", stored=True, tokenizer_name="raw")
        builder.add_text_field("lang", stored=True, tokenizer_name="raw")
        builder.add_text_field("codes", stored=False, tokenizer_name="raw")
        builder.add_text_field("bounce", stored=False, tokenizer_name="plain")
        for lang in STEMMERS:
            for field in FIELD_WEIGHTS:
                builder.add_text_field(f"{field}_{lang}", stored=False, tokenizer_name=f"text_{lang}")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)  # in memory
        self._analyzers = {lang: _text_analyzer(lang) for lang in STEMMERS}
        for lang, analyzer in self._analyzers.items():
            self.index.register_tokenizer(f"text_{lang}", analyzer)
        self._plain = _plain_analyzer()
        self.index.register_tokenizer("plain", self._plain)
        self._stop_analyzers = [_stop_analyzer(lang) for lang in STOP_WORD_LISTS]

        self._stem = functools.lru_cache(maxsize=50_000)(self._stem_uncached)
        self._is_stop = functools.lru_cache(maxsize=50_000)(self._is_stop_uncached)
        # asked for by each language's clauses and by the all-words clause of the same query
        self._word_terms = functools.lru_cache(maxsize=4096)(self._word_terms_uncached)
        self._correct = functools.lru_cache(maxsize=4096)(self._correct_uncached)
        self.synonyms = SynonymTable(stems=self._stems, extra_synonyms=extra_synonyms)
        # Per (slug, lang): the texts snippets are cut from, with each word's stem located once.
        self._texts: dict[tuple[str, str], dict] = {}
        # Folded words in each language's articles (and how many documents have them), the words
        # typos are corrected to.
        self._vocabulary: dict[str, dict[str, int]] = {lang: {} for lang in STEMMERS}
        documents_per_lang: dict[str, int] = {}
        stem_counts: dict[str, dict[str, int]] = {lang: {} for lang in STEMMERS}
        writer = self.index.writer(heap_size=15_000_000, num_threads=1)
        for doc in documents:
            codes = set()
            for text in doc.bounce_texts:
                codes.update(CODE_IN_TEXT_RE.findall(text))
            plain_body = _plain(doc.body)
            body = f"{doc.summary} {plain_body}".strip()
            bounce = " \n ".join(doc.bounce_texts)
            writer.add_document(
                tantivy.Document(
                    slug=doc.slug,
                    lang=doc.lang,
                    codes=sorted(codes) or [""],
                    bounce=bounce,
                    **{f"title_{doc.lang}": _prepare(doc.lang, doc.title),
                       f"summary_{doc.lang}": _prepare(doc.lang, doc.summary),
                       f"body_{doc.lang}": _prepare(doc.lang, plain_body)},
                )
            )
            self._texts[(doc.slug, doc.lang)] = {
                "title": doc.title,
                "category": doc.category,
                "body": self._word_index(body, doc.lang),
                "bounce": self._word_index(bounce, doc.lang),
            }
            documents_per_lang[doc.lang] = documents_per_lang.get(doc.lang, 0) + 1
            for stem in {self._stem(doc.lang, w) for w in re.findall(r"\w+", f"{doc.title} {body}")}:
                stem_counts[doc.lang][stem] = stem_counts[doc.lang].get(stem, 0) + 1
            counts = self._vocabulary.setdefault(doc.lang, {})
            for word in set(self._plain.analyze(f"{doc.title} {body} {bounce}")):
                counts[word] = counts.get(word, 0) + 1
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self._searcher = self.index.searcher()
        for word in self.synonyms.words():
            for counts in self._vocabulary.values():
                counts.setdefault(word, 0)
        self._known = sorted(
            {w for counts in self._vocabulary.values() for w in counts if w.isalpha() and len(w) >= 3}
        )
        self._known_set = frozenset(self._known)
        self._common = {lang: frozenset(stem for stem, n in stem_counts[lang].items()
                                        if n >= COMMON_SHARE * documents_per_lang.get(lang, 0)) for lang in STEMMERS}
        # The same words are searched again and again (search as you type, common codes).
        self._cached_search = functools.lru_cache(maxsize=4096)(self._search)

    # -- words -------------------------------------------------------------------------------

    def _stem_uncached(self, lang: str, word: str) -> str:
        tokens = self._analyzers[lang].analyze(_prepare(lang, word))
        return tokens[0] if tokens else ""

    def _stems(self, lang: str, text: str) -> list[str]:
        return [self._stem(lang, word) for word in re.findall(r"\w+", text)]

    def _is_stop_uncached(self, word: str) -> bool:
        lower = word.lower()
        if fold(lower) in EXTRA_STOP_WORDS:
            return True
        return any(not analyzer.analyze(lower) for analyzer in self._stop_analyzers)

    def _word_index(self, text: str, lang: str) -> tuple[str, list[tuple[int, int, str, str]], dict[str, int]]:
        """The text, its words as (start, end, stem, lowercase), and each key's first word number."""
        words, first = [], {}
        for match in re.finditer(r"\w+", text):
            word = match.group(0)
            entry = (match.start(), match.end(), self._stem(lang, word), word.lower())
            first.setdefault(entry[2], len(words))
            first.setdefault(entry[3], len(words))
            words.append(entry)
        return text, words, first

    def _correct_uncached(self, text: str, lang: str) -> str:
        """`text` with each word that no article, bounce text or synonym uses replaced by the
        nearest one that does (one edit, a swap counting one; two for long words); ties go to the
        visitor's language, then to the more common word. Codes, numbers and short words stay."""

        def nearest(match: re.Match) -> str:
            word = match.group(0)
            folded = fold(word)
            if len(folded) < TYPO_MIN_CHARS or not folded.isalpha() or folded in self._known_set or self._is_stop(word):
                return word
            distance = 2 if len(folded) >= TYPO_TWO_EDITS_CHARS else 1
            found = process.extract(folded, self._known, scorer=OSA.distance, score_cutoff=distance, limit=None)
            if not found:
                return word
            own, other = self._vocabulary[lang], self._vocabulary["fr" if lang == "en" else "en"]
            best = min(found, key=lambda f: (f[1], f[0] not in own, -(own.get(f[0], 0) + other.get(f[0], 0)), f[0]))
            return best[0]

        return re.sub(r"\w+", nearest, text)

    def _terms(self, analyzer: tantivy.TextAnalyzer, text: str) -> list[str]:
        return [token for token in analyzer.analyze(text)][:MAX_TERMS]

    def _word_terms_uncached(self, lang: str, text: str) -> tuple[str, ...]:
        """The stems of the query's words that say what it is about (stop words left out)."""
        out: dict[str, None] = {}
        for word in re.findall(r"\w+", text)[: MAX_TERMS * 2]:
            if self._is_stop(word):
                continue
            for token in self._analyzers[lang].analyze(_prepare(lang, word)):
                out.setdefault(token, None)
        return tuple(out)[:MAX_TERMS]

    # -- query -------------------------------------------------------------------------------

    def _language_clauses(self, text: str, lang: str, weight: float) -> list[tuple]:
        """Title, summary and body clauses for one language's fields (only its documents have them)."""
        Occur, Query = tantivy.Occur, tantivy.Query
        clauses: list[tuple] = []
        absorbed = self.synonyms.absorbed(query=text, lang=lang)
        terms = tuple(term for term in self._word_terms(lang, text) if term not in absorbed)
        for term in terms:
            for field, boost in FIELD_WEIGHTS.items():
                clauses.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, f"{field}_{lang}", term),
                                                                boost * weight)))
        # Everyday words ("blacklist", "boite pleine") also look for the articles' own phrases.
        phrases = self.synonyms.phrases(query=text, lang=lang)
        if DOMAIN_IN_QUERY_RE.search(text):
            phrases.append(DOMAIN_WORD[lang])
        for phrase in phrases:
            tokens = self._analyzers[lang].analyze(_prepare(lang, phrase))
            if not tokens:
                continue
            for field, boost in SYNONYM_WEIGHTS.items():
                if len(tokens) == 1:
                    query = Query.term_query(self.schema, f"{field}_{lang}", tokens[0])
                else:
                    query = Query.phrase_query(self.schema, f"{field}_{lang}", tokens)
                clauses.append((Occur.Should, Query.boost_query(query, boost * weight)))
        # An article with every word of a query of several words ranks above one with a single word.
        # The query's words in the same order in the article ("policy block list") weigh most.
        stems = [stem for stem in self._stems(lang, text) if stem][:MAX_TERMS]
        if 2 <= len(stems):
            for field, boost in FIELD_WEIGHTS.items():
                clauses.append((Occur.Should, Query.boost_query(Query.phrase_query(self.schema, f"{field}_{lang}", stems),
                                                                PHRASE_BOOST * boost * weight)))
        # A word counts as present where the article has it or the phrases of a synonym it fired.
        if 2 <= len(terms) <= 6:
            alternatives = self.synonyms.alternatives(query=text, lang=lang)
            every = []
            for term in terms:
                present = [Query.term_query(self.schema, f"{field}_{lang}", term) for field in FIELD_WEIGHTS]
                for phrase in alternatives.get(term, ()):
                    tokens = self._analyzers[lang].analyze(_prepare(lang, phrase))
                    if tokens:
                        present += [Query.phrase_query(self.schema, f"{field}_{lang}", tokens) if len(tokens) > 1
                                    else Query.term_query(self.schema, f"{field}_{lang}", tokens[0])
                                    for field in FIELD_WEIGHTS]
                every.append((Occur.Must, Query.boolean_query([(Occur.Should, q) for q in present])))
            clauses.append((Occur.Should, Query.boost_query(Query.boolean_query(every), ALL_WORDS_BOOST * weight)))
        return clauses

    def _query(self, text: str, lang: str) -> tantivy.Query | None:
        Occur, Query = tantivy.Occur, tantivy.Query
        clauses: list[tuple] = []
        words = WORD_RE.findall(text)
        codes = [w for w in words if CODE_RE.match(w)]
        content = [w for w in re.findall(r"\w+", text) if not self._is_stop(w)]
        if not codes and not content:
            return None  # only stop words or punctuation: nothing to search for
        for code in codes[:MAX_TERMS]:
            clauses.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, "codes", code), 4.0)))
        clauses += self._language_clauses(text, lang, 1.0)
        # "my mail bounced", "message non remis": the articles on reading a bounce, a little ahead
        lifted = self.synonyms.slugs(query=text)
        if lifted:
            names_a_reason = bool(codes) or any(self._names_a_reason(text, lang, term)
                                                for term in self._word_terms(lang, text))
            boost = GENERAL_BOUNCE_BOOST if names_a_reason else NO_REASON_BOOST
            for slug in lifted:
                clauses.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, "slug", slug), boost)))
        # Words of the other language ("boite pleine" on the English site) find the article too,
        # a little lower; the hit is shown in the visitor's language (see _search).
        for other in STEMMERS:
            if other != lang:
                clauses += self._language_clauses(text, other, OTHER_LANGUAGE_WEIGHT)
        plain_terms = self._terms(self._plain, text)
        for term in dict.fromkeys(plain_terms):
            if not self._is_stop(term):
                clauses.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, "bounce", term), 0.5)))
        if len(plain_terms) >= 2:
            # A pasted bounce text: the exact phrase weighs most.
            phrase = Query.phrase_query(self.schema, "bounce", plain_terms)
            clauses.append((Occur.Should, Query.boost_query(phrase, 6.0)))
        return Query.boolean_query(clauses)

    def _names_a_reason(self, text: str, lang: str, term: str) -> bool:
        """Whether a query word says why the mail came back: not a word every article has
        ("message", "serveur"), not one only saying that it bounced, nor a synonym of such a word
        ("rejeté", which finds "refusé")."""
        if term in self._common[lang] or term in self.synonyms.absorbed(query=text, lang=lang):
            return False
        phrases = self.synonyms.alternatives(query=text, lang=lang).get(term, ())
        stems = {stem for phrase in phrases for stem in self._stems(lang, phrase)}
        return not (stems and stems <= self._common[lang])

    def search(self, *, query: str, lang: str, limit: int = 10) -> list[SearchHit]:
        query = " ".join((query or "")[:MAX_QUERY_CHARS].split())
        if lang not in STEMMERS:
            lang = "en"
        return list(self._cached_search(query, lang, limit))

    def _search(self, query: str, lang: str, limit: int) -> tuple[SearchHit, ...]:
        text = self._correct(query, lang)
        built = self._query(text, lang)
        if built is None:
            return ()
        # Each article is indexed once per language: ask for both copies, keep the best per article.
        hits = self._searcher.search(built, limit=limit * len(STEMMERS)).hits
        best: dict[str, float] = {}
        for score, address in hits:
            slug = self._searcher.doc(address)["slug"][0]
            best[slug] = max(best.get(slug, 0.0), float(score))
        highlight_terms = {t for t in self._word_terms(lang, text) if len(t) >= 3}
        raw_words = {w.lower() for w in WORD_RE.findall(text) if len(w) >= 3}
        # the excerpt starts near a word that says what the query is about, not near a "the"
        anchors = highlight_terms | {w for w in raw_words if not self._is_stop(w)}
        for phrase in self.synonyms.phrases(query=text, lang=lang):
            highlight_terms.update(t for t in self._analyzers[lang].analyze(_prepare(lang, phrase)) if len(t) >= 3)
        # Deterministic order whatever the engine does with ties; a hit far weaker than the best
        # (a fuzzy echo of one word) is noise, not an answer. Snippets only for what is shown.
        ranked = sorted(best.items(), key=lambda item: (-round(item[1], 4), item[0]))
        floor = ranked[0][1] * WEAK_HIT_SHARE if ranked else 0.0
        ranked = [(slug, score) for slug, score in ranked[:limit] if score >= floor]
        results = []
        for slug, score in ranked:
            texts = self._texts.get((slug, lang))
            if texts is None:
                continue
            snippet = self._snippet(texts["body"], highlight_terms, raw_words, anchors)
            if "<mark>" not in snippet and texts["bounce"][0]:
                # The match was in a bounce text, not the article's words: show that text.
                bounce_snippet = self._snippet(texts["bounce"], highlight_terms, raw_words, anchors)
                snippet = bounce_snippet if "<mark>" in bounce_snippet else snippet
            results.append(
                SearchHit(slug=slug, title=texts["title"], category=texts["category"], score=round(score, 4),
                          snippet=snippet)
            )
        return tuple(results)

    def _snippet(self, indexed, terms: set[str], raw_words: set[str], anchors: set[str], width: int = 180) -> str:
        """An escaped excerpt around the first matched word, every match in it wrapped in <mark>."""
        text, words, first = indexed
        hit = min((first[key] for key in anchors if key in first), default=None)
        if hit is None:
            hit = min((first[key] for key in (*terms, *raw_words) if key in first), default=None)
        start = 0
        if hit is not None:
            start = max(0, words[hit][0] - 60)
            if start > 0:
                space = text.find(" ", start)
                start = space + 1 if 0 <= space < start + 20 else start
        end = min(len(text), start + width)
        pieces, cursor = [], start
        if hit is not None:
            for word_start, word_end, stem, lower in words[max(0, hit - 15):]:
                if word_start >= end:
                    break
                if word_start < start or word_end > end or (stem not in terms and lower not in raw_words):
                    continue
                pieces.append(html.escape(text[cursor:word_start]))
                pieces.append(f"<mark>{html.escape(text[word_start:word_end])}</mark>")
                cursor = word_end
        pieces.append(html.escape(text[cursor:end]))
        prefix = "…" if start > 0 else ""
        suffix = "…" if end < len(text) else ""
        return prefix + "".join(pieces) + suffix
