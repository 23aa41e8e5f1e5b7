import argparse
import os

import psycopg2
from psycopg2 import sql


def table_counts(conn, schema, tables):
    counts = {}
    with conn.cursor() as cur:
        for table in tables:
            query = sql.SQL("SELECT count(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
            cur.execute(query)
            counts[table] = cur.fetchone()[0]
    return counts


def main():
    parser = argparse.ArgumentParser(description="Row counts for warehouse tables")
    parser.add_argument("--schema", default="public")
    parser.add_argument("tables", nargs="+")
    args = parser.parse_args()
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    try:
        for table, n in table_counts(conn, args.schema, args.tables).items():
            print(f"{args.schema}.{table}\t{n}")
    finally:
        conn.close()


if __name__ == "__main__":
    main()
