"""Votes keep no server-side session: a client that drops cookies leaves no session row per vote,
and a visitor who keeps them is still counted once and sees their vote."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from troubleshoot.articles.models import Feedback

pytestmark = pytest.mark.django_db


def test_a_client_without_cookies_leaves_no_session_row_however_often_it_votes(client):
    for helpful in ["yes", "no", "yes", "no", "yes"]:
        assert client.post("/en/spam-filter/feedback/", {"helpful": helpful}).status_code == 302
        client.cookies.clear()  # it never sends back what it was given
        assert client.post("/en/spam-filter/feedback/", {"comment": "nothing"}).status_code == 302
        client.cookies.clear()
    assert Session.objects.count() == 0
    assert Feedback.objects.exclude(comment="").count() == 0  # a comment needs the cookie of its "no"


def test_a_visitor_who_keeps_the_cookie_votes_once_and_sees_it_on_another_page_load(client):
    client.post("/en/spam-filter/feedback/", {"helpful": "yes"})
    client.post("/en/spam-filter/feedback/", {"helpful": "no"})
    client.post("/en/spam-filter/feedback/", {"comment": "the Gmail steps"})
    assert Session.objects.count() == 0
    assert list(Feedback.objects.values_list("helpful", "comment")) == [(False, "the Gmail steps")]
    assert "Thank you: we read every answer" in client.get("/en/spam-filter/").content.decode()
    assert 'name="helpful"' in Client().get("/en/spam-filter/").content.decode()  # others still get the form


def test_a_forged_votes_cookie_counts_for_nothing(client):
    client.post("/en/spam-filter/feedback/", {"helpful": "no"})
    signed = client.cookies["votes"].value
    forged = signed.replace('"no"', '"yes"')
    assert forged != signed
    client.cookies["votes"] = forged  # the signature no longer matches
    assert 'name="helpful"' in client.get("/en/spam-filter/").content.decode()
    client.post("/en/spam-filter/feedback/", {"comment": "forged"})
    assert not Feedback.objects.filter(comment="forged").exists()


def test_the_votes_cookie_is_kept_from_scripts_and_other_sites(client):
    client.post("/en/spam-filter/feedback/", {"helpful": "yes"})
    cookie = client.cookies["votes"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
