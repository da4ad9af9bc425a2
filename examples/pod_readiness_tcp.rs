//! WORKLOADS 2, `simple-webapp` with a TCP readiness probe: ready once port 3306 accepts a
//! connection.

use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run};

fn main() -> ExitCode {
    run(|| {
        let pod = Pod::new("simple-webapp")
            .label("name", "simple-webapp")
            .container(
                Container::new("simple-webapp")
                    .image("simple-webapp")
                    .port(ContainerPort::new(3306))
                    .readiness_probe(
                        Probe::tcp_socket(3306)
                            .initial_delay(Duration::seconds(10))
                            .period(Duration::seconds(5))
                            .failure_threshold(8),
                    ),
            )
            .build()?;
        Ok(manifests![pod])
    })
}
