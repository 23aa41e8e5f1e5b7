import os
import subprocess

def deploy():
    branch = os.environ.get("BRANCH")
    subprocess.run("git checkout " + branch, shell=True)  # VULN flow
