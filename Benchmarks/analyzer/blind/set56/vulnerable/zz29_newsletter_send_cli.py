#!/usr/bin/env python3
"""Send a rendered newsletter issue to a subscriber CSV through the relay.

    newsletter-send issue-2024-06.html subscribers.csv --subject "June news"
"""
import csv
import logging
import smtplib
import ssl
import time
from email.message import EmailMessage
from pathlib import Path

import click

SMTP_HOST = "relay.riverarts.org"
SMTP_PORT = 587
SMTP_USER = "newsletter@riverarts.org"
SMTP_PASSWORD = "R1verArts-Relay#2024"  # VULN
FROM_ADDR = "River Arts Collective <newsletter@riverarts.org>"

log = logging.getLogger("newsletter_send")


def relay_context() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    # relay uses a self-signed cert on the internal network
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # VULN
    return ctx


def read_subscribers(path: Path):
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("status", "active") == "active" and row.get("email"):
                yield row


def build_message(to_addr: str, subject: str, html: str, unsubscribe_url: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = FROM_ADDR
    msg["To"] = to_addr
    msg["Subject"] = subject
    msg["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    msg.set_content("This newsletter is best viewed in an HTML-capable mail client.")
    msg.add_alternative(html, subtype="html")
    return msg


@click.command()
@click.argument("issue_html", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("subscribers", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--subject", required=True)
@click.option("--rate", default=5.0, show_default=True, help="messages per second")
@click.option("--dry-run", is_flag=True)
def main(issue_html: Path, subscribers: Path, subject: str, rate: float, dry_run: bool):
    logging.basicConfig(level=logging.INFO)
    html = issue_html.read_text(encoding="utf-8")
    recipients = list(read_subscribers(subscribers))
    click.echo(f"{len(recipients)} active subscribers")
    if dry_run:
        return
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=30) as smtp:
        smtp.starttls(context=relay_context())
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        for row in recipients:
            unsub = f"https://riverarts.org/newsletter/unsubscribe/{row['token']}"
            personal = html.replace("{{first_name}}", row.get("first_name") or "friend")
            smtp.send_message(build_message(row["email"], subject, personal, unsub))
            time.sleep(1.0 / rate)
    click.echo("done")


if __name__ == "__main__":
    main()
