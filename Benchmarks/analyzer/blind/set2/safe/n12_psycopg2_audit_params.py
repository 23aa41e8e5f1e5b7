import os
import sys

import psycopg2
from psycopg2 import sql

SORTABLE = {"created_at", "actor", "action"}


class AuditLogRepository:
    def __init__(self, dsn=None):
        self.conn = psycopg2.connect(dsn or os.environ["AUDIT_DSN"])
        self.clauses = []
        self.params = []

    def by_actor(self, actor):
        self.clauses.append(sql.SQL("actor = %s"))
        self.params.append(actor)
        return self

    def since(self, iso_date):
        self.clauses.append(sql.SQL("created_at >= %s"))
        self.params.append(iso_date)
        return self

    def fetch(self, sort="created_at", limit=100):
        if sort not in SORTABLE:
            sort = "created_at"
        where = sql.SQL(" AND ").join(self.clauses) if self.clauses else sql.SQL("TRUE")
        query = sql.SQL("SELECT id, actor, action, created_at FROM audit_log WHERE {} ORDER BY {} DESC LIMIT %s")
        with self.conn.cursor() as cur:
            cur.execute(query.format(where, sql.Identifier(sort)), [*self.params, int(limit)])
            return cur.fetchall()


if __name__ == "__main__":
    repo = AuditLogRepository()
    for row in repo.by_actor(sys.argv[1]).since(sys.argv[2]).fetch(sort=sys.argv[3] if len(sys.argv) > 3 else "created_at"):
        print(*row, sep="\t")
