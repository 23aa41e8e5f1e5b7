import logging
import os
from contextlib import closing

import psycopg2
import psycopg2.extras
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

log = logging.getLogger("incident-bot")
app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])

SORT_ORDERS = {"newest": "opened_at DESC", "severity": "severity DESC, opened_at DESC", "device": "device_id"}
USAGE = "Usage: `/incident search <text> [--sort newest|severity|device]` or `/incident ack <id>`"


def escape_like(value):
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class IncidentRepository:
    def __init__(self, dsn):
        self.dsn = dsn

    def _connect(self):
        return closing(psycopg2.connect(self.dsn, cursor_factory=psycopg2.extras.RealDictCursor))

    def search(self, text, sort="newest", limit=10):
        order_by = SORT_ORDERS.get(sort, SORT_ORDERS["newest"])
        query = (
            "SELECT id, device_id, severity, summary, opened_at FROM incidents "
            f"WHERE status = 'open' AND summary ILIKE %s ORDER BY {order_by} LIMIT %s"
        )
        with self._connect() as conn, conn.cursor() as cur:
            cur.execute(query, (f"%{escape_like(text)}%", int(limit)))
            return cur.fetchall()

    def acknowledge(self, incident_id, slack_user):
        with self._connect() as conn, conn.cursor() as cur:
            cur.execute(
                "UPDATE incidents SET acknowledged_by = %s, acknowledged_at = now() WHERE id = %s AND status = 'open'",
                (slack_user, incident_id),
            )
            conn.commit()
            return cur.rowcount == 1


repo = IncidentRepository(os.environ["INCIDENTS_DSN"])


def format_incident(row):
    return f"*#{row['id']}* `{row['device_id']}` sev{row['severity']} {row['summary']} (opened {row['opened_at']:%Y-%m-%d %H:%M})"


def _search(args, user_id, respond):
    text, _, sort = args.partition(" --sort ")
    rows = repo.search(text.strip(), sort.strip() or "newest")
    respond("\n".join(format_incident(r) for r in rows) if rows else "No open incidents match.")


def _ack(args, user_id, respond):
    if not args.isdigit():
        respond("Incident id must be a number.")
        return
    ok = repo.acknowledge(int(args), user_id)
    respond(f"Incident #{args} acknowledged." if ok else f"Incident #{args} is not open.")


SUBCOMMANDS = {"search": _search, "ack": _ack}


@app.command("/incident")
def incident_command(ack, command, respond):
    ack()
    sub, _, rest = command.get("text", "").strip().partition(" ")
    handler = SUBCOMMANDS.get(sub)
    if handler is None:
        respond(USAGE)
        return
    log.info("user %r ran /incident %r", command["user_id"], sub)
    handler(rest.strip(), command["user_id"], respond)


if __name__ == "__main__":
    SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"]).start()
