import os

from flask import Flask, jsonify, render_template

from metrics.store import MetricStore

app = Flask(__name__)
store = MetricStore(os.environ.get("METRICS_DB", "metrics.sqlite"))


@app.route("/")
def index():
    return render_template("dashboard.html", series=store.series_names())


@app.route("/api/series/<name>")
def series(name):
    points = store.points(name, limit=500)
    return jsonify(name=name, points=points)


if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(os.environ.get("PORT", "8050")),
        debug=os.environ.get("FLASK_DEBUG", "0") == "1",
    )
