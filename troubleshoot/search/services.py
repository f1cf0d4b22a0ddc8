"""Full-text search over published articles, both languages, with tantivy.

The index lives in memory and is built from the content snapshot, not queried from the
database, so results are identical on SQLite and PostgreSQL and a search costs no query.
Each article is indexed once per language (falling back to English text where French is
empty), with that language's stemmer, accents folded, so "expediteur" finds "expéditeur".
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from typing import Iterable

import tantivy

from .synonyms import general_bounce_slugs, synonym_phrases

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
ALL_WORDS_BOOST = 0.5  # chosen before measuring; a nudge among articles with the same words
GENERAL_BOUNCE_BOOST = 2.0  # a lift, not a verdict: a named reason still comes first
WEAK_HIT_SHARE = 0.15  # hits scoring under this share of the best one are dropped
OTHER_LANGUAGE_WEIGHT = 0.6  # the other language's words count, a little less than the visitor's
STEMMERS = {"en": "english", "fr": "french"}
# Reply codes (553) and enhanced status codes (5.7.1) are searched as exact tokens.
CODE_RE = re.compile(r"^(?:[245]\d\d|[245]\.\d{1,3}\.\d{1,3})$")
CODE_IN_TEXT_RE = re.compile(r"(?<![\w.])(?:[245]\d\d|[245]\.\d{1,3}\.\d{1,3})(?![\w.])")
WORD_RE = re.compile(r"[\w.]+", re.UNICODE)
MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
MARKDOWN_HEADING_RE = re.compile(r"^\s*#{1,6}\s")
MARKDOWN_BLOCK_RE = re.compile(r"^\s*(?:#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s)")
MARKDOWN_NOISE_RE = re.compile(r"\*\*|__|[*`]|https?://\S+")


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
    """An immutable in-memory index; build once per content version, search many times."""

    def __init__(self, documents: Iterable[SearchDocument]):
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("slug", stored=True, tokenizer_name="raw")
        builder.add_text_field("lang", stored=True, tokenizer_name="raw")
        builder.add_text_field("codes", stored=False, tokenizer_name="raw")
        builder.add_text_field("bounce", stored=False, tokenizer_name="plain")
        for lang in STEMMERS:
            builder.add_text_field(f"title_{lang}", stored=False, tokenizer_name=f"text_{lang}")
            builder.add_text_field(f"body_{lang}", stored=False, tokenizer_name=f"text_{lang}")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)  # in memory
        self._analyzers = {lang: _text_analyzer(lang) for lang in STEMMERS}
        for lang, analyzer in self._analyzers.items():
            self.index.register_tokenizer(f"text_{lang}", analyzer)
        self._plain = _plain_analyzer()
        self.index.register_tokenizer("plain", self._plain)

        self._stem = functools.lru_cache(maxsize=50_000)(self._stem_uncached)
        # asked for by each language's clauses and by the all-words clause of the same query
        self._word_terms = functools.lru_cache(maxsize=4096)(self._word_terms_uncached)
        # Per (slug, lang): the texts snippets are cut from, with each word's stem located once.
        self._texts: dict[tuple[str, str], dict] = {}
        writer = self.index.writer(heap_size=15_000_000, num_threads=1)
        for doc in documents:
            codes = set()
            for text in doc.bounce_texts:
                codes.update(CODE_IN_TEXT_RE.findall(text))
            body = f"{doc.summary} {_plain(doc.body)}".strip()
            bounce = " \n ".join(doc.bounce_texts)
            writer.add_document(
                tantivy.Document(
                    slug=doc.slug,
                    lang=doc.lang,
                    codes=sorted(codes) or [""],
                    bounce=bounce,
                    **{f"title_{doc.lang}": doc.title, f"body_{doc.lang}": body},
                )
            )
            self._texts[(doc.slug, doc.lang)] = {
                "title": doc.title,
                "category": doc.category,
                "body": self._word_index(body, doc.lang),
                "bounce": self._word_index(bounce, doc.lang),
            }
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self._searcher = self.index.searcher()
        # The same words are searched again and again (search as you type, common codes).
        self._cached_search = functools.lru_cache(maxsize=4096)(self._search)

    def _stem_uncached(self, lang: str, word: str) -> str:
        tokens = self._analyzers[lang].analyze(word)
        return tokens[0] if tokens else ""

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

    def _terms(self, analyzer: tantivy.TextAnalyzer, text: str) -> list[str]:
        return [token for token in analyzer.analyze(text)][:MAX_TERMS]

    def _word_terms_uncached(self, lang: str, text: str) -> tuple[tuple[str, str], ...]:
        """Each query word's stem, with the word as typed (folded). Typos are forgiven on the
        word as typed: "spamhuas" is one swap from "spamhaus", but its stem "spamhu" is as close
        to "spam" as to "spamhaus"."""
        out: dict[str, str] = {}
        for word in re.findall(r"\w+", text)[: MAX_TERMS * 2]:
            folded = self._plain.analyze(word)
            for token in self._analyzers[lang].analyze(word):
                out.setdefault(token, folded[0] if folded else token)
        return tuple(out.items())[:MAX_TERMS]

    def _language_clauses(self, text: str, lang: str, weight: float, *, fuzzy: bool = True) -> list[tuple]:
        """Title and body clauses for one language's fields (only that language's documents have them)."""
        Occur, Query = tantivy.Occur, tantivy.Query
        clauses: list[tuple] = []
        title_field, body_field = f"title_{lang}", f"body_{lang}"
        for term, typed in self._word_terms(lang, text):
            clauses.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, title_field, term), 3.0 * weight)))
            clauses.append((Occur.Should, Query.boost_query(Query.term_query(self.schema, body_field, term), weight)))
            if fuzzy and len(typed) >= 4 and not typed.isdigit():
                # Small typos forgiven on the word as typed: one edit (a swap counts one), two for
                # long words; exact matches (of its stem, above) still rank first.
                distance = 2 if len(typed) >= 7 else 1
                clauses.append((Occur.Should, Query.boost_query(Query.fuzzy_term_query(self.schema, title_field, typed, distance=distance), weight)))
                clauses.append((Occur.Should, Query.boost_query(Query.fuzzy_term_query(self.schema, body_field, typed, distance=distance), 0.3 * weight)))
        # Everyday words ("blacklist", "boite pleine") also look for the articles' own phrases.
        for phrase in synonym_phrases(query=text, lang=lang):
            tokens = self._analyzers[lang].analyze(phrase)
            if not tokens:
                continue
            for field, boost in ((title_field, 2.5), (body_field, 1.0)):
                if len(tokens) == 1:
                    query = Query.term_query(self.schema, field, tokens[0])
                else:
                    query = Query.phrase_query(self.schema, field, tokens)
                clauses.append((Occur.Should, Query.boost_query(query, boost * weight)))
        return clauses

    def _query(self, text: str, lang: str) -> tantivy.Query | None:
        Occur = tantivy.Occur
        clauses: list[tuple] = []
        words = WORD_RE.findall(text)
        codes = [w for w in words if CODE_RE.match(w)]
        for code in codes[:MAX_TERMS]:
            clauses.append((Occur.Should, tantivy.Query.boost_query(tantivy.Query.term_query(self.schema, "codes", code), 4.0)))
        clauses += self._language_clauses(text, lang, 1.0)
        # An article with every word of a query of several words ranks above one with a single word.
        terms = [term for term, _typed in self._word_terms(lang, text)]
        if 2 <= len(terms) <= 6:
            every = [(Occur.Must, tantivy.Query.boolean_query(
                [(Occur.Should, tantivy.Query.term_query(self.schema, f"title_{lang}", term)),
                 (Occur.Should, tantivy.Query.term_query(self.schema, f"body_{lang}", term))])) for term in terms]
            clauses.append((Occur.Should, tantivy.Query.boost_query(tantivy.Query.boolean_query(every), ALL_WORDS_BOOST)))
        # "my mail bounced", "message non remis": the articles on reading a bounce, a little ahead
        for slug in general_bounce_slugs(query=text):
            clauses.append((Occur.Should, tantivy.Query.boost_query(tantivy.Query.term_query(self.schema, "slug", slug),
                                                                    GENERAL_BOUNCE_BOOST)))
        # Words of the other language ("boite pleine" on the English site) find the article too,
        # a little lower; the hit is shown in the visitor's language (see _search).
        for other in STEMMERS:
            if other != lang:
                # exact words only: typo tolerance across languages finds look-alikes, not answers
                clauses += self._language_clauses(text, other, OTHER_LANGUAGE_WEIGHT, fuzzy=False)
        plain_terms = self._terms(self._plain, text)
        for term in dict.fromkeys(plain_terms):
            clauses.append((Occur.Should, tantivy.Query.boost_query(tantivy.Query.term_query(self.schema, "bounce", term), 0.5)))
        if len(plain_terms) >= 2:
            # A pasted bounce text: the exact phrase weighs most.
            phrase = tantivy.Query.phrase_query(self.schema, "bounce", plain_terms)
            clauses.append((Occur.Should, tantivy.Query.boost_query(phrase, 6.0)))
        if not clauses:
            return None
        return tantivy.Query.boolean_query(clauses)

    def search(self, *, query: str, lang: str, limit: int = 10) -> list[SearchHit]:
        query = " ".join((query or "")[:MAX_QUERY_CHARS].split())
        if lang not in STEMMERS:
            lang = "en"
        return list(self._cached_search(query, lang, limit))

    def _search(self, query: str, lang: str, limit: int) -> tuple[SearchHit, ...]:
        built = self._query(query, lang)
        if built is None:
            return ()
        # Each article is indexed once per language: ask for both copies, keep the best per article.
        hits = self._searcher.search(built, limit=limit * len(STEMMERS)).hits
        best: dict[str, float] = {}
        for score, address in hits:
            slug = self._searcher.doc(address)["slug"][0]
            best[slug] = max(best.get(slug, 0.0), float(score))
        highlight_terms = {t for t in self._terms(self._analyzers[lang], query) if len(t) >= 3}
        raw_words = {w.lower() for w in WORD_RE.findall(query) if len(w) >= 3}
        for phrase in synonym_phrases(query=query, lang=lang):
            highlight_terms.update(t for t in self._analyzers[lang].analyze(phrase) if len(t) >= 3)
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
            snippet = self._snippet(texts["body"], highlight_terms, raw_words)
            if "<mark>" not in snippet and texts["bounce"][0]:
                # The match was in a bounce text, not the article's words: show that text.
                bounce_snippet = self._snippet(texts["bounce"], highlight_terms, raw_words)
                snippet = bounce_snippet if "<mark>" in bounce_snippet else snippet
            results.append(
                SearchHit(slug=slug, title=texts["title"], category=texts["category"], score=round(score, 4),
                          snippet=snippet)
            )
        return tuple(results)

    def _snippet(self, indexed, terms: set[str], raw_words: set[str], width: int = 180) -> str:
        """An escaped excerpt around the first matched word, every match in it wrapped in <mark>."""
        text, words, first = indexed
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
