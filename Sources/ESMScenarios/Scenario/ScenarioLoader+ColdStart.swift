import ESMFormats
import ESMModel
import EventEngine

extension ScenarioLoader {
    /// `function.initDurationMs` and `function.ProvisionedConcurrentExecutions`: how long a
    /// new execution environment initializes, and how many are kept initialized; nil when
    /// either is invalid (each problem is reported).
    ///
    /// Provisioned concurrency is part of the function's concurrency, not extra: at most
    /// its reserved concurrency, or without one the account's less the 100 executions
    /// AWS keeps unreserved (API PutProvisionedConcurrencyConfig, PutFunctionConcurrency).
    static func decodeColdStart(
        _ function: JSONValue, reserved: Int64?, account: Int64, reader: FieldReader
    ) -> (initDuration: Distribution?, provisioned: Int)? {
        let path = "function"
        let unreservedMinimum = Int64(FunctionSpec.unreservedConcurrencyMinimum)
        var valid = true
        var initDuration: Distribution?
        if let value = function["initDurationMs"] {
            initDuration = DistributionReader.read(value, "\(path).initDurationMs", reader: reader, range: FieldRanges.initDurationMs)
            valid = initDuration != nil
        }
        let provisioned = reader.integer(function, path, "ProvisionedConcurrentExecutions", range: FieldRanges.provisionedConcurrentExecutions)
        if function["ProvisionedConcurrentExecutions"] != nil && provisioned == nil { valid = false }
        if let provisioned {
            let field = function["ProvisionedConcurrentExecutions"]
            let fieldPath = "\(path).ProvisionedConcurrentExecutions"
            if let reserved, provisioned > reserved {
                reader.report(field, fieldPath, "\(provisioned) is more than reservedConcurrency (\(reserved)); provisioned concurrency is part of the reserved concurrency")
                valid = false
            } else if reserved == nil, provisioned > account - unreservedMinimum {
                reader.report(field, fieldPath, "\(provisioned) is more than accountConcurrency (\(account)) less the \(unreservedMinimum) executions AWS keeps unreserved")
                valid = false
            }
        }
        guard valid else { return nil }
        return (initDuration, Int(provisioned ?? 0))
    }
}
