//! WORKLOADS 8, `kubernetes-downwardapi-volume-example`, with `pod!`.
//!
//! The same objects as `pod_downward_api`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "kubernetes-downwardapi-volume-example",
        labels: { zone: "us-est-coast", cluster: "test-cluster1", rack: "rack-22" },
        annotations: { build: "two", builder: "john-doe" },
        containers: [ {
            name: "client-container",
            image: "registry.k8s.io/busybox",
            command: ["sh", "-c"],
            args: ["while true; do if [ -e /etc/podinfo/labels ]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [ -e /etc/podinfo/annotations ]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi; sleep 5; done;"],
            volumeMounts: [ { name: "podinfo", mountPath: "/etc/podinfo" } ],
        } ],
        volumes: [ {
            name: "podinfo",
            downwardAPI: { items: [
                { path: "labels", fieldRef: { fieldPath: "metadata.labels" } },
                { path: "annotations", fieldRef: { fieldPath: "metadata.annotations" } },
            ] },
        } ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
