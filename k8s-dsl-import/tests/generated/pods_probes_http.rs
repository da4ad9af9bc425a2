// `tests/corpus/pods/probes-http.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/probes-http.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `probes-http` (document 1)
        Pod::new("probes-http")
            .container(
                Container::new("api")
                    .image("example/api:1.0.0")
                    .port(ContainerPort::new(8443).name("https"))
                    .readiness_probe(
                        Probe::http_get("/ready", "https")
                            .http_host("api.internal")
                            .http_scheme(Scheme::Https)
                            .http_header("X-Probe", "readiness")
                            .http_header("Accept", "application/json")
                            .initial_delay(Duration::seconds(5))
                            .period(Duration::seconds(10))
                            .timeout(Duration::seconds(2))
                            .success_threshold(2)
                            .failure_threshold(3),
                    )
                    .liveness_probe(
                        Probe::http_get("/live", 8443)
                            .http_scheme(Scheme::Https)
                            .initial_delay(Duration::minutes(2))
                            .period(Duration::hours(1))
                            .termination_grace_period(Duration::seconds(30)),
                    ),
            )
            .build()?
            .into(),
    ])
}
