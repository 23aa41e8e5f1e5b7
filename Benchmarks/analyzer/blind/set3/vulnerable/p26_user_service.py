import hashlib
import hmac
import os
import sqlite3


class UserService:
    def __init__(self, db_path="users.db"):
        self.db = sqlite3.connect(db_path)

    def _hash(self, salt, password):
        return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN

    def register(self, username, password):
        salt = os.urandom(8).hex()
        self.db.execute(
            "INSERT INTO users (username, salt, pw_hash) VALUES (?, ?, ?)",
            (username, salt, self._hash(salt, password)),
        )
        self.db.commit()

    def check(self, username, password):
        row = self.db.execute(
            "SELECT salt, pw_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return False
        salt, stored = row
        return hmac.compare_digest(stored, self._hash(salt, password))
