/// The `--name value` / `--name=value` options after the command word, checked against what it accepts.
struct OptionList {
    private var pairs: [(name: String, value: String)] = []

    init(_ arguments: [String], allowed: [String]) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw UsageError("unexpected argument '\(argument)'") }
            let name: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard index + 1 < arguments.count else { throw UsageError("\(argument) needs a value") }
                name = argument
                value = arguments[index + 1]
                index += 1
            }
            guard allowed.contains(name) else { throw UsageError("unknown option '\(name)'") }
            guard !pairs.contains(where: { $0.name == name }) else { throw UsageError("\(name) given twice") }
            pairs.append((name, value))
            index += 1
        }
    }

    func value(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    static func integer(_ text: String, name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw UsageError("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }
}
