from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("diagnose/", views.diagnose, name="diagnose"),
    path("<slug:slug>/", views.article, name="article"),
]
