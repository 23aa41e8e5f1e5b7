"""Data-access helpers for the payroll run service."""
import logging
import os
from contextlib import contextmanager
from decimal import Decimal
from typing import Iterator, List

import psycopg2
import psycopg2.extras
import requests

log = logging.getLogger("payroll.db")

DB_CONFIG = {
    "host": os.environ.get("PAYROLL_DB_HOST", "payroll-db.internal"),
    "port": int(os.environ.get("PAYROLL_DB_PORT", "5432")),
    "dbname": "payroll",
    "user": "payroll_app",
    "password": "Qx7!payroll-prod-2023",  # VULN
    "connect_timeout": 10,
}

BANK_API_URL = "https://api.bankconnect.example.com/v2/transfers"
BANK_API_KEY = "bk_live_4f9a1c77e02b4d6c9a3e58d1f0b2c6e9"  # VULN


@contextmanager
def get_connection() -> Iterator["psycopg2.extensions.connection"]:
    conn = psycopg2.connect(**DB_CONFIG)
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def pending_payments(run_id: int) -> List[dict]:
    with get_connection() as conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT p.id, p.employee_id, p.net_amount, e.iban, e.full_name "
            "FROM payments p JOIN employees e ON e.id = p.employee_id "
            "WHERE p.run_id = %s AND p.status = 'approved'",
            (run_id,),
        )
        return list(cur.fetchall())


def mark_sent(payment_id: int, reference: str) -> None:
    with get_connection() as conn, conn.cursor() as cur:
        cur.execute(
            "UPDATE payments SET status = 'sent', bank_reference = %s WHERE id = %s",
            (reference, payment_id),
        )


def submit_transfer(payment: dict) -> str:
    resp = requests.post(
        BANK_API_URL,
        headers={"Authorization": f"Bearer {BANK_API_KEY}"},
        json={
            "amount": str(Decimal(payment["net_amount"]).quantize(Decimal("0.01"))),
            "currency": "EUR",
            "iban": payment["iban"],
            "beneficiary": payment["full_name"],
            "reference": f"SALARY-{payment['id']}",
        },
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["transfer_id"]


def pay_run(run_id: int) -> int:
    sent = 0
    for payment in pending_payments(run_id):
        reference = submit_transfer(payment)
        mark_sent(payment["id"], reference)
        sent += 1
    log.info("payroll run %s: %d transfers submitted", run_id, sent)
    return sent
