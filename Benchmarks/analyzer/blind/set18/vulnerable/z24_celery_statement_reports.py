"""Celery tasks that build monthly customer statements as PDFs."""
import html
import logging
import os
import tempfile

import psycopg2
from celery import Celery

log = logging.getLogger("statements")
app = Celery("statements", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))

DSN = os.environ.get("STATEMENTS_DSN", "dbname=billing")
OUT_DIR = os.environ.get("STATEMENTS_OUT", "/srv/statements")


def fetch_rows(customer_code: str, period: str) -> list[tuple]:
    sql = (
        "SELECT o.number, o.created_at::date, o.description, o.amount_cents "
        "FROM orders o JOIN customers c ON c.id = o.customer_id "
        "WHERE c.code = '%s' AND to_char(o.created_at, 'YYYY-MM') = '%s' "
        "ORDER BY o.created_at" % (customer_code, period)
    )
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(sql)  # VULN flow
        return cur.fetchall()


def render_html(title: str, rows: list[tuple]) -> str:
    body = "".join(
        f"<tr><td>{html.escape(str(n))}</td><td>{d}</td><td>{html.escape(desc)}</td>"
        f"<td class='num'>{cents / 100:.2f}</td></tr>"
        for n, d, desc, cents in rows
    )
    total = sum(r[3] for r in rows) / 100
    fd, path = tempfile.mkstemp(suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f"<h1>{html.escape(title)}</h1><table>{body}</table><p>Total: {total:.2f}</p>")
    return path


def to_pdf(html_path: str, title: str) -> str:
    out_path = f"{OUT_DIR}/{title}.pdf"
    rc = os.system(f"wkhtmltopdf --quiet --page-size A4 {html_path} '{out_path}'")  # VULN flow
    if rc != 0:
        raise RuntimeError(f"wkhtmltopdf exited with {rc}")
    return out_path


@app.task(bind=True, max_retries=3, default_retry_delay=60)
def build_statement(self, customer_code: str, period: str, title: str) -> str:
    rows = fetch_rows(customer_code, period)
    html_path = render_html(title, rows)
    try:
        return to_pdf(html_path, title)
    except RuntimeError as exc:
        raise self.retry(exc=exc)
    finally:
        os.unlink(html_path)


def request_statement(form: dict) -> str:
    """Called by the customer portal when a user asks for a statement."""
    customer = form["customer_code"]
    period = form.get("period", "")
    title = form.get("title") or f"statement-{customer}-{period}"
    result = build_statement.delay(customer, period, title)
    log.info("queued statement task %s", result.id)
    return result.id
