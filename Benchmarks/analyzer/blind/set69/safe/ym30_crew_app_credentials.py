"""Provision integration credentials for the crew mobile app backends.

Creates a service account in the crew scheduling database for each
integration (hotel booking, crew transport, EFB sync) and writes the
generated credentials to the shared config directory read by the services.
"""
import argparse
import json
import logging
import os
import secrets

import psycopg2

log = logging.getLogger("crewapp.provision")

CONFIG_DIR = "/etc/crewapp/integrations"
DB_HOST = os.environ.get("CREWSCHED_DB_HOST", "crewsched-db.internal")
DB_ADMIN_USER = os.environ.get("CREWSCHED_DB_ADMIN_USER", "crewsched_admin")
DB_ADMIN_PASSWORD = os.environ["CREWSCHED_DB_ADMIN_PASSWORD"]
INTEGRATIONS = {
    "hotel": ["crew_hotel_bookings"],
    "transport": ["crew_transport_jobs", "crew_duty_periods"],
    "efb": ["crew_duty_periods", "crew_qualifications"],
}


def admin_connection():
    return psycopg2.connect(host=DB_HOST, dbname="crewsched", user=DB_ADMIN_USER,
                            password=DB_ADMIN_PASSWORD, sslmode="require")


def create_service_account(conn, name, tables):
    role = f"svc_{name}"
    password = secrets.token_urlsafe(24)
    with conn, conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if cur.fetchone():
            cur.execute(f'ALTER ROLE "{role}" WITH LOGIN PASSWORD %s', (password,))
        else:
            cur.execute(f'CREATE ROLE "{role}" WITH LOGIN PASSWORD %s', (password,))
        for table in tables:
            cur.execute(f'GRANT SELECT ON "{table}" TO "{role}"')
    return {"user": role, "password": password, "host": DB_HOST, "dbname": "crewsched"}


def write_credentials(name, creds):
    os.makedirs(CONFIG_DIR, mode=0o750, exist_ok=True)
    path = os.path.join(CONFIG_DIR, f"{name}.json")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(creds, fh, indent=2)
    os.chmod(path, 0o600)
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("integrations", nargs="*", default=sorted(INTEGRATIONS))
    args = parser.parse_args(argv)
    unknown = set(args.integrations) - set(INTEGRATIONS)
    if unknown:
        parser.error("unknown integrations: %s" % ", ".join(sorted(unknown)))
    conn = admin_connection()
    try:
        for name in args.integrations:
            creds = create_service_account(conn, name, INTEGRATIONS[name])
            path = write_credentials(name, creds)
            log.info("provisioned %s -> %s", creds["user"], path)
    finally:
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
