/// 18-character Chinese resident identity numbers (GB 11643-1999) that pass the check-digit test.
enum ResidentID {
    /// Weights of the first 17 digits in the ISO 7064 MOD 11-2 check.
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432".utf8)
    private static let area = Array("520502".utf8)

    /// A number registered in 七星关区 (area 520502) for someone born 1940–2004.
    static func make(_ rng: inout SplitMix64) -> String {
        var bytes: [UInt8] = []
        append(to: &bytes, rng: &rng)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends 18 bytes: area, birth date, sequence, check character.
    static func append(to bytes: inout [UInt8], rng: inout SplitMix64) {
        let start = bytes.count
        bytes.append(contentsOf: area)
        let year = rng.int(in: 1940...2004)
        let month = rng.int(in: 1...12)
        bytes.appendDigits(year, width: 4)
        bytes.appendDigits(month, width: 2)
        bytes.appendDigits(rng.int(in: 1...Stamp.daysIn(month: month, year: year)), width: 2)
        bytes.appendDigits(rng.int(in: 1...999), width: 3)
        var sum = 0
        for i in 0..<17 { sum += Int(bytes[start + i] &- 48) * weights[i] }
        bytes.append(checkCharacters[sum % 11])
    }

    /// True when `text` is 17 digits followed by the matching check character.
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 18, bytes[0..<17].allSatisfy({ (48...57).contains($0) }) else { return false }
        var sum = 0
        for i in 0..<17 { sum += Int(bytes[i] - 48) * weights[i] }
        return bytes[17] == checkCharacters[sum % 11]
    }
}
