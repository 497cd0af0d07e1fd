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

        /// `path` could not be written, for `reason`.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `text` to `path`, creating parent folders as needed.
    ///
    /// The bytes go to our own registered temporary file, never Foundation's atomic
    /// write, whose hidden temporary file an interrupt would leave behind.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let (folder, temporary) = try prepare(path)
        TemporaryFiles.shared.register(temporary.path)
        defer { TemporaryFiles.shared.unregister(temporary.path) }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw WriteError(path: path, reason: errno == ENOSPC ? spaceReason : Self.systemReason(for: folder.path))
        }
        var copy = text
        let failure: Int32? = copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        let closeFailure = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closeFailure {
            unlink(temporary.path)
            throw WriteError(path: path, reason: reason(forErrno: code))
        }
        if rename(temporary.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary.path)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// What a full disk is called in every message.
    public static let spaceReason = "no space left on device"

    /// `code` in words, a full disk named as such on every platform.
    public static func reason(forErrno code: Int32) -> String {
        code == ENOSPC ? spaceReason : String(cString: strerror(code))
    }

    /// Creates `path`'s folder as needed; returns it and the temporary file to write
    /// before the rename, hidden and named after the process so writers never share one.
    ///
    /// Refuses an empty path, and a path that holds anything but a regular file (a
    /// folder, a device such as /dev/null, a link, a pipe): renaming over it would
    /// replace it.
    static func prepare(_ path: String) throws(WriteError) -> (folder: URL, temporary: URL) {
        if let obstacle = OutputTarget.obstacle(toWriting: path) { throw WriteError(path: path, reason: obstacle) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create folder \(folder.path): \(Self.obstacle(to: folder) ?? Self.describe(error))")
        }
        return (folder, folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"))
    }

    public static func systemReason(for folder: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) { return "the folder does not exist" }
        if !isFolder.boolValue { return "\(folder) is not a folder" }
        if !FileManager.default.isWritableFile(atPath: folder) { return "permission denied" }
        if errno == ENOSPC { return spaceReason }
        return "the file could not be created"
    }

    /// Why `folder` cannot be created, read off its nearest existing ancestor: a file
    /// in the way, or a folder the user may not write to. Foundation's own error says
    /// neither on every platform.
    public static func obstacle(to folder: URL) -> String? {
        var ancestor = folder.deletingLastPathComponent()
        while ancestor.path != "/" && !FileManager.default.fileExists(atPath: ancestor.path) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) else { return nil }
        if !isFolder.boolValue { return "\(ancestor.path) is a file, not a folder" }
        if !FileManager.default.isWritableFile(atPath: ancestor.path) { return "permission denied in \(ancestor.path)" }
        return nil
    }

    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}

/// Temporary files being written right now, so an interrupt handler can remove them.
///
/// The handler runs inside a signal, where taking a lock or allocating can deadlock (the
/// interrupted code may hold that lock, or malloc's), so the paths live in fixed slots
/// of C strings that `removeAll` reads without locking or allocating, and updates run
/// with SIGINT and SIGTERM blocked so the handler never sees a slot half-changed.
public final class TemporaryFiles: @unchecked Sendable {
    /// The process-wide registry.
    public static let shared = TemporaryFiles()
    /// Files written at once; writes are sequential, so a handful is plenty. A file
    /// beyond this is still written, just not removed on interrupt.
    public static let capacity = 64
    private let lock = NSLock()
    private let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    private init() {
        slots = .allocate(capacity: Self.capacity)
        slots.initialize(repeating: nil, count: Self.capacity)
    }

    public func register(_ path: String) {
        Self.withInterruptsBlocked {
            lock.withLock {
                guard let free = (0..<Self.capacity).first(where: { slots[$0] == nil }) else { return }
                slots[free] = strdup(path)
            }
        }
    }

    public func unregister(_ path: String) {
        Self.withInterruptsBlocked {
            lock.withLock {
                guard let index = (0..<Self.capacity).first(where: { slots[$0].map { strcmp($0, path) == 0 } ?? false }) else { return }
                let copy = slots[index]
                slots[index] = nil
                free(copy)
            }
        }
    }

    /// Does nothing but make sure the registry exists (Swift creates `shared` lazily, on
    /// first use), so that a signal handler never is that first use.
    public func prepare() {}

    /// Removes every registered temporary file; safe to call from a signal handler.
    public func removeAll() {
        for index in 0..<Self.capacity {
            if let path = slots[index] { unlink(path) }
        }
    }

    /// Runs `body` with SIGINT and SIGTERM held back until it returns.
    public static func withInterruptsBlocked(_ body: () -> Void) {
        var interrupts = sigset_t()
        sigemptyset(&interrupts)
        sigaddset(&interrupts, SIGINT)
        sigaddset(&interrupts, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupts, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        body()
    }
}
