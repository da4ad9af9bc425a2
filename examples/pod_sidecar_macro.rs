//! WORKLOADS 7, the sidecar pattern (native and classic), with `pod!`.
//!
//! The same objects as `pod_sidecar`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{boxed, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let native = k8s_dsl::pod! {
        name: "app-native-sidecar",
        labels: { app: "logging-demo" },
        containers: [ {
            name: "app",
            image: "busybox:1.36",
            command: ["sh", "-c", "while true; do date >> /var/log/app/app.log; sleep 5; done"],
            volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
        } ],
        sidecars: [ {
            name: "log-shipper",
            image: "fluent/fluent-bit:3.2",
            args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
            volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
        } ],
        volumes: [ { name: "logs", emptyDir: {} } ],
    };
    let classic = k8s_dsl::pod! {
        name: "app-classic-sidecar",
        labels: { app: "logging-demo" },
        containers: [ {
            name: "app",
            image: "busybox:1.36",
            command: ["sh", "-c", "while true; do date >> /var/log/app/app.log; sleep 5; done"],
            volumeMounts: [ { name: "logs", mountPath: "/var/log/app" } ],
        } ],
        classicSidecars: [ {
            name: "log-shipper",
            image: "fluent/fluent-bit:3.2",
            args: ["-i", "tail", "-p", "path=/var/log/app/*.log", "-o", "stdout"],
            volumeMounts: [ { name: "logs", mountPath: "/var/log/app", readOnly: true } ],
        } ],
        volumes: [ { name: "logs", emptyDir: {} } ],
    };
    Ok(boxed([native.build()?, classic.build()?]))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
