import Analyzer
import PythonSyntax

/// Rewrites one keyword argument's value, or adds the keyword when it is missing.
enum KeywordValue {
    static func set(_ name: String, to value: String, in call: Expr, addIfMissing: Bool) -> [SourceEdit]? {
        guard case .call(_, let arguments, let keywords) = call.kind else { return nil }
        if let keyword = keywords.first(where: { $0.arg == name }) {
            return [SourceEdit(start: keyword.value.loc.startByte, end: keyword.value.loc.endByte, replacement: value)]
        }
        guard addIfMissing, !keywords.contains(where: { $0.arg == nil }) else { return nil }
        let separator = arguments.isEmpty && keywords.isEmpty ? "" : ", "
        // Insert before the closing parenthesis.
        return [SourceEdit(start: call.loc.endByte - 1, end: call.loc.endByte - 1, replacement: "\(separator)\(name)=\(value)")]
    }
}

/// `verify=False` → `verify=True`.
enum VerifyTLSFix: BuiltinFix {
    static let codes: Set<String> = ["ASC501"]
    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let edits = KeywordValue.set("verify", to: "True", in: call, addIfMissing: false) else { return nil }
        return FixPlan(edits: edits, description: "verify TLS certificates")
    }
}

/// A request without a timeout gets `timeout=30`.
enum RequestTimeoutFix: BuiltinFix {
    static let codes: Set<String> = ["ASC113"]
    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let edits = KeywordValue.set("timeout", to: "30", in: call, addIfMissing: true) else { return nil }
        return FixPlan(edits: edits, description: "add a 30 s timeout")
    }
}

/// `app.run(debug=True)` → `debug=False`.
enum FlaskDebugOffFix: BuiltinFix {
    static let codes: Set<String> = ["ASC201"]
    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let edits = KeywordValue.set("debug", to: "False", in: call, addIfMissing: false) else { return nil }
        return FixPlan(edits: edits, description: "turn the debugger off")
    }
}

/// `jinja2.Environment(autoescape=False)` (or without it) → `autoescape=True`.
enum JinjaAutoescapeFix: BuiltinFix {
    static let codes: Set<String> = ["ASC701"]
    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let edits = KeywordValue.set("autoescape", to: "True", in: call, addIfMissing: true) else { return nil }
        return FixPlan(edits: edits, description: "turn autoescaping on")
    }
}

/// `os.chmod(path, 0o777)` → owner-only permissions.
enum OwnerOnlyPermissionsFix: BuiltinFix {
    static let codes: Set<String> = ["ASC103"]
    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(_, let arguments, let keywords) = call.kind,
              let mode = keywords.first(where: { $0.arg == "mode" })?.value ?? (arguments.count > 1 ? arguments[1] : nil),
              let value = mode.intConstant else { return nil }
        let owner = value & 0o700
        let replacement = owner & 0o100 != 0 ? "0o700" : "0o600"
        return FixPlan(edits: [SourceEdit(start: mode.loc.startByte, end: mode.loc.endByte, replacement: replacement)],
                       description: "restrict permissions to the owner")
    }
}
