// `tests/corpus/examples/pod_liveness_echo.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_liveness_echo.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `echo-lp` (document 1)
        Pod::new("echo-lp")
            .label("app", "echo")
            .container(
                Container::new("app")
                    .image("ghcr.io/subicura/echo:v1")
                    .liveness_probe(
                        Probe::http_get("/not/exist", 8080)
                            .initial_delay(Duration::seconds(5))
                            .period(Duration::seconds(5))
                            .timeout(Duration::seconds(2))
                            .failure_threshold(1),
                    ),
            )
            .build()?
            .into(),
        // Pod `echo-health` (document 2)
        Pod::new("echo-health")
            .label("app", "echo")
            .container(
                Container::new("app")
                    .image("ghcr.io/subicura/echo:v1")
                    .readiness_probe(Probe::http_get("/", 3000))
                    .liveness_probe(Probe::http_get("/", 3000)),
            )
            .build()?
            .into(),
    ])
}
