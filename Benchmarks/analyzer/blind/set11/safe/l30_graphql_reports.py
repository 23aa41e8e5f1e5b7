"""GraphQL endpoint for the customer order history page."""
import os
import sqlite3

import graphene
from flask import Flask, abort, g, request, session
from graphql_server.flask import GraphQLView

DB = os.environ.get("SHOP_DB", "shop.db")


class Order(graphene.ObjectType):
    id = graphene.Int()
    status = graphene.String()
    total_cents = graphene.Int()
    placed_at = graphene.String()


def query_orders(customer_id, status=None, placed_after=None):
    clauses = ["customer_id = ?"]
    params = [int(customer_id)]
    if status:
        clauses.append("status = ?")
        params.append(status)
    if placed_after:
        clauses.append("placed_at >= ?")
        params.append(placed_after.isoformat())
    sql = "SELECT id, status, total_cents, placed_at FROM orders WHERE " + " AND ".join(clauses)
    with sqlite3.connect(DB) as conn:
        return conn.execute(sql + " ORDER BY placed_at DESC LIMIT 100", params).fetchall()


class Query(graphene.ObjectType):
    orders = graphene.List(Order, status=graphene.String(), placed_after=graphene.Date())

    def resolve_orders(root, info, status=None, placed_after=None):
        customer_id = info.context["customer_id"]
        rows = query_orders(customer_id, status, placed_after)
        return [Order(id=r[0], status=r[1], total_cents=r[2], placed_at=r[3]) for r in rows]


schema = graphene.Schema(query=Query)
app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


class AuthedGraphQLView(GraphQLView):
    def get_context(self):
        return {"customer_id": g.customer_id}


@app.before_request
def require_login():
    if request.path.startswith("/graphql"):
        if "customer_id" not in session:
            abort(401)
        g.customer_id = int(session["customer_id"])


app.add_url_rule("/graphql", view_func=AuthedGraphQLView.as_view("graphql", schema=schema.graphql_schema))
