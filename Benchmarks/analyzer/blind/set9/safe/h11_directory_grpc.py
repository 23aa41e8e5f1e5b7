"""gRPC people-directory service backed by Active Directory."""
import logging
import os
from concurrent import futures

import grpc
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

import directory_pb2
import directory_pb2_grpc

logger = logging.getLogger("directory")

LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc01.corp.example.com")
BASE_DN = "ou=People,dc=corp,dc=example,dc=com"
ATTRS = ["cn", "mail", "title", "department"]


def _connection() -> Connection:
    return Connection(
        Server(LDAP_URL, use_ssl=True),
        user=os.environ["LDAP_BIND_DN"],
        password=os.environ["LDAP_BIND_PASSWORD"],
        auto_bind=True,
        read_only=True,
    )


def build_filter(term: str) -> str:
    safe = escape_filter_chars(term)
    return f"(&(objectClass=person)(|(cn=*{safe}*)(mail={safe}*)))"


class DirectoryService(directory_pb2_grpc.DirectoryServicer):
    def SearchPeople(self, request, context):
        term = request.query.strip()
        if len(term) < 2:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "query too short")
        conn = _connection()
        try:
            conn.search(BASE_DN, build_filter(term), search_scope=SUBTREE, attributes=ATTRS, size_limit=50)
            people = [
                directory_pb2.Person(
                    name=str(e.cn), mail=str(e.mail), title=str(e.title), department=str(e.department)
                )
                for e in conn.entries
            ]
        finally:
            conn.unbind()
        return directory_pb2.SearchPeopleResponse(people=people)


def serve() -> None:
    with open(os.environ["TLS_KEY_FILE"], "rb") as fh:
        key = fh.read()
    with open(os.environ["TLS_CERT_FILE"], "rb") as fh:
        cert = fh.read()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    directory_pb2_grpc.add_DirectoryServicer_to_server(DirectoryService(), server)
    server.add_secure_port("[::]:50051", grpc.ssl_server_credentials([(key, cert)]))
    server.start()
    logger.info("directory service listening on 50051")
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
