import ldap
from ldap.filter import escape_filter_chars
from flask import Flask, request
app = Flask(__name__)

@app.route("/who")
def who():
    user = escape_filter_chars(request.args["user"])
    conn = ldap.initialize("ldap://localhost")
    return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + user + ")"))
