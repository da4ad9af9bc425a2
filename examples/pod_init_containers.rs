//! WORKLOADS 1, `myapp-pod`: two init containers wait, in order, for the `myservice` and `mydb`
//! Services to resolve in DNS before the app container starts.
//!
//! `cargo run --example pod_init_containers [-- --format json]`

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// An init container that waits until the Service `service` resolves in the pod's namespace.
fn wait_for(service: &str) -> Container {
    let script = format!(
        "until nslookup {service}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for {service}; sleep 2; done"
    );
    Container::new(format!("init-{service}"))
        .image("busybox:1.28")
        .command(["sh", "-c", script.as_str()])
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = Pod::new("myapp-pod")
        .label("app", "myapp")
        .container(
            Container::new("myapp-container")
                .image("busybox:1.28")
                .command(["sh", "-c", "echo The app is running! && sleep 3600"]),
        )
        .init_container(wait_for("myservice"))
        .init_container(wait_for("mydb"))
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
