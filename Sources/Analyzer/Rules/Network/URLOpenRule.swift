import PythonSyntax

/// B310: `urllib` openers that also accept `file:` and custom schemes.
struct URLOpenRule: Rule {
    static let description = RuleDescription(
        code: "ASC310", name: "urllib-urlopen", banditID: "B310", cwe: 22, severity: .medium, confidence: .high,
        rationale: """
        urlopen and urlretrieve follow any scheme they are given, so a URL from input such as \
        file:///etc/passwd reads local files. Check that the scheme is http or https before \
        opening, or use a client limited to HTTP such as requests.
        """,
        triggering: [
            "import urllib.request\ndata = ↓urllib.request.urlopen(url).read()\n",
            "from urllib.request import urlretrieve\n↓urlretrieve(link, \"out.bin\")\n",
            "import urllib.request\nopener = ↓urllib.request.URLopener()\n",
            // The operator's setting with no default: any scheme.
            "import os, urllib.request\nSYNC_URL = os.environ.get(\"SYNC_URL\")\n\ndef push(name):\n    return ↓urllib.request.urlopen(f\"{SYNC_URL}/{name}\").read()\n",
            // Spliced as its repr, the setting no longer starts the URL.
            "import os, urllib.request\nSYNC_URL = os.environ.get(\"SYNC_URL\", \"https://hub.example.gov/sync\")\n\ndef push(name):\n    return ↓urllib.request.urlopen(f\"{SYNC_URL!r}/{name}\").read()\n",
        ],
        nonTriggering: [
            "import os, urllib.request\nDATASET_URL = os.environ.get(\"DATASET_URL\", \"https://data.example.org/r.tar.gz\")\nurllib.request.urlretrieve(DATASET_URL, \"r.tar.gz\")\n",
            // The operator's setting with an https default, a path after it.
            "import os, urllib.request\nSYNC_URL = os.environ.get(\"SYNC_URL\", \"https://hub.example.gov/sync\")\n\ndef push(name, body):\n    req = urllib.request.Request(f\"{SYNC_URL}/{name}\", data=body)\n    return urllib.request.urlopen(req, timeout=30).read()\n",
            "import os, urllib.request\nSYNC_URL = os.environ.get(\"SYNC_URL\", \"https://hub.example.gov/sync\")\n\ndef pull(name):\n    return urllib.request.urlopen(SYNC_URL + \"/\" + name, timeout=30).read()\n",
            "import urllib.request\ndata = urllib.request.urlopen(\"https://example.com/feed\").read()\n",
            "import requests\ndata = requests.get(url, timeout=5).content\n",
            // A module constant's scheme is known.
            "import urllib.request\nSTATUS = \"https://status.example.com/health\"\n\ndef up():\n    return urllib.request.urlopen(STATUS).status\n",
            // A fixed scheme and host, a path appended.
            "import urllib.request\nUPSTREAM = \"https://origin.internal\"\n\ndef fetch(path):\n    return urllib.request.urlopen(UPSTREAM + path).read()\n",
            // The same, built into a local first.
            "import urllib.request\nRELEASES = \"https://releases.example.net/fw\"\n\ndef fetch(version):\n    url = f\"{RELEASES}/logger-{version}.bin\"\n    return urllib.request.urlopen(url, timeout=60).read()\n",
            // A URL from a constant table, through a constructor and a Request object.
            // The file checks its URLs' scheme (here in a helper the fetch relies on).
            "import urllib.request\nfrom urllib.parse import urlsplit\n\ndef checked(url):\n    if urlsplit(url).scheme != \"https\":\n        raise ValueError(url)\n    return url\n\ndef fetch(url):\n    return urllib.request.urlopen(url).read()\n",
            // A Request opened in the same function: one finding, at the opening.
            "import urllib.request\nHOOKS = {1: \"https://a.example.com/h\"}\nclass Tester:\n    def __init__(self, target):\n        self.target = target\n    def ping(self):\n        req = urllib.request.Request(self.target, method=\"POST\")\n        return urllib.request.urlopen(req)\ndef test(n):\n    return Tester(HOOKS.get(n)).ping()\n",
        ]
    )

    static let requestMakers: Set<String> = ["urllib.request.Request", "urllib2.Request"]

    var callees: Set<String> {
        ["urllib.urlopen", "urllib.request.urlopen", "urllib.urlretrieve", "urllib.request.urlretrieve", "urllib.URLopener",
         "urllib.request.URLopener", "urllib.FancyURLopener", "urllib.request.FancyURLopener", "urllib2.urlopen",
         "urllib2.Request", "urllib.request.Request", "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve"]
    }

    /// Whether the file checks a URL's scheme anywhere: `parts.scheme != "https"`,
    /// `urlparse(u).scheme in ("http", "https")`, `url.startswith("https://")`. The rule asks
    /// for that check; where the file makes it, which URL reaches which opener is the data-flow
    /// rule's question (ASC1918), not this one's.
    static func checksScheme(_ module: Module) -> Bool {
        var found = false
        module.walk { node in
            guard !found, case .expr(let expression) = node else { return !found }
            switch expression.kind {
            case .compare(let left, _, let comparators):
                found = ([left] + comparators).contains { if case .attribute(_, "scheme", _) = $0.kind { true } else { false } }
            case .call(let function, let arguments, _):
                if case .attribute(_, "startswith", _) = function.kind, let first = arguments.first {
                    let texts = first.stringConstant.map { [$0] } ?? {
                        if case .tuple(let elements, _) = first.kind { return elements.compactMap(\.stringConstant) }
                        return []
                    }()
                    found = texts.contains { $0.lowercased().hasPrefix("http") }
                }
            default:
                break
            }
            return !found
        }
        return found
    }

    func check(call: CallSite, context: inout RuleContext) {
        // `req = Request(url, ...)` then `urlopen(req)` in the same function: reported once, at
        // the opening, which looks through to the URL.
        if Self.requestMakers.contains(call.qualifiedName), Self.openedLater(call.expression, context: context) { return }
        if var url = call.argument("url", position: 0) {
            // `urlopen(req)` of `req = urllib.request.Request(URL, ...)`: the URL the request holds.
            if case .name(let id, _) = url.kind, let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: url.loc.startByte),
               let request = CallSite(value, imports: context.imports), Self.requestMakers.contains(request.qualifiedName),
               let inner = request.argument("url", position: 0) {
                url = inner
            }
            // `url = f"{RELEASE_BASE}/logger-{version}.bin"` then `urlopen(url)`: the text it was built as.
            if case .name(let id, _) = url.kind, let value = context.parsed.module.onlyAssignment(of: id, inFunctionAround: url.loc.startByte) {
                switch value.kind {
                case .joinedStr, .binOp(_, .add, _): url = value
                default: break
                }
            }
            if let text = context.literalValue(url)?.stringConstant?.lowercased(), text.hasPrefix("http://") || text.hasPrefix("https://") { return }
            // A URL the program fixes itself (a constant, an entry of a constant table, what
            // every caller passes): its author chose the scheme; only one from outside can be `file:`.
            if context.isFixedText(url) { return }
            // `DATASET_URL = os.environ.get("DATASET_URL", "https://data.example.org/...")`: the
            // operator's setting, an https URL unless they say otherwise.
            // Likewise text after it (`f"{SYNC_URL}/{name}"`, `SYNC_URL + "/" + name`).
            if Self.isURLSetting(Self.leadingPiece(of: url), context: context) { return }
            // `UPSTREAM + path` with `UPSTREAM = "https://origin.internal/"`: the scheme is fixed.
            if let leading = TaintInterpreter.leadingText(of: url, constants: TaintEngine.moduleStrings(context.parsed.module, assignments: context.facts.moduleAssignments(of: context.parsed.module)))?.lowercased(),
               leading.hasPrefix("http://") || leading.hasPrefix("https://") {
                return
            }
        }
        let checked = context.facts.checksURLScheme ?? Self.checksScheme(context.parsed.module)
        context.facts.checksURLScheme = checked
        if checked { return }
        context.report(call.expression.loc, "\(call.qualifiedName) also opens file: and custom schemes; check the URL's scheme",
                       fixHint: "allow only http(s) URLs")
    }

    /// A module name bound to the operator's setting with an http(s) default
    /// (`os.environ.get("DATASET_URL", "https://data.example.org/...")`).
    static func isURLSetting(_ url: Expr, context: RuleContext) -> Bool {
        guard case .name(let id, _) = url.kind, let value = context.moduleValue(of: id),
              case .call(let function, let arguments, _) = value.kind, arguments.count == 2,
              let getter = context.imports.qualifiedName(of: function), getter == "os.environ.get" || getter == "os.getenv",
              let fallback = arguments[1].stringConstant?.lowercased() else { return false }
        return fallback.hasPrefix("http://") || fallback.hasPrefix("https://")
    }

    /// The piece text starts with: the first of an f-string (spliced as it is, no `!r`) or of
    /// a `+` chain, else the text itself.
    static func leadingPiece(of text: Expr) -> Expr {
        switch text.kind {
        case .joinedStr(let values):
            guard let first = values.first, case .formattedValue(let value, -1, nil) = first.kind else { return text }
            return value
        case .binOp(_, .add, _):
            return text.additionOperands.first ?? text
        default:
            return text
        }
    }

    /// Whether the request built by `request` is assigned to a name that an `urlopen(name` of
    /// the same function opens.
    static func openedLater(_ request: Expr, context: RuleContext) -> Bool {
        guard let line = context.sourceMap.line(request.loc.lineno),
              let scope = context.parsed.enclosingScope(startLine: request.loc.lineno, endLine: request.loc.endLineno) else { return false }
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let equals = trimmed.firstIndex(of: "=") else { return false }
        let name = trimmed[..<equals].filter { $0 != " " }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return false }
        let body = context.parsed.text(of: scope.loc)
        return body.contains("urlopen(\(name))") || body.contains("urlopen(\(name),") || body.contains("urlopen(\(name) ")
    }
}
