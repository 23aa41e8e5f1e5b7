"""Public, shareable learner transcript page (Falcon)."""
import logging
import sqlite3

import falcon

log = logging.getLogger("transcripts.public")

DB_PATH = "/var/lib/mooc/learners.db"

PAGE_TEMPLATE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{name} - Course transcript</title>
<link rel="stylesheet" href="/static/transcript.css"></head>
<body><header><h1>{name}</h1><p class="headline">{headline}</p></header>
<table class="courses"><thead><tr><th>Course</th><th>Completed</th><th>Grade</th></tr></thead>
<tbody>{rows}</tbody></table></body></html>"""

ROW_TEMPLATE = "<tr><td>{title}</td><td>{completed_on}</td><td>{grade}</td></tr>"


class TranscriptRepository:
    def __init__(self, path: str = DB_PATH):
        self.path = path

    def _query(self, sql: str, params: tuple) -> list[sqlite3.Row]:
        with sqlite3.connect(self.path) as conn:
            conn.row_factory = sqlite3.Row
            return conn.execute(sql, params).fetchall()

    def public_profile(self, handle: str):
        rows = self._query(
            "SELECT id, display_name, headline FROM learners WHERE handle = ? AND transcript_public = 1",
            (handle,),
        )
        return rows[0] if rows else None

    def completed_courses(self, learner_id: int) -> list[dict]:
        rows = self._query(
            "SELECT c.title, e.completed_on, e.grade FROM enrollments e JOIN courses c ON c.id = e.course_id "
            "WHERE e.learner_id = ? AND e.completed_on IS NOT NULL ORDER BY e.completed_on DESC",
            (learner_id,),
        )
        return [dict(r) for r in rows]


class TranscriptResource:
    def __init__(self, repo: TranscriptRepository):
        self.repo = repo

    def on_get(self, req: falcon.Request, resp: falcon.Response, handle: str) -> None:
        profile = self.repo.public_profile(handle)
        if profile is None:
            raise falcon.HTTPNotFound()
        courses = self.repo.completed_courses(profile["id"])
        rows = "".join(ROW_TEMPLATE.format(**course) for course in courses)
        page = PAGE_TEMPLATE.format(
            name=profile["display_name"],
            headline=profile["headline"] or "",
            rows=rows or '<tr><td colspan="3">No completed courses yet.</td></tr>',
        )
        resp.content_type = falcon.MEDIA_HTML
        resp.text = page  # VULN flow


app = falcon.App()
app.add_route("/u/{handle}/transcript", TranscriptResource(TranscriptRepository()))
