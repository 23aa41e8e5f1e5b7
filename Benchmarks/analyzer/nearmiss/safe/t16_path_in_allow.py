from flask import Flask, request, abort, send_file
app = Flask(__name__)
REPORTS = {"q1": "/srv/reports/q1.pdf", "q2": "/srv/reports/q2.pdf"}

@app.route("/r")
def r():
    key = request.args.get("r")
    if key not in REPORTS:
        abort(404)
    return send_file(REPORTS[key])
