/// Masks Chinese resident ID numbers (18 characters: 17 digits and a digit or X) in free text,
/// keeping the first 6 and the last 4 characters: `520502198803150012` → `520502********0012`.
enum IDMasker {
    /// `text` with every ID-like run masked. Runs longer than 18 digits are left alone (they are not IDs).
    static func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isIDChar(_ s: Unicode.Scalar) -> Bool { isDigit(s) || s == "X" || s == "x" }
        var i = 0
        var changed = false
        while i + 18 <= scalars.count {
            let before = i > 0 ? scalars[i - 1] : nil
            let window = scalars[i..<i + 18]
            let after = i + 18 < scalars.count ? scalars[i + 18] : nil
            if before.map(isIDChar) != true, after.map(isIDChar) != true,
                window.prefix(17).allSatisfy(isDigit), isIDChar(scalars[i + 17])
            {
                for j in (i + 6)..<(i + 14) { scalars[j] = "*" }
                changed = true
                i += 18
            } else {
                i += 1
            }
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// A value from the applicant ID column: masked like an ID when it is one, otherwise hidden whole.
    static func maskApplicantID(_ value: String) -> String {
        let masked = mask(value)
        if masked != value || value.isEmpty { return masked }
        return String(repeating: "*", count: value.count)
    }
}
