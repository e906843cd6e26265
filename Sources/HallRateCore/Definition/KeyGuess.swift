/// The known key a misspelt one most likely meant.
enum KeyGuess {
    /// The known key nearest to a misspelt one (at most 2 edits, or a different case), if any.
    static func closest(to word: String, among known: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in 1...max(b.count, 1) where !b.isEmpty {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
        let lowered = Array(word.lowercased())
        guard lowered.count <= 64 else { return nil }
        let ranked = known.map { ($0, distance(lowered, Array($0))) }.min { $0.1 < $1.1 }
        return ranked.flatMap { $0.1 <= 2 ? $0.0 : nil }
    }
}
