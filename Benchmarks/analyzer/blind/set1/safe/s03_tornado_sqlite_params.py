import sqlite3

import tornado.web


class ProductSearchHandler(tornado.web.RequestHandler):
    def initialize(self, db_path):
        self.conn = sqlite3.connect(db_path)

    def get(self):
        term = self.get_argument("q", "")
        sql = "SELECT id, name, price FROM products WHERE name LIKE ? ORDER BY name"
        rows = self.conn.execute(sql, (f"%{term}%",)).fetchall()
        self.write({"results": [dict(zip(("id", "name", "price"), r)) for r in rows]})
