import ArgumentParser
import Diagnostics
import Foundation
import PythonSyntax

struct DebugAST: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ast",
        abstract: "Print a file's syntax tree exactly as CPython's ast.dump prints it.",
        discussion: """
        Same output as
          python3 -c "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read()), include_attributes=True))" FILE

        Example:
          autosafecoder debug ast app/views.py --no-positions
        """
    )

    @Argument(help: ArgumentHelp("Python file.", valueName: "file"))
    var file: String

    @Flag(help: "Leave out lineno, col_offset, end_lineno and end_col_offset (include_attributes=False).")
    var noPositions = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UnreadableFile(path: file)
        }
        do {
            let dump = try PythonSyntax.dump([UInt8](data), filename: file, includeAttributes: !noPositions)
            Terminal.standardOutput.writeLine(dump)
        } catch {
            throw PythonSyntaxFailure(error: error)
        }
    }
}

/// A file the user named that cannot be read.
struct UnreadableFile: ToolError {
    var path: String
    var exitStatus: ExitStatus { .badInput }
    var description: String { "\(path): error: cannot read the file" }
}

/// A file the user named that does not parse, as `FILE:LINE:COL: error: …`.
struct PythonSyntaxFailure: ToolError {
    var error: SyntaxError
    var exitStatus: ExitStatus { .badInput }
    var description: String { "\(error.filename):\(error.line):\(error.column + 1): error: \(error.kind.rawValue): \(error.message)" }
}
