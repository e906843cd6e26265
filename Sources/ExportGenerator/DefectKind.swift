/// The kinds of defect the demo plants, with how many rows of each go into each layout.
enum DefectKind: CaseIterable {
    /// The same transaction number again, later in the same or the next month's file, with a later update time.
    case duplicate
    /// A hall missing from `halls.csv`: an unknown code, a name that is no name or alias, or an unknown folder.
    case unknownHall
    /// An empty transaction number (for XML: no 流水号 attribute).
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
    /// An XML record cut off by the end of a damaged file (the file stops mid-element).
    case truncatedRecord

    /// Rows of this kind planted in `layout`'s files (for duplicates: transactions exported twice).
    func count(in layout: ExportLayout) -> Int {
        let perLayout: [Int]  // district, township, street, village, village-xml
        switch self {
        case .duplicate: perLayout = [6, 10, 4, 8, 3]
        case .unknownHall: perLayout = [2, 2, 2, 2, 3]
        case .missingID: perLayout = [2, 2, 1, 2, 1]
        case .impossibleDate: perLayout = [2, 2, 2, 2, 1]
        case .unknownChannel: perLayout = [2, 2, 2, 2, 0]
        case .unknownStatus: perLayout = [2, 2, 1, 2, 2]
        case .garbledDate, .extraField, .missingField, .formulaUnknownHall: perLayout = [1, 1, 0, 1, 0]
        case .truncatedRecord: perLayout = [0, 0, 0, 0, 1]
        }
        return perLayout[ExportLayout.allCases.firstIndex(of: layout) ?? 0]
    }

    /// The reject reason a correct pipeline gives the row; nil for duplicates, which are not rejected.
    var reason: RejectReason? {
        switch self {
        case .duplicate: return nil
        case .unknownHall, .formulaUnknownHall: return .unknownHall
        case .missingID: return .missingField
        case .impossibleDate, .garbledDate: return .badDate
        case .unknownChannel: return .unmappedChannel
        case .unknownStatus: return .unmappedStatus
        case .extraField, .missingField: return .fieldCount
        case .truncatedRecord: return .malformedRecord
        }
    }

    var label: String {
        switch self {
        case .duplicate: return "duplicate transaction number (re-exported correction)"
        case .unknownHall: return "unknown hall (code, name or folder)"
        case .missingID: return "missing transaction number"
        case .impossibleDate: return "impossible date"
        case .garbledDate: return "garbled date (`待定`)"
        case .unknownChannel: return "unmapped channel (`传真`)"
        case .unknownStatus: return "unmapped status (`挂起`)"
        case .extraField: return "one field too many"
        case .missingField: return "one field too few"
        case .formulaUnknownHall: return "formula injection (`=`…) + unknown hall code"
        case .truncatedRecord: return "truncated record (damaged XML file)"
        }
    }

    /// What a correct pipeline does with the row.
    var expectation: String {
        switch self {
        case .duplicate: return "keep the copy with the later update time; count the transaction once"
        case .formulaUnknownHall: return "reject (`unknown_hall`); neutralise the formula in the rejects file"
        case .truncatedRecord:
            return "reject (`malformed_record`), 1 row at the line of its `<办件` tag; "
                + "keep the complete records before it"
        default: return "reject (`" + (reason?.rawValue ?? "") + "`)"
        }
    }
}
