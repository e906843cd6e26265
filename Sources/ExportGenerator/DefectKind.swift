/// The kinds of defect the demo plants, with how many rows of each go into each layout.
enum DefectKind: CaseIterable {
    /// The same transaction number again, later in the same or the next month's file, with a later update time.
    case duplicate
    /// A hall code missing from `halls.csv`.
    case unknownHall
    /// An empty transaction number.
    case missingID
    /// An acceptance time that is no calendar date (2019-02-30, month 13).
    case impossibleDate
    /// An acceptance time that is no date at all (`待定`).
    case garbledDate
    /// A channel word no value map knows (`传真`).
    case unknownChannel
    /// A status word no value map knows (`挂起`).
    case unknownStatus
    /// One field too many (an unquoted comma inside a name).
    case extraField
    /// One field too few (the update time left out).
    case missingField
    /// A name starting with `=` (spreadsheet formula injection), on a row whose hall code is also unknown.
    case formulaUnknownHall

    /// Rows of this kind planted in `layout`'s files (for duplicates: transactions exported twice).
    func count(in layout: ExportLayout) -> Int {
        switch self {
        case .duplicate:
            switch layout {
            case .district: return 6
            case .township: return 10
            case .village: return 8
            }
        case .unknownHall, .missingID, .impossibleDate, .unknownChannel, .unknownStatus: return 2
        case .garbledDate, .extraField, .missingField, .formulaUnknownHall: return 1
        }
    }

    var label: String {
        switch self {
        case .duplicate: return "duplicate transaction number (re-exported correction)"
        case .unknownHall: return "unknown hall code"
        case .missingID: return "missing transaction number"
        case .impossibleDate: return "impossible date"
        case .garbledDate: return "garbled date (`待定`)"
        case .unknownChannel: return "unmapped channel (`传真`)"
        case .unknownStatus: return "unmapped status (`挂起`)"
        case .extraField: return "one field too many"
        case .missingField: return "one field too few"
        case .formulaUnknownHall: return "formula injection (`=`…) + unknown hall code"
        }
    }

    /// What a correct pipeline does with the row.
    var expectation: String {
        switch self {
        case .duplicate: return "keep the copy with the later update time; count the transaction once"
        case .formulaUnknownHall: return "reject (unknown hall); neutralise the formula in the rejects file"
        default: return "reject"
        }
    }
}
