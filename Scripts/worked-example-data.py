#!/usr/bin/env python3
"""Writes the illustrative input files of the README's worked example.

Every number here is invented (seeded, deterministic): the files only look like what
the AWS CLI and AWS Lambda Power Tuning print. Run from the repository root:

    python3 Scripts/worked-example-data.py            # ESM, function, traffic, power tuning
    python3 Scripts/worked-example-data.py --lag RUN  # the incident's OffsetLag, from the
                                                      # timeseries.csv of a run (see below)

The incident's OffsetLag stands in for a real system's: it is the offset lag of the
incident scenario simulated with a profile whose provisioned-mode actuation delay is
150 s instead of aws-2024's 120 s, sampled per minute with 4 % noise, so that
`esmsim calibrate` has something real to find.
"""
import json, math, random, sys

FOLDER = "Scenarios/worked-example"
DAY = "2026-11-02"
BROKERS = [("1", 0.355), ("2", 0.333), ("3", 0.312)]


def stamp(minute, day=DAY):
    return "%sT%02d:%02d:00+00:00" % (day, minute // 60, minute % 60)


def total_rate(minute, rng):
    """Records per second over the topic: a working day's hump, an evening batch job and,
    from 14:10 to 14:25, an upstream replay."""
    hour = minute / 60
    rate = 500 + 2600 * math.exp(-((hour - 13.2) / 3.6) ** 2) + 700 * math.exp(-((hour - 20.5) / 0.8) ** 2)
    if 14 * 60 + 10 <= minute < 14 * 60 + 25:
        rate += 9000
    return rate * (1 + rng.gauss(0, 0.03))


def metric_data(results):
    return {"MetricDataResults": results, "Messages": []}


def write(name, value):
    with open("%s/%s" % (FOLDER, name), "w") as handle:
        json.dump(value, handle, indent=4)
        handle.write("\n")


def broker_values(seed):
    """The day's MessagesInPerSec per broker and minute: one export's numbers, which a
    narrower export of the same metric repeats."""
    rng = random.Random(seed)
    totals = [total_rate(m, rng) for m in range(24 * 60)]
    return {broker: [round(t * share * (1 + rng.gauss(0, 0.01)), 2) for t in totals] for broker, share in BROKERS}


def traffic(name, first, last, values):
    """MSK MessagesInPerSec (Average, 60 s) per broker, newest first as CloudWatch prints it."""
    newest_first = list(reversed(range(first, last)))
    results = [{
        "Id": "m%s" % broker,
        "Label": "MessagesInPerSec broker %s" % broker,
        "Timestamps": [stamp(m) for m in newest_first],
        "Values": [values[broker][m] for m in newest_first],
        "StatusCode": "Complete",
    } for broker, _ in BROKERS]
    write(name, metric_data(results))


def inputs():
    write("get-event-source-mapping.json", {
        "UUID": "7c1e5a90-2b4f-4d8e-a6c3-95f0e1d2b7a4",
        "StartingPosition": "LATEST",
        "StartingPositionTimestamp": None,
        "BatchSize": 500,
        "MaximumBatchingWindowInSeconds": 1,
        "EventSourceArn": "arn:aws:kafka:eu-west-1:111122223333:cluster/payments/0b6e7c2d-1a3f-4e5b-8c9d-2f4a6b8c0d1e-3",
        "FunctionArn": "arn:aws:lambda:eu-west-1:111122223333:function:payments-ledger",
        "LastModified": "2026-10-21T08:14:02.117000+00:00",
        "LastProcessingResult": "OK",
        "State": "Enabled",
        "StateTransitionReason": "USER_INITIATED",
        "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:eu-west-1:111122223333:payments-ledger-dlq"}},
        "Topics": ["payments"],
        "SourceAccessConfigurations": [{"Type": "CLIENT_CERTIFICATE_TLS_AUTH", "URI": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments-client-7Qx2Lm"}],
        "MaximumRecordAgeInSeconds": -1,
        "BisectBatchOnFunctionError": False,
        "MaximumRetryAttempts": -1,
        "AmazonManagedKafkaEventSourceConfig": {"ConsumerGroupId": "payments-ledger", "SchemaRegistryConfig": None},
        "SelfManagedKafkaEventSourceConfig": None,
        "ScalingConfig": None,
        "ProvisionedPollerConfig": {"MinimumPollers": 2, "MaximumPollers": 20},
        "MetricsConfig": {"Metrics": ["EventCount"]},
        "FilterCriteria": None,
        "KMSKeyArn": None,
        "EventSourceMappingArn": "arn:aws:lambda:eu-west-1:111122223333:event-source-mapping:7c1e5a90-2b4f-4d8e-a6c3-95f0e1d2b7a4",
    })
    write("get-function-configuration.json", {
        "FunctionName": "payments-ledger",
        "FunctionArn": "arn:aws:lambda:eu-west-1:111122223333:function:payments-ledger",
        "Runtime": "java21",
        "Role": "arn:aws:iam::111122223333:role/payments-ledger",
        "Handler": "ledger.Handler::handleRequest",
        "CodeSize": 18734512,
        "Timeout": 60,
        "MemorySize": 512,
        "LastModified": "2026-10-21T08:11:47.000+0000",
        "Version": "$LATEST",
        "State": "Active",
        "PackageType": "Zip",
        "Architectures": ["arm64"],
        "EphemeralStorage": {"Size": 512},
    })
    values = broker_values(20261102)
    traffic("msk-messages-in-2026-11-02.json", 0, 24 * 60, values)
    traffic("msk-messages-in-incident.json", 13 * 60 + 30, 16 * 60 + 30, values)
    rng = random.Random(7)
    stats = []
    for memory, duration in [(256, 760), (512, 390), (1024, 205), (1536, 150), (2048, 128), (3008, 117)]:
        measured = round(duration * (1 + rng.gauss(0, 0.02)), 2)
        price = memory / 1024 * measured / 1000 * 0.0000133334 + 0.0000002
        stats.append({"value": memory, "averagePrice": float("%.4g" % price), "averageDuration": measured})
    best = min(stats, key=lambda s: s["averagePrice"])
    write("power-tuning.json", {"results": {
        "power": best["value"], "cost": best["averagePrice"], "duration": best["averageDuration"],
        "stateMachine": {"executionCost": 0.00045, "lambdaCost": 0.0142, "visualization": "https://lambda-power-tuning.show/#illustrative"},
        "stats": stats}})


def lag(run_csv):
    """The incident's OffsetLag (Maximum, 60 s), from a run's timeseries.csv, newest first."""
    rng = random.Random(15)
    rows = []
    with open(run_csv) as handle:
        header = handle.readline().strip().split(",")
        for line in handle:
            cells = dict(zip(header, line.strip().split(",")))
            rows.append((cells["clock"], int(cells["offset_lag_sum"])))
    # CloudWatch stamps a point with the start of its period: the sample at the end of
    # each minute is that minute's value.
    points = [(start.replace("Z", "+00:00"), max(0, round(value * (1 + rng.gauss(0, 0.04)))))
              for (start, _), (_, value) in zip(rows, rows[1:]) if start < "2026-11-02T16:30"]
    points.reverse()
    write("offset-lag-incident.json", metric_data([{
        "Id": "lag", "Label": "OffsetLag", "StatusCode": "Complete",
        "Timestamps": [p[0] for p in points], "Values": [p[1] for p in points]}]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--lag":
        lag(sys.argv[2])
    else:
        inputs()
