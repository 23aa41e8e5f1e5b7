import jsonpickle
import tornado.web


class CartHandler(tornado.web.RequestHandler):
    def post(self):
        cart = jsonpickle.decode(self.request.body)  # VULN
        total = sum(item.price * item.qty for item in cart.items)
        self.write({"items": len(cart.items), "total": round(total, 2)})
