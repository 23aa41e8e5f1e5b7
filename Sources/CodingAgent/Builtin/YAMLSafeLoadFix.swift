import Analyzer
import PythonSyntax

/// `yaml.load(s)` → `yaml.safe_load(s)`; an unsafe `Loader=` becomes `yaml.SafeLoader`.
enum YAMLSafeLoadFix: BuiltinFix {
    static let codes: Set<String> = ["ASC506", "ASC1502"]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let site = context.imports.qualifiedName(of: call.callFunction ?? call),
              site == "yaml.load" || site == "yaml.load_all" || site == "yaml.unsafe_load" || site == "yaml.full_load",
              case .call(let function, let arguments, let keywords) = call.kind else { return nil }
        if let loader = keywords.first(where: { $0.arg == "Loader" })?.value ?? (arguments.count > 1 ? arguments[1] : nil) {
            return FixPlan(edits: [SourceEdit(start: loader.loc.startByte, end: loader.loc.endByte, replacement: "yaml.SafeLoader")],
                           imports: ["yaml"], description: "use yaml.SafeLoader")
        }
        let safe = site.hasSuffix("_all") ? "safe_load_all" : "safe_load"
        if let range = function.attributeNameRange {
            return FixPlan(edits: [SourceEdit(start: range.start, end: range.end, replacement: safe)], description: "use yaml.\(safe)")
        }
        return FixPlan(edits: [SourceEdit(start: function.loc.startByte, end: function.loc.endByte, replacement: "yaml.\(safe)")],
                       imports: ["yaml"], description: "use yaml.\(safe)")
    }
}
