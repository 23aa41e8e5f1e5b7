import Analyzer
import PythonSyntax

/// `hashlib.md5(...)` / `hashlib.sha1(...)` / `hashlib.new("md5")` → SHA-256.
enum StrongHashFix: BuiltinFix {
    static let changesResults = true
    static let codes: Set<String> = ["ASC324"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard finding.severity >= .medium,  // a checksum is fine as it is
              let call = context.call(at: finding), case .call(let function, let arguments, _) = call.kind else { return nil }
        if let range = function.attributeNameRange, ["md4", "md5", "sha1"].contains(context.text(function.loc).split(separator: ".").last.map(String.init) ?? "") {
            return FixPlan(edits: [SourceEdit(start: range.start, end: range.end, replacement: "sha256")], description: "use SHA-256")
        }
        if let name = arguments.first, name.stringConstant != nil {
            return FixPlan(edits: [SourceEdit(start: name.loc.startByte, end: name.loc.endByte, replacement: "\"sha256\"")], description: "use SHA-256")
        }
        return nil
    }
}
