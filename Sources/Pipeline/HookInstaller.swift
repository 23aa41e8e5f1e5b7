import Diagnostics
import Foundation

/// Installs and removes the pre-commit hook without ever losing a hook that was there.
public enum HookInstaller {
    public enum Mode: Sendable {
        /// Refuse when a foreign hook exists.
        case safe
        /// Keep the foreign hook as `pre-commit.chained` and run it before ours.
        case chain
        /// Move the foreign hook to `pre-commit.autosafecoder-backup` and replace it.
        case force
    }

    public struct Refusal: ToolError {
        public var message: String
        public var exitStatus: ExitStatus { .badInput }
        public var description: String { "error: \(message)" }
    }

    static let chainedName = "pre-commit.chained"
    static let backupName = "pre-commit.autosafecoder-backup"

    /// Installs into `directory` and returns what was done, as one line.
    public static func install(into directory: String, mode: Mode) throws -> String {
        let manager = FileManager.default
        let hook = (directory as NSString).appendingPathComponent("pre-commit")
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var note = "installed"
        if manager.fileExists(atPath: hook) || (try? manager.destinationOfSymbolicLink(atPath: hook)) != nil {
            let existing = (try? String(contentsOfFile: hook, encoding: .utf8)) ?? ""
            if existing.contains(PreCommitHook.marker) {
                note = existing == PreCommitHook.script ? "already installed" : "updated"
            } else {
                switch mode {
                case .safe:
                    throw Refusal(message: "\(hook) exists and is not ours; rerun with --chain to run it before autosafecoder, or --force to replace it (a backup is kept)")
                case .chain:
                    try moveAside(hook, to: (directory as NSString).appendingPathComponent(chainedName))
                    note = "installed; the existing hook runs first (\(chainedName))"
                case .force:
                    try moveAside(hook, to: (directory as NSString).appendingPathComponent(backupName))
                    note = "installed; the existing hook was kept as \(backupName)"
                }
            }
        }
        let temporary = hook + ".autosafecoder-tmp"
        try Data(PreCommitHook.script.utf8).write(to: URL(fileURLWithPath: temporary))
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
        if manager.fileExists(atPath: hook) { try manager.removeItem(atPath: hook) }
        try manager.moveItem(atPath: temporary, toPath: hook)
        return "\(note): \(hook)"
    }

    /// Removes our hook and puts back whatever it replaced or chained.
    public static func uninstall(from directory: String) throws -> String {
        let manager = FileManager.default
        let hook = (directory as NSString).appendingPathComponent("pre-commit")
        guard manager.fileExists(atPath: hook) else { return "no pre-commit hook in \(directory)" }
        let existing = (try? String(contentsOfFile: hook, encoding: .utf8)) ?? ""
        guard existing.contains(PreCommitHook.marker) else {
            throw Refusal(message: "\(hook) is not autosafecoder's hook; left as it is")
        }
        try manager.removeItem(atPath: hook)
        for name in [chainedName, backupName] {
            let saved = (directory as NSString).appendingPathComponent(name)
            if manager.fileExists(atPath: saved) {
                try manager.moveItem(atPath: saved, toPath: hook)
                return "removed; restored the previous hook: \(hook)"
            }
        }
        return "removed: \(hook)"
    }

    private static func moveAside(_ hook: String, to destination: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination) {
            throw Refusal(message: "\(destination) already exists; move it away first so no hook is lost")
        }
        try manager.moveItem(atPath: hook, toPath: destination)
    }
}
