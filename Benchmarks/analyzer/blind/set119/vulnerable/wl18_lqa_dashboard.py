"""LQA (linguistic quality assurance) score dashboard for vendor managers."""
import os
import sqlite3
from collections import defaultdict
from statistics import mean

from flask import Flask, abort, g, render_template, session

app = Flask(__name__)
app.secret_key = "lqa-dashboard-dev-key-9c1f"  # VULN
app.config["LQA_DB"] = os.environ.get("LQA_DB", "/srv/lqa/lqa.sqlite3")

SEVERITY_WEIGHTS = {"minor": 1, "major": 5, "critical": 10}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["LQA_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def quality_score(errors: list, word_count: int) -> float:
    penalty = sum(SEVERITY_WEIGHTS.get(e["severity"], 1) for e in errors)
    if word_count <= 0:
        return 0.0
    return max(0.0, 100.0 - penalty * 1000.0 / word_count)


@app.route("/")
def overview():
    if "manager_id" not in session:
        abort(401)
    rows = get_db().execute(
        "SELECT r.id, r.vendor, r.word_count, e.severity FROM reviews r "
        "LEFT JOIN review_errors e ON e.review_id = r.id"
    ).fetchall()
    reviews = defaultdict(lambda: {"errors": [], "word_count": 0, "vendor": None})
    for row in rows:
        rv = reviews[row["id"]]
        rv["vendor"] = row["vendor"]
        rv["word_count"] = row["word_count"]
        if row["severity"]:
            rv["errors"].append({"severity": row["severity"]})
    by_vendor = defaultdict(list)
    for rv in reviews.values():
        by_vendor[rv["vendor"]].append(quality_score(rv["errors"], rv["word_count"]))
    summary = sorted(
        ({"vendor": v, "reviews": len(s), "avg": round(mean(s), 1)} for v, s in by_vendor.items()),
        key=lambda x: x["avg"],
    )
    return render_template("lqa_overview.html", summary=summary)


@app.route("/vendor/<vendor>")
def vendor_detail(vendor: str):
    if "manager_id" not in session:
        abort(401)
    rows = get_db().execute(
        "SELECT id, project, word_count, reviewed_at FROM reviews WHERE vendor = ? ORDER BY reviewed_at DESC",
        (vendor,),
    ).fetchall()
    return render_template("lqa_vendor.html", vendor=vendor, reviews=rows)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5050, debug=True)  # VULN
