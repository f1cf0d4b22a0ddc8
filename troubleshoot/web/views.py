import hashlib
import json
import re
import secrets
from urllib.parse import quote
from urllib.parse import urlencode as mailto_encode

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST
from redis.exceptions import RedisError

from troubleshoot.articles.categories import Category
from troubleshoot.articles.models import DailyCount, MissedQuery
from troubleshoot.articles.feedback import feedback_comment_record, feedback_record
from troubleshoot.articles.insight import insight_count
from troubleshoot.articles.missed import missed_query_record
from troubleshoot.articles.services import INPUT_ERROR_MESSAGES, articles_search, bounce_diagnose_published
from troubleshoot.articles.snapshot import content_snapshot_get
from troubleshoot.articles.live_checks import (
    check_request_read,
    checks_findings,
    checks_for,
    invalid_target_message,
)
from troubleshoot.articles.saved_reports import saved_report_create, saved_report_get
from troubleshoot.articles.same_origin import same_origin_required
from troubleshoot.checks import InvalidTarget
from troubleshoot.diagnosis import BounceInputError, bounce_input_read, bounce_words_present
from troubleshoot.search.services import MAX_QUERY_CHARS

from .forms import DiagnoseForm, status_meaning
from .result_page import general_articles_list, result_page_build
from .status_codes import code_category, code_is_known, code_meaning
from troubleshoot.articles.throttling import checks_rate_check, client_address, diagnose_rate_check, write_rate_check

CATEGORY_LABELS = dict(Category.choices)
CATEGORY_ORDER = {key: position for position, key in enumerate(CATEGORY_LABELS)}
REPLY_LINE_RE = re.compile(r"^\s*[245]\d\d[ -]\S")
STATUS_RE = re.compile(r"(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?![\w.])")


MAX_CACHED_PAGES = 1000
MAX_HITS_SHOWN = 20


def _cached_page(request, snapshot, key, build):
    """The page for `key` rendered once per content version, then served from memory.

    Only pages that are the same for every visitor are cached: no per-visitor token or
    message is in them (the forms on them are protected by same_origin_required instead).
    """
    body = snapshot.pages.get(key)
    if body is None:
        response = build()
        if response.status_code != 200 or len(snapshot.pages) >= MAX_CACHED_PAGES:
            return response
        snapshot.pages[key] = body = response.content
    return HttpResponse(body, content_type="text/html; charset=utf-8")


def _grouped_articles(snapshot, lang):
    return [
        {"key": key, "label": CATEGORY_LABELS.get(key, key), "articles": [e.localized(lang) for e in entries]}
        for key, entries in sorted(
            snapshot.by_category().items(), key=lambda item: CATEGORY_ORDER.get(item[0], len(CATEGORY_ORDER))
        )
    ]


def home(request):
    lang = get_language()
    snapshot = content_snapshot_get()
    # A bounce may link here with its own error text: /fr/?error=…
    error_text = request.GET.get("error", "")
    if error_text.strip():
        return _diagnose_and_render(request, content=error_text, form=DiagnoseForm(initial={"text": error_text}))
    return _cached_page(
        request,
        snapshot,
        ("home", lang, request.path),
        lambda: render(request, "web/home.html", {"form": DiagnoseForm(), "groups": _grouped_articles(snapshot, lang)}),
    )


def looks_like_bounce(text: str) -> bool:
    """A paste to diagnose rather than words to search: long, several lines, an SMTP code, or a
    sentence of a bounce notice ("jdoe est introuvable sur contoso.com")."""
    text = text.strip()
    if len(text) > 80 or "\n" in text or REPLY_LINE_RE.match(text):
        return True
    words = len(text.split())
    # A status code alone ("5.7.1") is a search; with a sentence around it, a reply.
    if STATUS_RE.search(text) and words >= 4:
        return True
    # Two or three words ("mailbox full") are a search; a whole sentence of failure is a bounce.
    return words >= 4 and bounce_words_present(text)


def search(request):
    lang = get_language()
    query = request.GET.get("q", "").strip()
    if looks_like_bounce(query) and len(query) <= MAX_QUERY_CHARS * 20:
        # Someone pasted a bounce into the search box: answer it, they should not have to choose.
        return _diagnose_and_render(request, content=query, form=DiagnoseForm(initial={"text": query}))
    too_long = len(query) > MAX_QUERY_CHARS
    hits = [] if too_long or not query else articles_search(query=query, lang=lang, limit=MAX_HITS_SHOWN + 1)
    more = len(hits) > MAX_HITS_SHOWN
    hits = hits[:MAX_HITS_SHOWN]
    unrecorded = False
    if query:
        insight_count(kind=DailyCount.Kind.SEARCH, language=lang)
        if not hits:
            insight_count(kind=DailyCount.Kind.SEARCH_EMPTY, language=lang)
    if query and not too_long and not hits and not write_rate_check(address=client_address(request), scope="missed"):
        unrecorded = not missed_query_record(kind=MissedQuery.Kind.SEARCH, text=query, language=lang)
    return render(
        request,
        "web/search.html",
        {
            "query": query,
            # a few words typed into the paste box: say that they were searched, not diagnosed
            "pasted": bool(query) and request.GET.get("pasted") == "1",
            "hits": hits,
            "too_long": too_long,
            "max_chars": MAX_QUERY_CHARS,
            "suggestions": general_articles_list(snapshot=content_snapshot_get(), lang=lang) if query and not hits else [],
            "unrecorded": unrecorded,
            "more": more,
            # a status code searched on its own: its page comes first
            "code": query if code_is_known(query) else "",
        },
    )


@same_origin_required
def diagnose(request):
    if request.method != "POST":
        form = DiagnoseForm()
        return render(request, "web/diagnose.html", {"form": form}, status=200)
    try:
        form = DiagnoseForm(request.POST, request.FILES)
    except RequestDataTooBig:
        return _input_refused(request, INPUT_ERROR_MESSAGES["too_large"], status=413)
    if not form.is_valid():
        return render(request, "web/diagnose.html", {"form": form}, status=400)
    content = form.cleaned_data["content"]
    if isinstance(content, str) and content.strip() and not looks_like_bounce(content):
        # A few words typed into the paste box: search for them instead.
        return redirect(f"{reverse('web:search')}?{urlencode({'q': content.strip(), 'pasted': 1})}")
    try:
        text = bounce_input_read(content)
    except BounceInputError as error:
        message = INPUT_ERROR_MESSAGES.get(error.code, INPUT_ERROR_MESSAGES["unreadable"])
        return _input_refused(request, message, status=413 if error.code == "too_large" else 400)
    # Post/redirect/get: the result gets an address of its own (to reload, bookmark, share or
    # switch language), and reloading it sends nothing again.
    if isinstance(content, str) and len(content) <= settings.SHORT_PASTE_CHARS:
        return _see_other(f"{reverse('web:home')}?{urlencode({'error': content})}")
    try:
        report = saved_report_create(text=text)
    except DatabaseError:
        return _diagnose_and_render(request, content=content, form=form)  # no address today, still an answer
    return _see_other(report.get_absolute_url())


def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303  # "See Other": the browser fetches the result with GET
    return response


def saved_result(request, token):
    """The result of a long report pasted earlier, from its redacted copy."""
    report = saved_report_get(token=token)
    if report is None:  # malformed, unknown or expired: the site's own 404
        raise Http404
    return _diagnose_and_render(request, content=report.text, form=DiagnoseForm(), saved=True)


def checks(request):
    """Live DNS checks of what a result names: the panel alone (?fragment=1, fetched by the result
    page's script) or a page of its own (the "Check now" button, without JavaScript)."""
    lang = get_language()
    fragment = request.GET.get("fragment") == "1"
    template = "web/_checks.html" if fragment else "web/checks.html"
    targets, topics = check_request_read(request.GET)
    retry_after = checks_rate_check(address=client_address(request))
    if retry_after:
        return _rate_limited(request, retry_after)
    try:
        found = checks_for(topics=topics, **targets) if any(targets.values()) else []
    except InvalidTarget as error:
        return render(request, template, {"checks_error": invalid_target_message(error)}, status=400)
    # One line for what was not looked up for the same reason (a documentation IP on every list).
    said: set[str] = set()
    found = [check for check in found
             if check.verdict != "not_checked" or not (str(check.detail) in said or said.add(str(check.detail)))]
    snapshot = content_snapshot_get()
    findings = [
        {"text": finding.text, "contradicts": finding.contradicts,
         "article": snapshot.articles[finding.article].localized(lang) if finding.article in snapshot.articles else None}
        for finding in checks_findings(checks=found, category=request.GET.get("category") or None)
    ]
    response = render(request, template, {"checks": found, "findings": findings, "lang": lang})
    response["Cache-Control"] = "no-store"
    return response


def code_page(request, code):
    """/<lang>/codes/5.7.1/: what an enhanced status code means, whether it is temporary, and the
    articles it usually leads to."""
    if not code_is_known(code):
        raise Http404
    lang = get_language()
    snapshot = content_snapshot_get()
    category = code_category(code)
    entries = snapshot.by_category().get(category, []) if category else []
    general = snapshot.general_articles.get(category) if category else None
    entries = sorted(entries, key=lambda entry: entry.slug != general)
    context = {
        "code": code,
        "meaning": code_meaning(code),
        "class_meaning": status_meaning(code),
        "temporary": code.startswith("4."),
        "category_label": CATEGORY_LABELS.get(category, "") if category else "",
        "articles": [entry.localized(lang) for entry in entries],
    }
    return _cached_page(request, snapshot, ("code", lang, code), lambda: render(request, "web/code.html", context))


def _vote_unsaved(request, slug):
    """The article again, saying the vote could not be kept (the database is unreachable)."""
    lang = get_language()
    entry = content_snapshot_get().articles.get(slug)
    if entry is None:
        raise Http404
    context = {"article": entry.localized(lang), "category_label": CATEGORY_LABELS.get(entry.category, entry.category),
               "related": [], "voted": None, "vote_unsaved": True}
    return render(request, "web/article.html", context, status=503)


def _input_refused(request, message, *, status):
    """The paste page again, empty, with why we could not read what was sent."""
    return render(request, "web/diagnose.html", {"form": DiagnoseForm(), "input_error": message}, status=status)


def _rate_limited(request, retry_after):
    response = render(request, "web/rate_limited.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def _diagnose_and_render(request, *, content, form, saved=False):
    retry_after = diagnose_rate_check(address=client_address(request))
    if retry_after:
        return _rate_limited(request, retry_after)
    try:
        answer = bounce_diagnose_published(text=content, language=get_language())
    except BounceInputError as error:
        message = INPUT_ERROR_MESSAGES.get(error.code, INPUT_ERROR_MESSAGES["unreadable"])
        return _input_refused(request, message, status=413 if error.code == "too_large" else 400)
    lang = get_language()
    page = result_page_build(answer=answer, lang=lang, votes=_session_votes(request))
    # A result reached by GET (an ?error= link, a saved report) can be kept and shared as it is.
    permalink = request.build_absolute_uri() if request.method == "GET" else ""
    site = f"{request.scheme}://{request.get_host()}"
    # Trust decision: the summary holds the paste's own words. render_to_string marks its output
    # safe; turned back into a plain str it is escaped wherever the page shows it.
    summary = str.strip(render_to_string("web/summary.txt", {"results": page.results, "permalink": permalink, "site": site}))
    return render(
        request,
        "web/result.html",
        {
            "form": form,
            "results": page.results,
            "recognised": page.recognised,
            "not_a_bounce": answer.not_a_bounce,
            "not_a_bounce_message": answer.not_a_bounce_message,
            "replaced_characters": answer.replaced_characters,
            "unrecorded": answer.unrecorded,
            "closest": page.closest,
            "paste": page.paste,
            "evidence": page.evidence,
            "permalink": permalink,
            "vote_next": request.get_full_path() if request.method == "GET" else "",
            "saved": saved,
            "retention_days": settings.SAVED_REPORT_RETENTION_DAYS,
            "summary": summary,
            # mailto wants %20 for spaces, not "+" (RFC 6068)
            "mailto": "mailto:?" + mailto_encode({"subject": gettext("Bounce diagnosis"), "body": summary[:1800]},
                                                 quote_via=quote),
        },
    )


def _vote_of(request, slug):
    """This visitor's vote on the article in this language ("yes", "no", "no+comment"), if any."""
    return _session_votes(request).get(f"{get_language()}:{slug}")


def article(request, slug):
    lang = get_language()
    snapshot = content_snapshot_get()
    entry = snapshot.articles.get(slug)
    if entry is None:  # unknown or unpublished: the snapshot holds published articles only
        raise Http404
    # Only a visitor with a votes cookie can have voted; the others all get the same page.
    voted = _vote_of(request, slug)

    def build():
        related = [a.localized(lang) for a in snapshot.by_category().get(entry.category, []) if a.slug != entry.slug]
        context = {
            "article": entry.localized(lang),
            "category_label": CATEGORY_LABELS.get(entry.category, entry.category),
            "related": related,
            "voted": voted,
        }
        return render(request, "web/article.html", context)

    return _cached_page(request, snapshot, ("article", lang, request.path, voted), build)


@require_POST
@same_origin_required
def feedback(request, slug):
    """A vote on an article ("yes" / "no"), or after a "no", what was missing; one per visitor,
    article and language. From a result page, `next` brings the visitor back to it."""
    helpful = request.POST.get("helpful")
    comment = request.POST.get("comment")
    back = _feedback_return(request, slug)
    if helpful not in {"yes", "no"} and comment is None:
        return redirect(back)
    retry_after = write_rate_check(address=client_address(request), scope="feedback")
    if retry_after:
        return _rate_limited(request, retry_after)
    lang = get_language()
    key = f"{lang}:{slug}"
    token, votes = _votes_cookie_read(request)
    try:
        if helpful in {"yes", "no"}:
            token = token or secrets.token_urlsafe(18)
            voter = hashlib.sha256(token.encode()).hexdigest()
            if not feedback_record(article_slug=slug, language=lang, helpful=helpful == "yes", voter=voter):
                raise Http404
            votes.pop(key, None)  # re-inserted last: the oldest votes are the ones forgotten
            votes[key] = helpful
        elif votes.get(key) == "no" and token:  # cookie-less: nothing to attach it to
            voter = hashlib.sha256(token.encode()).hexdigest()
            feedback_comment_record(article_slug=slug, language=lang, voter=voter, comment=comment or "")
            votes[key] = "no+comment"
    except DatabaseError:
        return _vote_unsaved(request, slug)
    response = redirect(back)
    if token:
        kept = dict(list(votes.items())[-MAX_VOTES_KEPT:])
        response.set_signed_cookie(VOTES_COOKIE, json.dumps({"voter": token, "votes": kept}), salt=VOTES_COOKIE,
                                   max_age=VOTES_COOKIE_AGE, secure=settings.SESSION_COOKIE_SECURE,
                                   httponly=True, samesite="Lax")
    return response


# Votes live in a signed cookie, never in a database session: a client that drops cookies would
# otherwise leave a session row behind on every vote. The voter token in it counts one vote per
# visitor (Feedback keeps only its hash); the cookie holds the last MAX_VOTES_KEPT votes (under 4 kB).
VOTES_COOKIE = "votes"
VOTES_COOKIE_AGE = 365 * 24 * 3600
MAX_VOTES_KEPT = 50


def _votes_cookie_read(request) -> tuple[str, dict]:
    """(voter token, votes by "lang:slug") from the visitor's signed cookie; ("", {}) without a valid one."""
    raw = request.get_signed_cookie(VOTES_COOKIE, default="", salt=VOTES_COOKIE, max_age=VOTES_COOKIE_AGE)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    token = data.get("voter") if isinstance(data, dict) else None
    votes = data.get("votes") if isinstance(data, dict) else None
    if not isinstance(token, str) or not isinstance(votes, dict):
        return "", {}
    return token, {k: v for k, v in votes.items() if isinstance(k, str) and v in {"yes", "no", "no+comment"}}


def _session_votes(request) -> dict:
    """This visitor's votes by "lang:slug" (from the votes cookie; no session is involved)."""
    return _votes_cookie_read(request)[1]


def _feedback_return(request, slug) -> str:
    """Where a vote sends the visitor back: the result page it came from (same site only), or the article."""
    target = request.POST.get("next", "")
    # Trust decision: only a path on this site, never another host (no open redirect).
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return f"{target}#vote-{slug}"
    return f"{reverse('web:article', kwargs={'slug': slug})}#feedback"


def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin's): send ours."""
    return redirect(static("web/favicon.svg"), permanent=True)


def healthz(request):
    """Alive: the process answers. Needs neither the database nor the cache."""
    return JsonResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


def readyz(request):
    """Ready for traffic: the database and the cache both answer (for a load balancer)."""
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        checks["database"] = "unreachable"
    try:
        cache.set("readyz", "1", timeout=5)
        if cache.get("readyz") != "1":
            checks["cache"] = "unreachable"
    except (RedisError, OSError):
        checks["cache"] = "unreachable"
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503,
                        headers={"Cache-Control": "no-store"})
