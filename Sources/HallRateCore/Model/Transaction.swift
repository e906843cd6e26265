/// A canonical transaction (办件) after mapping and validation: only what the metrics need.
///
/// `applicant_id` is never carried past the mapper, so it cannot reach any output. Nor is `txn_id`
/// itself: only its ``TransactionKey``, computed from the normalised bytes without building a `String`.
public struct Transaction: Sendable {
    /// The deduplication key: the hash of the normalised `txn_id`.
    public let key: TransactionKey
    /// Index of the hall in the ``HallRegistry``.
    public let hall: Int
    public let channel: Channel
    public let status: Status
    public let updatedAt: LocalTime?
    /// The calendar month of the acceptance time (受理时间), in Shanghai.
    public let period: Period

    public init(key: TransactionKey, hall: Int, channel: Channel, status: Status, acceptedAt: LocalTime, updatedAt: LocalTime?) {
        self.init(key: key, hall: hall, channel: channel, status: status, period: acceptedAt.period, updatedAt: updatedAt)
    }

    /// A transaction as the store keeps it: the month, not the exact acceptance time.
    public init(key: TransactionKey, hall: Int, channel: Channel, status: Status, period: Period, updatedAt: LocalTime?) {
        self.key = key
        self.hall = hall
        self.channel = channel
        self.status = status
        self.period = period
        self.updatedAt = updatedAt
    }
}
