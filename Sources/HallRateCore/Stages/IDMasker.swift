/// Masks Chinese resident ID numbers (18 characters: 17 digits and a digit or X) in free text,
/// keeping the first 6 and the last 4 characters: `520502198803150012` → `520502********0012`.
///
/// Errs on the side of privacy: any run of 18 or more digits (the last may be X) is masked the same
/// way, since an ID glued to other digits cannot be told apart from them. Digits may be full-width
/// (`５２０５０２…`, as some forms write them), and one separator may stand between two digits (a
/// space, an ideographic space, a dash or a zero-width character: `520502 19880315 0012`); the digits
/// are masked, the separators kept.
enum IDMasker {
    /// The bytes of `id` with every ID-like run masked, or nil when there is nothing to mask; most ids have
    /// fewer than 17 digits, and cost a count, not a String.
    static func masked(_ id: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var digits = 0
        for byte in id where byte &- 0x30 < 10 { digits += 1 }
        guard digits >= 17 else { return nil }  // 17 digits and an X is the shortest ID number (full-width ones
        // were made half-width by normalisation)
        let text = String(decoding: id, as: UTF8.self)
        let result = mask(text)
        return result == text ? nil : Array(result.utf8)
    }

    /// `text` with every ID-like run masked.
    /// - Complexity: O(n) in the length of `text`.
    static func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var changed = false
        var i = 0
        var digits: [Int] = []  // positions of the run's digits (and final X)
        while i < scalars.count {
            guard isDigit(scalars[i]) else {
                i += 1
                continue
            }
            digits.removeAll(keepingCapacity: true)
            var end = i
            while end < scalars.count {
                if isDigit(scalars[end]) {
                    digits.append(end)
                    end += 1
                } else if isJoiner(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            // A final X after 17 or more digits (possibly after one separator) is the check character.
            var last = end
            if last < scalars.count, !isX(scalars[last]), isJoiner(scalars[last]), last + 1 < scalars.count, isX(scalars[last + 1]) {
                last += 1
            }
            if last < scalars.count, isX(scalars[last]), digits.count >= 17 {
                digits.append(last)
                end = last + 1
            }
            if digits.count >= 18 {
                for position in digits[6..<(digits.count - 4)] { scalars[position] = "*" }
                changed = true
            }
            i = end
        }
        guard changed else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// A decimal digit, ASCII or full-width.
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("\u{FF10}"..."\u{FF19}").contains(scalar)
    }

    /// The check character X, ASCII or full-width, either case.
    private static func isX(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "X" || scalar == "x" || scalar == "\u{FF38}" || scalar == "\u{FF58}"
    }

    /// A character that may stand between two digits of one number: a space (also ideographic or
    /// no-break), a dash or hyphen, or a zero-width character.
    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0xA0, 0x3000, 0x2D, 0x2010...0x2015, 0x2212, 0xFF0D, 0x200B...0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// A value from the applicant ID column: masked like an ID when it is one, otherwise hidden whole.
    static func maskApplicantID(_ value: String) -> String {
        let masked = mask(value)
        if masked != value || value.isEmpty { return masked }
        return String(repeating: "*", count: value.count)
    }
}
