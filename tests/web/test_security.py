import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/en/", "/fr/spam-filter/", "/admin/login/"])
def test_responses_carry_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script_and_no_third_party_asset(client):
    for path in ["/en/", "/fr/", "/en/spam-filter/"]:
        content = client.get(path).content.decode()
        assert "<script>" not in content
        for marker in ('src="http', "src=\"//", 'href="//'):
            assert marker not in content, (path, marker)


def test_admin_tabs_use_our_own_jquery_ui(admin_client):
    content = admin_client.get("/admin/articles/article/add/").content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in content
    assert "googleapis" not in content


def test_check_deploy_is_clean_with_production_values():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "a-long-random-production-secret-key-for-this-test-0123456789",
        "ALLOWED_HOSTS": "bounces.example.org",
        "DJANGO_SETTINGS_MODULE": "troubleshoot.settings",
        "DATABASE_URL": "sqlite:////tmp/check-deploy.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_forms_sent_from_another_site_are_refused(client):
    other = {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"}
    assert client.post("/en/spam-filter/feedback/", {"helpful": "yes"}, **other).status_code == 403
    assert client.post("/en/diagnose/", {"text": "550 5.1.1 User unknown"}, **other).status_code == 403
    same = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
    assert client.post("/en/spam-filter/feedback/", {"helpful": "yes"}, **same).status_code == 302


def test_cached_pages_follow_content_changes(client):
    from troubleshoot.articles.models import Article

    assert "Spam filter, edited" not in client.get("/en/spam-filter/").content.decode()
    article = Article.objects.get(slug="spam-filter")
    article.title_en = "Spam filter, edited"
    article.save()
    assert "Spam filter, edited" in client.get("/en/spam-filter/").content.decode()



def test_production_refuses_to_start_without_a_named_database():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "a-long-random-production-secret-key-for-this-test-0123456789",
           "DJANGO_SETTINGS_MODULE": "troubleshoot.settings"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Set DATABASE_URL when DEBUG is off" in result.stderr
    explicit = subprocess.run([sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR,
                              env={**env, "DATABASE_URL": "sqlite:////tmp/explicit.sqlite3"},
                              capture_output=True, text=True, timeout=120)
    assert explicit.returncode == 0, explicit.stderr
