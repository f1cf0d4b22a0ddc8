"""A bad day: the database or the cache gone. Pages keep answering; nothing answers 500."""

from __future__ import annotations

import contextlib
import json
import logging

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from troubleshoot.articles.models import Feedback, MissedQuery
from troubleshoot.articles.snapshot import content_snapshot_reset

pytestmark = pytest.mark.django_db

BOUNCE = "550 5.1.1 <jdoe@example.com>: Recipient address rejected: User unknown in virtual mailbox table"
# nothing listens on port 1: connecting fails at once, as with a Redis that has stopped
DEAD_REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": "redis://127.0.0.1:1/0",
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}


@contextlib.contextmanager
def database_down():
    """Every query fails as it does when the server has gone away."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield
    # Each test runs inside a transaction that a failed write marks for rollback; a request on
    # the site runs in autocommit. No refused query reached the database, so carry on.
    connection.needs_rollback = False


def test_public_pages_search_and_diagnosis_answer_from_memory_while_the_database_is_down(client):
    assert client.get("/en/").status_code == 200  # the snapshot is built while the database is up
    with database_down():
        pages = {
            "home": client.get("/fr/"),
            "article": client.get("/en/spamhaus-pbl/"),
            "search": client.get("/en/search/", {"q": "spamhaus"}),
            "paste": client.post("/en/diagnose/", {"text": BOUNCE}, follow=True),
            "link": client.get("/fr/", {"error": BOUNCE}),
            "api": client.post("/api/v1/diagnose", json.dumps({"text": BOUNCE}), content_type="application/json"),
            "api search": client.get("/api/v1/search", {"q": "spamhaus"}),
        }
    for name, response in pages.items():
        assert response.status_code == 200, name
    assert "spamhaus-pbl" in pages["search"].content.decode()
    assert pages["api"].json()["results"][0]["category"] == "userunknown"


def test_a_vote_that_cannot_be_saved_says_so_and_stores_nothing(client):
    client.get("/en/spamhaus-pbl/")
    with database_down():
        response = client.post("/fr/spamhaus-pbl/feedback/", {"helpful": "yes"})
    assert response.status_code == 503
    assert "Nous n’avons pas pu enregistrer votre réponse" in response.content.decode()
    assert Feedback.objects.count() == 0
    # once the database is back, the same vote is recorded
    assert client.post("/fr/spamhaus-pbl/feedback/", {"helpful": "yes"}).status_code == 302
    assert Feedback.objects.count() == 1


def test_an_unfound_search_that_cannot_be_kept_says_so(client):
    client.get("/en/")
    with database_down():
        response = client.get("/en/search/", {"q": "zzyzx qwertyuiop"})
    assert response.status_code == 200
    assert "We could not keep this for our support team just now" in response.content.decode()
    assert not MissedQuery.objects.exists()
    client.get("/en/search/", {"q": "zzyzx qwertyuiop"})
    assert MissedQuery.objects.count() == 1


def test_a_process_without_content_serves_a_clear_503_then_recovers(client):
    content_snapshot_reset()
    with database_down():
        page = client.get("/fr/")
        api = client.post("/api/v1/diagnose", json.dumps({"text": BOUNCE}), content_type="application/json")
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    assert "Service momentanément indisponible" in page.content.decode()
    assert api.status_code == 503
    assert api.json()["error"]["code"] == "unavailable"
    assert client.get("/fr/").status_code == 200


def test_the_admin_shows_a_clear_error_page_while_the_database_is_down(admin_client):
    with database_down():
        response = admin_client.get("/admin/articles/article/")
    assert response.status_code == 503
    assert "The admin cannot reach its database just now" in response.content.decode()
    assert admin_client.get("/admin/articles/article/").status_code == 200


def test_health_and_readiness_for_a_load_balancer(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    with database_down():
        assert client.get("/healthz").status_code == 200
        down = client.get("/readyz")
    assert down.status_code == 503
    assert down.json()["database"] == "unreachable"


@override_settings(CACHES=DEAD_REDIS, DIAGNOSE_RATE_LIMIT=2)
def test_with_redis_gone_the_rate_limit_counts_in_memory_and_logs_it(client, caplog):
    with caplog.at_level(logging.WARNING, logger="troubleshoot.articles.throttling"):
        statuses = [client.post("/en/diagnose/", {"text": BOUNCE}, REMOTE_ADDR="198.51.100.7", follow=True).status_code
                    for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert "Cache unreachable" in caplog.text
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["cache"] == "unreachable"
