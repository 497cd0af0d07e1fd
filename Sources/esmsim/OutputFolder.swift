import ESMFormats
import ESMScenarios
import Foundation

/// Writes a command's output files into a folder, atomically, saying what it wrote.
enum OutputFolder {
    /// Writes `files` into `folder`; a failed write is reported and gives exit code 1.
    static func write(_ files: [(name: String, text: String)], into folder: String) -> ExitCode {
        do {
            try claiming(folder) { () throws(AtomicFile.WriteError) in
                for file in files {
                    let path = folder + "/" + file.name
                    try AtomicFile.write(file.text, to: path)
                    Console.out("wrote \(path)")
                }
            }
        } catch {
            Console.error("esmsim: \(error.description)")
            return .failure
        }
        return .success
    }

    /// Runs `body` with `folder` claimed, so a second esmsim writing there waits (saying so
    /// on stderr) and the folder never holds a mix of two runs' files.
    static func claiming<Value>(_ folder: String, _ body: () throws(AtomicFile.WriteError) -> Value) throws(AtomicFile.WriteError) -> Value {
        try FolderClaim.whileClaiming(folder, waiting: { Console.error($0) }, body)
    }

    /// `Results/<file name without extension>`, the default folder for a file's outputs.
    static func defaultFolder(for file: String) -> String {
        "Results/" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}
