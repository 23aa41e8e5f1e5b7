from flask import Flask, render_template_string, request

app = Flask(__name__)

PAGE = """
<!doctype html>
<title>Thank you</title>
<h1>{greeting}</h1>
<p>Your order #{{{{ order_id }}}} is on its way.</p>
"""


def build_page(name):
    return PAGE.format(greeting=f"Thanks, {name}!")


@app.get("/orders/<int:order_id>/thanks")
def thanks(order_id):
    name = request.args.get("name", "customer")
    return render_template_string(build_page(name), order_id=order_id)  # VULN flow
