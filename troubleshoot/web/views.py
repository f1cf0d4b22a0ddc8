from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from troubleshoot.articles.categories import Category
from troubleshoot.articles.services import bounce_diagnose_published, content_snapshot_get
from troubleshoot.diagnosis import BounceInputError

from .forms import INPUT_ERROR_MESSAGES, DiagnoseForm
from .throttling import client_address, diagnose_rate_check

CATEGORY_LABELS = dict(Category.choices)


def _grouped_articles(snapshot, lang):
    return [
        {"key": key, "label": CATEGORY_LABELS.get(key, key), "articles": [e.localized(lang) for e in entries]}
        for key, entries in sorted(
            snapshot.by_category().items(), key=lambda item: list(CATEGORY_LABELS).index(item[0])
        )
    ]


def home(request):
    lang = get_language()
    snapshot = content_snapshot_get()
    # A bounce may link here with its own error text: /fr/?error=…
    error_text = request.GET.get("error", "")
    if error_text:
        return _diagnose_and_render(request, content=error_text, form=DiagnoseForm(initial={"text": error_text}))
    return render(
        request,
        "web/home.html",
        {"form": DiagnoseForm(), "groups": _grouped_articles(snapshot, lang), "lang": lang},
    )


def diagnose(request):
    if request.method != "POST":
        form = DiagnoseForm()
        return render(request, "web/diagnose.html", {"form": form}, status=200)
    try:
        form = DiagnoseForm(request.POST, request.FILES)
    except RequestDataTooBig:
        form = DiagnoseForm()
        form.add_error(None, INPUT_ERROR_MESSAGES["too_large"])
        return render(request, "web/diagnose.html", {"form": form}, status=413)
    if not form.is_valid():
        return render(request, "web/diagnose.html", {"form": form}, status=400)
    return _diagnose_and_render(request, content=form.cleaned_data["content"], form=form)


def _diagnose_and_render(request, *, content, form):
    retry_after = diagnose_rate_check(address=client_address(request))
    if retry_after:
        response = render(request, "web/rate_limited.html", {"retry_after": retry_after}, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    try:
        answer = bounce_diagnose_published(text=content)
    except BounceInputError as error:
        form.add_error(None, INPUT_ERROR_MESSAGES.get(error.code, INPUT_ERROR_MESSAGES["unreadable"]))
        return render(request, "web/diagnose.html", {"form": form}, status=400)
    lang = get_language()
    snapshot = answer.snapshot
    results = []
    for result in answer.results:
        entry = snapshot.articles.get(result.article)
        data = result.to_dict()
        alternatives = [
            {**alt, "entry": snapshot.articles[alt["article"]].localized(lang)}
            for alt in data.get("alternatives", [])
            if alt.get("article") in snapshot.articles
        ]
        results.append(
            {"data": data, "article": entry.localized(lang) if entry else None, "alternatives": alternatives}
        )
    return render(
        request,
        "web/result.html",
        {"form": form, "results": results, "lang": lang, "category_labels": CATEGORY_LABELS},
    )


def article(request, slug):
    lang = get_language()
    snapshot = content_snapshot_get()
    entry = snapshot.articles.get(slug)
    if entry is None:  # unknown or unpublished: the snapshot holds published articles only
        raise Http404
    related = [a.localized(lang) for a in snapshot.by_category().get(entry.category, []) if a.slug != entry.slug]
    return render(
        request,
        "web/article.html",
        {
            "article": entry.localized(lang),
            "lang": lang,
            "category_label": CATEGORY_LABELS.get(entry.category, entry.category),
            "related": related,
        },
    )
