import sqlite3
TABLE = "users"

def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM %s" % TABLE).fetchone()[0]
