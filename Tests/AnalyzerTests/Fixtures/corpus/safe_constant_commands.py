import subprocess


def backup():
    subprocess.run(["tar", "czf", "/var/backups/site.tgz", "/srv/site"], check=True)


def version():
    return subprocess.check_output(["git", "rev-parse", "HEAD"]).decode().strip()
