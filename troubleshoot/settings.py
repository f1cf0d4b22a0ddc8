"""Settings, all driven by the environment.

Defaults are for a developer's machine (DEBUG on, SQLite file). Production sets DEBUG=0,
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and, for several processes or machines, REDIS_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-key"
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    # Trust decision: sessions and signed data would be forgeable with a published key.
    raise ImproperlyConfigured("Set SECRET_KEY in the environment when DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes patch in first.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "reversion_compare",
    "troubleshoot.articles",
    "troubleshoot.search",
    "troubleshoot.web",
    "troubleshoot.api",
    "axes",  # login throttling; last, as its documentation asks
]

MIDDLEWARE = [
    # first: its headers reach every response, also those made before the others run (see its notes)
    "troubleshoot.web.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "troubleshoot.web.middleware.OutageMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins, that account and that
# address are each locked for AXES_COOLOFF_TIME (hours). Every failure is logged by axes.
# Unlock: manage.py axes_reset_username NAME, or axes_reset_ip ADDRESS (see the README).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own
AXES_RESET_ON_SUCCESS = True
# Failures are logged with the account and address tried, so staff can see who is guessing;
# the password is never logged.
AXES_SENSITIVE_PARAMETERS: list[str] = []
AXES_VERBOSE = False  # no start-up banner on every manage.py command; failures are still logged
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# the same address as the rate limits: REMOTE_ADDR, or the last X-Forwarded-For hop behind our proxy
AXES_CLIENT_IP_CALLABLE = "troubleshoot.articles.throttling.client_address"

ROOT_URLCONF = "troubleshoot.urls"
WSGI_APPLICATION = "troubleshoot.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "troubleshoot.web.context_processors.operator",
            ],
        },
    },
]

# SQLite file unless DATABASE_URL says otherwise (postgres://… in production). With DEBUG off the
# database must be named: a production process that silently wrote to a local SQLite file would
# lose everything with its container. DATABASE_URL=sqlite:///… asks for SQLite explicitly.
if not DEBUG and not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL when DEBUG is off (sqlite:///path to ask for SQLite explicitly).")
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that is gone must be noticed in seconds: pages go on from memory meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Short socket timeouts: a Redis that is gone must cost a request milliseconds, not a hang
    # (the rate limit then counts in the process's own memory, see articles/throttling.py).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # OWASP ASVS L1 2.1.1: at least 12 characters
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# English is the source language of every article; French falls back to it field by field.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "fr")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The admin's language tabs need jQuery UI: serve our own copy, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# One storage whatever DEBUG says: files collected with DEBUG on must serve with it off (a
# storage chosen by DEBUG left no manifest, and every page with DEBUG off answered 500). With
# DEBUG on, URLs stay unhashed and WhiteNoise serves from the apps' folders, nothing collected.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The operator whose bounces link here, and its customer portal: site settings, not template text.
OPERATOR_NAME = os.environ.get("OPERATOR_NAME", "Symantec.cloud")
PORTAL_NAME = os.environ.get("PORTAL_NAME", "ClientNet")

# Unanswered pastes and searches are kept this long for staff (purge_missed_queries).
MISSED_QUERY_RETENTION_DAYS = int(os.environ.get("MISSED_QUERY_RETENTION_DAYS", "90"))
# Long pasted reports are kept this long (redacted) so that their result has an address.
SAVED_REPORT_RETENTION_DAYS = int(os.environ.get("SAVED_REPORT_RETENTION_DAYS", "30"))
# Pastes up to this many characters get an ?error= link as their address instead.
SHORT_PASTE_CHARS = int(os.environ.get("SHORT_PASTE_CHARS", "1500"))
# Live DNS checks (troubleshoot.checks): resolvers (comma-separated IP or IP:port; empty: the
# system's), the time budget of all lookups for one page, Spamhaus's Data Query Service key (its
# public mirrors refuse queries from public resolvers), and checks per client address per window.
DNS_RESOLVERS = env_list("DNS_RESOLVERS", "")
CHECKS_BUDGET_SECONDS = float(os.environ.get("CHECKS_BUDGET_SECONDS", "3"))
SPAMHAUS_DQS_KEY = os.environ.get("SPAMHAUS_DQS_KEY", "")
CHECKS_RATE_LIMIT = int(os.environ.get("CHECKS_RATE_LIMIT", "20"))
# Below this confidence a diagnosis is kept for staff as "not found".
MISSED_QUERY_CONFIDENCE = float(os.environ.get("MISSED_QUERY_CONFIDENCE", "0.5"))
# Translators save drafts of their language and an editor publishes them, unless this is set.
TRANSLATORS_MAY_PUBLISH = os.environ.get("TRANSLATORS_MAY_PUBLISH", "0") == "1"
# The insight page's counts gather in each process and are written at most this often.
INSIGHT_FLUSH_SECONDS = float(os.environ.get("INSIGHT_FLUSH_SECONDS", "10"))

# How often a process asks the database whether published content changed.
CONTENT_CHECK_SECONDS = float(os.environ.get("CONTENT_CHECK_SECONDS", "1"))

# Pasted bounces: larger bodies are refused with a message rather than read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_500_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_500_000
# One budget per client address, shared by the paste form and the API.
DIAGNOSE_RATE_LIMIT = int(os.environ.get("DIAGNOSE_RATE_LIMIT", "30"))
DIAGNOSE_RATE_WINDOW = int(os.environ.get("DIAGNOSE_RATE_WINDOW", "60"))
# Votes and "not found" records per client address and window: they write to the database.
WRITE_RATE_LIMIT = int(os.environ.get("WRITE_RATE_LIMIT", "20"))
# Behind a reverse proxy, the client address is the last hop it appends to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# HTTPS=0 serves production settings over plain HTTP on a developer's machine (`make run`):
# no redirect to https, no HSTS, cookies not restricted to https. Never in production.
if not DEBUG and env_bool("HTTPS", True):
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    # Both commit every subdomain to HTTPS; set them to 0 where a subdomain still serves HTTP.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
