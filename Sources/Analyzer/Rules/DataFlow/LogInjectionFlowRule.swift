import PythonSyntax

/// Untrusted text written to a log.
struct LogInjectionFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1117", name: "log-injection-flow", cwe: 117, severity: .low, confidence: .medium,
        rationale: """
        Text from the requester written to a log can forge entries (a newline and a fake line). \
        Log it as an argument formatted with %r (logger.info("user %r", name)), which escapes \
        line breaks, or strip "\\r" and "\\n" first.
        """,
        triggering: [
            // A socketserver handler's request, line by line.
            "import logging, socketserver\n\nclass Kiosk(socketserver.StreamRequestHandler):\n    def handle(self):\n        for raw in self.rfile:\n            text = raw.decode().strip()\n            ↓logging.info(\"kiosk sent \" + text)\n",
            "import logging\nfrom flask import request\n\ndef login():\n    ↓logging.info(\"login by \" + request.form[\"user\"])\n",
            "import logging, socket\nlog = logging.getLogger(__name__)\n\ndef serve(conn):\n    ↓log.warning(f\"bad input {conn.recv(1024)}\")\n",
            "import logging, socket\nlog = logging.getLogger(__name__)\n\ndef serve(conn):\n    ↓log.log(logging.INFO, \"got %s\", conn.recv(1024))\n",
            // A line appended to the program's own audit file.
            "from flask import request\n\ndef note():\n    with open(\"audit.log\", \"a\") as fh:\n        ↓fh.write(request.args[\"n\"] + \"\\n\")\n",
            "from flask import Flask, request\napp = Flask(__name__)\n\n@app.route(\"/log\")\ndef log():\n    ↓app.logger.error(\"bad: %s\", request.args.get(\"input\"))\n    return \"ok\"\n",
            // An identifier beside free text: the text is still the requester's.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\n\ndef done(job):\n    ↓log.info(\"job %s done for %s\", job.job_id, request.args[\"user\"])\n",
            // A format a helper builds with `%s`: the text goes in as it is.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\n\ndef describe(note):\n    fmt = \"arrived\"\n    args = []\n    if note:\n        fmt += \" note=%s\"\n        args.append(note)\n    return fmt, args\n\ndef arrive():\n    fmt, args = describe(request.form[\"note\"])\n    ↓log.info(fmt, *args)\n",
            // A helper that may return before its table lookup (a cached price) proves nothing.
            "import logging\nfrom flask import abort, request\nlog = logging.getLogger(__name__)\nPRICES = {\"cr39\": 24.0, \"poly\": 36.0}\nCACHE = {}\n\ndef price(material):\n    try:\n        if material in CACHE:\n            return CACHE[material]\n        return PRICES[material]\n    except KeyError:\n        abort(400)\n\ndef quote():\n    material = request.json[\"material\"]\n    total = price(material)\n    ↓log.info(\"quote %s -> %s\", material, total)\n",
            // A key a spread record brought (`{**order, "status": "priced"}`): the client's.
            "import json, logging\nfrom flask import request\nlog = logging.getLogger(__name__)\n\ndef mark(order):\n    return {**order, \"status\": \"priced\"}\n\ndef quote():\n    priced = mark(json.loads(request.data))\n    ↓log.info(\"customer=%s\", priced[\"customer\"])\n",
            // A field the helper's `validate()` does not check, of an instance built from a spread mapping.
            "import json\nimport logging\n\nlog = logging.getLogger(\"r\")\nRESOLUTIONS = {\"300\", \"400\"}\nFIELDS = (\"notes\", \"resolution\")\n\n\nclass Req:\n    def __init__(self, notes, resolution=\"400\"):\n        self.notes = notes\n        self.resolution = resolution\n\n    def validate(self):\n        if self.resolution not in RESOLUTIONS:\n            raise ValueError(\"bad\")\n\n\ndef decode(body) -> Req:\n    data = json.loads(body)\n    req = Req(**{k: str(data[k]) for k in FIELDS if k in data})\n    req.validate()\n    return req\n\n\ndef schedule(req: Req):\n    ↓log.info(\"notes: %s\", req.notes)\n\n\ndef on_message(channel, method, properties, body):\n    req = decode(body)\n    schedule(req)\n\n\ndef main():\n    import pika\n    conn = pika.BlockingConnection(pika.ConnectionParameters(\"localhost\"))\n    channel = conn.channel()\n    channel.basic_consume(queue=\"q\", on_message_callback=on_message)\n    channel.start_consuming()\n",
            // The key of a method's returned record that holds the instance's data (rule names).
            "import logging\nfrom typing import List\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\n\nlog = logging.getLogger(\"uw\")\napp = FastAPI()\n\n\nclass Rule(BaseModel):\n    name: str\n    action: str = \"refer\"\n\n\nclass WhatIf(BaseModel):\n    rules: List[Rule]\n    base_premium: float\n\n\nclass Engine:\n    def __init__(self, rules):\n        self.rules = rules\n\n    def run(self, base_premium: float):\n        premium = base_premium\n        outcome = \"accept\"\n        fired = []\n        for rule in self.rules:\n            fired.append(rule.name)\n            if rule.action == \"decline\":\n                outcome = \"decline\"\n        return {\"outcome\": outcome, \"premium\": round(premium, 2), \"fired\": fired}\n\n\n@app.post(\"/w\")\ndef what_if(req: WhatIf):\n    engine = Engine(req.rules)\n    result = engine.run(req.base_premium)\n    ↓log.info(\"-> %s\", result[\"fired\"])\n    return result\n",
            // The instance's check tests another attribute than the one logged.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\nACTIONS = (\"open\", \"close\")\n\nclass Command:\n    def __init__(self, payload):\n        self.action = str(payload.get(\"action\", \"\"))\n        self.reason = str(payload.get(\"reason\", \"\"))\n\n    def valid(self):\n        return self.action in ACTIONS\n\ndef act():\n    cmd = Command(request.get_json())\n    if not cmd.valid():\n        return \"bad\", 400\n    ↓log.info(\"reason=%s\", cmd.reason)\n    return \"ok\"\n",
            // A table lookup whose failure is caught and passed over: the value may be any text.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\nPRICES = {\"cr39\": 24.0, \"poly\": 36.0}\n\ndef price(material):\n    try:\n        return PRICES[material]\n    except KeyError:\n        return 0.0\n\ndef quote():\n    material = request.json[\"material\"]\n    total = price(material)\n    ↓log.info(\"quote %s -> %s\", material, total)\n",
        ],
        nonTriggering: [
            "import logging\nfrom flask import request\n\ndef login():\n    logging.info(\"login by %r\", request.form[\"user\"])\n",
            "import logging\nlogging.info(\"started\")\n",
            // The account the submitted credentials matched, not the submitted text.
            "import logging\nfrom django.contrib.auth.forms import AuthenticationForm\n\ndef portal_login(request):\n    form = AuthenticationForm(request, data=request.POST)\n    if form.is_valid():\n        user = form.get_user()\n        logging.info(\"login user_id=%s\", user.pk)\n",
            // Checked by a helper the returned path is built with (`self.folder(ref)` raises
            // unless the reference matches).
            "import logging, os, re\nfrom fastapi import FastAPI, HTTPException\napp = FastAPI()\nREF = re.compile(r\"BI-\\d{8}\")\n\nclass Locator:\n    def folder(self, ref):\n        if not REF.fullmatch(ref):\n            raise HTTPException(status_code=400)\n        return os.path.join(\"/srv\", ref)\n\n    def path_for(self, ref, doc):\n        return os.path.join(self.folder(ref), doc)\n\nlocator = Locator()\n\n@app.get(\"/c/{ref}\")\ndef show(ref: str, doc: str):\n    path = locator.path_for(ref, doc)\n    logging.info(\"read %s\", ref)\n    return {\"path\": path}\n",
            // Formatted as a number: no line break can come through.
            "import logging\nfrom flask import request\n\ndef view():\n    user = request.args[\"id\"]\n    logging.info(\"user %d asked for %s (100%%)\", user, \"page\")\n",
            "import logging\nfrom flask import request\n\ndef view():\n    logging.warning(\"bad user=%r from %s\", request.args[\"u\"], \"login\")\n",
            "import logging, socket\nlog = logging.getLogger(__name__)\n\ndef serve(conn):\n    log.log(logging.INFO, \"got %r\", conn.recv(1024))\n",
            // A record's identifier, looked up or routed: not free text.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\n\ndef done(job):\n    log.info(\"job %s done for %r\", job.job_id, request.args[\"user\"])\n",
            // The operator's own command line or environment: no one else's line to forge.
            "import logging, sys\nlog = logging.getLogger(__name__)\nlog.warning(f\"bad input {sys.argv[1]}\")\n",
            // A format a helper builds from fixed pieces, each value with `%r` or `%d`.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\n\ndef describe(appt, note):\n    fmt = \"arrived appt=%d\"\n    args = [appt]\n    if note:\n        fmt += \" note=%r\"\n        args.append(note)\n    return fmt, args\n\ndef arrive():\n    fmt, args = describe(int(request.form[\"appt\"]), request.form[\"note\"])\n    log.info(fmt, *args)\n",
            // A key set to fixed text beside a spread record's (`{**order, "status": "priced"}`),
            // in a helper or in place.
            "import json, logging\nfrom flask import request\nlog = logging.getLogger(__name__)\n\ndef mark(order):\n    return {**order, \"status\": \"priced\"}\n\ndef quote():\n    priced = mark(json.loads(request.data))\n    log.info(\"status=%s\", priced[\"status\"])\n    record = {**json.loads(request.data), \"state\": \"new\"}\n    log.info(\"state=%s\", record[\"state\"])\n",
            // Built from a spread mapping (`Req(**{k: data[k] for k in FIELDS})`), checked by its
            // `validate()` in the helper that returns it, then logged where it is passed.
            "import json\nimport logging\n\nlog = logging.getLogger(\"r\")\nRESOLUTIONS = {\"300\", \"400\"}\nFIELDS = (\"request_id\", \"resolution\")\n\n\nclass Req:\n    def __init__(self, request_id, resolution=\"400\"):\n        self.request_id = request_id\n        self.resolution = resolution\n\n    def validate(self):\n        if self.resolution not in RESOLUTIONS:\n            raise ValueError(\"bad\")\n\n\ndef decode(body) -> Req:\n    data = json.loads(body)\n    req = Req(**{k: str(data[k]) for k in FIELDS if k in data})\n    req.validate()\n    return req\n\n\ndef schedule(req: Req):\n    log.info(\"at %s dpi\", req.resolution)\n\n\ndef on_message(channel, method, properties, body):\n    req = decode(body)\n    schedule(req)\n\n\ndef main():\n    import pika\n    conn = pika.BlockingConnection(pika.ConnectionParameters(\"localhost\"))\n    channel = conn.channel()\n    channel.basic_consume(queue=\"q\", on_message_callback=on_message)\n    channel.start_consuming()\n",
            // A method's returned record: the key set only to fixed text, beside keys holding the
            // instance's data and the caller's number.
            "import logging\nfrom typing import List\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\n\nlog = logging.getLogger(\"uw\")\napp = FastAPI()\n\n\nclass Rule(BaseModel):\n    name: str\n    action: str = \"refer\"\n\n\nclass WhatIf(BaseModel):\n    rules: List[Rule]\n    base_premium: float\n\n\nclass Engine:\n    def __init__(self, rules):\n        self.rules = rules\n\n    def run(self, base_premium: float):\n        premium = base_premium\n        outcome = \"accept\"\n        fired = []\n        for rule in self.rules:\n            fired.append(rule.name)\n            if rule.action == \"decline\":\n                outcome = \"decline\"\n        return {\"outcome\": outcome, \"premium\": round(premium, 2), \"fired\": fired}\n\n\n@app.post(\"/w\")\ndef what_if(req: WhatIf):\n    engine = Engine(req.rules)\n    result = engine.run(req.base_premium)\n    log.info(\"-> %s\", result[\"outcome\"])\n    return result\n",
            // Checked by the instance's own method (`return self.action in ACTIONS`) before use.
            "import logging\nfrom flask import request\nlog = logging.getLogger(__name__)\nACTIONS = (\"open\", \"close\")\n\nclass Command:\n    def __init__(self, payload):\n        self.action = str(payload.get(\"action\", \"\"))\n\n    def valid(self):\n        return self.action in ACTIONS\n\ndef act():\n    cmd = Command(request.get_json())\n    if not cmd.valid():\n        return \"bad\", 400\n    log.info(\"action=%s\", cmd.action)\n    return \"ok\"\n",
            // Found among a fixed table's keys by a helper that raises otherwise.
            "import logging\nfrom bottle import HTTPError, request\nlog = logging.getLogger(__name__)\nPRICES = {(\"cr39\", \"single\"): 24.0, (\"poly\", \"single\"): 36.0}\n\ndef base_price(material, design):\n    try:\n        return PRICES[(material, design)]\n    except KeyError:\n        raise HTTPError(400, \"unsupported\")\n\ndef quote():\n    material = request.json[\"material\"]\n    design = request.json[\"design\"]\n    base = base_price(material, design)\n    log.info(\"quote %s/%s -> %s\", material, design, base)\n",
        ]
    )

    var sinkNoun: String { "a log message" }

    static let levels: Set<String> = ["debug", "info", "warning", "warn", "error", "critical", "exception", "fatal"]

    /// The name the data flow gives a `write` to a file opened for appending text
    /// (`with open(AUDIT_LOG, "a") as fh: fh.write(line)`): a log the program keeps itself.
    static let appendedFilePrefix = "<file opened to append>."

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        // A line appended to the program's own log file: a line break in it forges the next.
        if call.qualifiedName.hasPrefix(Self.appendedFilePrefix) { return Array(call.arguments.prefix(1)) }
        guard let method = SinkMatching.method(call), Self.levels.contains(method) || method == "log" else { return [] }
        // `log.log(level, "msg %s", value)`: the level first, then the message.
        let messageIndex = method == "log" ? 1 : 0
        let isLogging = call.qualifiedName.hasPrefix("logging.") || call.qualifiedName.hasPrefix("structlog.")
        // `log.info`, `self.logger.info`, `app.logger.error`, `current_app.logger.warning`.
        let receiverLooksLikeLogger: Bool = {
            guard case .attribute(let receiver, _, _) = call.function.kind else { return false }
            switch receiver.kind {
            case .name(let id, _): return id.lowercased().contains("log")
            case .attribute(_, let attr, _): return attr.lowercased().contains("log")
            default: return false
            }
        }()
        guard isLogging || receiverLooksLikeLogger else { return [] }
        // "%s" copies a value's newlines into the log; only "%r" (repr) escapes them.
        if let format = call.argument("msg", position: messageIndex)?.stringConstant, format.contains("%r"), !format.contains("%s") {
            return []
        }
        var arguments = call.arguments.dropFirst(messageIndex).map { if case .starred(let value, _) = $0.kind { return value } else { return $0 } }
        // `log.info("user %d logged in", uid)`: a value formatted as a number, or with `%r`,
        // carries no line break.
        if let format = call.argument("msg", position: messageIndex)?.stringConstant, let conversions = Self.conversions(in: format),
           !call.arguments.contains(where: { if case .starred = $0.kind { true } else { false } }) {
            arguments = arguments.enumerated().filter { index, _ in
                index == 0 || index - 1 >= conversions.count || !Self.escapingConversions.contains(conversions[index - 1])
            }.map(\.element)
        }
        // `log.info("job %s done", job.job_id)`: a record's identifier, which the handler looked
        // up or the route matched, not free text (a name, a reason, a user agent).
        return arguments.enumerated().filter { index, argument in index == 0 || !Self.namesAnIdentifier(argument) }.map(\.element)
    }

    /// A value named as an identifier: `job_id`, `job.job_id`, `event["requestId"]`, `msg.get("upload_id")`, `pk`, `uuid`.
    static func namesAnIdentifier(_ expression: Expr) -> Bool {
        let name: String?
        switch expression.kind {
        case .name(let id, _): name = id
        case .attribute(_, let attr, _): name = attr
        case .subscript(_, let key, _): name = key.stringConstant
        case .call(let function, let arguments, _):
            guard case .attribute(_, "get", _) = function.kind else { return false }
            name = arguments.first?.stringConstant
        default: name = nil
        }
        guard let name, !name.isEmpty else { return false }
        let lower = name.lowercased()
        return ["id", "pk", "uuid", "ids"].contains(lower) || lower.hasSuffix("_id") || lower.hasSuffix("_ids") || lower.hasSuffix("_pk")
            || lower.hasSuffix("_uuid") || name.hasSuffix("Id") || name.hasSuffix("ID")
    }

    /// Conversions whose text holds no line break: numbers, and `%r` (repr escapes them).
    static let escapingConversions: Set<Character> = ["d", "i", "o", "u", "x", "X", "e", "E", "f", "F", "g", "G", "r"]

    /// The conversion letters of a `%`-format, in order (`"%s has %d"` → s, d); nil for a
    /// mapping format (`%(name)s`) or a `*` width, whose arguments do not line up one to one.
    static func conversions(in format: String) -> [Character]? {
        var result: [Character] = []
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { continue }
            while let next = characters.next() {
                if next == "(" || next == "*" { return nil }
                if next.isLetter {
                    result.append(next)
                    break
                }
                if next == "%" { break }  // `%%`: a literal percent sign
            }
        }
        return result
    }
}
