/// The five export layouts (hall systems): which halls use each, where its files go, and how their bytes are laid
/// out. Words and dates are in `ExportLayout+Vocabulary.swift`, columns and records in `ExportLayout+Fields.swift`.
enum ExportLayout: CaseIterable {
    /// `district/district_YYYY-MM.csv`: the district center; UTF-8 with BOM, CRLF.
    case district
    /// `township/township_YYYY-MM.csv`: the town (镇) centers; UTF-8, LF.
    case township
    /// `street/street_YYYY-MM.txt`: the street (街道) centers, named by hall name or alias; UTF-16LE, TAB, CRLF.
    case street
    /// `village/village_YYYY-MM.csv`: the stations of the first half of the townships; GB18030, CRLF.
    case village
    /// `village-xml/{hall_code}/YYYY-MM.xml`: the stations of the last half, one file per station and month,
    /// the hall known only from the folder; UTF-8, LF.
    case villageXML

    var tier: HallTier {
        switch self {
        case .district: return .district
        case .township, .street: return .township
        case .village, .villageXML: return .village
        }
    }

    /// The folder under the demo directory, also the layout's name in the README.
    var directory: String {
        switch self {
        case .district: return "district"
        case .township: return "township"
        case .street: return "street"
        case .village: return "village"
        case .villageXML: return "village-xml"
        }
    }

    /// The random stream of this layout; fixed per layout so that adding layouts never shifts the others.
    var stream: UInt64 {
        switch self {
        case .district: return 0
        case .township: return 1
        case .village: return 2
        case .street: return 3
        case .villageXML: return 4
        }
    }

    /// Whether `hall` exports through this layout.
    func carries(_ hall: HallRecord) -> Bool {
        guard hall.tier == tier else { return false }
        switch self {
        case .district: return true
        case .township, .street:
            let street = Geography.township(of: hall.code).map { Geography.isStreet($0.name) } ?? false
            return street == (self == .street)
        case .village, .villageXML:
            return Geography.exportsXML(villageCode: hall.code) == (self == .villageXML)
        }
    }

    var format: FileFormat {
        switch self {
        case .district, .township, .village: return .commaSeparated
        case .street: return .tabSeparated
        case .villageXML: return .xml
        }
    }

    /// True when the layout writes one file per hall and month (the hall is known from the path).
    var filePerHall: Bool { self == .villageXML }

    /// The path of one file relative to the demo directory.
    func relativePath(_ month: Month, hallCode: String) -> String {
        switch self {
        case .district, .township, .village: return directory + "/" + directory + "_" + month.label + ".csv"
        case .street: return "street/street_" + month.label + ".txt"
        case .villageXML: return "village-xml/" + hallCode + "/" + month.label + ".xml"
        }
    }

    /// The path pattern, as the README shows it.
    var pathPattern: String {
        switch self {
        case .district, .township, .village: return directory + "/" + directory + "_YYYY-MM.csv"
        case .street: return "street/street_YYYY-MM.txt"
        case .villageXML: return "village-xml/{hall_code}/YYYY-MM.xml"
        }
    }

    var encoding: TextEncoding {
        switch self {
        case .district: return .utf8WithBOM
        case .township, .villageXML: return .utf8
        case .street: return .utf16LEWithBOM
        case .village: return .gb18030
        }
    }

    var lineEnding: String { self == .township || self == .villageXML ? "\n" : "\r\n" }
}
