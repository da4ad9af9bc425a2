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
        Pod::new("random-generator")
            .container(
                Container::new("random-generator")
                    .image("k8spatterns/random-generator:1.0")
                    .env("LOG_FILE", "/tmp/random.log")
                    .env_var(EnvVar::config_map_key(
                        "PATTERN",
                        "random-generator-config",
                        "pattern",
                    ))
                    .env_var(EnvVar::secret_key(
                        "SEED",
                        "random-generator-secret",
                        "seed",
                    )),
            )
            .build()?
            .into(),
    ])
}
