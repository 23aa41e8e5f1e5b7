"""Small TCP service the NOC uses to run reachability checks from this box."""
import os
import socket
import threading

PORT = 9099


def run_ping(host, count):
    cmd = "ping -c %d -W 2 %s" % (count, host)
    return os.system(cmd)  # VULN flow


def handle(conn, addr):
    with conn:
        data = conn.recv(1024).decode("utf-8", "replace").strip()
        parts = data.split()
        if len(parts) < 2 or parts[0] != "PING":
            conn.sendall(b"ERR usage: PING <host> [count]\n")
            return
        count = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 3
        rc = run_ping(parts[1], count)
        conn.sendall(b"OK\n" if rc == 0 else b"FAIL\n")


def serve():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("0.0.0.0", PORT))  # VULN
    srv.listen(16)
    while True:
        conn, addr = srv.accept()
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


if __name__ == "__main__":
    serve()
