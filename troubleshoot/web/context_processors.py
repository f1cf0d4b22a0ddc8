from django.conf import settings
from django.urls import translate_url


def operator(request):
    """Site-wide names from settings, and this page's address in every language."""
    alternates = [
        {"code": code, "name": name, "url": translate_url(request.path, code)} for code, name in settings.LANGUAGES
    ]
    return {"OPERATOR_NAME": settings.OPERATOR_NAME, "PORTAL_NAME": settings.PORTAL_NAME, "alternates": alternates}
