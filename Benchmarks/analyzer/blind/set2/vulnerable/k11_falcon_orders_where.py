import falcon
from pymongo import MongoClient

client = MongoClient("mongodb://localhost:27017")
orders = client.shop.orders


def where_clause(customer, status):
    return "this.customer == '%s' && this.status == '%s'" % (customer, status)


class OrderResource:
    def on_get(self, req, resp):
        customer = req.get_param("customer", required=True)
        status = req.get_param("status", default="open")
        query = {"$where": where_clause(customer, status)}
        found = list(orders.find(query, {"_id": 0}).limit(50))  # VULN flow
        resp.media = {"orders": found}


app = falcon.App()
app.add_route("/orders", OrderResource())
