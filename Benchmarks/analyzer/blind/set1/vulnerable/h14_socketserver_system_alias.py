import socketserver
from os import system as run


class BackupRequestHandler(socketserver.StreamRequestHandler):
    def handle(self):
        dbname = self.rfile.readline().decode().strip()
        target = "/backups/%s.sql.gz" % dbname
        status = run("pg_dump %s | gzip > %s" % (dbname, target))  # VULN flow
        self.wfile.write(b"OK\n" if status == 0 else b"FAIL\n")


if __name__ == "__main__":
    with socketserver.TCPServer(("127.0.0.1", 9099), BackupRequestHandler) as srv:
        srv.serve_forever()
