// `tests/corpus/examples/pod_env_from_config.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_env_from_config.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ConfigMap `random-generator-config` (document 1)
        ConfigMap::new("random-generator-config")
            .data("pattern", "\\d\\d\\d")
            .build()?
            .into(),
        // Secret `random-generator-secret` (document 2)
        Secret::new("random-generator-secret")
            .string_data("seed", "11232156346")
            .build()?
            .into(),
        // Pod `random-generator` (document 3)
        k8s_dsl::pod! {
            name: "random-generator",
            containers: [ {
                name: "random-generator",
                image: "k8spatterns/random-generator:1.0",
                env: [
                    { name: "LOG_FILE", value: "/tmp/random.log" },
                    {
                        name: "PATTERN",
                        valueFrom: {
                            configMapKeyRef: { name: "random-generator-config", key: "pattern" },
                        },
                    },
                    {
                        name: "SEED",
                        valueFrom: {
                            secretKeyRef: { name: "random-generator-secret", key: "seed" },
                        },
                    },
                ],
            } ],
        }
        .build()?
        .into(),
    ])
}
