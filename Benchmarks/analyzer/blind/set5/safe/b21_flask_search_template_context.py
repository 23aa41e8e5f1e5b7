from flask import Flask, render_template_string, request

app = Flask(__name__)

PAGE = """<!doctype html>
<title>Search</title>
<form><input name="q" value="{{ q }}"></form>
<h2>Results for {{ q }}</h2>
<ul>{% for r in results %}<li>{{ r }}</li>{% endfor %}</ul>
"""

CATALOG = ["red shirt", "blue shirt", "green hat", "black shoes"]


@app.route("/search")
def search():
    q = request.args.get("q", "")
    results = [item for item in CATALOG if q.lower() in item]
    return render_template_string(PAGE, q=q, results=results)
