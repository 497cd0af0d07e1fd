import Foundation

/// Writes files all at once: to a temporary file beside the target, then renamed over
/// it, so a reader (or an interrupted run) never sees a half-written file.
public enum AtomicFile {
    /// A file that could not be written, with the path and the reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// The path that could not be written.
        public var path: String
        /// Why.
        public var reason: String
        /// `cannot write PATH: REASON`.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `text` to `path`, creating parent folders as needed.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create folder \(folder.path): \(Self.describe(error))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        TemporaryFiles.shared.register(temporary.path)
        defer { TemporaryFiles.shared.unregister(temporary.path) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw WriteError(path: path, reason: Self.systemReason(for: folder.path))
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary.path)
            throw WriteError(path: path, reason: reason)
        }
    }

    static func systemReason(for folder: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) { return "the folder does not exist" }
        if !isFolder.boolValue { return "\(folder) is not a folder" }
        if !FileManager.default.isWritableFile(atPath: folder) { return "permission denied" }
        return "the file could not be created"
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// Temporary files being written right now, so an interrupt handler can remove them.
public final class TemporaryFiles: @unchecked Sendable {
    /// The process-wide registry.
    public static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: [String] = []

    func register(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }

    func unregister(_ path: String) {
        lock.lock()
        paths.removeAll { $0 == path }
        lock.unlock()
    }

    /// Removes every registered temporary file (called on interrupt).
    public func removeAll() {
        lock.lock()
        let pending = paths
        paths.removeAll()
        lock.unlock()
        for path in pending { unlink(path) }
    }
}
