from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from troubleshoot.diagnosis import MAX_INPUT_BYTES


class DiagnoseForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the error message or the whole bounce"),
        required=False,
        strip=False,
        widget=forms.Textarea(
            attrs={
                "rows": 6,
                "spellcheck": "false",
                "autocomplete": "off",
                "placeholder": _("For example: 550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown"),
            }
        ),
    )
    file = forms.FileField(label=_("…or upload the bounce as an .eml file"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # NUL bytes mean binary data: let the diagnosis say so in its own words.
        self.fields["text"].validators = [
            v for v in self.fields["text"].validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > MAX_INPUT_BYTES:
                raise forms.ValidationError(self.too_large_message())
            cleaned["content"] = upload.read(MAX_INPUT_BYTES + 1)
        else:
            text = cleaned.get("text") or ""
            if len(text) > MAX_INPUT_BYTES:
                raise forms.ValidationError(self.too_large_message())
            cleaned["content"] = text
        return cleaned

    @staticmethod
    def too_large_message():
        return _(
            "This is more than %(size)s MB. Paste only the error message or the delivery report, "
            "without attachments."
        ) % {"size": MAX_INPUT_BYTES // 1_000_000}


# RFC 3463: what the class and subject of an enhanced status code say, for senders.
STATUS_CLASSES = {
    "2": _("success"),
    "4": _("temporary failure: the sending server will try again"),
    "5": _("permanent failure: the message will not be delivered as it is"),
}
STATUS_SUBJECTS = {
    "0": _("other or undefined problem"),
    "1": _("a problem with the address"),
    "2": _("a problem with the recipient's mailbox"),
    "3": _("a problem with the receiving mail system"),
    "4": _("a network or routing problem"),
    "5": _("a problem in the mail delivery protocol"),
    "6": _("a problem with the message content or format"),
    "7": _("a security or policy refusal"),
}


def status_meaning(status: str | None) -> str:
    """Plain words for an enhanced status code such as 5.7.1, in the active language."""
    if not status:
        return ""
    parts = status.split(".")
    if len(parts) != 3 or parts[0] not in STATUS_CLASSES:
        return ""
    subject = STATUS_SUBJECTS.get(parts[1], STATUS_SUBJECTS["0"])
    separator = pgettext("punctuation between two clauses", "; ")  # French puts a narrow space before it
    return f"{STATUS_CLASSES[parts[0]]}{separator}{subject}"
