import sqlite3

import tornado.web


class ProductSearchHandler(tornado.web.RequestHandler):
    def initialize(self, db_path):
        self.conn = sqlite3.connect(db_path)

    def get(self):
        term = self.get_argument("q", "")
        sql = "SELECT id, name, price FROM products WHERE name LIKE '%{}%'".format(term)
        rows = self.conn.execute(sql).fetchall()  # VULN flow
        self.write({"results": [dict(zip(("id", "name", "price"), r)) for r in rows]})
