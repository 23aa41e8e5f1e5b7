import Analyzer
import CodingAgent
import PythonSyntax
import Testing

/// Each built-in fix: the exact text before and after, verified by the agent itself.
@Suite("Built-in fixes")
struct BuiltinFixTests {
    static let cases: [(name: String, before: String, after: String)] = [
        ("yaml", "import yaml\ndata = yaml.load(text)\n", "import yaml\ndata = yaml.safe_load(text)\n"),
        ("yaml loader", "import yaml\ndata = yaml.load(text, Loader=yaml.Loader)\n", "import yaml\ndata = yaml.load(text, Loader=yaml.SafeLoader)\n"),
        ("md5 for a password", "import hashlib\nh = hashlib.md5(password.encode())\n", "import hashlib\nh = hashlib.sha256(password.encode())\n"),
        ("verify", "import requests\nr = requests.get(u, verify=False, timeout=5)\n", "import requests\nr = requests.get(u, verify=True, timeout=5)\n"),
        ("timeout", "import requests\nr = requests.post(u, json=body)\n", "import requests\nr = requests.post(u, json=body, timeout=30)\n"),
        ("flask debug", "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n", "from flask import Flask\napp = Flask(__name__)\napp.run(debug=False)\n"),
        ("shell list", "import subprocess\nsubprocess.run(\"ls -l \" + path, shell=True)\n", "import subprocess\nsubprocess.run([\"ls\", \"-l\", path])\n"),
        ("os.system", "import os\nos.system(f\"rm -rf {folder}\")\n", "import os\nimport subprocess\nsubprocess.run([\"rm\", \"-rf\", folder])\n"),
        ("os.system with an alias", "import os\nimport subprocess as sp\nos.system(\"make \" + target)\n", "import os\nimport subprocess as sp\nsp.run([\"make\", target])\n"),
        ("os.system value", "import os\nstatus = os.system(\"make \" + target)\n", "import os\nimport subprocess\nstatus = subprocess.run([\"make\", target]).returncode\n"),
        ("sql f-string", "import sqlite3\ndb.execute(f\"SELECT * FROM t WHERE name = '{name}' AND age > {age}\")\n",
         "import sqlite3\ndb.execute(\"SELECT * FROM t WHERE name = ? AND age > ?\", (name, age))\n"),
        ("sql percent", "import psycopg2\ncur.execute(\"DELETE FROM t WHERE id = %s\" % item)\n", "import psycopg2\ncur.execute(\"DELETE FROM t WHERE id = %s\", (item,))\n"),
        ("xml", "import xml.etree.ElementTree as ET\nroot = ET.fromstring(data)\n", "import defusedxml.ElementTree as ET\nroot = ET.fromstring(data)\n"),
        ("secret", "import os\npassword = \"hunter2hunter2\"\n", "import os\npassword = os.environ[\"PASSWORD\"]\n"),
        ("chmod", "import os\nos.chmod(path, 0o777)\n", "import os\nos.chmod(path, 0o700)\n"),
        ("eval of input", "import sys\nvalue = eval(sys.argv[1])\n", "import sys\nimport ast\nvalue = ast.literal_eval(sys.argv[1])\n"),
        ("jinja", "import jinja2\nenv = jinja2.Environment(autoescape=False)\n", "import jinja2\nenv = jinja2.Environment(autoescape=True)\n"),
        ("random token", "import random\nreset_token = random.randint(100000, 999999)\n", "import random\nimport secrets\nreset_token = secrets.SystemRandom().randint(100000, 999999)\n"),
        ("random choice imported", "from random import choice\n\n\ndef make_password(n):\n    return \"\".join(choice(ALPHABET) for _ in range(n))\n",
         "from random import choice\nimport secrets\n\n\ndef make_password(n):\n    return \"\".join(secrets.SystemRandom().choice(ALPHABET) for _ in range(n))\n"),
        ("mktemp", "import tempfile\npath = tempfile.mktemp(\".txt\", dir=base)\n", "import tempfile\npath = tempfile.NamedTemporaryFile(delete=False, suffix=\".txt\", dir=base).name\n"),
        ("tls context", "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n",
         "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = True\nctx.verify_mode = ssl.CERT_REQUIRED\n"),
        ("rsa key size", "from Crypto.PublicKey import RSA\nkey = RSA.generate(1024)\n", "from Crypto.PublicKey import RSA\nkey = RSA.generate(2048)\n"),
        ("bind", "import socket\ns = socket.socket()\ns.bind(('0.0.0.0', port))\n", "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', port))\n"),
        ("lxml parser", "from lxml import etree\nparser = etree.XMLParser(resolve_entities=True)\n", "from lxml import etree\nparser = etree.XMLParser(resolve_entities=False)\n"),
        // Reported where the file parses with it: the fix goes where the parser is made.
        ("lxml parser used", "from lxml import etree\n\n\ndef root():\n    parser = etree.XMLParser(resolve_entities=True)\n    return etree.parse('config.xml', parser).getroot()\n",
         "from lxml import etree\n\n\ndef root():\n    parser = etree.XMLParser(resolve_entities=False)\n    return etree.parse('config.xml', parser).getroot()\n"),
        ("xss", "from flask import Flask, request, make_response\napp = Flask(__name__)\n\n\n@app.route('/n')\ndef n():\n    name = request.args.get('name', '')\n    return make_response('Hi ' + name)\n",
         "from flask import Flask, request, make_response\nimport html\napp = Flask(__name__)\n\n\n@app.route('/n')\ndef n():\n    name = request.args.get('name', '')\n    return make_response('Hi ' + html.escape(name))\n"),
        ("path", "import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n\n@app.route('/d')\ndef d():\n    f = request.args.get('f')\n    os.remove(f)\n    return 'ok'\n",
         "import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n\n@app.route('/d')\ndef d():\n    f = request.args.get('f')\n    os.remove(os.path.basename(f))\n    return 'ok'\n"),
        ("log", "import logging\nfrom flask import Flask, request\napp = Flask(__name__)\n\n\n@app.route('/l')\ndef l():\n    name = request.args.get('name')\n    app.logger.info('User: ' + name)\n    return 'ok'\n",
         "import logging\nfrom flask import Flask, request\nimport json\napp = Flask(__name__)\n\n\n@app.route('/l')\ndef l():\n    name = request.args.get('name')\n    app.logger.info('User: ' + json.dumps(name))\n    return 'ok'\n"),
        ("compared password", "def check(password):\n    if password == \"myPa55word\":\n        return True\n", "import os\ndef check(password):\n    if password == os.environ[\"PASSWORD\"]:\n        return True\n"),
        ("session id", "import random\n\n\ndef getSessionID():\n    return random.randint(0, 0xFFFFFFFF)\n", "import random\nimport secrets\n\n\ndef getSessionID():\n    return secrets.SystemRandom().randint(0, 0xFFFFFFFF)\n"),
        ("redirect", "from flask import request, redirect\n\n\ndef go():\n    target = request.args.get('next', '')\n    return redirect(target)\n",
         "from flask import request, redirect\n\n\ndef go():\n    target = request.args.get('next', '')\n    return redirect((target if target.startswith(\"/\") and not target.startswith((\"//\", \"/\\\\\")) else \"/\"))\n"),
        ("lxml on request data", "import lxml.etree\nfrom flask import request\n\n\ndef upload():\n    return lxml.etree.fromstring(request.get_data())\n",
         "import lxml.etree\nfrom flask import request\n\n\ndef upload():\n    return lxml.etree.fromstring(request.get_data(), parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))\n"),
        ("header line breaks", "from flask import request, Response\n\n\ndef go():\n    kind = request.args.get('t')\n    response = Response()\n    response.headers['Content-Type'] = kind\n    return response\n",
         "from flask import request, Response\n\n\ndef go():\n    kind = request.args.get('t')\n    response = Response()\n    response.headers['Content-Type'] = kind.replace(\"\\r\", \"\").replace(\"\\n\", \"\")\n    return response\n"),
        ("ldap", "import ldap\nfrom flask import request\n\n\ndef find():\n    name = request.args['u']\n    dc = request.args['dc']\n    conn = ldap.initialize('ldap://127.0.0.1')\n    return conn.search_s(\"dc={}\".format(dc), ldap.SCOPE_SUBTREE, \"(user={})\".format(name))\n",
         "import ldap\nfrom flask import request\nimport ldap.dn\nimport ldap.filter\n\n\ndef find():\n    name = request.args['u']\n    dc = request.args['dc']\n    conn = ldap.initialize('ldap://127.0.0.1')\n    return conn.search_s(\"dc={}\".format(ldap.dn.escape_dn_chars(dc)), ldap.SCOPE_SUBTREE, \"(user={})\".format(ldap.filter.escape_filter_chars(name)))\n"),
        ("xpath", "from django.http import JsonResponse\nfrom lxml import etree\n\n\ndef find(request, tree):\n    value = request.GET['id']\n    return tree.xpath(\"/tag[@id='%s']\" % value)\n",
         "from django.http import JsonResponse\nfrom lxml import etree\n\n\ndef find(request, tree):\n    value = request.GET['id']\n    return tree.xpath(\"/tag[@id=$value]\", value=value)\n"),
        ("pyopenssl", "from OpenSSL import SSL\n\n\ndef context():\n    ctx = SSL.Context(SSL.TLSv1_2_METHOD)\n    return ctx\n",
         "from OpenSSL import SSL\n\n\ndef context():\n    ctx = SSL.Context(SSL.TLSv1_2_METHOD)\n    ctx.set_verify(SSL.VERIFY_PEER)\n    ctx.set_default_verify_paths()\n    return ctx\n"),
        ("jwt", "import jwt\n\n\ndef claims(token, key):\n    return jwt.decode(token, key, options={\"verify_signature\": False})\n",
         "import jwt\n\n\ndef claims(token, key):\n    return jwt.decode(token, key, options={\"verify_signature\": True}, algorithms=[\"HS256\"])\n"),
        ("stack trace", "import traceback\nfrom flask import Flask\napp = Flask(__name__)\n\n\n@app.route('/x')\ndef x():\n    try:\n        work()\n    except Exception:\n        return traceback.format_exc()\n",
         "import traceback\nfrom flask import Flask\napp = Flask(__name__)\n\n\n@app.route('/x')\ndef x():\n    try:\n        work()\n    except Exception:\n        return \"An internal error occurred.\"\n"),
        ("sax", "import xml.sax\n\n\ndef parse(path):\n    parser = xml.sax.make_parser()\n    parser.parse(path)\n",
         "import defusedxml.sax\n\n\ndef parse(path):\n    parser = defusedxml.sax.make_parser()\n    parser.parse(path)\n"),
        ("password keyword", "import mysql.connector\n\n\ndef db():\n    return mysql.connector.connect(user='app', password='hunter2')\n",
         "import mysql.connector\nimport os\n\n\ndef db():\n    return mysql.connector.connect(user='app', password=os.environ[\"PASSWORD\"])\n"),
        ("mktemp imported", "from tempfile import mktemp\nname = mktemp()\n", "from tempfile import mktemp\nimport tempfile\nname = tempfile.NamedTemporaryFile(delete=False).name\n"),
    ]

    @Test(arguments: cases.map(\.name))
    func fix(name: String) throws {
        let example = try #require(Self.cases.first { $0.name == name })
        let agent = BuiltinAgent(engine: AnalysisEngine(), maxRounds: 4)
        let result = agent.fix(path: "t.py", source: Array(example.before.utf8), targets: nil)
        let fixed = result.fixed.map { String(decoding: $0, as: UTF8.self) }
        #expect(fixed == example.after, "\(name): \(result.rejected)")
        #expect(!result.repaired.isEmpty)
    }

    @Test func shellSyntaxIsLeftAsAHint() {
        let agent = BuiltinAgent(engine: AnalysisEngine(), maxRounds: 4)
        let result = agent.fix(path: "t.py", source: Array("import os\nos.system(\"ls \" + d + \" | wc -l\")\n".utf8), targets: nil)
        #expect(result.fixed == nil)
        #expect(result.hints.contains { $0.code == "ASC605" })
    }

    @Test func lowSeverityFindingsAreLeftAlone() {
        // eval of an arithmetic expression built in the code is low severity: literal_eval
        // would break it, so the agent does not touch it.
        let agent = BuiltinAgent(engine: AnalysisEngine(), maxRounds: 4)
        let result = agent.fix(path: "t.py", source: Array("def calc(parts):\n    return eval(\" + \".join(parts))\n".utf8), targets: nil)
        #expect(result.fixed == nil)
    }

    @Test func checksumMD5IsNotRewritten() {
        let agent = BuiltinAgent(engine: AnalysisEngine(), maxRounds: 4)
        let result = agent.fix(path: "t.py", source: Array("import hashlib\n\ndef etag(data):\n    return hashlib.md5(data).hexdigest()\n".utf8), targets: nil)
        #expect(result.fixed == nil)
    }

    @Test func randomForGamesIsNotRewritten() {
        let agent = BuiltinAgent(engine: AnalysisEngine(), maxRounds: 4)
        let result = agent.fix(path: "t.py", source: Array("import random\n\ndef roll():\n    return random.randint(1, 6)\n".utf8), targets: nil)
        #expect(result.fixed == nil)
    }
}
