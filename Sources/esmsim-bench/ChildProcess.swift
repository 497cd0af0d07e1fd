import Foundation

/// Runs a program to completion, returning its stdout, its peak resident memory (KB) and
/// its wall time, measured with wait4 so the memory is the child's alone.
enum ChildProcess {
    static func run(_ program: String, _ arguments: [String]) -> (output: String, peakKB: Int, seconds: Double)? {
        var pipe: [Int32] = [0, 0]
        guard Foundation.pipe(&pipe) == 0 else { return nil }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        guard posix_spawnp(&pid, program, &actions, nil, argv, environ) == 0 else { return nil }
        close(pipe[1])
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count <= 0 { break }
            output.append(buffer, count: count)
        }
        close(pipe[0])
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Date().timeIntervalSince(start)
        guard status == 0 else { return nil }
        return (String(decoding: output, as: UTF8.self), Int(usage.ru_maxrss), seconds)
    }
}
