/// Where a field sits inside an XML record: child elements, then optionally an attribute.
///
/// Written as in the pipeline: `编号`, `申请人/证件号码`, `hall/@code`, `@id`, `b:办件/b:编号`.
/// A prefix names a namespace from the source's `namespaces` table; a name without prefix is in no
/// namespace (bind a prefix to a document's default namespace to reach its elements).
package struct XMLPath: Hashable, Sendable, CustomStringConvertible {
    /// A namespace-qualified name.
    package struct Name: Hashable, Sendable {
        package let namespace: String
        package let local: String
    }

    package let elements: [Name]
    package let attribute: Name?
    package let description: String

    /// Why a path could not be parsed.
    package struct Invalid: Error {
        package let reason: String
    }

    /// Parses `text`, resolving prefixes with `namespaces`.
    /// - Throws: ``Invalid`` with the reason.
    package static func parse(_ text: String, namespaces: [String: String]) throws(Invalid) -> XMLPath {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var elements: [Name] = []
        var attribute: Name?
        for (index, part) in parts.enumerated() {
            var name = part
            let isAttribute = name.hasPrefix("@")
            if isAttribute {
                guard index == parts.count - 1 else { throw Invalid(reason: "an attribute (@…) can only end a path") }
                name.removeFirst()
            }
            guard !name.isEmpty else { throw Invalid(reason: "empty step in path '\(text)'") }
            let pieces = name.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2, !pieces.contains(where: \.isEmpty) else {
                throw Invalid(reason: "'\(name)' is not a name or prefix:name")
            }
            var qualified = Name(namespace: "", local: name)
            if pieces.count == 2 {
                guard let uri = namespaces[pieces[0]] else {
                    throw Invalid(reason: "prefix '\(pieces[0])' is not in namespaces")
                }
                qualified = Name(namespace: uri, local: pieces[1])
            }
            if isAttribute { attribute = qualified } else { elements.append(qualified) }
        }
        return XMLPath(elements: elements, attribute: attribute, description: text)
    }
}
