import PythonSyntax

/// Command-line options an argparse parser restricts to fixed `choices`
/// (`parser.add_argument("--branch", choices=["main", "dev"])`): their parsed value is one of
/// those strings, so a command built from it is a fixed command.
enum ArgumentChoices {
    /// What an option's parsed value can be.
    enum Kind { case choices, number, flag, text }

    /// Each destination (`branch` of `--branch`, or `dest=`) with what its `add_argument`
    /// calls make of it: one of literal string `choices`, a number (`type=int` or `float`, a
    /// `count`), a flag (`store_true` and the like), or any text. Defined twice two ways, any text.
    static func kinds(in module: Module) -> [String: Kind] {
        var kinds: [String: Kind] = [:]
        module.walk { node in
            guard case .expr(let expression) = node, case .call(let function, let arguments, let keywords) = expression.kind,
                  case .attribute(_, "add_argument", _) = function.kind, let destination = destination(arguments, keywords) else { return true }
            func keyword(_ name: String) -> Expr? { keywords.first(where: { $0.arg == name })?.value }
            let action = keyword("action")?.stringConstant
            let kind: Kind
            if keyword("choices")?.stringLiterals != nil {
                kind = .choices
            } else if case .name(let type, _)? = keyword("type")?.kind, type == "int" || type == "float" {
                kind = .number
            } else if action == "count" {
                kind = .number
            } else if let action, flagActions.contains(action) {
                kind = .flag
            } else {
                kind = .text
            }
            if let known = kinds[destination], known != kind { kinds[destination] = .text } else { kinds[destination] = kind }
            return true
        }
        return kinds
    }

    static let flagActions: Set<String> = ["store_true", "store_false", "store_const", "version", "help"]

    /// `dest=` if given, else the first long option (`--dry-run` → `dry_run`), else the first
    /// name (a positional `branch`, or `-b`).
    static func destination(_ arguments: [Expr], _ keywords: [Keyword]) -> String? {
        if let dest = keywords.first(where: { $0.arg == "dest" })?.value.stringConstant { return dest }
        let names = arguments.compactMap(\.stringConstant)
        guard let name = names.first(where: { $0.hasPrefix("--") }) ?? names.first else { return nil }
        return String(name.drop { $0 == "-" }.map { $0 == "-" ? "_" : $0 })
    }


}
