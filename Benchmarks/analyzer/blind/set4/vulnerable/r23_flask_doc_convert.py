import subprocess

from flask import Flask, Response, abort, request

app = Flask(__name__)
DOCS_DIR = "/var/lib/docsvc/docs"


def _build_options(opts):
    args = []
    for key, value in sorted(opts.items()):
        if value == "":
            args.append(f"--{key}")
        else:
            args.append(f"--{key}={value}")
    return args


@app.route("/convert")
def convert():
    opts = request.args.to_dict()
    src = opts.pop("src", None)
    if not src or not src.endswith(".md"):
        abort(400)
    cmd = "pandoc {} {} -t html5".format(src, " ".join(_build_options(opts)))
    out = subprocess.check_output(cmd, shell=True, cwd=DOCS_DIR, timeout=60)  # VULN flow
    return Response(out, mimetype="text/html")
