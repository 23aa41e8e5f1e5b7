"""Sync litigation-hold custodians from the HRIS into the e-discovery DB.

Run hourly for every open matter with an active legal hold: pulls the
current employees of the departments named in the hold and upserts them
as custodians so hold notices go to the right people.
"""
import logging
import os
import sqlite3
from typing import Dict, List

import requests

log = logging.getLogger("custodian_sync")

HRIS_URL = "https://hris.internal.example-firm.com/api/v2/employees"
HRIS_TOKEN = os.environ["HRIS_API_TOKEN"]
DB_PATH = "/var/lib/ediscovery/holds.db"


def fetch_employees(department: str) -> List[Dict]:
    resp = requests.get(
        HRIS_URL,
        params={"department": department, "status": "active"},
        headers={"Authorization": f"Token {HRIS_TOKEN}"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json().get("employees", [])


def open_holds(conn: sqlite3.Connection):
    return conn.execute(
        "SELECT matter_id, departments FROM legal_holds WHERE status = 'active'"
    ).fetchall()


def upsert_custodian(conn: sqlite3.Connection, matter_id: int, emp: Dict) -> None:
    sql = (
        "INSERT INTO custodians (matter_id, employee_id, full_name, email, title) "
        "VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (matter_id, employee_id) DO UPDATE SET title = excluded.title, email = excluded.email"
    )
    conn.execute(sql, (matter_id, emp["id"], emp["name"], emp["email"], emp.get("title", "")))


def sync(conn: sqlite3.Connection) -> int:
    total = 0
    for matter_id, departments in open_holds(conn):
        for dept in filter(None, (d.strip() for d in departments.split(","))):
            try:
                employees = fetch_employees(dept)
            except requests.RequestException as exc:
                log.warning("HRIS lookup failed for %r: %s", dept, type(exc).__name__)
                continue
            with conn:
                for emp in employees:
                    upsert_custodian(conn, matter_id, emp)
            total += len(employees)
            log.info("matter %s: %d custodians from %r", matter_id, len(employees), dept)
    return total


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    connection = sqlite3.connect(DB_PATH)
    try:
        log.info("synced %d custodians", sync(connection))
    finally:
        connection.close()
