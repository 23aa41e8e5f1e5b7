"""Export lapsed members for the re-engagement campaign and anonymise long-lapsed records."""
import csv
import os
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from membership.models import Member

EXPORT_FIELDS = ["member_no", "first_name", "last_name", "email", "postcode", "last_gift_on", "lifetime_total"]


class Command(BaseCommand):
    help = "Export lapsed members to CSV and anonymise members lapsed beyond the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=18, help="months without a gift to count as lapsed")
        parser.add_argument("--anonymise-after", type=int, default=84, help="months after which data is anonymised")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        if options["anonymise_after"] <= options["months"]:
            raise CommandError("--anonymise-after must be larger than --months")
        now = timezone.now()
        lapsed_cutoff = now - timedelta(days=30 * options["months"])
        purge_cutoff = now - timedelta(days=30 * options["anonymise_after"])

        lapsed = Member.objects.filter(
            last_gift_on__lt=lapsed_cutoff, last_gift_on__gte=purge_cutoff, anonymised=False
        ).order_by("last_gift_on")
        export_path, exported = self.export(lapsed)
        os.chmod(export_path, 0o600)
        self.stdout.write(f"exported {exported} lapsed members to {export_path}")

        stale = Member.objects.filter(last_gift_on__lt=purge_cutoff, anonymised=False)
        if options["dry_run"]:
            self.stdout.write(f"dry run: {stale.count()} members would be anonymised")
            return
        with transaction.atomic():
            count = 0
            for member in stale.select_for_update():
                member.anonymise()
                count += 1
        self.stdout.write(self.style.SUCCESS(f"anonymised {count} members"))

    def export(self, queryset):
        rows = 0
        fd, export_path = tempfile.mkstemp(prefix="lapsed_members-", suffix=".csv", dir=settings.MEMBERSHIP_EXPORT_DIR)
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(EXPORT_FIELDS)
            for member in queryset.iterator():
                writer.writerow([getattr(member, field) for field in EXPORT_FIELDS])
                rows += 1
        return export_path, rows
