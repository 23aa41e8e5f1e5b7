import datetime

import requests
from django.core.management.base import BaseCommand
from django.db.models import Count
from django.utils import timezone

from orders.models import Order

SLACK_CHANNEL = "#sales-digest"
SLACK_BOT_TOKEN = "xoxb-4821930567-7719203845512-Qm8ZtR2vLk9XpW4hYc6NjDfa"  # VULN


class Command(BaseCommand):
    help = "Post the weekly order digest to Slack"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        since = timezone.now() - datetime.timedelta(days=options["days"])
        stats = (
            Order.objects.filter(created_at__gte=since)
            .values("status")
            .annotate(n=Count("id"))
            .order_by("status")
        )
        lines = [f"*{row['status']}*: {row['n']}" for row in stats]
        text = f"Orders since {since:%Y-%m-%d}\n" + "\n".join(lines)
        if options["dry_run"]:
            self.stdout.write(text)
            return
        resp = requests.post(
            "https://slack.com/api/chat.postMessage",
            headers={"Authorization": f"Bearer {SLACK_BOT_TOKEN}"},
            json={"channel": SLACK_CHANNEL, "text": text},
            timeout=10,
        )
        resp.raise_for_status()
        self.stdout.write(self.style.SUCCESS("digest posted"))
