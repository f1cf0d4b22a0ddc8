from troubleshoot.checks import checks_run
from troubleshoot.checks.rdns import ptr_looks_dynamic


def reverse_dns(dns_server, ip):
    (check,) = [c for c in checks_run(ip=ip, resolver=dns_server.resolver()) if c.kind == "reverse_dns"]
    return check


def test_ptr_that_resolves_back_is_forward_confirmed(dns_server):
    check = reverse_dns(dns_server, "5.6.7.20")
    assert (check.verdict, check.code) == ("ok", "fcrdns")
    assert "mail.fixture.net" in str(check.detail)


def test_ptr_whose_name_points_elsewhere_is_a_problem(dns_server):
    check = reverse_dns(dns_server, "5.6.7.21")
    assert (check.verdict, check.code) == ("problem", "ptr_not_confirmed")
    assert "nomatch.fixture.net" in str(check.detail) and "A record" in str(check.detail)


def test_ip_without_ptr_is_a_problem_with_the_next_step(dns_server):
    check = reverse_dns(dns_server, "5.6.7.23")
    assert (check.verdict, check.code) == ("problem", "no_ptr")
    assert "ask whoever provides this address" in str(check.detail)


def test_home_or_dynamic_looking_ptr_gets_a_hint(dns_server):
    check = reverse_dns(dns_server, "5.6.7.22")
    assert (check.verdict, check.code) == ("problem", "ptr_dynamic")
    assert "home or dynamic" in str(check.detail)


def test_dynamic_look_is_judged_on_the_host_part_only():
    assert ptr_looks_dynamic("81.2.69.160", "81-2-69-160.dsl.isp.net")
    assert ptr_looks_dynamic("81.2.69.160", "160.69.2.81.broadband.isp.net")
    assert ptr_looks_dynamic("81.2.69.160", "dhcp-pool7.isp.net")
    assert not ptr_looks_dynamic("81.2.69.160", "mail.example.org")
    assert not ptr_looks_dynamic("81.2.69.160", "smtp1.home.com")
