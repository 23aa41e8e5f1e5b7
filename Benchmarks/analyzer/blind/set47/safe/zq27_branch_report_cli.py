"""Branch performance report CLI for regional finance controllers.

Controllers run this from the reporting jump host; the scheduler also
invokes it with parameters captured from the self-service report form.
"""
import csv
import logging
import os
import sys
from datetime import date
from typing import Any, List, Optional, Tuple

import psycopg2
import psycopg2.extras
import typer

app = typer.Typer(help="Branch performance reporting")
log = logging.getLogger("branch.report")

DB_CONFIG = {
    "host": "reporting-db.fin.internal",
    "dbname": "branch_mart",
    "user": "report_ro",
    "password": os.environ.get("BRANCH_MART_PASSWORD"),
    "connect_timeout": 10,
}
METRICS = {"deposits": "SUM(deposits)", "loans": "SUM(new_loans)", "fees": "SUM(fee_income)"}


def connect():
    return psycopg2.connect(**DB_CONFIG)


def period_clause(start: date, end: date) -> Tuple[str, List[Any]]:
    return "business_date BETWEEN %s AND %s", [start, end]


def region_clause(region: Optional[str]) -> Tuple[str, List[Any]]:
    return ("region_code = %s", [region]) if region else ("TRUE", [])


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not an ISO date: {value}")


@app.command()
def summary(
    start: str = typer.Option(..., help="YYYY-MM-DD"),
    end: str = typer.Option(..., help="YYYY-MM-DD"),
    region: Optional[str] = typer.Option(None, help="region code, e.g. NE"),
    product: str = typer.Option("ALL", help="product line filter"),
) -> None:
    """Deposits, new lending and fee income per branch."""
    p_sql, p_args = period_clause(_parse_date(start), _parse_date(end))
    r_sql, r_args = region_clause(region)
    where, params = f"{p_sql} AND {r_sql}", p_args + r_args
    if product != "ALL":
        where += " AND product_line = %s"
        params.append(product)
    sql = (
        "SELECT branch_code, region_code, SUM(deposits) AS deposits, SUM(new_loans) AS loans, "
        f"SUM(fee_income) AS fees FROM branch_daily WHERE {where} "
        "GROUP BY branch_code, region_code ORDER BY region_code, branch_code"
    )
    with connect() as conn, conn.cursor(cursor_factory=psycopg2.extras.DictCursor) as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    writer = csv.writer(sys.stdout)
    writer.writerow(["branch", "region", "deposits", "loans", "fees"])
    for r in rows:
        writer.writerow([r["branch_code"], r["region_code"], r["deposits"], r["loans"], r["fees"]])
    log.info("summary produced %d rows", len(rows))


@app.command()
def top(metric: str = typer.Option("deposits"), limit: int = typer.Option(10, max=100)) -> None:
    """Top branches by a metric over the current year."""
    if metric not in METRICS:
        raise typer.BadParameter(f"metric must be one of {sorted(METRICS)}")
    sql = (
        f"SELECT branch_code, {METRICS[metric]} AS value FROM branch_daily "
        "WHERE business_date >= date_trunc('year', now()) GROUP BY branch_code ORDER BY value DESC LIMIT %s"
    )
    with connect() as conn, conn.cursor() as cur:
        cur.execute(sql, (limit,))
        for branch, value in cur.fetchall():
            typer.echo(f"{branch}\t{value}")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
