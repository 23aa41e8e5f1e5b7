"""Tornado handlers for on-demand LaTeX builds of book interiors."""
import glob
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile

import tornado.ioloop
import tornado.web

log = logging.getLogger("latex_builds")

BOOKS_ROOT = os.environ.get("BOOKS_ROOT", "/srv/books/sources")
OUTPUT_ROOT = os.environ.get("BUILD_OUTPUT", "/srv/books/builds")
JOBNAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class BuildRequest:
    def __init__(self, book_id, jobname, draft=False):
        if not JOBNAME_RE.match(jobname):
            raise ValueError("invalid jobname")
        self.book_id = book_id
        self.jobname = jobname
        self.draft = draft

    @classmethod
    def from_body(cls, book_id, body):
        data = json.loads(body or b"{}")
        return cls(int(book_id), data.get("jobname") or f"book-{book_id}", bool(data.get("draft")))

    def command(self, workdir):
        opts = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape"]
        if self.draft:
            opts.append("-draftmode")
        return ["pdflatex", *opts, f"-jobname={self.jobname}", "main.tex"]


class BuildHandler(tornado.web.RequestHandler):
    def post(self, book_id):
        try:
            req = BuildRequest.from_body(book_id, self.request.body)
        except (ValueError, TypeError):
            raise tornado.web.HTTPError(400)
        src = os.path.join(BOOKS_ROOT, str(req.book_id))
        if not os.path.isfile(os.path.join(src, "main.tex")):
            raise tornado.web.HTTPError(404)

        workdir = tempfile.mkdtemp(prefix=f"build-{req.book_id}-")
        try:
            shutil.copytree(src, workdir, dirs_exist_ok=True)
            with open(os.path.join(workdir, "build.log"), "w") as logfile:
                status = subprocess.run(req.command(workdir), cwd=workdir, stdout=logfile,
                                        stderr=subprocess.STDOUT).returncode
            pdfs = glob.glob(os.path.join(workdir, "*.pdf"))
            if status != 0 or not pdfs:
                with open(os.path.join(workdir, "build.log"), errors="replace") as fh:
                    tail = fh.read()[-2000:]
                self.set_status(422)
                self.write({"ok": False, "log": tail})
                return
            dest_dir = os.path.join(OUTPUT_ROOT, str(req.book_id))
            os.makedirs(dest_dir, exist_ok=True)
            dest = shutil.copy2(pdfs[0], dest_dir)
            log.info("book %d built (%d bytes)", req.book_id, os.path.getsize(dest))
            self.write({"ok": True, "pdf": os.path.basename(dest), "draft": req.draft})
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


def make_app():
    return tornado.web.Application([(r"/books/(\d+)/build", BuildHandler)])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
