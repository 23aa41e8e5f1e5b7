"""School directory lookup used by the classroom bot to resolve students."""
import logging
import os

from bottle import Bottle, HTTPError, request
from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

log = logging.getLogger("directory")
app = Bottle()

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.school.example")
BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=people,dc=school,dc=example")
BIND_DN = os.environ.get("LDAP_BIND_DN")
BIND_PW = os.environ.get("LDAP_BIND_PW")
ATTRS = ["uid", "cn", "mail", "preferredLanguage", "ou"]


def connect() -> Connection:
    server = Server(LDAP_URL, use_ssl=True, get_info=ALL)
    return Connection(server, BIND_DN, BIND_PW, auto_bind=True, read_only=True)


def build_filter(name: str, grade: str) -> str:
    parts = ["(objectClass=inetOrgPerson)", "(employeeType=student)"]
    if name:
        safe_name = escape_filter_chars(name)
        parts.append(f"(|(cn=*{safe_name}*)(uid={safe_name}))")
    if grade:
        parts.append(f"(ou=grade-{int(grade)})")
    return "(&" + "".join(parts) + ")"


def entry_to_dict(entry) -> dict:
    data = entry.entry_attributes_as_dict
    first = lambda key: (data.get(key) or [None])[0]  # noqa: E731
    return {
        "uid": first("uid"),
        "name": first("cn"),
        "mail": first("mail"),
        "language": first("preferredLanguage"),
        "group": first("ou"),
    }


@app.get("/directory/students")
def find_students():
    caller = request.environ.get("REMOTE_USER")
    if not caller:
        raise HTTPError(401, "authentication required")
    name = request.query.get("name", "").strip()
    grade = request.query.get("grade", "").strip()
    if not name and not grade:
        raise HTTPError(400, "name or grade required")
    if grade and not grade.isdigit():
        raise HTTPError(400, "grade must be a number")
    search_filter = build_filter(name, grade)
    with connect() as conn:
        conn.search(BASE_DN, search_filter, search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
        results = [entry_to_dict(e) for e in conn.entries]
    log.info("directory lookup by %r returned %d entries", caller, len(results))
    return {"results": results}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8090)
