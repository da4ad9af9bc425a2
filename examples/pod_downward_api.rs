//! WORKLOADS 8, `kubernetes-downwardapi-volume-example`: the pod's own labels and annotations
//! appear as files under `/etc/podinfo` through a downwardAPI volume, and the container prints
//! them every 5 s.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

const PRINT_PODINFO: &str = "while true; do if [ -e /etc/podinfo/labels ]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [ -e /etc/podinfo/annotations ]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;";

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let podinfo = Volume::downward_api("podinfo")
        .field_item("labels", "metadata.labels")
        .field_item("annotations", "metadata.annotations");
    let pod = Pod::new("kubernetes-downwardapi-volume-example")
        .label("zone", "us-est-coast")
        .label("cluster", "test-cluster1")
        .label("rack", "rack-22")
        .annotation("build", "two")
        .annotation("builder", "john-doe")
        .container(
            Container::new("client-container")
                .image("registry.k8s.io/busybox")
                .command(["sh", "-c"])
                .args([PRINT_PODINFO])
                .mount(&podinfo, "/etc/podinfo"),
        )
        .volume(podinfo)
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
