import hashlib
import hmac
import os
import sqlite3

ITERATIONS = 600_000


def avatar_key(email):
    return hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()


class UserService:
    def __init__(self, db_path="users.db"):
        self.db = sqlite3.connect(db_path)

    def _hash(self, salt, password):
        return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS).hex()

    def register(self, username, email, password):
        salt = os.urandom(16)
        self.db.execute(
            "INSERT INTO users (username, avatar, salt, pw_hash) VALUES (?, ?, ?, ?)",
            (username, avatar_key(email), salt, self._hash(salt, password)),
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
