// libFuzzer's entry point for hallrate's parsers (see scripts/fuzz.sh and docs/fuzzing.md). Built with
// `swift build --sanitize=fuzzer --sanitize=address --product hallrate-fuzz`, libFuzzer provides `main`;
// this file holds no top-level code, only the function libFuzzer calls with each input.
import Foundation
import HallRateCore

/// The parser under test, from `HALLRATE_FUZZ_TARGET` (csv, xml, date, encoding, registry, pipeline).
enum Selected {
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["HALLRATE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set HALLRATE_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Selected.target.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
