import os
import subprocess

import paramiko


def current_commit():
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def run_remote(host, command, user="deploy"):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=user, key_filename=os.path.expanduser("~/.ssh/deploy_ed25519"), timeout=10)
    try:
        _, stdout, stderr = client.exec_command(command)
        exit_code = stdout.channel.recv_exit_status()
        return exit_code, stdout.read().decode(), stderr.read().decode()
    finally:
        client.close()


if __name__ == "__main__":
    print(f"restarting webapp at {current_commit()}")
    for server in ("app1.internal", "app2.internal"):
        code, out, err = run_remote(server, "sudo systemctl restart webapp")
        print(f"{server}: exit {code}")
        print(out or err)
