"""Policyholder self-service: claim status page."""
import logging
import os

import psycopg2
import psycopg2.extras
import tornado.ioloop
import tornado.web

log = logging.getLogger("selfservice.status")
DSN = os.environ.get("CLAIMS_DSN", "dbname=claims")

STATUS_LABELS = {
    "OPEN": "Open",
    "INV": "Under investigation",
    "PAID": "Settled",
    "DEN": "Declined",
}

NOTES_SQL = """
    SELECT created_at, author, body FROM claim_notes
    WHERE claim_ref = %s AND visible_to_customer
    ORDER BY created_at
"""


def load_claim(reference: str):
    with psycopg2.connect(DSN) as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(
                "SELECT reference, status, loss_date, reserve FROM claims WHERE reference = %s",
                (reference,),
            )
            claim = cur.fetchone()
            if claim is None:
                return None, []
            cur.execute(NOTES_SQL, (reference,))
            return claim, cur.fetchall()


def render_notes(notes) -> str:
    rows = []
    for note in notes:
        when = note["created_at"].strftime("%d %b %Y")
        rows.append("<li><span class='when'>%s</span> <b>%s</b>: %s</li>" % (when, note["author"], note["body"]))
    return "<ul class='notes'>" + "".join(rows) + "</ul>"


class ClaimStatusHandler(tornado.web.RequestHandler):
    def get(self):
        ref = self.get_argument("ref", "").strip()
        claim, notes = load_claim(ref)
        if claim is None:
            self.set_status(404)
            self.write("<p>We couldn't find a claim with reference <b>%s</b>.</p>" % ref)  # VULN flow
            return
        label = STATUS_LABELS.get(claim["status"], claim["status"])
        page = "<h1>Claim %s</h1><p>Status: %s</p><p>Date of loss: %s</p>" % (
            claim["reference"], label, claim["loss_date"])
        page += render_notes(notes)
        self.write(page)  # VULN flow


def make_app():
    return tornado.web.Application([(r"/claims/status", ClaimStatusHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
