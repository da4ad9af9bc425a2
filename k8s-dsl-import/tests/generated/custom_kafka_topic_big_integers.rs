// `tests/corpus/custom/kafka-topic-big-integers.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - KafkaTopic/events `(whole object)`: `kafka.strimzi.io/v1beta2` `KafkaTopic` has no builder; kept with `CustomResource`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/custom/kafka-topic-big-integers.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // KafkaTopic `events` (document 1)
        Object::Custom(
            CustomResource::new("kafka.strimzi.io/v1beta2", "KafkaTopic", "events")
                .label("strimzi.io/cluster", "main")
                .spec(serde_json::json!({
                    "config": {
                        "big.unsigned": 18446744073709551615_u64,
                        "max.message.bytes": 2147483647,
                        "min.compaction.lag.ms": 9223372036854775807_i64,
                        "retention.bytes": 107374182400_i64,
                        "retention.ms": -1,
                        "segment.bytes": 2147483648_i64,
                        "smallest": -9223372036854775808_i64,
                    },
                    "partitions": 12,
                    "replicas": 3,
                }))
                .build()?,
        ),
    ])
}
