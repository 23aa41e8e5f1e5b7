import csv
import os
import shutil
import tempfile
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from harvest.models import Cooperative, HarvestBatch

HEADER = ["batch_id", "crop", "harvested_on", "weight_kg", "grade", "moisture_pct"]


class Command(BaseCommand):
    help = "Export harvest batches for a cooperative to CSV and publish to the shared drop folder"

    def add_arguments(self, parser):
        parser.add_argument("coop_id", type=int)
        parser.add_argument("--since", type=date.fromisoformat, help="only batches harvested on/after this date")
        parser.add_argument("--drop-dir", default="/srv/coop_drop")

    def rows(self, coop, since):
        qs = HarvestBatch.objects.filter(cooperative=coop)
        if since:
            qs = qs.filter(harvested_on__gte=since)
        for batch in qs.order_by("harvested_on").iterator(chunk_size=500):
            yield [batch.id, batch.crop, batch.harvested_on.isoformat(), batch.weight_kg, batch.grade, batch.moisture_pct]

    def handle(self, *args, **options):
        coop_id, since, drop_dir = options["coop_id"], options["since"], options["drop_dir"]
        try:
            coop = Cooperative.objects.get(pk=coop_id)
        except Cooperative.DoesNotExist:
            raise CommandError(f"cooperative {coop_id} does not exist")
        if not os.path.isdir(drop_dir):
            raise CommandError(f"drop dir {drop_dir} does not exist")

        tmp_path = tempfile.mktemp(suffix=".csv", prefix=f"coop{coop.id}_")  # VULN
        count = 0
        with open(tmp_path, "w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADER)
            for row in self.rows(coop, since):
                writer.writerow(row)
                count += 1

        final_path = os.path.join(drop_dir, f"harvest_coop{coop.id}.csv")
        shutil.move(tmp_path, final_path)
        os.chmod(final_path, 0o640)
        self.stdout.write(self.style.SUCCESS(f"exported {count} batches for {coop.name} to {final_path}"))
