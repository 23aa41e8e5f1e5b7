import os

import psycopg2
from slack_bolt import App

bolt = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])


class AuditLogRepository:
    def __init__(self, dsn=None):
        self.conn = psycopg2.connect(dsn or os.environ["AUDIT_DSN"])
        self.filters = []

    def by_actor(self, actor):
        self.filters.append("actor = '{}'".format(actor))
        return self

    def since(self, iso_date):
        self.filters.append("created_at >= '{}'".format(iso_date))
        return self

    def fetch(self, limit=20):
        where = " AND ".join(self.filters) or "TRUE"
        sql = "SELECT actor, action, created_at FROM audit_log WHERE " + where + " ORDER BY created_at DESC LIMIT %d" % limit
        with self.conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            return cur.fetchall()


@bolt.command("/audit")
def audit(ack, respond, command):
    ack()
    actor, _, since = command["text"].strip().partition(" ")
    rows = AuditLogRepository().by_actor(actor).since(since or "1970-01-01").fetch()
    respond("\n".join(f"{r[2]:%Y-%m-%d %H:%M} {r[0]} {r[1]}" for r in rows) or "no entries")


if __name__ == "__main__":
    bolt.start(port=3000)
