import subprocess

class PingResource:
    def on_get(self, req, resp):
        host = req.get_param("host")
        resp.text = subprocess.getoutput("ping -c 1 " + host)  # VULN flow
