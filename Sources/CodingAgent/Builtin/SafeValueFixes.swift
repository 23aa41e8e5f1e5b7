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

    /// What a sink receives at a finding: the arguments of the call that starts there, else the
    /// value assigned on its line (`response.headers["Location"] = url`).
    func sinkValues(of finding: Finding) -> [Expr] {
        if let call = call(at: finding), (call.loc.lineno, call.loc.colOffset + 1) == (finding.line, finding.column),
           case .call(_, let arguments, let keywords) = call.kind {
            return arguments + keywords.map(\.value)
        }
        if let statement = statement(startingOn: finding.line), case .assign(_, let value) = statement.kind { return [value] }
        return []
    }

    /// Names assigned from `request.…` (Flask, Django) or `input()` in the function around `line`.
    func requestNames(around line: Int) -> Set<String> {
        var names = Set<String>()
        parsed.module.walk { node in
            guard case .stmt(let statement) = node else { return true }
            if case .functionDef = statement.kind, !(statement.loc.lineno...statement.loc.endLineno).contains(line) { return false }
            if case let .assign(targets, value) = statement.kind, text(value.loc).hasPrefix("request.") || text(value.loc).hasPrefix("input(") {
                for target in targets { if case .name(let id, _) = target.kind { names.insert(id) } }
            }
            return true
        }
        return names
    }

    /// Edits that put `prefix` before and `suffix` after every use of one of `names` in `roots`
    /// (each use once): `html.escape(name)`, `value.replace(...)`.
    func wrapping(_ names: Set<String>, in roots: [Expr], prefix: String, suffix: String) -> [SourceEdit] {
        var edits: [SourceEdit] = []
        var seen = Set<Int>()
        func visit(_ expr: Expr) {
            if case .name(let id, _) = expr.kind, names.contains(id) {
                guard seen.insert(expr.loc.startByte).inserted else { return }
                if !prefix.isEmpty { edits.append(SourceEdit(start: expr.loc.startByte, end: expr.loc.startByte, replacement: prefix)) }
                edits.append(SourceEdit(start: expr.loc.endByte, end: expr.loc.endByte, replacement: suffix))
                return
            }
            Node.expr(expr).forEachChild { child in if case .expr(let inner) = child { visit(inner) } }
        }
        roots.forEach(visit)
        return edits
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
            // The same context's `check_hostname = False` (one finding with this one) is turned on too.
            var edits = [SourceEdit(start: range.start, end: range.end, replacement: replacement)]
            if let statement = context.statement(startingOn: finding.line), case .assign(let targets, _) = statement.kind,
               case .attribute(let owner, "verify_mode", _)? = targets.first?.kind {
                let ownerText = context.text(owner.loc)
                context.parsed.module.walkStatements { other in
                    guard case .assign(let otherTargets, let value) = other.kind, value.boolConstant == false,
                          case .attribute(let otherOwner, "check_hostname", _)? = otherTargets.first?.kind,
                          context.text(otherOwner.loc) == ownerText else { return }
                    edits.append(SourceEdit(start: value.loc.startByte, end: value.loc.endByte, replacement: "True"))
                }
            }
            return FixPlan(edits: edits.sorted { $0.start < $1.start }, description: "verify certificates and host names")
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
        // Reported at a parse that uses the parser: the parser is made where the path starts.
        var at = (finding.line, finding.column)
        if let made = finding.flow.first, context.call(at: finding).flatMap({ Self.isParserMaker($0, context) }) != true { at = (made.line, made.column) }
        guard let call = context.call(line: at.0, column: at.1), Self.isParserMaker(call, context),
              case .call(_, _, let keywords) = call.kind else { return nil }
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

    private static func isParserMaker(_ call: Expr, _ context: FixContext) -> Bool {
        guard case .call(let function, _, _) = call.kind, let name = context.imports.qualifiedName(of: function) else { return false }
        return name.hasPrefix("lxml.etree.") && name.hasSuffix("Parser")
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
        guard let call = context.call(at: finding), case .call(_, let arguments, _) = call.kind, !arguments.isEmpty else { return nil }
        // XSS and log sinks may carry the value in any argument; a path is the first.
        let roots = finding.code == "ASC1022" ? Array(arguments.prefix(1)) : arguments
        let edits = context.wrapping(context.requestNames(around: finding.line), in: roots, prefix: "\(function)(", suffix: ")")
        return edits.isEmpty ? nil : FixPlan(edits: edits, imports: [module], description: "pass the request's value through \(function)")
    }
}

/// A redirect to a URL from the request → only to a path on this site: the value is kept when
/// it starts with one `/` (not `//` or `/\`, which browsers take as another host), else `/`.
/// Absolute URLs to this same site become `/`: that is the price of the fix.
enum LocalRedirectFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1601"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let target = context.sinkValues(of: finding).first else { return nil }
        // Only a plain variable: the guard must test the very value that is used.
        guard case .name(let id, _) = target.kind else { return nil }
        let guarded = "(\(id) if \(id).startswith(\"/\") and not \(id).startswith((\"//\", \"/\\\\\")) else \"/\")"
        return FixPlan(edits: [SourceEdit(start: target.loc.startByte, end: target.loc.endByte, replacement: guarded)],
                       description: "redirect only to a path on this site")
    }
}

/// Request data parsed by lxml (`etree.fromstring(data)`) → with a parser that resolves no
/// entities and stays off the network: `parser=etree.XMLParser(resolve_entities=False, no_network=True)`.
enum LXMLRequestParserFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1611"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, let arguments, let keywords) = call.kind,
              let name = context.imports.qualifiedName(of: function), name.hasPrefix("lxml.etree."),
              ["fromstring", "XML", "parse"].contains(name.split(separator: ".").last.map(String.init) ?? ""),
              arguments.count == 1, !keywords.contains(where: { $0.arg == "parser" || $0.arg == nil }) else { return nil }
        // The parser class as this file spells the module: `lxml.etree.XMLParser` or `etree.XMLParser`.
        let prefix = context.text(function.loc).split(separator: ".").dropLast().joined(separator: ".")
        guard !prefix.isEmpty else { return nil }
        guard let edits = KeywordValue.set("parser", to: "\(prefix).XMLParser(resolve_entities=False, no_network=True)", in: call, addIfMissing: true) else { return nil }
        return FixPlan(edits: edits, description: "parse with a parser that resolves no entities")
    }
}

/// `jwt.decode(..., verify=False)` or `options={"verify_signature": False}` → verification on,
/// and, when the call names no algorithms, `algorithms=["HS256"]` pinned (a token signed
/// otherwise is then refused: the fix fails closed; name the algorithm you sign with).
enum JWTVerificationFix: BuiltinFix {
    static let codes: Set<String> = ["ASC2347"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, let arguments, let keywords) = call.kind,
              let name = context.imports.qualifiedName(of: function), name == "jwt.decode" || name == "jwt.api_jwt.decode",
              !keywords.contains(where: { $0.arg == nil }) else { return nil }
        var edits: [SourceEdit] = []
        if let verify = keywords.first(where: { $0.arg == "verify" }), verify.value.boolConstant == false {
            edits.append(SourceEdit(start: verify.value.loc.startByte, end: verify.value.loc.endByte, replacement: "True"))
        }
        if let options = keywords.first(where: { $0.arg == "options" }), case .dict(let keys, let values) = options.value.kind {
            for (key, value) in zip(keys, values) where key?.stringConstant == "verify_signature" && value.boolConstant == false {
                edits.append(SourceEdit(start: value.loc.startByte, end: value.loc.endByte, replacement: "True"))
            }
        }
        if arguments.count < 3, !keywords.contains(where: { $0.arg == "algorithms" }) {
            edits += KeywordValue.set("algorithms", to: "[\"HS256\"]", in: call, addIfMissing: true) ?? []
        }
        return edits.isEmpty ? nil : FixPlan(edits: edits, description: "verify the signature with a pinned algorithm")
    }
}

/// `return traceback.format_exc()` (a stack trace to the user) → a generic message.
enum GenericErrorMessageFix: BuiltinFix {
    static let codes: Set<String> = ["ASC2209"]
    static let changesResults = true

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let function = call.callFunction,
              let name = context.imports.qualifiedName(of: function), ["traceback.format_exc", "traceback.format_exception"].contains(name),
              let statement = context.statement(startingOn: call.loc.lineno), case .return(let value?) = statement.kind,
              value.loc.startByte == call.loc.startByte else { return nil }
        return FixPlan(edits: [SourceEdit(start: call.loc.startByte, end: call.loc.endByte, replacement: "\"An internal error occurred.\"")],
                       description: "return a generic message; keep the trace in the server's log")
    }
}

/// A request value in a response header → its carriage returns and line feeds removed, so it
/// cannot end the header and start another.
enum HeaderLineBreakFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1113"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        let edits = context.wrapping(context.requestNames(around: finding.line), in: context.sinkValues(of: finding),
                                     prefix: "", suffix: ".replace(\"\\r\", \"\").replace(\"\\n\", \"\")")
        return edits.isEmpty ? nil : FixPlan(edits: edits, description: "remove line breaks from the header value")
    }
}

/// Request values formatted into an LDAP filter or DN (`"(user={})".format(name)`) → escaped
/// with the library's own functions: filter values with `escape_filter_chars`, DN values with
/// `escape_dn_chars` (python-ldap) or `escape_rdn` (ldap3).
enum LDAPEscapeFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1090"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        let usesLDAP3 = context.imports.imports("ldap3")
        guard usesLDAP3 || context.imports.imports("ldap") else { return nil }
        let (filterModule, filterFunction, dnModule, dnFunction) = usesLDAP3
            ? ("ldap3.utils.conv", "ldap3.utils.conv.escape_filter_chars", "ldap3.utils.dn", "ldap3.utils.dn.escape_rdn")
            : ("ldap.filter", "ldap.filter.escape_filter_chars", "ldap.dn", "ldap.dn.escape_dn_chars")
        let fromRequest = context.requestNames(around: finding.line)
        guard let function = context.parsed.enclosingScope(startLine: finding.line, endLine: finding.line) else { return nil }
        var edits: [SourceEdit] = []
        var modules: Set<String> = []
        context.parsed.module.walk { node in
            guard case .expr(let expr) = node, (function.loc.lineno...function.loc.endLineno).contains(expr.loc.lineno),
                  case .call(let callee, let arguments, _) = expr.kind, case .attribute(let template, "format", _) = callee.kind,
                  let text = template.stringConstant, text.contains("=") else { return true }
            // A filter is parenthesised; a DN is attribute=value pairs.
            let isFilter = text.hasPrefix("(")
            let plainNames = arguments.filter { if case .name = $0.kind { return true }; return false }
            let wrapped = context.wrapping(fromRequest, in: plainNames, prefix: (isFilter ? filterFunction : dnFunction) + "(", suffix: ")")
            if !wrapped.isEmpty { modules.insert(isFilter ? filterModule : dnModule) }
            edits += wrapped
            return true
        }
        return edits.isEmpty ? nil : FixPlan(edits: edits, imports: modules.sorted(), description: "escape the values in the LDAP filter and DN")
    }
}

/// `tree.xpath("/tag[@id='%s']" % value)` → `tree.xpath("/tag[@id=$value]", value=value)`: an
/// XPath variable instead of text spliced into the query.
enum XPathVariableFix: BuiltinFix {
    static let codes: Set<String> = ["ASC1643"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, let arguments, let keywords) = call.kind,
              case .attribute(_, "xpath", _) = function.kind, arguments.count == 1, keywords.isEmpty,
              case .binOp(let template, .mod, let value) = arguments[0].kind, let query = template.stringConstant,
              case .name(let id, _) = value.kind, query.components(separatedBy: "%s").count == 2 else { return nil }
        var rewritten = query
        for quoted in ["'%s'", "\"%s\"", "%s"] where rewritten.contains(quoted) {
            rewritten = rewritten.replacingOccurrences(of: quoted, with: "$\(id)")
            break
        }
        let literal = "\"" + rewritten.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return FixPlan(edits: [SourceEdit(start: arguments[0].loc.startByte, end: arguments[0].loc.endByte, replacement: "\(literal), \(id)=\(id)")],
                       description: "pass the value as an XPath variable")
    }
}

/// A pyOpenSSL context that never verifies → `set_verify(VERIFY_PEER)` with the system's CAs,
/// on the line after the context is made.
enum PyOpenSSLVerifyFix: BuiltinFix {
    static let codes: Set<String> = ["ASC3295"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, _, _) = call.kind,
              let statement = context.statement(startingOn: call.loc.lineno), case .assign(let targets, let value) = statement.kind,
              value.loc.startByte == call.loc.startByte, targets.count == 1, case .name(let variable, _) = targets[0].kind else { return nil }
        let module = context.text(function.loc).split(separator: ".").dropLast().joined(separator: ".")
        guard !module.isEmpty, let line = context.parsed.sourceMap.line(statement.loc.lineno) else { return nil }
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        let insertion = "\n\(indent)\(variable).set_verify(\(module).VERIFY_PEER)\n\(indent)\(variable).set_default_verify_paths()"
        return FixPlan(edits: [SourceEdit(start: statement.loc.endByte, end: statement.loc.endByte, replacement: insertion)],
                       description: "verify the peer against the system's CAs")
    }
}
