"""The JSON of GET /api/v1/checks, and texts translated when shown, not when checked."""

import json

from django.utils import translation

from troubleshoot.checks import Check, LazyText, checks_run
from troubleshoot.checks import texts as T


def test_to_dict_has_the_contract_fields(dns_server):
    for check in checks_run(ip="5.6.7.10", domain="good.fixture.net", recipient_domain="rcpt.fixture.net",
                            resolver=dns_server.resolver()):
        data = check.to_dict()
        assert {"kind", "target", "verdict", "listed", "detail", "action_url"} <= set(data)
        assert data["verdict"] in ("ok", "problem", "not_checked", "could_not_check")
        assert isinstance(data["detail"], str) and data["detail"]
        assert isinstance(data["action_url"], str)
        json.dumps(data)


class LanguageProbe:
    """Stands for a lazy translation: its text is the language active when it is shown."""

    def __str__(self):
        return translation.get_language()

    def __mod__(self, values):
        return f"{translation.get_language()}:{values['target']}"


def test_detail_is_translated_when_shown_not_when_checked(dns_server):
    plain, filled = LazyText(LanguageProbe()), LazyText(LanguageProbe(), target="5.6.7.8")
    with translation.override("fr"):
        assert (str(plain), str(filled)) == ("fr", "fr:5.6.7.8")
    with translation.override("en"):
        assert (str(plain), str(filled)) == ("en", "en:5.6.7.8")
    for check in checks_run(ip="5.6.7.10", domain="good.fixture.net", resolver=dns_server.resolver()):
        assert not isinstance(check.detail, str)


def test_plural_mx_text_follows_the_count():
    one = LazyText(T.MX_OK, domain="d.net", hosts="mx.d.net", count=1)
    two = LazyText(T.MX_OK, domain="d.net", hosts="a, b", count=2)
    assert str(one) == "Mail for d.net goes to its mail server mx.d.net."
    assert str(two) == "Mail for d.net goes to 2 mail servers: a, b."


def test_check_is_frozen_and_verdicts_are_closed():
    import dataclasses

    import pytest

    check = Check(kind="mx", target="d.net", verdict="ok", detail="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.verdict = "problem"
    with pytest.raises(ValueError):
        Check(kind="mx", target="d.net", verdict="maybe", detail="x")
