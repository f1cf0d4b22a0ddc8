import json

import pytest

pytestmark = pytest.mark.django_db

CONTRACT_KEYS = {"recipient", "category", "article", "permanent", "status", "reply_code", "confidence", "evidence"}


def post(client, payload, **extra):
    body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
    return client.post("/api/v1/diagnose", body, content_type="application/json", **extra)


def test_a_seed_reply_line_routes_to_its_article(client):
    response = post(client, {"text": "553 sorry, your envelope sender is in my badmailfrom list.", "lang": "fr"})
    assert response.status_code == 200
    (result,) = response.json()["results"]
    assert CONTRACT_KEYS <= set(result)
    assert result["article"] == "sender-blocked"
    assert result["category"] == "rejected"
    assert result["permanent"] is True
    assert result["reply_code"] == "553"
    assert result["evidence"]
    assert 0 <= result["confidence"] <= 1


def test_a_multi_line_reply_is_joined_before_matching(client):
    text = "553-Message filtered. Please see the FAQs section on spam at\n553-http://www.messagelabs.com/support/ for more information. (#5.7.1)"
    (result,) = post(client, {"text": text}).json()["results"]
    assert result["article"] == "spam-filter"


def test_answer_titles_follow_the_requested_language(client):
    en = post(client, {"text": "460 too many messages (#4.3.0)", "lang": "en"}).json()["results"][0]
    fr = post(client, {"text": "460 too many messages (#4.3.0)", "lang": "fr"}).json()["results"][0]
    assert en["article"] == fr["article"] == "too-many-messages"
    assert en["permanent"] is False
    assert en["title"] != fr["title"]


@pytest.mark.parametrize(
    "payload, status",
    [
        ({"text": ""}, 400),
        ({"text": "   \n  "}, 400),
        ({"nothing": "here"}, 400),
        ("not json at all", 400),
        ([1, 2, 3], 400),
        ({"text": "\x00\x01\x02\x03binary\xff" * 200}, 400),
    ],
)
def test_bad_input_gets_a_json_error_with_a_4xx_status(client, payload, status):
    response = post(client, payload)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["message"]


@pytest.mark.parametrize("size", [2_200_000, 10_000_000])
def test_text_over_the_size_limit_is_refused_in_the_visitors_language(client, size):
    response = post(client, {"text": "x" * size}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 413
    assert "Collez seulement" in response.json()["error"]["message"]


def test_only_post_is_allowed(client):
    response = client.get("/api/v1/diagnose")
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_the_form_and_the_api_share_one_rate_limit_per_address(client, settings):
    settings.DIAGNOSE_RATE_LIMIT = 3
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        assert post(client, {"text": "550 5.1.1 User unknown"}).status_code == 200
    assert client.post("/en/diagnose/", {"text": "550 5.1.1 User unknown"}, follow=True).status_code == 200
    response = post(client, {"text": "550 5.1.1 User unknown"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    page = client.post("/fr/diagnose/", {"text": "550 5.1.1 User unknown"}, follow=True)
    assert page.status_code == 429 and int(page["Retry-After"]) >= 1
    # Another address still has its own budget.
    assert post(client, {"text": "550 5.1.1 User unknown"}, REMOTE_ADDR="10.9.8.7").status_code == 200
    cache.clear()


def test_the_rate_limit_is_kept_in_redis_so_every_process_shares_it(client, settings):
    import os

    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    server = redis.Redis.from_url(url)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    settings.DIAGNOSE_RATE_LIMIT = 2
    from django.core.cache import caches

    caches["default"].clear()
    address = "192.0.2.77"
    for _ in range(2):
        assert post(client, {"text": "550 5.1.1 User unknown"}, REMOTE_ADDR=address).status_code == 200
    # Another process sees the same budget: the count lives in Redis, not in this process.
    keys = server.keys(f"*diagnose-rate:{address}")
    assert len(keys) == 1 and server.zcard(keys[0]) == 2  # the two requests' times
    assert post(client, {"text": "550 5.1.1 User unknown"}, REMOTE_ADDR=address).status_code == 429
    caches["default"].clear()


@pytest.mark.parametrize(
    "body, status",
    [
        ('{"text": "550 5.1.1 user unknown", "lang": []}', 200),  # an unusable lang: the default language
        ('{"text": "550 5.1.1 user unknown", "lang": {}}', 200),
        ("[" * 100_000, 400),
        ('{"text": "\\ud800 550 5.1.1 nothing we know"}', 200),  # a lone surrogate is replaced, then read
    ],
)
def test_malformed_json_gets_a_json_answer_never_a_500(client, body, status):
    response = client.post("/api/v1/diagnose", body, content_type="application/json")
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"


OUT_OF_OFFICE = (
    "From: Jane Doe <jane@example.org>\nTo: sender@example.com\nSubject: Automatic reply: figures\n"
    "Auto-Submitted: auto-replied\n\nI am out of the office until 4 January.\n"
)


def test_an_auto_reply_gets_no_category_and_says_why_in_the_visitors_language(client):
    en = post(client, {"text": OUT_OF_OFFICE, "lang": "en"}).json()
    fr = post(client, {"text": OUT_OF_OFFICE, "lang": "fr"}).json()
    assert en["results"] == fr["results"] == []
    assert en["not_a_bounce"] == fr["not_a_bounce"] == "auto_reply"
    assert "automatic reply" in en["message"]
    assert "réponse automatique" in fr["message"]


def test_the_original_recipient_of_a_report_is_in_the_answer(client):
    text = (
        "From: MAILER-DAEMON@mail.example.net\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\n'
        "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.net\n\n"
        "Original-Recipient: rfc822; sales@example.org\nFinal-Recipient: rfc822; jane@example.org\n"
        "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n--b--\n"
    )
    (result,) = post(client, {"text": text}).json()["results"]
    assert (result["recipient"], result["original_recipient"]) == ("jane@example.org", "sales@example.org")
