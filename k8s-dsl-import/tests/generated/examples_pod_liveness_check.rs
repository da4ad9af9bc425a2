// `tests/corpus/examples/pod_liveness_check.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_liveness_check.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `pod-with-liveness-check` (document 1)
        Pod::new("pod-with-liveness-check")
            .container(
                Container::new("random-generator")
                    .image("k8spatterns/random-generator:1.0")
                    .port(ContainerPort::tcp(8080))
                    .env("DELAY_STARTUP", "20")
                    .liveness_probe(
                        Probe::http_get("/actuator/health", 8080)
                            .initial_delay(Duration::seconds(30)),
                    ),
            )
            .build()?
            .into(),
    ])
}
