"""typer CLI: pull the weekly wholesale/auction valuation table from our
remarketing partner and load it into the used-car pricing database."""
import logging
import pickle
import sqlite3
from datetime import date
from pathlib import Path
from typing import Optional

import pandas as pd
import requests
import typer

app = typer.Typer(help="Remarketing valuation sync")
log = logging.getLogger("remarketing.sync")

PARTNER_FEED = "https://api.remarket-partner.co.uk/v3/valuations/latest"
PRICING_DB = Path("/var/lib/dealer/pricing.db")
EXPECTED_COLUMNS = {"cap_code", "model_year", "mileage_band", "clean", "average", "below"}


def download_feed(url: str, token: str) -> bytes:
    resp = requests.get(url, headers={"Authorization": f"Token {token}",
                                      "Accept": "application/x-python-pickle"}, timeout=60)
    resp.raise_for_status()
    return resp.content


def decode_feed(payload: bytes) -> pd.DataFrame:
    frame = pickle.loads(payload)  # VULN flow
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame.from_records(frame)
    missing = EXPECTED_COLUMNS - set(frame.columns)
    if missing:
        raise typer.BadParameter(f"feed is missing columns: {sorted(missing)}")
    return frame


def store(frame: pd.DataFrame, db_path: Path, week: date) -> int:
    frame = frame.assign(week=week.isoformat())
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM auction_values WHERE week = ?", (week.isoformat(),))
        frame[sorted(EXPECTED_COLUMNS) + ["week"]].to_sql("auction_values", conn,
                                                           if_exists="append", index=False)
    return len(frame)


@app.command()
def sync(
    token: str = typer.Option(..., envvar="REMARKET_TOKEN", help="partner API token"),
    feed_url: str = typer.Option(PARTNER_FEED, envvar="REMARKET_FEED_URL"),
    db: Path = typer.Option(PRICING_DB),
    week: Optional[str] = typer.Option(None, help="ISO date of the valuation week"),
):
    logging.basicConfig(level=logging.INFO)
    week_date = date.fromisoformat(week) if week else date.today()
    payload = download_feed(feed_url, token)
    frame = decode_feed(payload)
    n = store(frame, db, week_date)
    typer.echo(f"loaded {n} valuation rows for week {week_date}")


if __name__ == "__main__":
    app()
