from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("diagnose/", views.diagnose, name="diagnose"),
    path("search/", views.search, name="search"),
    path("checks/", views.checks, name="checks"),
    path("codes/<str:code>/", views.code_page, name="code"),
    path("result/<str:token>/", views.saved_result, name="saved_result"),
    path("<slug:slug>/", views.article, name="article"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
]
