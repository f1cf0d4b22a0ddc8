import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


def permanence_said(content: str, label: str) -> str:
    """What the result page says in its "Temporary or permanent" row (the row's label is always there)."""
    said = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", content, re.S)
    assert said, f"no {label!r} row on the result page"
    return said.group(1)


def highlighted_in_paste(content: str) -> list[str]:
    """The words marked inside the paste shown back ("Your bounce, with the decisive text
    highlighted"), not in the list of quoted evidence, which always prints <mark>."""
    paste = re.search(r'<details class="your-paste">.*?<pre class="paste">(.*?)</pre>', content, re.S)
    assert paste, "the paste is not shown back"
    return re.findall(r"<mark>(.*?)</mark>", paste.group(1), re.S)


def test_pasting_a_seed_bounce_lands_on_its_article_with_evidence(client):
    response = client.post("/en/diagnose/", {"text": "553 sorry, your envelope sender is in my badmailfrom list."}, follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'href="/en/sender-blocked/"' in content
    assert permanence_said(content, "Temporary or permanent").startswith("Permanent:")


def test_the_decisive_words_are_highlighted_inside_the_pasted_bounce(client):
    text = "Delivery failed.\n553 sorry, your envelope sender is in my badmailfrom list.\nBye"
    content = client.post("/en/diagnose/", {"text": text}, follow=True).content.decode()
    assert highlighted_in_paste(content) == ["your envelope sender is in my badmailfrom list"]


def test_the_result_page_is_in_french_for_french_visitors(client):
    content = client.post("/fr/diagnose/", {"text": "460 too many messages (#4.3.0)"}, follow=True).content.decode()
    assert 'href="/fr/too-many-messages/"' in content
    assert permanence_said(content, "Temporaire ou définitif").startswith("Temporaire")


def test_a_permanent_refusal_is_called_permanent_in_french_and_a_temporary_one_temporary(client):
    permanent = client.post("/fr/diagnose/", {"text": "550 5.1.1 <jdoe@example.com>: Recipient address rejected: "
                                                      "User unknown in virtual mailbox table"}, follow=True)
    temporary = client.post("/fr/diagnose/", {"text": "460 too many messages (#4.3.0)"}, follow=True)
    assert permanence_said(permanent.content.decode(), "Temporaire ou définitif").startswith("Définitif")
    assert permanence_said(temporary.content.decode(), "Temporaire ou définitif").startswith("Temporaire")


def test_an_uploaded_eml_file_is_diagnosed(client):
    eml = (
        b"From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b"Content-Type: text/plain\r\n\r\n<nobody@example.com>: host mx.example.com said:\r\n"
        b"550-Invalid recipient <nobody@example.com> (#5.1.1)\r\n"
    )
    response = client.post("/en/diagnose/", {"text": "", "file": SimpleUploadedFile("bounce.eml", eml)}, follow=True)
    assert response.status_code == 200
    assert 'href="/en/invalid-recipient/"' in response.content.decode()


def test_landing_from_a_bounce_link_with_the_error_text_diagnoses_at_once(client):
    response = client.get("/fr/", {"error": "553 sorry, your envelope sender is in my badmailfrom list."})
    assert response.status_code == 200
    assert 'href="/fr/sender-blocked/"' in response.content.decode()
    redirect = client.get("/?error=460+too+many+messages", HTTP_ACCEPT_LANGUAGE="fr")
    assert redirect.status_code == 302 and redirect["Location"].startswith("/fr/?error=460")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Collez le texte"),
        ("   ", "Collez le texte"),
        ("\x00\x01\x02\x03\x04\x05" * 100, "données binaires"),
    ],
)
def test_bad_pastes_get_a_clear_message_in_the_visitors_language(client, text, message):
    response = client.post("/fr/diagnose/", {"text": text})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_paste_over_the_limit_is_refused_with_a_message(client):
    response = client.post("/fr/diagnose/", {"text": "550 " + "x" * 2_100_000})
    assert response.status_code == 400
    assert "Collez seulement" in response.content.decode()


def test_a_binary_upload_is_refused_with_a_message(client):
    upload = SimpleUploadedFile("photo.eml", bytes(range(256)) * 50)
    response = client.post("/en/diagnose/", {"file": upload})
    assert response.status_code == 400
    assert "binary data" in response.content.decode()


def test_an_unrecognised_paste_still_offers_the_closest_articles(client):
    response = client.post("/en/diagnose/", {"text": "Something odd happened to my message yesterday and it came back to me, no idea why at all"}, follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert "closest" in content
    assert content.count('href="/en/') > 3


def test_the_result_says_when_the_refusal_was_only_passed_on_from_another_server(client):
    report = (
        "This is the mail system at host relay.example.org.\n\n"
        "<bob@example.com>: host mx.example.com[192.0.2.10] said: 550 5.1.1 <bob@example.com>: "
        "Recipient address rejected: User unknown (in reply to RCPT TO command)\n"
    )
    content = client.post("/en/diagnose/", {"text": report}, follow=True).content.decode()
    assert "The recipient's server, mx.example.com, refused it" in content
    assert "192.0.2.10" in content
    assert "Message to bob@example.com" in content
    assert 'href="/en/recipient-address-unknown/"' in content


def test_an_html_paste_is_read_as_text_and_never_rendered(client):
    html = "<html><body><p>550 5.1.1 &lt;bob@example.com&gt;: Recipient address rejected: User unknown</p><script>alert(1)</script></body></html>"
    response = client.post("/en/diagnose/", {"text": html}, follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'href="/en/recipient-address-unknown/"' in content
    assert "<script>alert(1)</script>" not in content


def test_a_latin1_eml_upload_is_answered(client):
    eml = (
        "Subject: Non remis\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n"
        "Votre message n'a pas pu être remis à <zoé@example.fr>.\r\n"
        "550 5.2.2 <zoé@example.fr>: Boîte pleine, mailbox full\r\n"
    ).encode("latin-1")
    response = client.post("/fr/diagnose/", {"file": SimpleUploadedFile("non-remis.eml", eml)}, follow=True)
    assert response.status_code == 200
    assert 'href="/fr/mailbox-full/"' in response.content.decode()


def test_hundreds_of_thousands_of_short_lines_get_an_answer_in_bounded_time(client):
    import time

    started = time.monotonic()
    response = client.post("/en/diagnose/", {"text": "550\n" * 400_000 + "x\n" * 190_000}, follow=True)
    assert response.status_code == 200 and 'class="result"' in response.content.decode()
    assert time.monotonic() - started < 10  # measured 1.3 s on a busy 2-core machine


@pytest.mark.parametrize(
    "url",
    ["/fr/?error=%00%01%02", "/fr/search/?q=550+x%00"],
)
def test_unreadable_text_from_a_link_or_the_search_box_gets_a_message_not_a_500(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "données binaires" in response.content.decode()


def test_an_empty_error_link_shows_the_home_page(client):
    assert client.get("/en/?error=%20%20").status_code == 200


def test_a_paste_over_the_upload_limit_is_refused_with_a_message(client):
    response = client.post("/fr/diagnose/", {"text": "x" * 3_000_000})
    assert response.status_code == 413
    assert "Collez seulement" in response.content.decode()


def test_an_empty_upload_says_what_is_wrong(client):
    response = client.post("/en/diagnose/", {"file": SimpleUploadedFile("empty.eml", b"")})
    assert response.status_code == 400
    assert 'id="id_file_error"' in response.content.decode()


def test_a_latin1_upload_is_shown_back_with_its_accents(client):
    eml = "Subject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n550 5.2.1 boîte supprimée\r\n".encode("latin-1")
    content = client.post("/fr/diagnose/", {"file": SimpleUploadedFile("x.eml", eml)}, follow=True).content.decode()
    assert "boîte supprimée" in content


def test_the_result_page_offers_the_search_its_advice_points_to(client):
    content = client.post("/en/diagnose/", {"text": "Something odd happened to my message yesterday and it came back to me, no idea why at all"}, follow=True).content.decode()
    assert "search the articles below" in content
    assert 'role="search"' in content


def test_an_auto_reply_pasted_is_told_apart_in_the_visitors_language(client):
    text = (
        "From: Jane Doe <jane@example.org>\nTo: sender@example.com\nSubject: Automatic reply: figures\n"
        "Auto-Submitted: auto-replied\n\nI am out of the office until 4 January.\n"
    )
    content = client.post("/fr/diagnose/", {"text": text}, follow=True).content.decode()
    assert "Ce n’est pas un rapport de non-remise" in content
    assert "réponse automatique" in content
    assert 'class="result"' not in content


def test_a_few_plain_words_are_searched_and_the_page_says_so(client):
    response = client.post("/en/diagnose/", {"text": "hello"}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/en/search/?q=hello")
    assert "These few words are not a bounce" in content
    assert "These few words are not a bounce" not in client.get("/en/search/", {"q": "hello"}).content.decode()


def test_a_long_text_that_is_not_a_bounce_says_so_with_the_closest_articles(client):
    text = "Dear team, thank you for the lovely lunch yesterday. " * 3
    content = client.post("/en/diagnose/", {"text": text}, follow=True).content.decode()
    assert "This is not a bounce" in content
    assert "Nothing in this text reports a failed delivery" in content


def test_a_short_sentence_of_a_bounce_notice_is_diagnosed_not_searched(client):
    response = client.post("/fr/diagnose/", {"text": "jdoe est introuvable sur contoso.com"}, follow=True)
    assert response.status_code == 200
    assert 'class="result"' in response.content.decode()
    assert client.post("/en/diagnose/", {"text": "mailbox full"}).status_code == 302
