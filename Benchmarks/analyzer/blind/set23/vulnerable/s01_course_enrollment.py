"""Course enrollment API for the campus learning portal."""
import logging
import os
from dataclasses import dataclass

import psycopg2
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("enrollment")

VALID_STATUSES = {"active", "waitlisted", "dropped"}


@dataclass
class EnrollmentQuery:
    course_code: str
    semester: str
    status: str = "active"


class EnrollmentRepository:
    def __init__(self, dsn: str):
        self._dsn = dsn

    def _connect(self):
        return psycopg2.connect(self._dsn)

    def list_students(self, q: EnrollmentQuery):
        sql = (
            "SELECT s.id, s.full_name, e.enrolled_at FROM enrollments e "
            "JOIN students s ON s.id = e.student_id "
            f"WHERE e.course_code = '{q.course_code}' "
            f"AND e.semester = '{q.semester}' AND e.status = '{q.status}' "
            "ORDER BY s.full_name"
        )
        with self._connect() as conn, conn.cursor() as cur:
            cur.execute(sql)  # VULN flow
            return cur.fetchall()

    def seat_capacity(self, course_code: str) -> int:
        with self._connect() as conn, conn.cursor() as cur:
            cur.execute("SELECT seats FROM courses WHERE code = %s", (course_code,))
            row = cur.fetchone()
            return row[0] if row else 0


repo = EnrollmentRepository(os.environ["ENROLLMENT_DSN"])


@app.route("/api/courses/<course_code>/students")
def course_students(course_code):
    semester = request.args.get("semester", "2024S")
    status = request.args.get("status", "active")
    if status not in VALID_STATUSES:
        abort(400, "unknown status")
    log.info("listing students for %r in %r", course_code, semester)
    query = EnrollmentQuery(course_code=course_code, semester=semester, status=status)
    rows = repo.list_students(query)
    return jsonify(
        {
            "course": course_code,
            "capacity": repo.seat_capacity(course_code),
            "students": [
                {"id": r[0], "name": r[1], "enrolled_at": r[2].isoformat()} for r in rows
            ],
        }
    )
