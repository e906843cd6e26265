/// What the command line asks for.
enum Command: Equatable {
    case help
    case demo(DemoOptions)
    case bench(BenchOptions)

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) { return .help }
        guard let verb = arguments.first else { throw UsageError("missing command") }
        let rest = Array(arguments.dropFirst())
        switch verb {
        case "help":
            return .help
        case "demo":
            return .demo(try DemoOptions(OptionList(rest, allowed: ["--out"])))
        case "bench":
            return .bench(try BenchOptions(OptionList(rest, allowed: ["--rows", "--out", "--seed", "--halls", "--months",
                                                                       "--format", "--id-prefix"])))
        default:
            throw UsageError("unknown command '\(verb)'")
        }
    }
}
