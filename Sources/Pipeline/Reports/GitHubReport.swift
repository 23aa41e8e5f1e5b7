import Analyzer
import Fuzzer

/// GitHub Actions workflow commands: one annotation per new finding.
public enum GitHubReport {
    public static func render(_ decision: GateDecision) -> String {
        var out = ""
        for error in decision.syntaxErrors {
            out += "::error file=\(property(error.filename)),line=\(error.line),col=\(error.column + 1),title=\(property("syntax error"))::\(data("\(error.kind.rawValue): \(error.message)"))\n"
        }
        for finding in decision.newFindings {
            let command = finding.severity == .low ? "notice" : (finding.severity == .medium ? "warning" : "error")
            out += "::\(command) file=\(property(finding.file)),line=\(finding.line),endLine=\(finding.endLine),col=\(finding.column),"
            out += "endColumn=\(finding.endColumn),title=\(property("\(finding.code) (\(finding.cweID))"))::\(data(finding.message))\n"
        }
        for finding in decision.fuzz?.findings ?? [] {
            let command = finding.severity == .high ? "error" : "warning"
            out += "::\(command) file=\(property(finding.file)),line=\(finding.line),title=\(property("\(finding.code) (CWE-\(finding.cweID)) fuzzing: \(finding.kind.rawValue)"))::"
            out += data("\(finding.summary)\nReproduce:\n\(finding.reproducer)") + "\n"
        }
        return out
    }

    /// Escapes a message (`%`, CR, LF), per the workflow-command rules.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value (also `:` and `,`).
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
