@testable import ESMScenarios
@testable import ESMFormats
@testable import ESMBilling
@testable import ESMStudies
@testable import ESMCharts
import XCTest

/// Loading and validating prices files.
final class PriceListTests: XCTestCase {
    func testShippedFileHasDatedSourcedUSEast1Prices() throws {
        let loaded = try PriceList.load(path: nil)
        let prices = try loaded.list.prices(for: "us-east-1", file: loaded.file)
        XCTAssertEqual(prices.epuHour, 0.185)
        XCTAssertEqual(prices.requestsPerMillion, 0.20)
        XCTAssertEqual(prices.gbSecondX86, 0.0000166667)
        XCTAssertEqual(prices.gbSecondArm, 0.0000133334)
        XCTAssertEqual(prices.freeTierRequests, 1_000_000)
        XCTAssertEqual(prices.freeTierGBSeconds, 400_000)
        XCTAssertEqual(prices.figures.count, RegionPrices.requiredFigures.count)
        for figure in prices.figures {
            XCTAssertTrue(PriceList.isISODate(figure.date), figure.name)
            XCTAssertTrue(figure.source.contains("aws.amazon.com/lambda/pricing"), figure.name)
        }
    }

    func testEveryFigureIsCheckedAgainstItsOwnRange() throws {
        let shipped = try XCTUnwrap(PriceList.shippedFiles.first).text
        for (name, _, range) in RegionPrices.requiredFigures {
            let tree = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shipped.utf8)) as? [String: Any])
            var regions = try XCTUnwrap(tree["regions"] as? [[String: Any]])
            var prices = try XCTUnwrap(regions[0]["prices"] as? [String: Any])
            var figure = try XCTUnwrap(prices[name] as? [String: Any])
            figure["value"] = range.upperBound * 10
            prices[name] = figure
            regions[0]["prices"] = prices
            var edited = tree
            edited["regions"] = regions
            let text = String(decoding: try JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys]), as: UTF8.self)
            XCTAssertThrowsError(try PriceList.parse(text, file: "p.json"), name) { error in
                XCTAssertTrue("\(error)".contains("\(name).value"), "\(error)")
            }
        }
    }

    func testUnknownRegionSuggestsTheNearest() throws {
        let loaded = try PriceList.load(path: nil)
        XCTAssertThrowsError(try loaded.list.prices(for: "us-east-2", file: "p.json")) { error in
            XCTAssertTrue("\(error)".contains("did you mean \"us-east-1\""), "\(error)")
        }
    }

    func testEveryProblemIsReportedWithItsPath() {
        let text = """
        {"currency": "USD", "regions": [{"region": "eu-west-1", "prices": {
          "epuHour": {"value": -1, "unit": "USD per EPU-hour", "date": "2025-10-28", "source": "s"},
          "requestsPerMilion": {"value": 0.2, "unit": "USD per 1M requests", "date": "2025-10-28", "source": "s"},
          "gbSecond.x86_64": {"value": 0.00001, "unit": "USD per GB-s", "date": "2025-10-28", "source": "s"},
          "gbSecond.arm64": {"value": 0.00001, "unit": "USD per GB-second", "date": "28/10/2025", "source": "s"},
          "freeTier.requests": {"value": 1000000, "unit": "requests per month", "date": "2025-10-28", "source": "s"},
          "freeTier.gbSeconds": {"value": 400000, "unit": "GB-seconds per month", "date": "2025-10-28"}
        }}]}
        """
        XCTAssertThrowsError(try PriceList.parse(text, file: "mine.json")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("mine.json:2:24: regions[0].prices.epuHour.value: -1 is outside"), message)
            XCTAssertTrue(message.contains("regions[0].prices.requestsPerMilion: unknown field; did you mean \"requestsPerMillion\"?"), message)
            XCTAssertTrue(message.contains("regions[0].prices.requestsPerMillion: missing"), message)
            XCTAssertTrue(message.contains("gbSecond.x86_64.unit: gbSecond.x86_64 is in \"USD per GB-second\""), message)
            XCTAssertTrue(message.contains("gbSecond.arm64.date: \"28/10/2025\" is not a date"), message)
            XCTAssertTrue(message.contains("freeTier.gbSeconds.source: missing"), message)
        }
    }

    func testMalformedJSONNamesTheFileAndPosition() {
        XCTAssertThrowsError(try PriceList.parse("{\"currency\": }", file: "bad.json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.json:1:"), "\(error)")
        }
    }
}
