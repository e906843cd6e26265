import Foundation
import GRDB
import Testing

@testable import HallRateCore

/// L10 (issue 16): a store written by a newer hallrate used to be opened and read as if it were this
/// version's.
@Suite struct StoreVersionTests {
    @Test func aStoreFromANewerVersionIsRefused() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hallrate.sqlite").path
        _ = try Store(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        let error = try #require(throws: HallRateError.self) { _ = try Store(path: path) }
        #expect(error.code == .store)
        #expect(error.message.contains("written by a newer version of hallrate (schema step 'v99: from the future')"))
    }
}
