import pytest
from django.core.management import call_command

from tests.checks.conftest import dns_server  # noqa: F401 - a real DNS server, for every test that checks DNS
from troubleshoot.articles.snapshot import content_snapshot_reset


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the seed content, as `make run` serves it."""
    with django_db_blocker.unblock():
        call_command("seed_content", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_snapshot():
    # Each test's transaction is rolled back, so content versions repeat between tests.
    content_snapshot_reset()
    yield
    content_snapshot_reset()
