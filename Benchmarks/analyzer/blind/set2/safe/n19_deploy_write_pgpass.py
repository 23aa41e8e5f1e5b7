import os
import pathlib

CONFIG_DIR = pathlib.Path("/opt/app/shared/config")


def write_pgpass():
    CONFIG_DIR.mkdir(parents=True, exist_ok=True)
    os.chmod(CONFIG_DIR, 0o700)
    target = CONFIG_DIR / ".pgpass"
    line = "{host}:{port}:{db}:{user}:{pw}\n".format(
        host=os.environ["DB_HOST"],
        port=os.environ.get("DB_PORT", "5432"),
        db=os.environ["DB_NAME"],
        user=os.environ["DB_USER"],
        pw=os.environ["DB_PASSWORD"],
    )
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(line)
    os.chmod(target, 0o600)
    return target


if __name__ == "__main__":
    print(f"wrote {write_pgpass()}")
