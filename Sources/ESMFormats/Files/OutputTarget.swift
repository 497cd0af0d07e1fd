import Foundation

/// What may be written: a new path or a regular file, never a device, folder, link or
/// pipe that an output would silently replace or write through.
public enum OutputTarget {
    /// Why `path` may not be written as a file, or nil when it may.
    public static func obstacle(toWriting path: String) -> String? {
        if path.isEmpty { return "an empty path names no file" }
        if path.hasSuffix("/") { return "\(path) names a folder, not a file" }
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "\(path) is a folder, not a file"
        case S_IFLNK: return "\(path) is a symbolic link; esmsim writes only to regular files or new paths"
        default: return "\(path) is not a regular file (a device, pipe or socket); esmsim writes only to regular files or new paths"
        }
    }

    /// Why `path` may not be used as an output folder, or nil when it may: it must be
    /// given (an empty path would mean the file system's root) and be a folder if it exists.
    public static func obstacle(toFolder path: String) -> String? {
        if path.isEmpty { return "an empty path names no folder" }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            return "\(path) is a file, not a folder"
        }
        return nil
    }
}
