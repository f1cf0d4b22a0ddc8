import polib
import pytest
from django.core.management import CommandError, call_command

from troubleshoot.articles.models import Article

pytestmark = pytest.mark.django_db


def export(tmp_path, lang="fr"):
    path = tmp_path / f"articles-{lang}.po"
    call_command("export_article_po", "--lang", lang, "--output", str(path))
    return path


def run_import(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("import_article_po", str(path), *args, stdout=out)
    return out.getvalue()


def snapshot_of_articles():
    return list(Article.objects.order_by("slug").values())


def test_export_has_one_context_per_article_field_with_english_msgid(tmp_path):
    po = polib.pofile(str(export(tmp_path)))
    article = Article.objects.get(slug="spam-filter")
    entry = po.find("spam-filter:title", by="msgctxt")
    assert entry.msgid == article.title_en
    assert entry.msgstr == article.title_fr
    assert {e.msgctxt.split(":")[1] for e in po} == {"title", "summary", "body"}
    assert po.metadata["Language"] == "fr"


def test_export_then_import_changes_nothing(tmp_path):
    before = snapshot_of_articles()
    output = run_import(export(tmp_path))
    assert "0 changed" in output
    assert snapshot_of_articles() == before


def test_import_applies_translations_and_reports_them(tmp_path):
    path = export(tmp_path)
    po = polib.pofile(str(path))
    po.find("spam-filter:title", by="msgctxt").msgstr = "Message bloqué par le filtre antispam (relu)"
    po.save(str(path))
    output = run_import(path)
    assert "changed spam-filter title_fr" in output
    assert "1 changed" in output
    assert Article.objects.get(slug="spam-filter").title_fr == "Message bloqué par le filtre antispam (relu)"


def test_import_skips_fuzzy_and_empty_entries_and_never_clears_a_field(tmp_path):
    path = export(tmp_path)
    po = polib.pofile(str(path))
    fuzzy = po.find("spam-filter:title", by="msgctxt")
    fuzzy.msgstr = "Traduction incertaine"
    fuzzy.flags.append("fuzzy")
    po.find("spam-filter:summary", by="msgctxt").msgstr = ""
    po.save(str(path))
    before = Article.objects.get(slug="spam-filter")
    output = run_import(path)
    after = Article.objects.get(slug="spam-filter")
    assert after.title_fr == before.title_fr
    assert after.summary_fr == before.summary_fr and after.summary_fr
    assert "1 fuzzy skipped" in output and "1 empty skipped" in output


@pytest.mark.parametrize("context, message", [("no-such-article:title", "no article with slug"), ("spam-filter:slug", "unknown field")])
def test_import_refuses_a_file_naming_an_unknown_article_or_field(tmp_path, context, message):
    path = export(tmp_path)
    po = polib.pofile(str(path))
    po.find("spam-filter:title", by="msgctxt").msgstr = "Changement qui ne doit pas passer"
    po.append(polib.POEntry(msgctxt=context, msgid="x", msgstr="y"))
    po.save(str(path))
    before = snapshot_of_articles()
    with pytest.raises(CommandError, match=message):
        run_import(path)
    assert snapshot_of_articles() == before


def test_export_refuses_the_source_language(tmp_path):
    with pytest.raises(CommandError, match="translation language"):
        export(tmp_path, lang="en")
