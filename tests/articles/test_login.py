"""Staff login: wrong passwords are throttled per account and per address, and logged."""

from __future__ import annotations

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)


def log_in(client, username, password, address="198.51.100.20"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_the_right_password_after_five_wrong_ones_is_refused_until_unlocked(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "editor", "wrong").status_code == 200  # the form again, with its error
    locked = log_in(client, "editor", "wrong")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert log_in(client, "editor", PASSWORD).status_code == 429
    # even from another address: the account itself is locked
    assert log_in(client, "editor", PASSWORD, address="203.0.113.9").status_code == 429
    call_command("axes_reset_username", "editor", verbosity=0)
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_locked(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess{n}", "wrong", address="192.0.2.66")
    assert log_in(client, "editor", PASSWORD, address="192.0.2.66").status_code == 429
    assert log_in(client, "editor", PASSWORD, address="192.0.2.67").status_code == 302


def test_a_failed_login_is_logged(client, editor, caplog):
    with caplog.at_level(logging.INFO):
        log_in(client, "editor", "wrong")
    assert "login failure" in caplog.text.lower()
    assert 'username: "editor"' in caplog.text
    assert "198.51.100.20" in caplog.text
    assert "wrong" not in caplog.text


def test_the_lockout_page_is_in_french_for_french_staff(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="fr")
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_passwords_shorter_than_twelve_characters_are_refused(editor):
    with pytest.raises(ValidationError):
        validate_password("k7#Vq9!zPw2", user=editor)  # 11 characters
    validate_password("k7#Vq9!zPw2m", user=editor)
