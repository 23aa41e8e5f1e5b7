"""Small TCP service the NOC uses to run reachability checks from this box."""
import ipaddress
import socket
import subprocess
import threading

PORT = 9099
CHECKS = {
    "UPTIME": ["uptime"],
    "ROUTES": ["ip", "route", "show"],
    "DISK": ["df", "-h", "/"],
}


def run_ping(host, count):
    addr = ipaddress.ip_address(host)  # raises ValueError for anything but an IP literal
    result = subprocess.run(["ping", "-c", str(count), "-W", "2", str(addr)],
                            capture_output=True, timeout=30)
    return result.returncode


def handle(conn, addr):
    with conn:
        parts = conn.recv(1024).decode("utf-8", "replace").strip().split()
        if not parts:
            return
        if parts[0] in CHECKS:
            out = subprocess.run(CHECKS[parts[0]], capture_output=True, timeout=30).stdout
            conn.sendall(out)
            return
        if parts[0] == "PING" and len(parts) >= 2:
            count = min(int(parts[2]), 10) if len(parts) > 2 and parts[2].isdigit() else 3
            try:
                rc = run_ping(parts[1], max(count, 1))
            except ValueError:
                conn.sendall(b"ERR host must be an IP address\n")
                return
            conn.sendall(b"OK\n" if rc == 0 else b"FAIL\n")
            return
        conn.sendall(b"ERR unknown command\n")


def serve():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", PORT))
    srv.listen(16)
    while True:
        conn, addr = srv.accept()
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


if __name__ == "__main__":
    serve()
