import subprocess

import falcon

REPO_DIR = "/srv/git/docs.git"


def file_history(path, limit):
    args = [
        "git", "-C", REPO_DIR, "log",
        f"--max-count={limit}", "--format=%H%x09%an%x09%s",
        "--", path,
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=15, check=False)
    return [line.split("\t", 2) for line in proc.stdout.splitlines() if line]


class HistoryResource:
    def on_get(self, req, resp):
        path = req.get_param("path", required=True)
        limit = max(1, min(req.get_param_as_int("limit", default=20), 200))
        entries = file_history(path, limit)
        resp.media = [{"sha": e[0], "author": e[1], "subject": e[2]} for e in entries if len(e) == 3]


app = falcon.App()
app.add_route("/docs/history", HistoryResource())
