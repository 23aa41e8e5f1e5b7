"""Member account store for the gym booking system (SQLite backend)."""
import hashlib
import hmac
import sqlite3
from contextlib import closing


class DuplicateMember(Exception):
    pass


class MemberStore:
    def __init__(self, db_path):
        self.db_path = db_path

    def _conn(self):
        conn = sqlite3.connect(self.db_path)
        conn.row_factory = sqlite3.Row
        return conn

    def init_schema(self):
        with closing(self._conn()) as conn, conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS members ("
                "id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, "
                "full_name TEXT, pw_hash TEXT NOT NULL)"
            )

    @staticmethod
    def hash_password(password):
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    def register(self, email, full_name, password):
        if len(password) < 10:
            raise ValueError("password too short")
        try:
            with closing(self._conn()) as conn, conn:
                cur = conn.execute(
                    "INSERT INTO members (email, full_name, pw_hash) VALUES (?, ?, ?)",
                    (email.lower(), full_name, self.hash_password(password)),
                )
                return cur.lastrowid
        except sqlite3.IntegrityError:
            raise DuplicateMember(email)

    def authenticate(self, email, password):
        with closing(self._conn()) as conn:
            row = conn.execute(
                "SELECT id, pw_hash FROM members WHERE email = ?", (email.lower(),)
            ).fetchone()
        if row is None:
            return None
        if hmac.compare_digest(row["pw_hash"], self.hash_password(password)):
            return row["id"]
        return None

    def change_password(self, member_id, new_password):
        with closing(self._conn()) as conn, conn:
            conn.execute("UPDATE members SET pw_hash = ? WHERE id = ?",
                         (self.hash_password(new_password), member_id))
