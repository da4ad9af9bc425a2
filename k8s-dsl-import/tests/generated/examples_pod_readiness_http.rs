// `tests/corpus/examples/pod_readiness_http.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_readiness_http.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `simple-webapp` (document 1)
        Pod::new("simple-webapp")
            .label("name", "simple-webapp")
            .container(
                Container::new("simple-webapp")
                    .image("simple-webapp")
                    .port(ContainerPort::new(8080))
                    .readiness_probe(
                        Probe::http_get("/api/ready", 8080)
                            .initial_delay(Duration::seconds(10))
                            .period(Duration::seconds(5))
                            .failure_threshold(8),
                    ),
            )
            .build()?
            .into(),
    ])
}
