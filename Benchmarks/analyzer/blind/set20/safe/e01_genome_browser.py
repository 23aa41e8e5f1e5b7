"""Region and track endpoints for the internal genome browser."""
import sqlite3
from dataclasses import dataclass, asdict
from typing import List, Optional

from flask import Flask, g, jsonify, request
from markupsafe import Markup, escape

app = Flask(__name__)
DB_PATH = "/srv/genome/annotations.db"


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@dataclass
class Region:
    chrom: str
    start: int
    end: int

    @classmethod
    def parse(cls, spec: str) -> "Region":
        chrom, _, span = spec.partition(":")
        start, _, end = span.partition("-")
        return cls(
            chrom=chrom,
            start=int(start.replace(",", "") or 1),
            end=int(end.replace(",", "") or 10_000),
        )


class FeatureRepository:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def features_in(self, region: Region, biotype: Optional[str] = None) -> List[dict]:
        sql = (
            "SELECT gene_id, symbol, start, end, strand FROM features "
            "WHERE chrom = ? AND start < ? AND end > ?"
        )
        params: list = [region.chrom, region.end, region.start]
        if biotype:
            sql += " AND biotype = ?"
            params.append(biotype)
        sql += " ORDER BY start LIMIT 2000"
        rows = self.conn.execute(sql, params).fetchall()
        return [dict(r) for r in rows]


@app.route("/api/region")
def region_features():
    region = Region.parse(request.args.get("r", "chr1:1-10000"))
    repo = FeatureRepository(get_db())
    features = repo.features_in(region, request.args.get("biotype"))
    return jsonify(region=asdict(region), count=len(features), features=features)


def track_header(label: str, count: int) -> Markup:
    return Markup("<h3 class='track'>{}</h3><span class='n'>{} features</span>").format(label, count)


@app.route("/track")
def track_view():
    label = request.args.get("label", "Genes")
    region = Region.parse(request.args.get("r", "chr1:1-10000"))
    feats = FeatureRepository(get_db()).features_in(region)
    header = track_header(label, len(feats))
    items = "".join(
        f"<li data-start='{int(f['start'])}'>{escape(f['symbol'])}</li>" for f in feats
    )
    return f"{header}<ul class='features'>{items}</ul>"
