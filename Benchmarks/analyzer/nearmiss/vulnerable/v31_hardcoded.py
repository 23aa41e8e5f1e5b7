import pymysql

def connect():
    return pymysql.connect(host="db", user="root", password="s3cr3t!")  # VULN
