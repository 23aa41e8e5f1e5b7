import os
import socket
import threading

from metrics import snapshot

LISTEN_ADDR = "127.0.0.1"


def handle(conn, addr):
    with conn:
        conn.sendall(snapshot().encode("utf-8"))


def serve(port=9105):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((LISTEN_ADDR, port))
    srv.listen(16)
    while True:
        conn, addr = srv.accept()
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


if __name__ == "__main__":
    serve(int(os.environ.get("METRICS_PORT", "9105")))
