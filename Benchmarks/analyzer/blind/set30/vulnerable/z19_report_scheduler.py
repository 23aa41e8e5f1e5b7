"""Send the scheduled regional revenue reports configured in the admin."""
import csv
import io
import logging
from datetime import timedelta

from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from reports.models import ReportSchedule

logger = logging.getLogger(__name__)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class Command(BaseCommand):
    help = "Aggregate order revenue per customer for each active regional schedule and email it."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        since = timezone.now() - timedelta(days=options["days"])
        for schedule in ReportSchedule.objects.filter(active=True).select_related("owner"):
            rows = self._totals(schedule, since)
            if options["dry_run"]:
                self.stdout.write(f"schedule {schedule.pk}: {len(rows)} rows")
                continue
            self._send(schedule, rows)
            schedule.last_sent_at = timezone.now()
            schedule.save(update_fields=["last_sent_at"])

    def _totals(self, schedule, since):
        sql = (
            "SELECT c.name, COUNT(o.id), SUM(o.total) AS revenue "
            "FROM orders_order o JOIN customers_customer c ON c.id = o.customer_id "
            f"WHERE o.region = '{schedule.region}' AND o.created_at >= %s "
            f"GROUP BY c.name ORDER BY revenue DESC LIMIT {schedule.row_limit}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [since])  # VULN flow
            return cursor.fetchall()

    def _send(self, schedule, rows):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["customer", "orders", "revenue"])
        writer.writerows([_cell(v) for v in row] for row in rows)
        message = EmailMessage(
            subject=f"Revenue report: {schedule.name}",
            body="Attached is the latest regional revenue report.",
            to=schedule.recipient_list(),
        )
        message.attach(f"revenue-{schedule.pk}.csv", buffer.getvalue(), "text/csv")
        message.send(fail_silently=False)
        logger.info("sent report %s to %d recipients", schedule.pk, len(message.to))
