from troubleshoot.checks import checks_run


def kinds(checks):
    return {c.kind: c for c in checks}


def run(dns_server, **kwargs):
    return kinds(checks_run(resolver=dns_server.resolver(), **kwargs))


def test_spf_passes_for_an_allowed_ip(dns_server):
    spf = run(dns_server, ip="5.6.7.20", domain="good.fixture.net")["spf"]
    assert (spf.verdict, spf.code, spf.fact("result")) == ("ok", "spf_pass", "pass")


def test_spf_fail_for_another_ip_says_what_to_add(dns_server):
    spf = run(dns_server, ip="5.6.7.21", domain="good.fixture.net")["spf"]
    assert (spf.verdict, spf.code) == ("problem", "spf_fail")
    assert "5.6.7.21" in str(spf.detail) and "Add this server" in str(spf.detail)


def test_spf_softfail_is_a_problem(dns_server):
    spf = run(dns_server, ip="5.6.7.20", domain="soft.fixture.net")["spf"]
    assert (spf.verdict, spf.code) == ("problem", "spf_softfail")


def test_spf_with_too_many_lookups_is_reported_as_such(dns_server):
    spf = run(dns_server, ip="5.6.7.20", domain="many.fixture.net")["spf"]
    assert (spf.verdict, spf.code) == ("problem", "spf_too_many_lookups")
    assert "10 DNS lookups" in str(spf.detail)


def test_spf_syntax_error_is_a_permerror(dns_server):
    spf = run(dns_server, ip="5.6.7.20", domain="broken.fixture.net")["spf"]
    assert (spf.verdict, spf.code) == ("problem", "spf_permerror")


def test_missing_spf_record_is_a_problem(dns_server):
    spf = run(dns_server, ip="5.6.7.20", domain="nospf.fixture.net")["spf"]
    assert (spf.verdict, spf.code) == ("problem", "spf_none")


def test_spf_record_is_checked_for_validity_without_an_ip(dns_server):
    assert run(dns_server, domain="good.fixture.net")["spf"].code == "spf_valid"
    assert run(dns_server, domain="many.fixture.net")["spf"].code == "spf_too_many_lookups"


def test_dmarc_reject_policy_with_alignment_and_reporting(dns_server):
    dmarc = run(dns_server, ip="5.6.7.20", domain="good.fixture.net")["dmarc"]
    assert (dmarc.verdict, dmarc.code) == ("ok", "dmarc_reject")
    assert dmarc.fact("aspf") == "s" and dmarc.fact("rua") == ("mailto:dmarc@fixture.net",)
    text = str(dmarc.detail)
    assert '"reject"' in text and "SPF strict, DKIM relaxed" in text and "mailto:dmarc@fixture.net" in text


def test_dmarc_reject_with_spf_failing_for_the_ip_is_a_problem(dns_server):
    dmarc = run(dns_server, ip="5.6.7.21", domain="good.fixture.net")["dmarc"]
    assert (dmarc.verdict, dmarc.code) == ("problem", "dmarc_reject_spf_fails")
    assert "DKIM" in str(dmarc.detail)


def test_dmarc_quarantine_with_pct_and_no_reports(dns_server):
    dmarc = run(dns_server, domain="soft.fixture.net")["dmarc"]
    assert (dmarc.verdict, dmarc.fact("policy"), dmarc.fact("pct")) == ("ok", "quarantine", 50)
    assert "50%" in str(dmarc.detail) and "No reports" in str(dmarc.detail)


def test_dmarc_falls_back_to_the_organisational_domain_and_its_subdomain_policy(dns_server):
    dmarc = run(dns_server, domain="nospf.fixture.net")["dmarc"]
    assert (dmarc.fact("found_at"), dmarc.fact("policy")) == ("fixture.net", "quarantine")
    assert "published by fixture.net" in str(dmarc.detail)


def test_dmarc_missing_invalid_and_duplicate_records_are_problems(dns_server):
    assert run(dns_server, domain="broken.fixture.net")["dmarc"].code == "dmarc_invalid"
    assert run(dns_server, domain="twodmarc.fixture.net")["dmarc"].code == "dmarc_multiple"
    assert run(dns_server, domain="fixture.net")["dmarc"].code == "dmarc_none"


def test_dkim_key_is_checked_only_when_a_selector_is_given(dns_server):
    assert "dkim" not in run(dns_server, domain="good.fixture.net")
    dkim = run(dns_server, domain="good.fixture.net", dkim_selector="s1")["dkim"]
    assert (dkim.verdict, dkim.code, dkim.fact("bits")) == ("ok", "dkim_key", 2048)
    assert dkim.target == "s1._domainkey.good.fixture.net"


def test_dkim_missing_revoked_weak_and_broken_keys_are_problems(dns_server):
    codes = {sel: run(dns_server, domain="good.fixture.net", dkim_selector=sel)["dkim"].code
             for sel in ("nokey", "old", "weak", "bad")}
    assert codes == {"nokey": "dkim_missing", "old": "dkim_revoked", "weak": "dkim_weak", "bad": "dkim_invalid"}


def test_example_domains_are_not_looked_up(dns_server):
    for domain in ("example.com", "mail.example.org", "example.net", "shop.test", "x.example", "a.invalid",
                   "localhost"):
        checks = checks_run(domain=domain, recipient_domain=domain, resolver=dns_server.resolver())
        assert {c.kind for c in checks} == {"spf", "dmarc", "mx"}
        assert all(c.verdict == "not_checked" and "not looked up" in str(c.detail) for c in checks)
