"""Classroom join codes and password-reset tokens."""
import datetime as dt
import logging
import secrets
import sqlite3
import string
from typing import Optional

log = logging.getLogger("invites")

ALPHABET = string.ascii_uppercase + string.digits
CODE_LENGTH = 8
RESET_TTL = dt.timedelta(minutes=30)


class InviteService:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def _code_exists(self, code: str) -> bool:
        return self.conn.execute("SELECT 1 FROM classrooms WHERE join_code = ?", (code,)).fetchone() is not None

    def new_class_code(self) -> str:
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            if not self._code_exists(code):
                return code

    def create_classroom(self, teacher_id: int, name: str, language: str) -> str:
        code = self.new_class_code()
        self.conn.execute(
            "INSERT INTO classrooms (teacher_id, name, language, join_code) VALUES (?, ?, ?, ?)",
            (teacher_id, name, language, code),
        )
        self.conn.commit()
        log.info("teacher %d created classroom %r", teacher_id, name)
        return code

    def join(self, student_id: int, code: str) -> Optional[int]:
        row = self.conn.execute("SELECT id FROM classrooms WHERE join_code = ?", (code.strip().upper(),)).fetchone()
        if row is None:
            return None
        self.conn.execute(
            "INSERT OR IGNORE INTO enrolments (classroom_id, student_id) VALUES (?, ?)", (row[0], student_id)
        )
        self.conn.commit()
        return row[0]

    def issue_reset_token(self, user_id: int) -> str:
        token = secrets.token_hex(16)
        expires = dt.datetime.utcnow() + RESET_TTL
        self.conn.execute(
            "INSERT INTO password_resets (user_id, token, expires_at) VALUES (?, ?, ?)",
            (user_id, token, expires.isoformat()),
        )
        self.conn.commit()
        return token

    def redeem_reset_token(self, token: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT user_id, expires_at FROM password_resets WHERE token = ? AND used = 0", (token,)
        ).fetchone()
        if row is None or dt.datetime.fromisoformat(row[1]) < dt.datetime.utcnow():
            return None
        self.conn.execute("UPDATE password_resets SET used = 1 WHERE token = ?", (token,))
        self.conn.commit()
        return row[0]
