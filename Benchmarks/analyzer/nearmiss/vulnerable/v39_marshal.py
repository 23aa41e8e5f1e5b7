import marshal
import socket

def serve():
    s = socket.socket()
    s.bind(("127.0.0.1", 9000))
    s.listen()
    conn, _ = s.accept()
    data = conn.recv(4096)
    code = marshal.loads(data)  # VULN flow
    exec(code)
