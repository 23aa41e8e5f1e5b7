"""Student account storage for the offline classroom server.

Used on the Raspberry Pi boxes we ship to schools without reliable
internet; students log in to practise vocabulary and listening drills.
"""
import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS students (
    id INTEGER PRIMARY KEY,
    username TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'A1',
    pw_hash TEXT NOT NULL
)
"""


@dataclass
class Student:
    id: int
    username: str
    display_name: str
    level: str


class AccountStore:
    def __init__(self, path: str = "classroom.db"):
        self.conn = sqlite3.connect(path)
        self.conn.execute(SCHEMA)

    @staticmethod
    def _hash(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    def create(self, username: str, display_name: str, password: str, level: str = "A1") -> Student:
        if len(password) < 8:
            raise ValueError("password must be at least 8 characters")
        cur = self.conn.execute(
            "INSERT INTO students (username, display_name, level, pw_hash) VALUES (?, ?, ?, ?)",
            (username, display_name, level, self._hash(password)),
        )
        self.conn.commit()
        return Student(cur.lastrowid, username, display_name, level)

    def authenticate(self, username: str, password: str) -> Optional[Student]:
        row = self.conn.execute(
            "SELECT id, username, display_name, level, pw_hash FROM students WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None or row[4] != self._hash(password):
            log.info("failed login for %r", username)
            return None
        return Student(*row[:4])

    def change_password(self, student_id: int, new_password: str) -> None:
        if len(new_password) < 8:
            raise ValueError("password must be at least 8 characters")
        self.conn.execute("UPDATE students SET pw_hash = ? WHERE id = ?", (self._hash(new_password), student_id))
        self.conn.commit()

    def set_level(self, student_id: int, level: str) -> None:
        self.conn.execute("UPDATE students SET level = ? WHERE id = ?", (level, student_id))
        self.conn.commit()
