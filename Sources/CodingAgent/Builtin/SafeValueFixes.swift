import Analyzer
import PythonSyntax

extension FixContext {
    /// The byte range a finding reports (its line and column span).
    func byteRange(of finding: Finding) -> (start: Int, end: Int)? {
        let map = parsed.sourceMap
        guard let start = map.byteOffset(line: finding.line, column: finding.column - 1),
              let end = map.byteOffset(line: finding.endLine, column: finding.endColumn - 1), start <= end else { return nil }
        return (start, end)
    }

    func reportedText(_ finding: Finding) -> String? {
        byteRange(of: finding).map { String(decoding: parsed.source[$0.start..<$0.end], as: UTF8.self) }
    }
}

/// `ctx.check_hostname = False` → `True`; `verify_mode = ssl.CERT_NONE` → `ssl.CERT_REQUIRED`;
/// `cert_reqs=CERT_NONE` → `CERT_REQUIRED`; pyOpenSSL `VERIFY_NONE` → `VERIFY_PEER`.
enum TLSVerificationValueFix: BuiltinFix {
    static let codes: Set<String> = ["ASC2295"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let range = context.byteRange(of: finding), let text = context.reportedText(finding) else { return nil }
        let replacement: String
        if text == "False" {
            replacement = "True"
        } else if text.contains("CERT_NONE") {
            replacement = text.replacingOccurrences(of: "CERT_NONE", with: "CERT_REQUIRED")
        } else if text.contains("VERIFY_NONE") {
            replacement = text.replacingOccurrences(of: "VERIFY_NONE", with: "VERIFY_PEER")
        } else {
            return nil
        }
        return FixPlan(edits: [SourceEdit(start: range.start, end: range.end, replacement: replacement)], description: "verify certificates and host names")
    }
}

/// An RSA or DSA key under 2048 bits → 2048 bits.
enum KeySizeFix: BuiltinFix {
    static let codes: Set<String> = ["ASC505"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let range = context.byteRange(of: finding), let text = context.reportedText(finding),
              let bits = Int(text.replacingOccurrences(of: "_", with: "")), bits < 2048 else { return nil }
        return FixPlan(edits: [SourceEdit(start: range.start, end: range.end, replacement: "2048")], description: "use a 2048-bit key")
    }
}

/// Binding to `"0.0.0.0"` → `"127.0.0.1"` (the quotes kept): listen on this machine only.
enum LoopbackBindFix: BuiltinFix {
    static let codes: Set<String> = ["ASC104"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let range = context.byteRange(of: finding), let text = context.reportedText(finding), text.contains("0.0.0.0") else { return nil }
        return FixPlan(edits: [SourceEdit(start: range.start, end: range.end, replacement: text.replacingOccurrences(of: "0.0.0.0", with: "127.0.0.1"))],
                       description: "bind to 127.0.0.1")
    }
}

/// An lxml parser that resolves entities, loads DTDs or uses the network → one that does not.
enum LXMLSafeParserFix: BuiltinFix {
    static let codes: Set<String> = ["ASC2611"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(_, _, let keywords) = call.kind else { return nil }
        var edits: [SourceEdit] = []
        for (name, safe) in [("resolve_entities", "False"), ("load_dtd", "False"), ("no_network", "True"), ("huge_tree", "False")] {
            if let keyword = keywords.first(where: { $0.arg == name }), context.text(keyword.value.loc) != safe {
                edits.append(SourceEdit(start: keyword.value.loc.startByte, end: keyword.value.loc.endByte, replacement: safe))
            }
        }
        if !keywords.contains(where: { $0.arg == "resolve_entities" }) {
            guard let added = KeywordValue.set("resolve_entities", to: "False", in: call, addIfMissing: true) else { return nil }
            edits += added
        }
        return edits.isEmpty ? nil : FixPlan(edits: edits, description: "parse without entities, DTDs or network")
    }
}

/// Data from a request that reaches a sink unescaped: the request-derived names in the sink's
/// argument are wrapped in the sanitiser for the weakness (`html.escape` for XSS,
/// `os.path.basename` for path traversal). Only names assigned from `request.…` in the same
/// function are wrapped, so a template the code builds itself is left alone.
enum RequestValueSanitiserFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1079", "ASC1022", "ASC1117"]
    /// Log injection is low severity, and escaping the value is right at any severity.
    static let fixesLowSeverity = true

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        let (module, function): (String, String)
        switch finding.code {
        case "ASC1079": (module, function) = ("html", "html.escape")
        case "ASC1117": (module, function) = ("json", "json.dumps")  // quotes the value, escapes line breaks
        default: (module, function) = ("os", "os.path.basename")
        }
        guard let call = context.call(at: finding), case .call(_, let arguments, _) = call.kind, let argument = arguments.first else { return nil }
        let fromRequest = requestNames(in: context, around: finding.line)
        var edits: [SourceEdit] = []
        var seen = Set<Int>()
        func visit(_ expr: Expr) {
            if case .name(let id, _) = expr.kind, fromRequest.contains(id), seen.insert(expr.loc.startByte).inserted {
                edits.append(SourceEdit(start: expr.loc.startByte, end: expr.loc.startByte, replacement: "\(function)("))
                edits.append(SourceEdit(start: expr.loc.endByte, end: expr.loc.endByte, replacement: ")"))
                return
            }
            Node.expr(expr).forEachChild { child in if case .expr(let inner) = child { visit(inner) } }
        }
        visit(argument)
        // XSS sinks such as make_response(...) may carry it in any argument; paths only in the first.
        if finding.code != "ASC1022" { for other in arguments.dropFirst() { visit(other) } }
        return edits.isEmpty ? nil : FixPlan(edits: edits, imports: [module], description: "pass the request's value through \(function)")
    }

    /// Names assigned from `request.…` (Flask, Django) or `input()` in the function around `line`.
    static func requestNames(in context: FixContext, around line: Int) -> Set<String> {
        var names = Set<String>()
        context.parsed.module.walk { node in
            guard case .stmt(let statement) = node else { return true }
            if case .functionDef = statement.kind, !(statement.loc.lineno...statement.loc.endLineno).contains(line) { return false }
            if case let .assign(targets, value) = statement.kind, context.text(value.loc).hasPrefix("request.") || context.text(value.loc).hasPrefix("input(") {
                for target in targets { if case .name(let id, _) = target.kind { names.insert(id) } }
            }
            return true
        }
        return names
    }
}

/// A redirect to a URL from the request → only to a path on this site: the value is kept when
/// it starts with one `/` (not `//` or `/\`, which browsers take as another host), else `/`.
/// Absolute URLs to this same site become `/`: that is the price of the fix.
enum LocalRedirectFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1601"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        let target: Expr
        if let call = context.call(at: finding), case .call(_, let arguments, _) = call.kind, let first = arguments.first,
           (call.loc.lineno, call.loc.colOffset + 1) == (finding.line, finding.column) {
            target = first
        } else if let statement = context.statement(startingOn: finding.line), case .assign(_, let value) = statement.kind {
            target = value
        } else {
            return nil
        }
        // Only a plain variable: the guard must test the very value that is used.
        guard case .name(let id, _) = target.kind else { return nil }
        let guarded = "(\(id) if \(id).startswith(\"/\") and not \(id).startswith((\"//\", \"/\\\\\")) else \"/\")"
        return FixPlan(edits: [SourceEdit(start: target.loc.startByte, end: target.loc.endByte, replacement: guarded)],
                       description: "redirect only to a path on this site")
    }
}
