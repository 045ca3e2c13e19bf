"""manage.py export_signatures <petition-slug> --format csv|xlsx|json --output FILE [filters]"""

import getpass

from django.core.management.base import BaseCommand, CommandError

from campaign.exports import FORMATS
from petitions.exports import ExportForm, signatures_export
from petitions.models import ExportRecord, Petition


class Command(BaseCommand):
    help = "Export a petition's signatures (confirmed by default) to a file. Every export is logged."

    def add_arguments(self, parser):
        parser.add_argument("petition", help="The petition's slug.")
        parser.add_argument("--format", choices=list(FORMATS), default="csv")
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument("--status", choices=["confirmed", "pending", "all"], default="confirmed")
        parser.add_argument("--from", dest="date_from", help="Signed on or after this date (YYYY-MM-DD).")
        parser.add_argument("--to", dest="date_to", help="Signed on or before this date (YYYY-MM-DD).")
        parser.add_argument("--country", help="A two-letter country code.")
        parser.add_argument("--keep-informed", choices=["yes", "no"], help="Only those who did (or did not) ask.")

    def handle(self, *args, **options):
        petition = Petition.objects.filter(slug=options["petition"]).first()
        if petition is None:
            raise CommandError(f"No petition with the slug {options['petition']!r}.")
        keys = ("format", "status", "date_from", "date_to", "country", "keep_informed")
        form = ExportForm({key: options[key] or "" for key in keys})
        if not form.is_valid():
            raise CommandError("; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()))
        export = signatures_export(
            petition=petition,
            format=options["format"],
            filters=form.filters(),
            via=ExportRecord.Via.COMMAND,
            actor=f"manage.py ({getpass.getuser()})",
        )
        try:
            export.write(options["output"])
        except OSError as exc:
            raise CommandError(f"Could not write {options['output']}: {exc.strerror}.") from exc
        self.stdout.write(f"Wrote {export.count} signatures to {options['output']}.")
