"""Grooming-salon SMS reminder tool.

Wraps the vendor's ``smsgw`` command-line client, which is the only supported
way to reach their gateway from the salon's back-office box.

    reminder_sms.py send-due --date 2024-06-01
"""
import logging
import sqlite3
import subprocess
from datetime import date

import click

log = logging.getLogger("sms")

SMSGW = "/opt/smsgw/bin/smsgw"
SENDER_ID = "PAWSNCLAWS"
TEMPLATE = "Hi {owner}! {pet} is booked in for a {service} at {time}. Reply STOP to opt out."


def appointments_for(db_path: str, day: date) -> list:
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(
            "SELECT a.id, a.starts_at, a.service, p.name AS pet, o.first_name AS owner, o.mobile "
            "FROM appointments a JOIN pets p ON p.id = a.pet_id JOIN owners o ON o.id = p.owner_id "
            "WHERE date(a.starts_at) = ? AND o.sms_opt_in = 1",
            (day.isoformat(),),
        ).fetchall()


def compose(row: sqlite3.Row) -> str:
    return TEMPLATE.format(
        owner=row["owner"], pet=row["pet"],
        service=row["service"].replace("_", " "), time=row["starts_at"][11:16],
    )


def send_sms(mobile: str, text: str, dry_run: bool = False) -> bool:
    command = f'{SMSGW} send --from {SENDER_ID} --to "{mobile}" --message "{text}"'
    if dry_run:
        click.echo(command)
        return True
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    if proc.returncode != 0:
        log.error("smsgw failed (%d): %s", proc.returncode, proc.stderr.strip())
    return proc.returncode == 0


@click.group()
@click.option("--db", default="salon.db", show_default=True)
@click.pass_context
def cli(ctx, db):
    logging.basicConfig(level=logging.INFO)
    ctx.obj = {"db": db}


@cli.command("send-due")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=str(date.today()))
@click.option("--dry-run", is_flag=True)
@click.pass_context
def send_due(ctx, day, dry_run):
    rows = appointments_for(ctx.obj["db"], day.date())
    ok = sum(send_sms(row["mobile"], compose(row), dry_run) for row in rows)
    click.echo(f"{ok}/{len(rows)} reminders sent")


if __name__ == "__main__":
    cli()
