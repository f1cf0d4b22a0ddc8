"""Bad input: what is not an IP address or a domain is refused before any lookup, with a code."""

import pytest

from troubleshoot.checks import InvalidTarget, checks_run, domain_validate, ip_validate


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("999.1.1.1", "invalid_ip"),
        ("1.2.3", "invalid_ip"),
        ("01.2.3.4", "invalid_ip"),
        ("5.6.7.8:25", "ip_with_port"),
        ("[2001:db8::1]:25", "ip_with_port"),
        ("fe80::1%eth0", "invalid_ip"),
        ("example.org", "invalid_ip"),
        ("1" * 300, "too_long"),
        ("", "empty"),
        ("５.６.７.８", "invalid_ip"),
    ],
)
def test_malformed_ip_is_refused_with_a_code(value, code):
    with pytest.raises(InvalidTarget) as caught:
        ip_validate(value)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError) and caught.value.field == "ip"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" 5.6.7.8 ", "5.6.7.8"), ("::ffff:5.6.7.8", "5.6.7.8"), ("[2a00:1450::1]", "2a00:1450::1"),
     ("2A00:1450:0:0::1", "2a00:1450::1")],
)
def test_ip_is_normalised(value, expected):
    assert ip_validate(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("-example..com", "invalid_domain"),
        ("-example.com", "invalid_domain"),
        ("example-.com", "invalid_domain"),
        ("exa mple.com", "invalid_domain"),
        ("a" * 300, "too_long"),
        (("a" * 63 + ".") * 4 + "com", "too_long"),
        ("a" * 64 + ".com", "invalid_domain"),
        ("exаmple.com", "lookalike"),  # Cyrillic a
        ("pаypal.com", "lookalike"),
        ("ｅｘａｍｐｌｅ.com", "lookalike"),  # full-width letters
        ("xn--zz.com", "not_idna"),
        ("ex☃mple.com", "not_idna"),
        ("user@example.org", "not_a_domain"),
        ("5.6.7.8", "not_a_domain"),
        ("com", "not_a_domain"),
        ("exa_mple.com", "invalid_domain"),
        ("", "empty"),
    ],
)
def test_malformed_domain_is_refused_with_a_code(value, code):
    with pytest.raises(InvalidTarget) as caught:
        domain_validate(value)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Example.ORG.", "example.org"), ("münchen.de", "xn--mnchen-3ya.de"), ("ПРИМЕР.рф", "xn--e1afmkfd.xn--p1ai"),
     ("xn--mnchen-3ya.de", "xn--mnchen-3ya.de")],
)
def test_domain_is_normalised_to_a_labels(value, expected):
    assert domain_validate(value) == expected


def test_checks_run_refuses_bad_input_before_any_lookup():
    with pytest.raises(InvalidTarget) as caught:
        checks_run(ip="5.6.7.8", recipient_domain="-example..com")
    assert caught.value.field == "recipient_domain"
    with pytest.raises(InvalidTarget):
        checks_run(domain="good.fixture.net", dkim_selector="bad selector")


def test_nothing_to_check_returns_nothing():
    assert checks_run() == []
