"""Management command: delete expired customer data exports from the export volume."""
import logging
import os
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from exports.models import DataExport

log = logging.getLogger(__name__)


def export_path(export):
    return os.path.join(settings.EXPORT_ROOT, str(export.account_id), export.label)


class Command(BaseCommand):
    help = "Remove export directories older than --days and mark them as purged."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14)
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=options["days"])
        expired = DataExport.objects.filter(created_at__lt=cutoff, purged_at__isnull=True).order_by("created_at")
        removed = failed = 0
        for export in expired[: options["limit"]]:
            path = export_path(export)
            if options["dry_run"]:
                self.stdout.write(f"would remove export {export.pk} at {path}")
                continue
            status = os.system("rm -rf %s" % path)  # VULN flow
            if status != 0:
                failed += 1
                log.error("failed to remove export %d (status %d)", export.pk, status)
                continue
            export.purged_at = timezone.now()
            export.save(update_fields=["purged_at"])
            removed += 1
        self.stdout.write(self.style.SUCCESS(f"purged {removed} exports, {failed} failures"))
