"""A declared charset is untrusted input: any name Python knows (or not) is read, never raised on.

Bytes-to-bytes codecs (zlib, hex, rot13...), codecs that raise UnicodeError on decoding (idna,
punycode, undefined) and codecs that yield lone surrogates (utf-7) were all reachable from a
bounce's headers, its MIME parts and its encoded words.
"""

from __future__ import annotations

import encodings
import encodings.aliases
import pkgutil

import pytest

from troubleshoot.diagnosis import bounce_diagnose
from troubleshoot.diagnosis.inputs import decode_bytes, text_codec, text_for_display


def codec_names() -> list[str]:
    """Every codec name Python resolves: module names and their aliases, plus names it does not know."""
    names = {m.name for m in pkgutil.iter_modules(encodings.__path__)} - {"aliases"}
    names |= set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
    names |= {"utf-7", "unicode-escape", "x-unknown", "", "utf-8\x00", "a" * 200}
    return sorted(names)


CODECS = codec_names()


def crafted_bounce(charset: str) -> bytes:
    """One bounce declaring `charset` in an encoded word, a text part and the delivery-status part."""
    return (
        "From: MAILER-DAEMON@example.org\n"
        f"Subject: =?{charset}?q?+2D0-?= =?{charset}?b?KzJEMC0=?=\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
        f"--b\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: base64\n\n"
        "KzJEMC0gNTUwIDUuMS4xIHVzZXIgdW5rbm93biBceGZm\n"
        f"--b\nContent-Type: message/delivery-status; charset={charset}\n\n"
        "Reporting-MTA: dns; mx.example.org\n\n"
        "Final-Recipient: rfc822; jdoe@example.com\nAction: failed\nStatus: 5.1.1\n"
        f"Diagnostic-Code: smtp; 550 5.1.1 =?{charset}?q?+2D0-=FF?= user unknown\n"
        "--b--\n"
    ).encode("utf-8", "replace") + b"\xff\xfe"


def test_every_codec_name_is_total_and_surrogate_free():
    assert len(CODECS) > 300  # the aliases table is there: the loop below is not empty
    for name in CODECS:
        for data in (b"+2D0- \xff\xfe abc \\ud800", bytes(range(256))):
            text = decode_bytes(data, name)
            text.encode("utf-8")  # raises if a lone surrogate got through
        shown = text_for_display(b"Content-Type: text/plain; charset=" + name.encode("utf-8", "replace")
                                 + b"\n\n+2D0- \xff")
        shown.encode("utf-8")


@pytest.mark.parametrize("name", ["zlib", "hex", "rot13", "bz2", "uu", "base64", "idna", "punycode",
                                  "undefined", "unicode_escape", "x-unknown"])
def test_a_charset_that_is_not_a_text_charset_is_not_used(name):
    assert text_codec(name) is None
    assert decode_bytes("café".encode(), name) == "café"


def test_a_real_charset_is_still_used():
    assert decode_bytes("Adresse non trouvée".encode("iso-8859-1"), "ISO-8859-1") == "Adresse non trouvée"
    assert decode_bytes("宛先不明".encode("iso-2022-jp"), "iso-2022-jp") == "宛先不明"


@pytest.mark.parametrize("name", CODECS)
def test_a_bounce_declaring_any_charset_is_diagnosed(general_ruleset, name):
    diagnosis = bounce_diagnose(text=crafted_bounce(name), ruleset=general_ruleset)
    (result,) = diagnosis.results
    assert result.recipient == "jdoe@example.com"
    assert result.category == "userunknown"
    diagnosis.to_dict()


def test_utf7_surrogates_are_replaced_and_counted(general_ruleset):
    diagnosis = bounce_diagnose(text=crafted_bounce("utf-7"), ruleset=general_ruleset)
    assert diagnosis.results[0].category == "userunknown"
    assert diagnosis.replaced_characters >= 1
    assert diagnosis.to_dict()["replaced_characters"] == diagnosis.replaced_characters


def test_a_clean_bounce_reports_nothing_replaced(general_ruleset):
    diagnosis = bounce_diagnose(text=crafted_bounce("utf-8").replace(b"=FF", b""), ruleset=general_ruleset)
    assert "replaced_characters" not in diagnosis.to_dict()
