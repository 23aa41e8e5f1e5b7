import Analyzer
import PythonSyntax

/// Standard-library XML parsers → defusedxml's drop-in modules, by rewriting the import that
/// binds them (`import xml.etree.ElementTree as ET` → `import defusedxml.ElementTree as ET`).
enum DefusedXMLFix: BuiltinFix {
    static let codes: Set<String> = ["ASC313", "ASC314", "ASC315", "ASC316", "ASC317", "ASC318", "ASC319", "ASC1611"]
    static let replacements: [String: String] = [
        "xml.etree.ElementTree": "defusedxml.ElementTree", "xml.etree.cElementTree": "defusedxml.cElementTree",
        "xml.dom.minidom": "defusedxml.minidom", "xml.dom.pulldom": "defusedxml.pulldom", "xml.sax": "defusedxml.sax",
        "xml.dom.expatbuilder": "defusedxml.expatbuilder", "xml.sax.expatreader": "defusedxml.expatreader",
    ]

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), let function = call.callFunction,
              let qualified = context.imports.qualifiedName(of: function) else { return nil }
        guard let module = replacements.keys.sorted(by: { $0.count > $1.count }).first(where: { qualified.hasPrefix($0 + ".") }),
              let safe = replacements[module] else { return nil }
        // Find the import statement that binds the module, and rewrite its module name.
        var edit: SourceEdit?
        var uses: [SourceEdit] = []
        context.parsed.module.walk { node in
            guard edit == nil else { return false }
            guard case .stmt(let statement) = node else { return true }
            switch statement.kind {
            case .import(let names):
                for alias in names where alias.name == module {
                    let start = alias.loc.startByte
                    edit = SourceEdit(start: start, end: start + module.utf8.count, replacement: safe)
                    // `import xml.sax` binds `xml`: every `xml.sax` in the code becomes `defusedxml.sax`.
                    if alias.asname == nil { uses = usesOfDottedName(module, in: context, replacement: safe) }
                }
            case .importFrom(let from?, _, 0) where from == module:
                let text = context.text(statement.loc)
                if let range = text.range(of: from) {
                    let start = statement.loc.startByte + text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                    edit = SourceEdit(start: start, end: start + from.utf8.count, replacement: safe)
                }
            default:
                break
            }
            return true
        }
        guard let edit else { return nil }
        return FixPlan(edits: [edit] + uses, description: "parse with \(safe) (pip install defusedxml)")
    }

    /// Every attribute chain spelled exactly `module` (`xml.sax` in `xml.sax.make_parser()`).
    static func usesOfDottedName(_ module: String, in context: FixContext, replacement: String) -> [SourceEdit] {
        var edits: [SourceEdit] = []
        context.parsed.module.walk { node in
            guard case .expr(let expr) = node, case .attribute = expr.kind else { return true }
            if context.text(expr.loc) == module {
                edits.append(SourceEdit(start: expr.loc.startByte, end: expr.loc.endByte, replacement: replacement))
                return false
            }
            return true
        }
        return edits
    }
}
