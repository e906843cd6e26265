/// The reject reasons of the hallrate pipeline that the planted defects trigger, with their stable codes.
enum RejectReason: String, CaseIterable {
    case fieldCount = "field_count"
    case missingField = "missing_field"
    case unknownHall = "unknown_hall"
    case badDate = "bad_date"
    case unmappedChannel = "unmapped_channel"
    case unmappedStatus = "unmapped_status"
    case malformedRecord = "malformed_record"
}
