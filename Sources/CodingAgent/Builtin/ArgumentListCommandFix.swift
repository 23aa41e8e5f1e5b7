import Analyzer
import PythonSyntax

/// A shell command line built from text → an argument list run without a shell:
/// `os.system("ls " + d)` → `subprocess.run(["ls", d]).returncode`,
/// `subprocess.run(f"grep {p} log", shell=True)` → `subprocess.run(["grep", p, "log"])`.
/// Only when the command has no shell syntax (pipes, redirections, quotes, globbing, `$`).
enum ArgumentListCommandFix: BuiltinFix {
    static let codes: Set<String> = ["ASC602", "ASC605", "ASC1078"]
    static let shellSyntax = Set("|&;<>()$`\\\"'*?[]#~=%!{}\n")

    static func plan(for finding: Finding, in context: FixContext) -> FixPlan? {
        guard let call = context.call(at: finding), case .call(let function, let arguments, _) = call.kind,
              let name = context.imports.qualifiedName(of: function), let command = arguments.first,
              let list = argumentList(command, context: context) else { return nil }
        switch name {
        case "os.system":
            // Keep os.system's value (the exit status) where it is used.
            let used = context.statement(startingOn: call.loc.lineno).map { statement -> Bool in
                if case .expr(let value) = statement.kind, value.loc == call.loc { return false }
                return true
            } ?? true
            // Reuse the file's own name for the module (`import subprocess as sp`).
            let module = context.imports.localName(for: "subprocess") ?? "subprocess"
            let replacement = "\(module).run(\(list))" + (used ? ".returncode" : "")
            return FixPlan(edits: [SourceEdit(start: call.loc.startByte, end: call.loc.endByte, replacement: replacement)],
                           imports: module == "subprocess" ? ["subprocess"] : [], description: "run an argument list without a shell")
        case "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen":
            guard let removal = context.removalRange(ofKeyword: "shell", in: call) else { return nil }
            return FixPlan(edits: [SourceEdit(start: command.loc.startByte, end: command.loc.endByte, replacement: list),
                                   SourceEdit(start: removal.start, end: removal.end, replacement: "")],
                           description: "run an argument list without a shell")
        default:
            return nil
        }
    }

    /// A piece of the command: literal text, or an expression's source.
    enum Piece { case text(String), value(String) }

    static func pieces(_ expression: Expr, context: FixContext) -> [Piece]? {
        switch expression.kind {
        case .constant(.str(let text), _):
            return [.text(text.string)]
        case .joinedStr(let values):
            var result: [Piece] = []
            for value in values {
                switch value.kind {
                case .constant(.str(let text), _): result.append(.text(text.string))
                case .formattedValue(let inner, let conversion, let spec) where conversion == -1 && spec == nil:
                    result.append(.value(context.text(inner.loc)))
                default: return nil
                }
            }
            return result
        case .binOp(let left, .add, let right):
            guard let first = pieces(left, context: context), let second = pieces(right, context: context) else { return nil }
            return first + second
        case .name, .attribute, .subscript:
            return [.value(context.text(expression.loc))]
        default:
            return nil
        }
    }

    /// `["ls", "-l", path]`, or nil when the command needs a shell or is one opaque value.
    static func argumentList(_ command: Expr, context: FixContext) -> String? {
        guard let pieces = pieces(command, context: context), pieces.contains(where: { if case .text = $0 { return true } else { return false } }) else {
            return nil
        }
        var tokens: [[Piece]] = [[]]
        for piece in pieces {
            switch piece {
            case .value:
                tokens[tokens.count - 1].append(piece)
            case .text(let text):
                if text.contains(where: { shellSyntax.contains($0) }) { return nil }
                var current = ""
                for character in text {
                    if character == " " || character == "\t" {
                        if !current.isEmpty { tokens[tokens.count - 1].append(.text(current)); current = "" }
                        if !(tokens.last?.isEmpty ?? true) { tokens.append([]) }
                    } else {
                        current.append(character)
                    }
                }
                if !current.isEmpty { tokens[tokens.count - 1].append(.text(current)) }
            }
        }
        let rendered = tokens.filter { !$0.isEmpty }.map { token -> String in
            if token.count == 1, case .value(let source) = token[0] { return source }
            if token.allSatisfy({ if case .text = $0 { return true } else { return false } }) {
                let text = token.map { if case .text(let t) = $0 { return t } else { return "" } }.joined()
                return "\"" + text + "\""
            }
            let body = token.map { piece -> String in
                switch piece {
                case .text(let text): return text
                case .value(let source): return "{" + source + "}"
                }
            }.joined()
            return "f\"" + body + "\""
        }
        guard !rendered.isEmpty else { return nil }
        return "[" + rendered.joined(separator: ", ") + "]"
    }
}
