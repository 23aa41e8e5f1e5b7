"""Instructor gradebook overview page (Tornado)."""
import logging
import os

import tornado.ioloop
import tornado.web

from gradestore import GradeStore

log = logging.getLogger("gradebook.web")

TABLE_HEAD = "<table class='grades'><tr><th>ID</th><th>Name</th><th>Grade</th><th>Comment</th></tr>"


def _row_html(row: dict) -> str:
    return (
        "<tr>"
        f"<td>{row['student_id']}</td>"
        f"<td>{row['name']}</td>"
        f"<td>{row['letter']}</td>"
        f"<td>{row['comment'] or ''}</td>"
        "</tr>"
    )


class BaseHandler(tornado.web.RequestHandler):
    def get_current_user(self):
        value = self.get_secure_cookie("instructor")
        return value.decode() if value else None


class GradebookHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, section_id: str):
        store: GradeStore = self.settings["grade_store"]
        if not store.teaches(self.current_user, section_id):
            raise tornado.web.HTTPError(403)
        query = self.get_argument("q", "")
        rows = store.rows_for_section(section_id, name_filter=query)
        body = "".join(_row_html(r) for r in rows)
        page = (
            "<html><head><title>Gradebook</title></head><body>"
            f"<h2>Section {section_id} &mdash; results for \"{query}\"</h2>"
            f"{TABLE_HEAD}{body}</table>"
            f"<p>{len(rows)} students</p></body></html>"
        )
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(page)  # VULN flow


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"status": "ok"})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [
            (r"/gradebook/(\d+)", GradebookHandler),
            (r"/health", HealthHandler),
        ],
        cookie_secret=os.environ["GRADEBOOK_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
        grade_store=GradeStore(os.environ.get("GRADEBOOK_DSN", "postgresql:///gradebook")),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
