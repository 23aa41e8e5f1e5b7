from flask import Flask, render_template_string, request

app = Flask(__name__)

PAGE = """<html><body>
<h1>Search</h1>
<p>Results for: %s</p>
</body></html>"""


@app.route("/search")
def search():
    q = request.args.get("q", "")
    html = PAGE % q
    return render_template_string(html)  # VULN flow
