import Foundation

/// A source's file glob, optionally with a `{hall_code}` placeholder for systems that export one
/// folder or file per hall: `Input/village/{hall_code}/*.xml`.
struct PathTemplate: Sendable {
    static let placeholder = "{hall_code}"

    /// The glob with the placeholder replaced by `*`, for finding files.
    let glob: String
    /// Matches a found path and captures the hall code, when the template has the placeholder.
    private let pattern: String?

    init(_ template: String) {
        glob = template.replacingOccurrences(of: PathTemplate.placeholder, with: "*")
        guard template.contains(PathTemplate.placeholder) else {
            pattern = nil
            return
        }
        var regex = "^"
        var rest = Substring(template)
        while !rest.isEmpty {
            if rest.hasPrefix(PathTemplate.placeholder) {
                regex += "([^/]+?)"
                rest = rest.dropFirst(PathTemplate.placeholder.count)
                continue
            }
            let character = rest.removeFirst()
            switch character {
            case "*": regex += "[^/]*"
            case "?": regex += "[^/]"
            case "[":
                // A bracket expression: copied as a regex class ([!…] is glob's negation).
                var bracket = "["
                if rest.first == "!" {
                    rest.removeFirst()
                    bracket += "^"
                }
                while let next = rest.first, next != "]" {
                    bracket += next == "\\" ? "\\\\" : String(next)
                    rest.removeFirst()
                }
                if rest.first == "]" { rest.removeFirst() }
                regex += bracket + "]"
            default: regex += NSRegularExpression.escapedPattern(for: String(character))
            }
        }
        pattern = regex + "$"
    }

    /// True when the template names the hall through the path.
    var capturesHall: Bool { pattern != nil }

    /// The hall code the path carries, or nil when the template has no placeholder (or it does not match).
    func hallCode(in path: String) -> String? {
        guard let pattern, let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(path.startIndex..., in: path)
        guard let match = regex.firstMatch(in: path, range: range), match.numberOfRanges > 1,
            let captured = Range(match.range(at: 1), in: path)
        else { return nil }
        return String(path[captured])
    }
}
