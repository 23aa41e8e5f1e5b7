import os

import paramiko


def run_remote(host, command, user="deploy"):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(host, username=user, key_filename=os.path.expanduser("~/.ssh/deploy_ed25519"), timeout=10)
    try:
        _, stdout, stderr = client.exec_command(command)
        exit_code = stdout.channel.recv_exit_status()
        return exit_code, stdout.read().decode(), stderr.read().decode()
    finally:
        client.close()


if __name__ == "__main__":
    for server in ("app1.internal", "app2.internal"):
        code, out, err = run_remote(server, "sudo systemctl restart webapp")
        print(f"{server}: exit {code}")
        print(out or err)
