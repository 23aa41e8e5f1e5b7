"""Coupon landing pages for the wash's SMS / email campaigns (Bottle).

Campaign links look like /c/SPRING5?src=sms and redirect into the online store
after recording the click.
"""
import logging
import sqlite3
import time

from bottle import Bottle, abort, redirect, request, response

app = Bottle()
log = logging.getLogger("coupons")

DB = "/var/lib/washmarketing/campaigns.db"
STORE_URL = "https://shop.sparklewash.com/checkout"

LANDING = """<!doctype html><html><head><title>{title}</title></head><body>
<h1>{headline}</h1>
<p>Use code <strong>{code}</strong> at the pay station or online.</p>
<p class="src">You came from: {source}</p>
<a class="cta" href="/go?to={store}&code={code}">Redeem online</a>
</body></html>"""


def campaign(code: str):
    with sqlite3.connect(DB) as conn:
        return conn.execute(
            "SELECT code, title, headline, expires_at FROM coupons WHERE code = ?", (code.upper(),)
        ).fetchone()


def record_click(code: str, source: str) -> None:
    with sqlite3.connect(DB) as conn:
        conn.execute(
            "INSERT INTO clicks (code, source, ts, ua) VALUES (?, ?, ?, ?)",
            (code, source, int(time.time()), request.get_header("User-Agent", "")),
        )


@app.get("/c/<code>")
def landing(code):
    row = campaign(code)
    if row is None or row[3] < time.time():
        abort(404, "This offer has expired.")
    source = request.query.get("src", "direct")
    record_click(row[0], source)
    response.content_type = "text/html; charset=utf-8"
    return LANDING.format(title=row[1], headline=row[2], code=row[0], source=source, store=STORE_URL)  # VULN flow


@app.get("/go")
def go():
    target = request.query.get("to", STORE_URL)
    code = request.query.get("code", "")
    if code:
        sep = "&" if "?" in target else "?"
        target = f"{target}{sep}coupon={code}"
    redirect(target)  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
