"""Gradebook report pages for teachers and students."""
import logging
import os

import tornado.ioloop
import tornado.web
from tornado import template

from gradebook.store import GradeStore

log = logging.getLogger("gradebook.web")

ROW_TEMPLATE = template.Template("<tr><td>{{ assignment }}</td><td>{{ score }}</td><td>{{ feedback }}</td></tr>", autoescape=None)  # VULN
PAGE = """<!doctype html>
<html><head><title>Gradebook</title><link rel="stylesheet" href="/static/gradebook.css"></head>
<body>{heading}<table class="grades"><tr><th>Assignment</th><th>Score</th><th>Feedback</th></tr>{body}</table></body></html>"""


class BaseHandler(tornado.web.RequestHandler):
    @property
    def store(self):
        return self.application.settings["store"]

    def get_current_user(self):
        user = self.get_signed_cookie("gb_user")
        return user.decode() if user else None


class ReportHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, course_id):
        student = self.get_argument("student")
        term = self.get_argument("term", "current")
        if not self.store.can_view(self.current_user, course_id, student):
            raise tornado.web.HTTPError(403)
        grades = self.store.grades_for(course_id, student, term)
        rows = b"".join(ROW_TEMPLATE.generate(**g) for g in grades).decode("utf-8")
        heading = "<h2>Report for %s &mdash; %s</h2>" % (student, term)
        body = rows if grades else "<tr><td colspan=3>No grades recorded yet.</td></tr>"
        self.finish(PAGE.format(heading=heading, body=body))  # VULN flow


class StudentSearchHandler(BaseHandler):
    @tornado.web.authenticated
    def get(self, course_id):
        matches = self.store.search_students(course_id, self.get_argument("q", ""))
        if not matches:
            self.write("<p>No students match <b>" + self.get_argument("q", "") + "</b></p>")  # VULN
            return
        self.write({"students": [{"id": m.id, "name": m.display_name} for m in matches]})


def make_app():
    return tornado.web.Application(
        [
            (r"/courses/(\d+)/report", ReportHandler),
            (r"/courses/(\d+)/students", StudentSearchHandler),
        ],
        cookie_secret=os.environ["GRADEBOOK_COOKIE_SECRET"],
        login_url="/login",
        xsrf_cookies=True,
        store=GradeStore(os.environ["GRADEBOOK_DSN"]),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8888")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
