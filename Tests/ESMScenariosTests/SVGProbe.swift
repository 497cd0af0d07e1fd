import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG (or any XML) with Foundation's `XMLParser` and keeps each element's name and
/// attributes, in document order, so tests can read a chart back.
final class SVGProbe: NSObject, XMLParserDelegate {
    /// One parsed element.
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var text = ""

    /// Parses `xml`; nil (with the parser's error recorded) when it is not well-formed.
    static func parse(_ xml: String) -> SVGProbe? {
        let probe = SVGProbe()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = probe
        return parser.parse() ? probe : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    /// Elements named `name` whose attribute `key` is `value`.
    func elements(_ name: String, where key: String, is value: String) -> [Element] {
        elements.filter { $0.name == name && $0.attributes[key] == value }
    }

    /// The number of points in a polyline's `points` attribute.
    static func pointCount(_ polyline: Element) -> Int {
        (polyline.attributes["points"] ?? "").split(separator: " ").count
    }
}
