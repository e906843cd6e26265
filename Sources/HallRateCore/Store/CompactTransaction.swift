/// A transaction as the store keeps it: 32 bytes, whatever the length of its id.
///
/// Only what deduplication and the figures need: the key of the id, `updated_at`, the month and day of
/// acceptance, `completed_at` to the minute, the hall, the item and the department (each an index into
/// the codes of the file it came from, so that a registry change cannot reinterpret stored rows) and the
/// channel and status. Stored in chunks of consecutive rows of one file, each chunk sorted by key
/// (stably, so equal keys keep their reading order).
struct CompactTransaction: Equatable {
    /// ``TransactionKey`` of the txn_id.
    var key: UInt64
    /// `updated_at` in seconds (``LocalTime``), or ``noUpdate``.
    var updatedAt: Int64
    /// ``Period/index``.
    var period: Int32
    /// `completed_at` in minutes (``LocalTime`` / 60), or one of ``CompletedAt``'s marks.
    var completed: Int32
    /// Index into the file's hall codes.
    var hall: UInt16
    /// Index into the file's item codes (``notRecorded`` when its source maps no `item_code`, or the row
    /// was stored by version 2 or older).
    var item: UInt16
    /// Index into the file's departments, the same way.
    var department: UInt16
    /// `channel × 8 + status`, both as their position in `allCases`.
    var kind: UInt8
    /// The day of the month of `accepted_at` (1–31), for the month's data cut-off; 0 when unknown
    /// (rows stored before version 2 of the fingerprint, whose byte here was padding).
    var day: UInt8

    /// `updatedAt` of a row without `updated_at`.
    static let noUpdate = Int64.min
    /// The bytes of one stored transaction (the layout is the struct's own, little-endian).
    static let byteCount = 32
    /// `item` or `department` of a row whose source does not map the field.
    static let notRecorded = UInt16.max

    init(
        key: TransactionKey, updatedAt: LocalTime?, period: Period, day: Int = 0, hall: UInt16, channel: Channel,
        status: Status, completed: Transaction.Completion = .none, item: UInt16 = notRecorded,
        department: UInt16 = notRecorded
    ) {
        self.key = key.rawValue
        self.updatedAt = updatedAt?.seconds ?? CompactTransaction.noUpdate
        self.period = Int32(truncatingIfNeeded: period.index)
        self.completed = completed.stored
        self.hall = hall
        self.item = item
        self.department = department
        self.kind = CompactTransaction.kind(channel, status)
        self.day = (1...31).contains(day) ? UInt8(day) : 0
    }

    /// The day of acceptance when it is one (a byte of an older row can hold anything).
    var acceptedDay: Int { day <= 31 ? Int(day) : 0 }

    /// True for every status but withdrawn (contract rule 4).
    var isCounted: Bool { kind & 7 != 3 }

    /// Per stored row, so a switch, not a search of `allCases` (the getters below undo it).
    static func kind(_ channel: Channel, _ status: Status) -> UInt8 {
        let c: UInt8
        switch channel {
        case .window: c = 0
        case .online: c = 1
        case .mobile: c = 2
        case .kiosk: c = 3
        case .other: c = 4
        }
        let s: UInt8
        switch status {
        case .completed: s = 0
        case .inProgress: s = 1
        case .rejected: s = 2
        case .withdrawn: s = 3
        }
        return c * 8 + s
    }

    /// The number of distinct `kind` values a counts table needs room for.
    static let kindCount = (Channel.allCases.count - 1) * 8 + Status.allCases.count

    /// `completed_at` as stored.
    var completion: Transaction.Completion { Transaction.Completion(stored: completed) }

    var channel: Channel { Channel.allCases[Int(kind >> 3) % Channel.allCases.count] }
    var status: Status { Status.allCases[Int(kind & 7) % Status.allCases.count] }
    var hasUpdate: Bool { updatedAt != CompactTransaction.noUpdate }
}
