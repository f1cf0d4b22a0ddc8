"""Test settings: the real settings, made fast and quiet."""

from troubleshoot.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DIAGNOSE_RATE_LIMIT = 1000
CONTENT_CHECK_SECONDS = 0  # every request sees a change at once
INSIGHT_FLUSH_SECONDS = 0  # counts written at once
WRITE_RATE_LIMIT = 1000
