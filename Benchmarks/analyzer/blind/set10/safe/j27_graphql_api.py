import logging
import os
import sqlite3

import graphene
from flask import Flask, request, jsonify

log = logging.getLogger("catalog")
DB = os.environ.get("CATALOG_DB", "catalog.db")


class Product(graphene.ObjectType):
    id = graphene.Int()
    name = graphene.String()
    price = graphene.Float()
    category = graphene.String()


class Query(graphene.ObjectType):
    products = graphene.List(Product, category=graphene.String(), max_price=graphene.Float())

    def resolve_products(root, info, category=None, max_price=None):
        sql = "SELECT id, name, price, category FROM products WHERE active = 1"
        params = []
        if max_price is not None:
            sql += " AND price <= ?"
            params.append(max_price)
        if category:
            sql += " AND category = ?"
            params.append(category)
        with sqlite3.connect(DB) as conn:
            rows = conn.execute(sql + " LIMIT 200", params).fetchall()
        return [Product(id=r[0], name=r[1], price=r[2], category=r[3]) for r in rows]


schema = graphene.Schema(query=Query)
app = Flask(__name__)


@app.post("/graphql")
def graphql_endpoint():
    payload = request.get_json(silent=True) or {}
    query = payload.get("query", "") if isinstance(payload, dict) else ""
    if not isinstance(query, str) or len(query) > 5000:
        return jsonify({"errors": [{"message": "invalid query"}]}), 400
    result = schema.execute(query, variables=payload.get("variables"))
    body = {"data": result.data}
    if result.errors:
        for err in result.errors:
            log.warning("graphql error: %s", err)
        body["errors"] = [{"message": "query failed"}]
    return jsonify(body)
