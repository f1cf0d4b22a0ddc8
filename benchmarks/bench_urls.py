"""The site's URLs plus one bare view: the baseline the web benchmark compares against."""

from django.http import HttpResponse
from django.urls import path

from troubleshoot.urls import urlpatterns as site_urlpatterns


def fixed(request):
    return HttpResponse("fixed", content_type="text/plain")


urlpatterns = [path("bench/fixed", fixed), *site_urlpatterns]
