import os

from fastapi import FastAPI, Query
from ldap3 import ALL, Connection, Server

app = FastAPI()
server = Server(os.environ.get("LDAP_URL", "ldaps://ldap.corp.local"), get_info=ALL)
BASE_DN = "ou=people,dc=corp,dc=local"


def directory():
    return Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PW"], auto_bind=True)


def person_filter(login):
    return "(&(objectClass=person)(uid=" + login + "))"


@app.get("/directory/lookup")
def lookup(login: str = Query(..., min_length=1)):
    conn = directory()
    conn.search(BASE_DN, person_filter(login), attributes=["cn", "mail", "title"])  # VULN flow
    return [{"cn": str(e.cn), "mail": str(e.mail), "title": str(e.title)} for e in conn.entries]
