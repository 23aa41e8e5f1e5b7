import json
import subprocess

import pika


def run_job(job):
    tool = job["tool"]
    args = [str(a) for a in job.get("args", [])]
    proc = subprocess.run([tool, *args], capture_output=True, text=True, timeout=300)  # VULN flow
    return {"job_id": job["id"], "code": proc.returncode, "output": proc.stdout[-4000:]}


def on_message(channel, method, properties, body):
    job = json.loads(body)
    result = run_job(job)
    channel.basic_publish(exchange="", routing_key="job-results", body=json.dumps(result))
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))
    channel = connection.channel()
    channel.queue_declare(queue="jobs", durable=True)
    channel.basic_consume(queue="jobs", on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
