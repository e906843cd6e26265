/// Masks Chinese resident ID numbers (18 characters: 17 digits and a digit or X) in free text,
/// keeping the first 6 and the last 4 characters: `520502198803150012` → `520502********0012`.
///
/// Errs on the side of privacy: any run of 18 or more digits (the last may be X) is masked the same
/// way, since an ID glued to other digits cannot be told apart from them.
enum IDMasker {
    /// `text` with every ID-like run masked.
    /// - Complexity: O(n) in the length of `text`.
    static func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        var changed = false
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]) else {
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            if end < scalars.count, scalars[end] == "X" || scalars[end] == "x", end - i >= 17 { end += 1 }
            if end - i >= 18 {
                for j in (i + 6)..<(end - 4) { scalars[j] = "*" }
                changed = true
            }
            i = end
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
