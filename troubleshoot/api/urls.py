from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("v1/diagnose", views.diagnose, name="diagnose"),
    path("v1/search", views.search, name="search"),
    path("v1/checks", views.checks, name="checks"),
]
