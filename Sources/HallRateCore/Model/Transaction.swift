/// A canonical transaction (办件) after mapping and validation: only what the metrics need.
///
/// `applicant_id` is never carried past the mapper, so it cannot reach any output.
public struct Transaction: Sendable {
    public let txnID: String
    /// The deduplication key: the hash of `txnID`.
    public let key: TransactionKey
    /// Index of the hall in the ``HallRegistry``.
    public let hall: Int
    public let channel: Channel
    public let status: Status
    public let updatedAt: LocalTime?
    /// The calendar month of the acceptance time (受理时间), in Shanghai.
    public let period: Period

    public init(txnID: String, hall: Int, channel: Channel, status: Status, acceptedAt: LocalTime, updatedAt: LocalTime?) {
        self.init(txnID: txnID, hall: hall, channel: channel, status: status, period: acceptedAt.period, updatedAt: updatedAt)
    }

    /// A transaction as the store keeps it: the month, not the exact acceptance time.
    public init(txnID: String, hall: Int, channel: Channel, status: Status, period: Period, updatedAt: LocalTime?) {
        self.txnID = txnID
        self.key = TransactionKey(txnID)
        self.hall = hall
        self.channel = channel
        self.status = status
        self.period = period
        self.updatedAt = updatedAt
    }
}
