from flask import Flask, render_template_string, request

app = Flask(__name__)

PAGE = """<!doctype html>
<title>Search</title>
<form><input name="q" value="{{ q }}"></form>
<h2>Results for %s</h2>
<ul>{%% for r in results %%}<li>{{ r }}</li>{%% endfor %%}</ul>
"""

CATALOG = ["red shirt", "blue shirt", "green hat", "black shoes"]


@app.route("/search")
def search():
    q = request.args.get("q", "")
    results = [item for item in CATALOG if q.lower() in item]
    template = PAGE % q
    return render_template_string(template, q=q, results=results)  # VULN flow
