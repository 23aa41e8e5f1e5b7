import hashlib
import io
import os

import pandas as pd
from flask import Flask, abort, request
from markupsafe import escape

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
_PREVIEWS = {}

PAGE = """<!doctype html>
<html><head><title>Dataset preview</title><link rel="stylesheet" href="/static/preview.css"></head>
<body>{body}</body></html>"""


def summarize(df):
    info = pd.DataFrame({"dtype": df.dtypes.astype(str), "nulls": df.isna().sum(), "unique": df.nunique()})
    return info.to_html(classes="summary")


@app.route("/datasets/preview", methods=["POST"])
def preview():
    upload = request.files.get("dataset")
    if upload is None or not upload.filename:
        abort(400)
    raw = upload.read()
    digest = hashlib.md5(raw, usedforsecurity=False).hexdigest()
    if digest in _PREVIEWS:
        return _PREVIEWS[digest]
    ext = os.path.splitext(upload.filename)[1].lower()
    if ext == ".csv":
        df = pd.read_csv(io.BytesIO(raw), nrows=5000)
    elif ext == ".parquet":
        df = pd.read_parquet(io.BytesIO(raw))
    else:
        abort(415)
    title = f"<h2>{escape(upload.filename)}: {len(df)} rows x {df.shape[1]} columns</h2>"
    html = PAGE.format(body=title + summarize(df) + df.head(20).to_html(classes="sample"))
    if len(_PREVIEWS) >= 64:
        _PREVIEWS.pop(next(iter(_PREVIEWS)))
    _PREVIEWS[digest] = html
    return html


@app.route("/")
def index():
    return PAGE.format(body='<form method="post" action="/datasets/preview" enctype="multipart/form-data">'
                            '<input type="file" name="dataset"><button>Preview</button></form>')
