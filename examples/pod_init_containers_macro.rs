//! WORKLOADS 1, `myapp-pod`, with `pod!`.
//!
//! The same objects as `pod_init_containers`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

fn wait_for(service: &str) -> String {
    format!(
        "until nslookup {service}.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for {service}; sleep 2; done"
    )
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "myapp-pod",
        labels: { app: "myapp" },
        containers: [ {
            name: "myapp-container",
            image: "busybox:1.28",
            command: ["sh", "-c", "echo The app is running! && sleep 3600"],
        } ],
        initContainers: [
            { name: "init-myservice", image: "busybox:1.28", command: ["sh", "-c", wait_for("myservice")] },
            { name: "init-mydb", image: "busybox:1.28", command: ["sh", "-c", wait_for("mydb")] },
        ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
