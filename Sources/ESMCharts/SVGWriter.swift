/// Builds SVG text element by element.
///
/// Attributes are ordered pairs, never a dictionary, so the same drawing always produces
/// the same bytes; every attribute value and text node is escaped here, so callers pass
/// plain strings (scenario names may hold `&` or `<`).
public struct SVGWriter {
    /// An attribute name and its unescaped value.
    public typealias Attribute = (name: String, value: String)

    private var lines: [String] = []
    private var depth = 0

    /// Starts a document of `width` x `height` user units with a white background.
    public init(width: Int, height: Int, title: String) {
        lines.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", String(width)), ("height", String(height)),
            ("viewBox", "0 0 \(width) \(height)"), ("font-family", "Helvetica, Arial, sans-serif"),
        ])
        element("title", [], text: title)
        element("rect", [("width", String(width)), ("height", String(height)), ("fill", "#ffffff")])
    }

    /// Adds an empty element, or one holding `text`.
    public mutating func element(_ name: String, _ attributes: [Attribute], text: String? = nil) {
        let start = "<" + name + Self.render(attributes)
        if let text {
            append(start + ">" + Markup.escape(text) + "</" + name + ">")
        } else {
            append(start + "/>")
        }
    }

    /// Opens an element whose children follow until the matching `close`.
    public mutating func open(_ name: String, _ attributes: [Attribute]) {
        append("<" + name + Self.render(attributes) + ">")
        depth += 1
    }

    /// Closes the element opened last.
    public mutating func close(_ name: String) {
        depth -= 1
        append("</" + name + ">")
    }

    /// The finished document, ending with a newline: closes the root element. Without
    /// the XML declaration the text can be inlined in HTML, where a declaration is invalid.
    public func finished(declaration: Bool = true) -> String {
        var copy = self
        copy.close("svg")
        return copy.lines.dropFirst(declaration ? 0 : 1).joined(separator: "\n") + "\n"
    }

    private mutating func append(_ line: String) {
        lines.append(String(repeating: "  ", count: max(0, depth)) + line)
    }

    private static func render(_ attributes: [Attribute]) -> String {
        attributes.map { " " + $0.name + "=\"" + Markup.escape($0.value) + "\"" }.joined()
    }
}
