import Foundation

/// Writes a file so readers see the old content or the new, never half of it.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SelectionError(message: "\(path): cannot write: \(error.localizedDescription)")
        }
    }
}
