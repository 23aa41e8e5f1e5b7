"""Circulation desk: outstanding fines lookup (Tornado)."""
import logging
import os
import sqlite3

import tornado.ioloop
import tornado.web
from tornado.escape import xhtml_escape

DB_PATH = os.environ.get("CIRC_DB", "/var/lib/circulation/circ.db")
log = logging.getLogger("fines")


class FinesRepository:
    def __init__(self, path: str):
        self.path = path

    def search(self, surname: str, branch: str, min_amount: float):
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        query = (
            "SELECT p.card_number, p.first_name, p.last_name, b.name AS branch, SUM(f.amount) AS owed "
            "FROM fines f JOIN patrons p ON p.id = f.patron_id JOIN branches b ON b.id = p.home_branch "
            "WHERE f.paid = 0 AND p.last_name LIKE ?"
        )
        params = [surname + "%"]
        if branch:
            query += " AND b.code = ?"
            params.append(branch)
        query += " GROUP BY p.id HAVING owed >= ? ORDER BY owed DESC LIMIT 100"
        params.append(min_amount)
        try:
            return conn.execute(query, params).fetchall()
        finally:
            conn.close()


class FinesHandler(tornado.web.RequestHandler):
    def initialize(self, repo: FinesRepository):
        self.repo = repo

    def get(self):
        surname = self.get_argument("surname", "")
        branch = self.get_argument("branch", "")
        try:
            min_amount = float(self.get_argument("min", "0"))
        except ValueError:
            raise tornado.web.HTTPError(400, "min must be a number")
        rows = self.repo.search(surname, branch, min_amount)
        self.write("<html><body><h2>Outstanding fines: " + xhtml_escape(surname) + "</h2>")
        self.write("<table><tr><th>Card</th><th>Name</th><th>Branch</th><th>Owed</th></tr>")
        for r in rows:
            self.write(
                "<tr><td>%s</td><td>%s %s</td><td>%s</td><td>$%.2f</td></tr>"
                % (
                    xhtml_escape(r["card_number"]),
                    xhtml_escape(r["first_name"]),
                    xhtml_escape(r["last_name"]),
                    xhtml_escape(r["branch"]),
                    r["owed"],
                )
            )
        self.write("</table></body></html>")


def make_app() -> tornado.web.Application:
    repo = FinesRepository(DB_PATH)
    return tornado.web.Application([(r"/circ/fines", FinesHandler, {"repo": repo})])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
