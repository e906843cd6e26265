import Foundation

/// Runs a reader on a thread of its own and hands its records, in order, to the thread that maps
/// and stores them, a batch at a time: parsing and mapping then use both cores.
///
/// The reader's records are copied into batches of ``batchRecords`` (``record(_:)``), or its own
/// batches are passed on whole (``take(_:)``, the CSV reader's way: no copy); at most ``capacity``
/// batches wait at a time, so memory stays small whatever the file. An error of the reader reaches
/// the consumer when it asks for the result; an error of the consumer cancels the reader.
final class RecordPipe<Summary: Sendable>: @unchecked Sendable {
    /// What the reader produced, in order.
    enum Event {
        case header([String])
        case records(RecordBatch)
    }

    static var batchRecords: Int { 2048 }
    /// Enough for the reader to keep going while the mapping thread sorts and stores a run of 2M rows
    /// (about 64k records, 14 MB of bench rows; with 3, each of those pauses stopped the reader too).
    static var capacity: Int { 32 }

    private let condition = NSCondition()
    // Guarded by `condition`:
    private var queue: [Event] = []
    private var spare: [RecordBatch] = []
    private var outcome: Result<Summary, Error>?
    private var cancelled = false
    // The reader's own:
    private var filling = RecordBatch()

    /// The reader was stopped because the consumer failed.
    struct Cancelled: Error {}

    /// Starts `read` on a new thread; it reports through the `RecordPipe` it is given.
    init(_ read: @escaping @Sendable (RecordPipe) throws -> Summary) {
        let thread = Thread { [self] in
            let result = Result { try read(self) }
            if case .success = result { try? self.flush() }
            condition.lock()
            outcome = result
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    // MARK: The reader's side

    /// Passes the header on.
    func header(_ names: [String]) throws {
        try flush()
        try push(.header(names))
    }

    /// Copies a record into the batch being filled.
    func record(_ record: RawRecord) throws {
        filling.append(record)
        if filling.records.count >= Self.batchRecords { try flush() }
    }

    /// Passes a batch of complete records on whole, after the records copied so far, and leaves an
    /// empty batch (a consumed one, when there is one to reuse) in its place.
    func take(_ batch: inout RecordBatch) throws {
        try flush()
        condition.lock()
        var next = spare.popLast() ?? RecordBatch()
        condition.unlock()
        swap(&batch, &next)
        try push(.records(next))
    }

    private func flush() throws {
        guard !filling.records.isEmpty else { return }
        condition.lock()
        let next = spare.popLast() ?? RecordBatch()
        condition.unlock()
        let full = filling
        filling = next
        try push(.records(full))
    }

    private func push(_ event: Event) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append(event)
        condition.broadcast()
    }

    // MARK: The consumer's side

    /// The next event, or nil once the reader is done (successfully or not).
    func next() -> Event? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && outcome == nil { condition.wait() }
        guard !queue.isEmpty else { return nil }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// Gives a consumed batch back for reuse.
    func recycle(_ batch: RecordBatch) {
        var batch = batch
        batch.removeAll()
        condition.lock()
        if spare.count < Self.capacity { spare.append(batch) }
        condition.unlock()
    }

    /// The reader's summary, once ``next()`` returned nil.
    /// - Throws: what the reader threw.
    func result() throws -> Summary {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        guard let outcome else { throw Cancelled() }
        return try outcome.get()
    }

    /// Stops the reader after a failure of the consumer, and waits until it has stopped.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while outcome == nil { condition.wait() }
        condition.unlock()
    }

    /// Hands every event to `header` and `record` on the calling thread, in order, and returns the
    /// reader's summary. When `header` or `record` throws, the reader is stopped first.
    func drain(header: ([String]) throws -> Void, record: (RawRecord) throws -> Void) throws -> Summary {
        do {
            while let event = next() {
                switch event {
                case .header(let names):
                    try header(names)
                case .records(let batch):
                    try batch.forEach(record)
                    recycle(batch)
                }
            }
        } catch {
            cancel()
            throw error
        }
        return try result()
    }
}
