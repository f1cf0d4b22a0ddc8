import pytest

from troubleshoot.checks import DEFAULT_BLOCKLISTS, BlockList, Meaning, checks_run

from .conftest import DQS_KEY, UNLISTED_IP


def blocklist_checks(dns_server, ip, **kwargs):
    return [c for c in checks_run(ip=ip, resolver=dns_server.resolver(), **kwargs) if c.kind == "blocklist"]


def by_source(checks):
    return {c.source: c for c in checks}


@pytest.mark.parametrize(
    ("ip", "code"),
    [
        ("5.6.7.2", "sbl"),
        ("5.6.7.3", "css"),
        ("5.6.7.4", "xbl"),
        ("5.6.7.5", "xbl"),
        ("5.6.7.6", "xbl"),
        ("5.6.7.7", "xbl"),
        ("5.6.7.9", "drop"),
        ("5.6.7.10", "pbl"),
        ("5.6.7.11", "pbl"),
    ],
)
def test_spamhaus_zen_return_code_tells_which_list(dns_server, ip, code):
    zen = by_source(blocklist_checks(dns_server, ip))["Spamhaus ZEN"]
    assert (zen.verdict, zen.listed, zen.code) == ("problem", True, code)
    assert zen.action_url == f"https://check.spamhaus.org/results/?query={ip}"
    assert str(zen.detail).startswith(f"{ip} is on Spamhaus ZEN.")


def test_pbl_detail_says_it_is_no_penalty_and_to_use_a_smarthost(dns_server):
    zen = by_source(blocklist_checks(dns_server, "5.6.7.10"))["Spamhaus ZEN"]
    assert "PBL" in str(zen.detail) and "smarthost" in str(zen.detail) and "not a penalty" in str(zen.detail)


def test_unlisted_ip_is_ok_on_every_list(dns_server):
    checks = blocklist_checks(dns_server, UNLISTED_IP)
    assert [c.source for c in checks] == ["Spamhaus ZEN", "SpamCop", "Barracuda"]
    assert all((c.verdict, c.listed, c.action_url) == ("ok", False, "") for c in checks)


def test_spamcop_and_barracuda_listings_link_to_their_removal_pages(dns_server):
    spamcop = by_source(blocklist_checks(dns_server, "5.6.7.2"))["SpamCop"]
    assert (spamcop.verdict, spamcop.listed) == ("problem", True)
    assert spamcop.action_url == "https://www.spamcop.net/bl.shtml?5.6.7.2"
    barracuda = by_source(blocklist_checks(dns_server, "5.6.7.3"))["Barracuda"]
    assert (barracuda.verdict, barracuda.listed) == ("problem", True)
    assert "5.6.7.3" in barracuda.action_url


@pytest.mark.parametrize("last", [252, 254, 255])
def test_spamhaus_error_answers_are_could_not_check_never_listed(dns_server, last):
    zen = by_source(blocklist_checks(dns_server, f"5.6.8.{last}"))["Spamhaus ZEN"]
    assert (zen.verdict, zen.listed, zen.code) == ("could_not_check", None, "list_refused")
    assert f"127.255.255.{last}" in str(zen.detail) and "does not mean" in str(zen.detail)


def test_answer_outside_127_is_could_not_check(dns_server):
    zen = by_source(blocklist_checks(dns_server, "5.6.9.1"))["Spamhaus ZEN"]
    assert (zen.verdict, zen.listed, zen.code) == ("could_not_check", None, "unexpected_answer")


def test_dqs_key_queries_the_data_query_service_zones(dns_server):
    zen = by_source(blocklist_checks(dns_server, "5.6.7.4", dqs_key=DQS_KEY))["Spamhaus ZEN"]
    assert (zen.verdict, zen.code) == ("problem", "xbl")
    # 5.6.7.2 is listed on the public zone only: the DQS zone was asked.
    assert by_source(blocklist_checks(dns_server, "5.6.7.2", dqs_key=DQS_KEY))["Spamhaus ZEN"].listed is False


def test_callers_can_add_a_list_with_its_own_codes_and_delisting_url(dns_server):
    extra = BlockList(
        zone="bl.spamcop.net",
        name="Staff list",
        delist_url="https://lists.example.net/remove?ip={ip}",
        meanings={"127.0.0.2": Meaning("staff", "Listed by our staff list.")},
    )
    staff = by_source(blocklist_checks(dns_server, "5.6.7.2", blocklists=DEFAULT_BLOCKLISTS + (extra,)))["Staff list"]
    assert (staff.verdict, staff.listed, staff.code) == ("problem", True, "staff")
    assert staff.action_url == "https://lists.example.net/remove?ip=5.6.7.2"
    assert "Listed by our staff list." in str(staff.detail)


def test_sender_domain_on_the_dbl_only_when_the_bounce_is_about_content_or_reputation(dns_server):
    resolver = dns_server.resolver()
    assert not [c for c in checks_run(domain="spammy.fixture.net", resolver=resolver) if c.kind == "domain_blocklist"]
    (dbl,) = [c for c in checks_run(domain="spammy.fixture.net", topics={"content"}, resolver=resolver)
              if c.kind == "domain_blocklist"]
    assert (dbl.verdict, dbl.listed, dbl.code) == ("problem", True, "dbl_spam")
    (phish,) = [c for c in checks_run(domain="phishy.fixture.net", topics={"reputation"}, resolver=resolver)
                if c.kind == "domain_blocklist"]
    assert phish.code == "dbl_phish"
    (clean,) = [c for c in checks_run(domain="good.fixture.net", topics={"reputation"}, resolver=resolver)
                if c.kind == "domain_blocklist"]
    assert (clean.verdict, clean.listed) == ("ok", False)
    (refused,) = [c for c in checks_run(domain="refused.fixture.net", topics={"content"}, resolver=resolver)
                  if c.kind == "domain_blocklist"]
    assert (refused.verdict, refused.listed) == ("could_not_check", None)
    (dqs,) = [c for c in checks_run(domain="spammy.fixture.net", topics={"content"}, resolver=resolver,
                                    dqs_key=DQS_KEY) if c.kind == "domain_blocklist"]
    assert dqs.listed is True


@pytest.mark.parametrize("ip", ["10.1.2.3", "192.168.0.1", "172.16.5.5", "127.0.0.1", "192.0.2.7", "198.51.100.1",
                                "203.0.113.9", "100.64.0.1", "169.254.1.1", "2001:db8::5", "fe80::1", "::1",
                                "240.0.0.1"])
def test_private_reserved_and_documentation_addresses_are_not_looked_up(dns_server, ip):
    checks = checks_run(ip=ip, resolver=dns_server.resolver())
    assert {c.kind for c in checks} == {"blocklist", "reverse_dns"}
    assert all(c.verdict == "not_checked" and c.listed is None for c in checks)
    assert all("not looked up" in str(c.detail) for c in checks)
