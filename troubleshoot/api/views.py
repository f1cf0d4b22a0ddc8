import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from troubleshoot.articles.services import INPUT_ERROR_MESSAGES, articles_search, bounce_diagnose_published
from troubleshoot.diagnosis import MAX_INPUT_BYTES, BounceInputError
from troubleshoot.search.services import MAX_QUERY_CHARS
from troubleshoot.articles.live_checks import check_request_read, checks_for, invalid_target_message
from troubleshoot.checks import InvalidTarget
from troubleshoot.articles.throttling import checks_rate_check, client_address, diagnose_rate_check
from troubleshoot.articles.same_origin import request_origin_allowed

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _error(message, *, status: int, code: str) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": str(message)}}, status=status)


def _method_not_allowed(allowed: list[str]) -> JsonResponse:
    response = _error(
        translation.gettext("Use %(methods)s for this address.") % {"methods": ", ".join(allowed)},
        status=405,
        code="method_not_allowed",
    )
    response["Allow"] = ", ".join(allowed)
    return response


def _request_language(request, asked=None) -> str:
    """The language the client asked for, else the one its Accept-Language prefers."""
    if isinstance(asked, str) and asked in LANGUAGE_CODES:
        return asked
    return translation.get_language_from_request(request)


# Trust decision: no session or cookie is read here, so CSRF cannot act on a visitor's behalf.
# What a cross-site page could still do is spend its visitor's budget and leave "not found"
# rows: only application/json is read, which a browser sends to another site only after a
# CORS preflight (OPTIONS), and that is refused (405, no Access-Control-Allow-* header).
@csrf_exempt
def diagnose(request):
    if request.method != "POST":
        return _method_not_allowed(["POST"])
    if request.content_type != "application/json":
        with translation.override(_request_language(request, request.GET.get("lang"))):
            return _error(
                translation.gettext("Send the bounce as JSON, with the header Content-Type: application/json."),
                status=415,
                code="unsupported_media_type",
            )
    if not request_origin_allowed(request=request, referer_required=False):
        with translation.override(_request_language(request, request.GET.get("lang"))):
            return _error(
                translation.gettext("This address can only be called from this site or from a program, not from another site's page."),
                status=403,
                code="cross_site",
            )
    try:
        body = request.body  # refused by Django past DATA_UPLOAD_MAX_MEMORY_SIZE
    except RequestDataTooBig:
        body = None
    if body is None or len(body) > MAX_INPUT_BYTES + 10_000:
        with translation.override(_request_language(request, request.GET.get("lang"))):
            return _error(INPUT_ERROR_MESSAGES["too_large"], status=413, code="too_large")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: "[[[[…" nested deep
        payload = None
    lang = _request_language(request, payload.get("lang") if isinstance(payload, dict) else None)
    with translation.override(lang):
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            return _error(
                translation.gettext('Send a JSON object with the bounce in "text", for example {"text": "550 5.1.1 …", "lang": "en"}.'),
                status=400,
                code="bad_request",
            )
        retry_after = diagnose_rate_check(address=client_address(request))
        if retry_after:
            response = _error(
                translation.ngettext(
                    "Too many requests. Try again in %(seconds)s second.",
                    "Too many requests. Try again in %(seconds)s seconds.",
                    retry_after,
                ) % {"seconds": retry_after},
                status=429,
                code="rate_limited",
            )
            response["Retry-After"] = str(retry_after)
            return response
        try:
            answer = bounce_diagnose_published(text=payload["text"], language=lang)
        except BounceInputError as error:
            status = 413 if error.code == "too_large" else 400
            return _error(INPUT_ERROR_MESSAGES.get(error.code, INPUT_ERROR_MESSAGES["unreadable"]), status=status, code=error.code)
        return JsonResponse(answer.to_dict(lang=lang))


def search(request):
    if request.method not in ("GET", "HEAD"):
        return _method_not_allowed(["GET", "HEAD"])
    lang = _request_language(request, request.GET.get("lang"))
    query = request.GET.get("q", "")
    with translation.override(lang):
        if len(query) > MAX_QUERY_CHARS:
            return _error(
                translation.gettext("The search is too long: use at most %(count)s characters.") % {"count": MAX_QUERY_CHARS},
                status=400,
                code="too_long",
            )
        hits = articles_search(query=query, lang=lang, limit=10)
    return JsonResponse(
        {
            "results": [
                {"slug": h.slug, "title": h.title, "category": h.category, "score": h.score, "snippet": h.snippet}
                for h in hits
            ]
        }
    )


def checks(request):
    """GET /api/v1/checks?ip=&domain=&recipient_domain=&lang=&topics=tls,content: live DNS checks."""
    if request.method not in ("GET", "HEAD"):
        return _method_not_allowed(["GET", "HEAD"])
    lang = _request_language(request, request.GET.get("lang"))
    with translation.override(lang):
        targets, topics = check_request_read(request.GET)
        if not any(targets.values()):
            return _error(translation.gettext("Give at least one of ip, domain or recipient_domain."),
                          status=400, code="bad_request")
        retry_after = checks_rate_check(address=client_address(request))
        if retry_after:
            response = _error(
                translation.ngettext("Too many requests. Try again in %(seconds)s second.",
                                     "Too many requests. Try again in %(seconds)s seconds.", retry_after)
                % {"seconds": retry_after},
                status=429, code="rate_limited",
            )
            response["Retry-After"] = str(retry_after)
            return response
        try:
            found = checks_for(topics=topics, **targets)
        except InvalidTarget as error:
            return _error(invalid_target_message(error), status=400, code=error.code)
        return JsonResponse({"checks": [check.to_dict() for check in found]})
