import Foundation
import LibGit

/// The policy's `fix.verify_command` (for example `pytest -q`), run in a temporary checkout of
/// a commit: the user's working tree is never where it runs.
public struct VerifyCommand: Sendable {
    public let command: String
    public let timeoutSeconds: Double

    public init(command: String, timeoutSeconds: Double = 900) {
        self.command = command
        self.timeoutSeconds = timeoutSeconds
    }

    public struct Outcome: Sendable {
        public var passed: Bool
        /// The last lines of its output, for the report.
        public var tail: String
    }

    /// Exports `commit` into a private directory and runs the command there with `/bin/sh -c`.
    public func run(on commit: String, in repository: Repository) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autosafecoder-verify-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try repository.export(commit, to: directory + "/tree")
        let log = directory + "/output.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        guard let output = FileHandle(forWritingAtPath: log) else { return Outcome(passed: false, tail: "cannot write \(log)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory + "/tree")
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            timedOut = true
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        kill(-process.processIdentifier, SIGKILL)  // whatever it left running in its group
        try? output.close()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let tail = text.split(separator: "\n").suffix(5).joined(separator: "\n")
        if timedOut { return Outcome(passed: false, tail: "timed out after \(Int(timeoutSeconds)) s\n" + tail) }
        return Outcome(passed: process.terminationStatus == 0, tail: tail)
    }
}
