import falcon
from pymongo import MongoClient

client = MongoClient("mongodb://localhost:27017")
orders = client.shop.orders
STATUSES = {"open", "paid", "shipped", "cancelled"}


class OrderResource:
    def on_get(self, req, resp):
        customer = req.get_param("customer", required=True)
        status = req.get_param("status", default="open")
        if status not in STATUSES:
            raise falcon.HTTPBadRequest(title="invalid status")
        query = {"customer": str(customer), "status": status}
        found = list(orders.find(query, {"_id": 0}).sort("created_at", -1).limit(50))
        resp.media = {"orders": found}


app = falcon.App()
app.add_route("/orders", OrderResource())
