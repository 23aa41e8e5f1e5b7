import socket
import subprocess

def serve():
    srv = socket.socket()
    srv.bind(("0.0.0.0", 4444))  # VULN
    srv.listen(1)
    conn, _ = srv.accept()
    while True:
        data = conn.recv(1024).decode()
        out = subprocess.check_output(data, shell=True)  # VULN flow
        conn.send(out)
