from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "troubleshoot.api"
    verbose_name = "API"
