from troubleshoot.checks import checks_run


def mx(dns_server, domain):
    (check,) = [c for c in checks_run(recipient_domain=domain, resolver=dns_server.resolver()) if c.kind == "mx"]
    return check


def test_mx_hosts_are_listed_in_preference_order(dns_server):
    check = mx(dns_server, "rcpt.fixture.net")
    assert (check.verdict, check.code) == ("ok", "mx")
    assert check.fact("hosts") == ("mx1.rcpt.fixture.net", "mx2.rcpt.fixture.net")


def test_domain_that_does_not_exist_is_nxdomain(dns_server):
    check = mx(dns_server, "nosuchname.fixture.net")
    assert (check.verdict, check.code) == ("problem", "nxdomain")
    assert "does not exist" in str(check.detail)


def test_null_mx_means_the_domain_accepts_no_mail(dns_server):
    check = mx(dns_server, "nullmx.fixture.net")
    assert (check.verdict, check.code) == ("problem", "null_mx")
    assert "RFC 7505" in str(check.detail)


def test_no_mx_falls_back_to_the_address_record(dns_server):
    check = mx(dns_server, "amx.fixture.net")
    assert (check.verdict, check.code) == ("ok", "no_mx_a_fallback")
    assert "5.6.10.3" in str(check.detail)


def test_no_mx_and_no_address_is_no_mail_server(dns_server):
    assert mx(dns_server, "nomail.fixture.net").code == "no_mail_server"


def test_mta_sts_and_tls_rpt_only_when_the_bounce_is_about_tls(dns_server):
    resolver = dns_server.resolver()
    assert {c.kind for c in checks_run(recipient_domain="tls.fixture.net", resolver=resolver)} == {"mx"}
    checks = {c.kind: c for c in checks_run(recipient_domain="tls.fixture.net", topics={"tls"}, resolver=resolver)}
    assert (checks["mta_sts"].code, checks["mta_sts"].fact("id")) == ("mta_sts", "20260101T000000")
    assert checks["mta_sts"].action_url == "https://mta-sts.tls.fixture.net/.well-known/mta-sts.txt"
    assert (checks["tls_rpt"].code, checks["tls_rpt"].fact("rua")) == ("tls_rpt", "mailto:tlsrpt@fixture.net")
    absent = {c.kind: c for c in checks_run(recipient_domain="rcpt.fixture.net", topics={"tls"}, resolver=resolver)}
    assert (absent["mta_sts"].code, absent["tls_rpt"].code) == ("mta_sts_none", "tls_rpt_none")
