from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


def operator(request):
    """Site-wide names from settings, and this page's address in every language."""
    resolved = getattr(request, "resolver_match", None) is not None
    # The same page in the other language: a result (?error=), a search (?q=) keeps its query.
    query = request.GET.urlencode() if request.method == "GET" and request.GET else ""
    alternates = []
    for code, name in settings.LANGUAGES:
        if resolved:
            url = translate_url(request.path, code) + (f"?{query}" if query else "")
        else:
            # An unknown path (a 404) is never echoed back as a link: offer each home page.
            with translation.override(code):
                url = reverse("web:home")
        alternates.append({"code": code, "name": name, "url": url})
    return {"OPERATOR_NAME": settings.OPERATOR_NAME, "PORTAL_NAME": settings.PORTAL_NAME, "alternates": alternates}
