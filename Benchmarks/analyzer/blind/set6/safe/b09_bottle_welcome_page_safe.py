import html

from bottle import Bottle, request, response, run

app = Bottle()

PAGE = """<!doctype html>
<html>
  <head><title>{title}</title></head>
  <body>
    <h1>Welcome back, {name}!</h1>
    {body}
  </body>
</html>"""


def render_page(title, name, body):
    # body is trusted markup from this module; everything else is escaped
    return PAGE.format(title=html.escape(title), name=html.escape(name), body=body)


@app.get("/welcome")
def welcome():
    name = request.query.get("name", "guest")
    page = render_page("Dashboard", name, "<p>Your dashboard is ready.</p>")
    response.content_type = "text/html; charset=utf-8"
    return page


@app.get("/ping")
def ping():
    response.content_type = "text/plain"
    return "pong"


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8080)
