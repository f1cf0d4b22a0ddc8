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


def translated_file(*, title: str = "Titre relu", language: str = "fr"):
    """An export of every article, with spam-filter's French title changed to `title`."""
    from troubleshoot.articles.po import article_po_export

    po = article_po_export(lang="fr")
    po.metadata["Language"] = language
    po.find("spam-filter:title", by="msgctxt").msgstr = title
    return po


def test_an_import_reports_what_it_changed_with_the_old_and_new_text():
    from troubleshoot.articles.po import ArticlePoChange, article_po_import

    po = translated_file()
    old = Article.objects.get(slug="spam-filter").title_fr
    report = article_po_import(po=po)
    assert report.changed == (ArticlePoChange(slug="spam-filter", field="title_fr", old=old, new="Titre relu"),)
    translated = [e for e in po if e.msgstr.strip()]
    assert report.unchanged == len(translated) - 1 and report.unchanged > 50
    assert report.skipped_stale == () and report.skipped_fuzzy == 0


def test_a_translation_of_english_that_changed_since_the_export_is_skipped_and_named():
    from troubleshoot.articles.po import article_po_import

    po = translated_file()
    before = Article.objects.get(slug="spam-filter")
    Article.objects.filter(slug="spam-filter").update(title_en="Blocked by the spam filter (rewritten)")
    report = article_po_import(po=po)
    assert report.skipped_stale == ("spam-filter:title",)
    assert report.changed == ()
    assert Article.objects.get(slug="spam-filter").title_fr == before.title_fr


@pytest.mark.parametrize("header", ["fr_FR", "FR", "fr"])
def test_the_language_comes_from_the_files_header_when_not_given(header):
    from troubleshoot.articles.po import article_po_import

    article_po_import(po=translated_file(language=header))
    assert Article.objects.get(slug="spam-filter").title_fr == "Titre relu"


@pytest.mark.parametrize("lang, header", [(None, "en"), ("en", "fr"), (None, ""), ("de", "fr")])
def test_a_file_for_the_source_or_an_unknown_language_is_refused_whole(lang, header):
    from troubleshoot.articles.po import ArticlePoError, article_po_import

    before = snapshot_of_articles()
    with pytest.raises(ArticlePoError, match="Unknown or source language"):
        article_po_import(po=translated_file(language=header), lang=lang)
    assert snapshot_of_articles() == before


def test_obsolete_entries_are_ignored_even_when_they_name_a_removed_article():
    from troubleshoot.articles.po import article_po_import

    po = translated_file()
    po.append(polib.POEntry(msgctxt="removed-article:title", msgid="Gone", msgstr="Parti", obsolete=True))
    report = article_po_import(po=po)
    assert [change.slug for change in report.changed] == ["spam-filter"]


def test_an_import_bumps_the_revision_of_the_articles_it_changed_only_and_keeps_a_history():
    from reversion.models import Version

    from troubleshoot.articles.po import article_po_import

    revisions = dict(Article.objects.values_list("slug", "revision"))
    article_po_import(po=translated_file())
    article_po_import(po=translated_file(title="Titre relu deux fois"))
    after = dict(Article.objects.values_list("slug", "revision"))
    assert after.pop("spam-filter") == revisions.pop("spam-filter") + 2
    assert after == revisions
    (version, *_older) = Version.objects.get_for_object(Article.objects.get(slug="spam-filter"))
    assert version.revision.comment == "Imported 1 fr translations from a .po file"


def test_every_problem_of_a_refused_file_is_listed_with_its_line():
    from troubleshoot.articles.po import ArticlePoError, article_po_import

    po = translated_file()
    po.append(polib.POEntry(msgctxt="no-such-article:title", msgid="x", msgstr="y"))
    po.append(polib.POEntry(msgctxt="spam-filter:slug", msgid="x", msgstr="y"))
    po.append(polib.POEntry(msgctxt=None, msgid="x", msgstr="y"))
    po.append(polib.POEntry(msgctxt="spam-filter:x:title", msgid="x", msgstr="y"))
    with pytest.raises(ArticlePoError) as refused:
        article_po_import(po=polib.pofile(po.__unicode__()))
    message = str(refused.value)
    (heading, *lines) = message.splitlines()
    assert heading == "Nothing imported. Fix these entries first:"
    assert len(lines) == 4 and all(line.startswith("  line ") for line in lines)
    assert "unknown field in context 'spam-filter:x:title'" in message
    assert "no article with slug 'no-such-article'" in message
    assert "unknown field in context 'spam-filter:slug'" in message
    assert "unknown field in context None" in message
    assert Article.objects.get(slug="spam-filter").title_fr != "Titre relu"


def test_a_file_without_a_language_header_is_refused_with_the_languages_to_choose_from():
    from troubleshoot.articles.po import ArticlePoError, article_po_import

    po = translated_file()
    del po.metadata["Language"]
    with pytest.raises(ArticlePoError) as refused:
        article_po_import(po=po)
    assert str(refused.value) == ("Unknown or source language '': give --lang or a 'Language' header (fr).")


def test_fuzzy_and_empty_entries_are_counted_and_the_entries_after_them_still_imported():
    from troubleshoot.articles.po import article_po_import

    po = translated_file()
    entries = [entry for entry in po if entry.msgctxt != "spam-filter:title"]
    for entry in entries[:2]:  # before spam-filter in the file (sorted by slug)
        entry.flags.append("fuzzy")
    for entry in entries[2:5]:
        entry.msgstr = ""
    assert entries[4].msgctxt < "spam-filter:title"
    report = article_po_import(po=po)
    assert (report.skipped_fuzzy, report.skipped_empty) == (2, 3)
    assert [change.slug for change in report.changed] == ["spam-filter"]


def test_the_entries_after_a_stale_one_are_still_imported():
    from troubleshoot.articles.po import article_po_import

    po = translated_file()
    first = next(entry for entry in po if entry.msgctxt != "spam-filter:title")
    slug, _sep, field = first.msgctxt.partition(":")
    Article.objects.filter(slug=slug).update(**{f"{field}_en": "Rewritten since the export"})
    report = article_po_import(po=po)
    assert report.skipped_stale == (first.msgctxt,)
    assert [change.slug for change in report.changed] == ["spam-filter"]


def test_a_first_translation_reports_an_empty_old_text():
    from troubleshoot.articles.po import article_po_import

    Article.objects.filter(slug="spam-filter").update(title_fr="")
    po = translated_file()
    (change,) = article_po_import(po=po).changed
    assert (change.old, change.new) == ("", "Titre relu")
