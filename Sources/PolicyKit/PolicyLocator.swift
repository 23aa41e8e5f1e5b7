import Foundation

/// Finds and loads the policy: `--policy FILE`, else `policy.yaml` or `.autosafecoder.yaml`
/// at the root of the scanned repository, else the built-in defaults.
public enum PolicyLocator {
    public static let candidateNames = ["policy.yaml", ".autosafecoder.yaml"]

    /// Where the policy came from, for reports.
    public enum Source: Sendable, Equatable {
        case builtIn
        case file(String)
    }

    public static func load(explicitPath: String?, root: String?) throws(PolicyError) -> (Policy, Source) {
        if let explicitPath {
            return (try loadFile(explicitPath), .file(explicitPath))
        }
        if let root {
            for name in candidateNames {
                let path = (root as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path) {
                    return (try loadFile(path), .file(path))
                }
            }
        }
        return (Policy(), .builtIn)
    }

    public static func loadFile(_ path: String) throws(PolicyError) -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(file: path, reason: reason)
        }
        let bytes = [UInt8](data)
        if String(validating: bytes, as: UTF8.self) == nil {
            throw .unreadable(file: path, reason: "not valid UTF-8")
        }
        return try PolicyReader.read(bytes: bytes, file: path)
    }
}
