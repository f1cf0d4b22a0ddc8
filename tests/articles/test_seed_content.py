import json

import pytest
from django.core import serializers
from django.core.management import call_command

from troubleshoot.articles.categories import Category
from troubleshoot.articles.models import Article, BounceSignature

# DESIGN.md, "The articles of the seed page": the public slugs bounce messages link to.
SEED = {
    "spam-filter": "spamdetected",
    "spamhaus-pbl": "blocked",
    "blocked-ip": "blocked",
    "blocked-domain": "rejected",
    "blocked-address": "rejected",
    "invalid-recipient": "userunknown",
    "relay-denied": "norelaying",
    "queued-for-redelivery": "expired",
    "traffic-shaping": "ratelimited",
    "too-many-messages": "ratelimited",
    "rfc2821-noncompliant": "syntaxerror",
    "rfc2822-format": "notcompliantrfc",
    "temporary-error": "systemerror",
    "permanent-error": "undefined",
    "sender-blocked": "rejected",
    "ip-reputation": "badreputation",
}

pytestmark = pytest.mark.django_db


def test_every_seed_entry_is_an_article_with_its_fixed_slug_and_category():
    found = dict(Article.objects.filter(slug__in=SEED).values_list("slug", "category"))
    assert found == SEED


def test_every_seed_article_has_english_and_french_text():
    for article in Article.objects.filter(slug__in=SEED):
        for field in ("title", "summary", "body"):
            assert getattr(article, f"{field}_en"), (article.slug, field, "en")
            assert getattr(article, f"{field}_fr"), (article.slug, field, "fr")
        assert article.title_fr != article.title_en


def test_every_category_has_a_published_general_article():
    general = set(Article.objects.published().filter(is_general=True).values_list("category", flat=True))
    assert general == set(Category.values)


def test_known_bounce_texts_of_the_seed_are_signatures():
    texts = set(BounceSignature.objects.values_list("text", flat=True))
    assert "553 sorry, your envelope sender is in my badmailfrom list." in texts
    assert "460 too many messages (#4.3.0)" in texts
    assert "553-mail rejected because your IP is in the PBL. See http://www.spamhaus.org/pbl" in texts


def test_loading_the_seed_twice_changes_nothing():
    def dump():
        articles = serializers.serialize("json", Article.objects.order_by("slug"), use_natural_foreign_keys=True)
        signatures = serializers.serialize(
            "json", BounceSignature.objects.order_by("article__slug", "text"), use_natural_foreign_keys=True
        )
        return json.loads(articles), json.loads(signatures)

    before = dump()
    call_command("seed_content", "--force", verbosity=0)
    assert dump() == before


def test_seed_command_leaves_edited_articles_alone():
    Article.objects.filter(slug="spam-filter").update(title_en="Edited by staff")
    call_command("seed_content", verbosity=0)
    assert Article.objects.get(slug="spam-filter").title_en == "Edited by staff"
