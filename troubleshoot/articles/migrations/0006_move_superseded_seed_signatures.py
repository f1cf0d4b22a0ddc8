"""Two seed signatures moved to other articles (issue 10): drop them from their old articles.

Loading the seed again (seed_content --force) adds them to their new articles but, signatures
being keyed by article and text, leaves the old rows behind, where they would still compete.
"""

from django.db import migrations

SUPERSEDED = [
    # the sender's own server's delay notice: the general delay article, not the operator's queue
    ("queued-for-redelivery", "Delivery to the following recipients has been delayed."),
    # Gmail's unauthenticated-sender refusal: the bulk-sender requirements article
    ("spf-dkim-dmarc-failure", "550 5.7.26 This mail has been blocked because the sender is unauthenticated. "
                               "Gmail requires all senders to authenticate with either SPF or DKIM."),
]


def drop_superseded(apps, schema_editor):
    BounceSignature = apps.get_model("articles", "BounceSignature")
    for slug, text in SUPERSEDED:
        BounceSignature.objects.filter(article__slug=slug, text=text).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_savedreport")]
    operations = [migrations.RunPython(drop_superseded, migrations.RunPython.noop)]
