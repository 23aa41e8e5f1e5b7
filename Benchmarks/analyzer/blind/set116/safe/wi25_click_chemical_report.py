#!/usr/bin/env python3
"""State pesticide-use report generator.

Invoked by the report-runner worker with the parameters the compliance
officer picked in the report builder UI; writes a CSV in the layout the
state lead agency expects.
"""
import csv
import sys
from datetime import date

import click
import pymysql

REPORT_COLUMNS = [
    "applicator_license", "application_date", "county", "site_type",
    "product_name", "epa_reg_no", "amount", "unit", "target_pest",
]


def connect(dsn_host: str, db: str):
    return pymysql.connect(host=dsn_host, database=db, read_default_file="~/.my.cnf")


def report_filters(state: str, start: date, end: date, county: str, license_no: str) -> tuple:
    filters = [
        "a.state = %s",
        "a.applied_on BETWEEN %s AND %s",
    ]
    params = [state, start, end]
    if county:
        filters.append("a.county = %s")
        params.append(county)
    if license_no:
        filters.append("t.license_no = %s")
        params.append(license_no)
    return filters, params


def build_query(filters: list) -> str:
    return (
        "SELECT t.license_no, a.applied_on, a.county, a.site_type, p.name, p.epa_reg_no, "
        "a.amount, a.unit, a.target_pest "
        "FROM applications a "
        "JOIN technicians t ON t.id = a.technician_id "
        "JOIN products p ON p.id = a.product_id "
        "WHERE " + " AND ".join(filters) + " ORDER BY a.applied_on, t.license_no"
    )


@click.command()
@click.option("--host", default="reports-db.internal")
@click.option("--db", default="pestops")
@click.option("--state", required=True)
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--county", default="")
@click.option("--license", "license_no", default="")
@click.option("--out", type=click.File("w"), default="-")
def main(host, db, state, start, end, county, license_no, out):
    """Export pesticide applications for STATE between START and END."""
    filters, params = report_filters(state.upper(), start.date(), end.date(), county, license_no)
    sql = build_query(filters)
    conn = connect(host, db)
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            rows = cur.fetchall()
    finally:
        conn.close()

    writer = csv.writer(out)
    writer.writerow(REPORT_COLUMNS)
    for row in rows:
        writer.writerow(row)
    click.echo(f"{len(rows)} applications exported", err=True)
    if not rows:
        sys.exit(2)


if __name__ == "__main__":
    main()
