"""Encrypt SIM authentication keys (Ki/OPc) from vendor batch files before loading into the HLR DB."""
import argparse
import base64
import csv
import logging
import os
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("sim-vault")

NONCE_LEN = 12
TAG_LEN = 16


class KiVault:
    def __init__(self, key: bytes):
        if len(key) not in (16, 32):
            raise ValueError("transport key must be 128 or 256 bits")
        self.key = key

    def encrypt(self, secret_hex: str) -> str:
        raw = bytes.fromhex(secret_hex)
        nonce = os.urandom(NONCE_LEN)
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        data = encryptor.update(raw) + encryptor.finalize()
        return base64.b64encode(nonce + data + encryptor.tag).decode()

    def decrypt(self, blob: str) -> str:
        packed = base64.b64decode(blob)
        nonce, data, tag = packed[:NONCE_LEN], packed[NONCE_LEN:-TAG_LEN], packed[-TAG_LEN:]
        decryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return (decryptor.update(data) + decryptor.finalize()).hex()


def convert_batch(vault: KiVault, src: str, dst: str) -> int:
    count = 0
    with open(src, newline="") as fin, open(dst, "w", newline="") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=["iccid", "imsi", "ki_enc", "opc_enc"])
        writer.writeheader()
        for row in reader:
            writer.writerow({
                "iccid": row["ICCID"],
                "imsi": row["IMSI"],
                "ki_enc": vault.encrypt(row["KI"]),
                "opc_enc": vault.encrypt(row["OPC"]),
            })
            count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("batch_csv")
    parser.add_argument("output_csv")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    key = base64.b64decode(os.environ["SIM_TRANSPORT_KEY"])
    n = convert_batch(KiVault(key), args.batch_csv, args.output_csv)
    log.info("encrypted %d SIM records from %s", n, args.batch_csv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
