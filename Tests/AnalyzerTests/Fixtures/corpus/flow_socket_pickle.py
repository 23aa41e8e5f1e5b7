import pickle
import socket


def serve(port):
    server = socket.socket()
    server.bind(("127.0.0.1", port))
    server.listen()
    conn, _ = server.accept()
    payload = conn.recv(65536)
    message = payload[4:]
    return pickle.loads(message)  # expect: CWE-502
