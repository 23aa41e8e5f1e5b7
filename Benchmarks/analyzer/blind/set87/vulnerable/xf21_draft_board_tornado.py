"""Live draft board: lists picks made so far, filterable by position and owner."""
import logging
import sqlite3

import tornado.ioloop
import tornado.web

log = logging.getLogger("draftboard")

DB_PATH = "/var/lib/leagues/draft.db"
PAGE = """<html><head><title>Draft board</title></head><body>
<h2>Round-by-round picks{subtitle}</h2>
<table><tr><th>Pick</th><th>Player</th><th>Pos</th><th>Owner</th></tr>{rows}</table>
</body></html>"""


class DraftRepository:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    def picks(self, draft_id: int, position: str = "", owner: str = ""):
        clauses = ["draft_id = %d" % draft_id]
        if position:
            clauses.append("position = '%s'" % position.upper())
        if owner:
            clauses.append("owner_name LIKE '%%%s%%'" % owner)
        sql = "SELECT pick_no, player_name, position, owner_name FROM picks WHERE " + " AND ".join(clauses)
        sql += " ORDER BY pick_no"
        return self.conn.execute(sql).fetchall()  # VULN flow


class BoardHandler(tornado.web.RequestHandler):
    def initialize(self, repo: DraftRepository):
        self.repo = repo

    def get(self, draft_id: str):
        position = self.get_argument("pos", "")
        owner = self.get_argument("owner", "")
        picks = self.repo.picks(int(draft_id), position, owner)
        rows = "".join(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(*p) for p in picks
        )
        subtitle = ""
        if owner:
            subtitle = " for owners matching '%s'" % owner
        self.write(PAGE.format(subtitle=subtitle, rows=rows))  # VULN flow


class PickHandler(tornado.web.RequestHandler):
    def initialize(self, repo: DraftRepository):
        self.repo = repo

    def post(self, draft_id: str):
        player = self.get_body_argument("player")
        position = self.get_body_argument("pos")
        owner = self.current_user_name()
        cur = self.repo.conn.execute("SELECT COALESCE(MAX(pick_no), 0) + 1 FROM picks WHERE draft_id = ?", (int(draft_id),))
        pick_no = cur.fetchone()[0]
        self.repo.conn.execute(
            "INSERT INTO picks (draft_id, pick_no, player_name, position, owner_name) VALUES (?, ?, ?, ?, ?)",
            (int(draft_id), pick_no, player, position.upper(), owner),
        )
        self.repo.conn.commit()
        self.write({"pick_no": pick_no})

    def current_user_name(self) -> str:
        return (self.get_secure_cookie("owner") or b"unknown").decode()


def make_app():
    repo = DraftRepository(DB_PATH)
    return tornado.web.Application(
        [(r"/drafts/(\d+)/board", BoardHandler, {"repo": repo}), (r"/drafts/(\d+)/picks", PickHandler, {"repo": repo})],
        cookie_secret=__import__("os").environ["DRAFT_COOKIE_SECRET"],
    )


if __name__ == "__main__":
    make_app().listen(8870, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
