"""Renders the weekly sales summary as an HTML fragment for the dashboard."""
from dataclasses import dataclass

from flask import Flask, make_response, request

app = Flask(__name__)


@dataclass
class RegionTotal:
    region: str
    revenue: float
    orders: int


SAMPLE = [
    RegionTotal("north", 182340.50, 1210),
    RegionTotal("south", 99120.00, 804),
    RegionTotal("east", 143002.75, 990),
    RegionTotal("west", 77110.10, 512),
]


def collect_filters(args):
    try:
        min_orders = int(args.get("min_orders", 0) or 0)
    except ValueError:
        min_orders = 0
    return {
        "title": args.get("title", "Weekly sales"),
        "region": args.get("region", ""),
        "min_orders": min_orders,
    }


def render_rows(rows):
    out = []
    for r in rows:
        out.append(
            f"<tr><td>{r.region}</td><td>{r.revenue:,.2f}</td><td>{r.orders}</td></tr>"
        )
    return "\n".join(out)


def render_page(filters, rows):
    heading = f"<h2>{filters['title']}</h2>"
    if filters["region"]:
        heading += f"<p>Filtered by region: {filters['region']}</p>"
    body = render_rows(rows) or "<tr><td colspan=3>No data</td></tr>"
    return f"<section class='report'>{heading}<table>{body}</table></section>"


@app.route("/reports/sales")
def sales_report():
    filters = collect_filters(request.args)
    rows = [r for r in SAMPLE if r.orders >= filters["min_orders"]]
    if filters["region"]:
        rows = [r for r in rows if r.region == filters["region"]]
    html = render_page(filters, rows)
    resp = make_response(html)  # VULN flow
    resp.headers["Content-Type"] = "text/html; charset=utf-8"
    resp.headers["Cache-Control"] = "no-store"
    return resp


if __name__ == "__main__":
    app.run(port=8050)
