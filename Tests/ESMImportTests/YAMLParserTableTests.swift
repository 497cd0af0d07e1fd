import XCTest
import ESMScenarios
@testable import ESMImport

/// The YAML subset templates use, case by case: each text and the JSON it reads as (the
/// CloudFormation reading: core-schema scalars, short-form tags as long forms), or the
/// error with its line and column.
final class YAMLParserTableTests: XCTestCase {
    /// Parses `yaml` and returns its compact JSON, or `line:column: message`.
    static func read(_ yaml: String) -> String {
        do {
            return try YAMLParser.parse(yaml).cloudFormationJSON().compactJSON
        } catch {
            return "\(error.line):\(error.column): \(error.message)"
        }
    }

    func testScalars() {
        let cases: [(String, String)] = [
            ("a: 1", #"{"a":1}"#),
            ("a: -2.5e3", #"{"a":-2500}"#),
            ("a: 0x1F", #"{"a":31}"#),
            ("a: 0o17", #"{"a":15}"#),
            ("a: true\nb: False\nc: null\nd: ~\ne:", #"{"a":true,"b":false,"c":null,"d":null,"e":null}"#),
            ("a: yes", #"{"a":"yes"}"#),
            ("a: 2010-09-09", #"{"a":"2010-09-09"}"#),
            ("a: .inf", #"{"a":".inf"}"#),
            ("a: '100'", #"{"a":"100"}"#),
            ("a: \"true\"", #"{"a":"true"}"#),
            ("a: 'it''s'", #"{"a":"it's"}"#),
            (#"a: "tab\there \u00e9 \x41 \"q\"""#, "{\"a\":\"tab\\there é A \\\"q\\\"\"}"),
            ("a: plain text with spaces   # comment", #"{"a":"plain text with spaces"}"#),
            ("a: http://example.com:8080/x#frag", #"{"a":"http://example.com:8080/x#frag"}"#),
            ("a: one\n  two\n\n  three\nb: 1", #"{"a":"one two\nthree","b":1}"#),
            ("a: 'one\n  two'", #"{"a":"one two"}"#),
            ("a: \"one \\\n  two\"", #"{"a":"one two"}"#),
            ("\"quoted key\": 1\n'single': 2", #"{"quoted key":1,"single":2}"#),
            ("arn:aws:kafka:x: 1", #"{"arn:aws:kafka:x":1}"#),
            ("", "null"),
            ("--- \n a: 1\n...\n", #"{"a":1}"#),
            ("\u{FEFF}a: 1\r\nb: 2\r\n", #"{"a":1,"b":2}"#),
        ]
        for (yaml, expected) in cases { XCTAssertEqual(Self.read(yaml), expected, yaml) }
    }

    func testNestingAndSequences() {
        let cases: [(String, String)] = [
            ("a:\n  b:\n    c: 1\n  d: 2\ne: 3", #"{"a":{"b":{"c":1},"d":2},"e":3}"#),
            ("a:\n- 1\n- 2\nb: x", #"{"a":[1,2],"b":"x"}"#),
            ("a:\n  - 1\n  -\n  - c: 1\n    d: 2\n  - - x\n    - y", #"{"a":[1,null,{"c":1,"d":2},["x","y"]]}"#),
            ("- a\n- b: 1\n  c:\n    - z", #"["a",{"b":1,"c":["z"]}]"#),
            ("# header\n\na: 1 # trailing\n\n# between\nb: 2\n", #"{"a":1,"b":2}"#),
            ("a: &anchor\n  x: 1\nb: *anchor", #"{"a":{"x":1},"b":{"x":1}}"#),
            ("a: &n 5\nb: [*n, *n]", #"{"a":5,"b":[5,5]}"#),
        ]
        for (yaml, expected) in cases { XCTAssertEqual(Self.read(yaml), expected, yaml) }
    }

    func testFlowCollections() {
        let cases: [(String, String)] = [
            ("a: [1, two, 'three', \"four\"]", #"{"a":[1,"two","three","four"]}"#),
            ("a: {b: 1, c: [x, y], d: {}}", #"{"a":{"b":1,"c":["x","y"],"d":{}}}"#),
            ("a: [\n  1,\n  2, # two\n  3,\n]", #"{"a":[1,2,3]}"#),
            ("{\"a\": 1, \"b\": [true, null]}", #"{"a":1,"b":[true,null]}"#),
            ("a: [k: v]", #"{"a":[{"k":"v"}]}"#),
            ("a: [http://x:1/y, b]", #"{"a":["http://x:1/y","b"]}"#),
            ("a: []\nb: {}", #"{"a":[],"b":{}}"#),
        ]
        for (yaml, expected) in cases { XCTAssertEqual(Self.read(yaml), expected, yaml) }
    }

    func testBlockScalars() {
        let cases: [(String, String)] = [
            ("a: |\n  line 1\n  line 2\nb: 1", #"{"a":"line 1\nline 2\n","b":1}"#),
            ("a: |-\n  line 1\n\n  line 2\n\n", #"{"a":"line 1\n\nline 2"}"#),
            ("a: |+\n  x\n\nb: 1", #"{"a":"x\n\n","b":1}"#),
            ("a: >\n  folded\n  text\n\n  para\n    indented\n  end\n", #"{"a":"folded text\npara\n  indented\nend\n"}"#),
            ("a: |2\n    two extra\n  base\n", #"{"a":"  two extra\nbase\n"}"#),
            ("a: | # comment\n  # not a comment\n", ##"{"a":"# not a comment\n"}"##),
            ("a: |\nb: 1", #"{"a":"","b":1}"#),
            ("- |\n  x\n- y", #"["x\n","y"]"#),
        ]
        for (yaml, expected) in cases { XCTAssertEqual(Self.read(yaml), expected, yaml) }
    }

    func testCloudFormationTags() {
        let cases: [(String, String)] = [
            ("a: !Ref MyFunction", #"{"a":{"Ref":"MyFunction"}}"#),
            ("a: !GetAtt Cluster.Arn", #"{"a":{"Fn::GetAtt":["Cluster","Arn"]}}"#),
            ("a: !GetAtt [Cluster, Arn]", #"{"a":{"Fn::GetAtt":["Cluster","Arn"]}}"#),
            ("a: !GetAtt A.B.C", #"{"a":{"Fn::GetAtt":["A","B.C"]}}"#),
            ("a: !Sub 'arn:aws:kafka:${AWS::Region}'", #"{"a":{"Fn::Sub":"arn:aws:kafka:${AWS::Region}"}}"#),
            ("a: !If\n  - IsProd\n  - 500\n  - !Ref AWS::NoValue", #"{"a":{"Fn::If":["IsProd",500,{"Ref":"AWS::NoValue"}]}}"#),
            ("a: !Join [',', [!Ref A, !GetAtt B.Arn]]", #"{"a":{"Fn::Join":[",",[{"Ref":"A"},{"Fn::GetAtt":["B","Arn"]}]]}}"#),
            ("a: !Sub |\n  x ${Y}\n", #"{"a":{"Fn::Sub":"x ${Y}\n"}}"#),
            ("a:\n  Fn::GetAtt: [A, Arn]", #"{"a":{"Fn::GetAtt":["A","Arn"]}}"#),
            ("a: !Condition IsProd", #"{"a":{"Condition":"IsProd"}}"#),
            ("a: !!str 100", #"{"a":"100"}"#),
            ("a: !!int '7'", #"{"a":7}"#),
            ("a: {b: !Ref X, c: !Sub \"${Y}\"}", #"{"a":{"b":{"Ref":"X"},"c":{"Fn::Sub":"${Y}"}}}"#),
            ("a: !Ref\nb: 1", #"{"a":{"Ref":null},"b":1}"#),
        ]
        for (yaml, expected) in cases { XCTAssertEqual(Self.read(yaml), expected, yaml) }
    }

    func testErrorsCarryLineAndColumn() {
        let cases: [(String, String)] = [
            ("a:\n\tb: 1", "2:1: a tab in the indentation; YAML indents with spaces"),
            ("a: 'open\nb: 1", "1:4: unterminated single-quoted string"),
            ("a: \"open", "1:4: unterminated double-quoted string"),
            ("a: [1, 2", "1:4: unterminated flow sequence: expected ']'"),
            ("a: {b: 1", "1:4: unterminated flow mapping: expected '}'"),
            ("a: [1 2]", #"{"a":["1 2"]}"#),
            ("a: [1, 'x' y]", "1:12: expected ',' or ']' in a flow sequence"),
            ("a: 1\na: 2", "2:1: duplicate key \"a\""),
            ("a:\n  b: 1\n c: 2", "3:2: bad indentation: more indented than the keys above it"),
            ("  a: 1\nb: 2", "2:1: bad indentation: this line is indented less than the block it belongs to"),
            ("a:\n  b: 1\n    c: 2", "3:5: a line of a multi-line value looks like 'key: value'; check the indentation, or quote the value"),
            ("a:\n  b:\n    x: 1\n      c: 2", "4:7: a line of a multi-line value looks like 'key: value'; check the indentation, or quote the value"),
            ("a:\n  - 1\n    - 2", #"{"a":["1 - 2"]}"#),
            ("a:\n  - x: 1\n   - 2", "3:4: bad indentation: more indented than the entries above it"),
            ("a: b: c", "1:4: a mapping cannot start on its key's line; start it on the next line, or quote a value that holds ': '"),
            ("a: - b", "1:4: a block sequence cannot start on its key's line; start it on the next line"),
            ("%YAML 1.2\n---\na: 1", "1:1: directives (%YAML, %TAG) are not supported"),
            ("? a\n: b", "1:1: complex mapping keys ('? ') are not supported"),
            ("a: 1\n---\nb: 2", "2:1: a second document; esmsim reads one document per file"),
            ("a: *nowhere", "1:4: unknown alias *nowhere: no anchor &nowhere before it"),
            ("a: !Bogus x", "1:4: unknown tag !Bogus; CloudFormation's short forms are !And, !Base64, !Cidr, !Condition, !Equals, !FindInMap, !GetAZs, !GetAtt, !If, !ImportValue, !Join, !Length, !Not, !Or, !Ref, !Select, !Split, !Sub, !ToJsonString, !Transform"),
            ("a: \"bad \\q escape\"", "1:9: invalid escape '\\q' in a double-quoted string"),
            ("a: @x", "1:4: '@' is reserved and cannot start a plain value; quote the value"),
            ("a: 'x' trailing", "1:8: unexpected text after the value"),
            ("a:\n  - 1\n  b: 2", "3:3: bad indentation: more indented than the keys above it"),
            ("a:\n- 1\nb\n", "3:1: expected a mapping key ('key: value') at this indentation"),
            ("a: one\n  b: two", "2:3: a line of a multi-line value looks like 'key: value'; check the indentation, or quote the value"),
            ("a: |x\n  y", "1:5: unexpected text after the block scalar's indicator; the text starts on the next line"),
            ("a: [- x]", "1:5: a block sequence entry ('- ') inside a flow collection"),
            (String(repeating: "[", count: 300), "1:257: nesting deeper than 256 levels"),
        ]
        for (yaml, expected) in cases { XCTAssertEqual(Self.read(yaml), expected, yaml) }
    }

    func testPositionsOfNodes() throws {
        let node = try YAMLParser.parse("Resources:\n  Mapping:\n    Properties:\n      BatchSize: !Ref Size\n      Topics: [orders]\n")
        let json = try node.cloudFormationJSON()
        let properties = try XCTUnwrap(json["Resources"]?["Mapping"]?["Properties"])
        XCTAssertEqual(properties["BatchSize"].map { [$0.line, $0.column] }, [4, 18])
        XCTAssertEqual(properties["Topics"].map { [$0.line, $0.column] }, [5, 15])
        XCTAssertEqual(properties["Topics"]?.compactJSON, #"["orders"]"#)
    }
}
