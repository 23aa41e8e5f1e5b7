import PythonSyntax

/// Untrusted data as the URL of a server-side request.
struct SSRFFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1918", name: "server-side-request-forgery-flow", cwe: 918, severity: .high, confidence: .medium,
        rationale: """
        The server fetches a URL the requester chose, so it can be pointed at internal services \
        (cloud metadata, admin ports). Allow-list the host, or map the input to known URLs.
        """,
        triggering: [
            // A callback nested in `main`, calling a method of an instance `main` made.
            "import json\nimport pika\nimport requests\n\n\nclass Delivery:\n    def __init__(self, session):\n        self.session = session\n\n    def deliver(self, event):\n        target = event[\"callback_url\"]\n        return ↓self.session.post(target, data=b\"x\", timeout=10)\n\n\ndef main():\n    delivery = Delivery(requests.Session())\n    conn = pika.BlockingConnection(pika.URLParameters(\"amqp://localhost\"))\n    channel = conn.channel()\n\n    def on_message(ch, method, properties, body):\n        event = json.loads(body)\n        delivery.deliver(event)\n\n    channel.basic_consume(queue=\"q\", on_message_callback=on_message)\n    channel.start_consuming()\n",
            // A notifier holding the client's URL, kept in a module table by one request and
            // read back by a later one.
            "import requests\nfrom flask import Flask, request\napp = Flask(__name__)\n\nclass Notifier:\n    def __init__(self, url):\n        self.url = url\n\n    def notify(self, event):\n        return ↓requests.post(self.url, json=event, timeout=5)\n\nREGISTRY = {}\n\n@app.put(\"/hooks/<int:rid>\")\ndef register(rid):\n    REGISTRY[rid] = Notifier(request.json[\"url\"])\n    return \"ok\"\n\n@app.post(\"/hooks/<int:rid>/test\")\ndef test(rid):\n    return str(REGISTRY[rid].notify({}).status_code)\n",
            "import requests\nfrom flask import request\n\ndef proxy():\n    url = request.args[\"url\"]\n    return ↓requests.get(url, timeout=5).text\n",
            "import urllib.request, socket\nconn = socket.create_connection((\"hub\", 9000))\n↓urllib.request.urlopen(conn.recv(1024).decode())\n",
            "import pdfkit\nfrom flask import request, make_response\n\ndef snapshot():\n    return make_response(↓pdfkit.from_url(request.json[\"url\"], False))\n",
            "import aiohttp\nfrom aiohttp import web\n\nasync def proxy(request):\n    async with aiohttp.ClientSession() as session:\n        async with ↓session.get(request.query[\"url\"]) as r:\n            return web.Response(text=await r.text())\n",
            "import requests\nfrom flask import request\ns = requests.Session()\n\ndef hook():\n    ↓s.post(request.form[\"callback\"], data={})\n",
        ],
        nonTriggering: [
            // A host checked against an allow-list, then a query appended after `?` or `&`.
            "import requests\nfrom urllib.parse import urlencode, urlparse\nfrom flask import request\nHOSTS = {\"api.example.com\"}\n\ndef station_url(station):\n    base = station.get(\"feed_url\", \"https://api.example.com/v2\")\n    if urlparse(base).hostname not in HOSTS:\n        raise ValueError(\"host\")\n    sep = \"&\" if \"?\" in base else \"?\"\n    return base + sep + urlencode({\"id\": station.get(\"id\", \"\")})\n\ndef latest():\n    url = station_url(request.get_json())\n    return requests.get(url, timeout=5).text\n",
            // The operator's own command line.
            "import urllib.request, sys\nurllib.request.urlopen(sys.argv[1])\n",
            "import requests\nfrom flask import request\n\ndef proxy():\n    user = request.args[\"user\"]\n    if user not in {\"a\", \"b\"}:\n        return \"no\"\n    return requests.get(\"https://api.example.com/\" + user, timeout=5).text\n",
            "import requests\nr = requests.get(\"https://example.com\", timeout=5)\n",
        ]
    )

    var sinkNoun: String { "an outgoing request's URL" }

    static let verbs: Set<String> = ["get", "post", "put", "delete", "head", "patch", "options", "stream"]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        // Through a client object: `session.get(url)`, `pool.request("GET", url)`.
        if let verb = TaintSources.clientRequest(call.qualifiedName) {
            if verb == "request" { return call.argument("url", position: 1).map { [$0] } ?? [] }
            return SinkMatching.first(call, keyword: "url")
        }
        // `requests.get`, `httpx.request`: split by bytes (asked of every call given untrusted data).
        if let (library, verb) = TaintSources.splitVerb(call.qualifiedName), library == "requests" || library == "httpx" {
            if Self.verbs.contains(verb) { return SinkMatching.first(call, keyword: "url") }
            if verb == "request" { return call.argument("url", position: 1).map { [$0] } ?? [] }
        }
        switch call.qualifiedName {
        // Not `urllib.request.Request(url)`: building one fetches nothing; the request carries
        // the URL's taint to the `urlopen` that sends it, reported there.
        case "urllib.request.urlopen", "urllib.request.urlretrieve", "urllib2.urlopen", "urllib.urlopen",
             // An opener the code built (`opener = urllib.request.build_opener(...)`, `opener.open(req)`).
             "urllib.request.build_opener().open", "urllib.request.OpenerDirector().open":
            return SinkMatching.first(call, keyword: "fullurl")
        // HTML-to-PDF renderers fetch the page (and what it links) from the server.
        case "pdfkit.from_url":
            return SinkMatching.first(call, keyword: "url")
        case "weasyprint.HTML":
            return call.argument("url").map { [$0] } ?? []
        default:
            return []
        }
    }
}
