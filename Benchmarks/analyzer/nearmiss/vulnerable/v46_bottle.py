from bottle import route, request

@route("/hello")
def hello():
    name = request.query.name
    return "<h1>Hello " + name + "</h1>"  # VULN flow
