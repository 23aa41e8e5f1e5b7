import ldap
from flask import Flask, request
app = Flask(__name__)

@app.route("/who")
def who():
    user = request.args.get("user")
    conn = ldap.initialize("ldap://localhost")
    f = "(uid=" + user + ")"
    return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, f))  # VULN flow
