//! WORKLOADS 7, the sidecar pattern: a log shipper (fluent-bit) reads the app's log volume.
//! Two pods show the two forms:
//! - `app-native-sidecar`: a native sidecar, an init container with `restartPolicy: Always`
//!   (Kubernetes 1.29+, GA in 1.33). It starts before the app, so no early log line is lost,
//!   and stops after it; the default for `Pod::sidecar`.
//! - `app-classic-sidecar`: a classic sidecar, a second app container, for clusters or tools
//!   that predate native sidecars (`Pod::classic_sidecar`).
//!
//! Images: `busybox:1.36` (the app), `fluent/fluent-bit:3.2`.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

fn app(logs: &EmptyDirVolume) -> Container {
    Container::new("app")
        .image("busybox:1.36")
        .command([
            "sh",
            "-c",
            "while true; do date >> /var/log/app/app.log; sleep 5; done",
        ])
        .mount(logs, "/var/log/app")
}

fn log_shipper(logs: &EmptyDirVolume) -> Container {
    Container::new("log-shipper")
        .image("fluent/fluent-bit:3.2")
        .args([
            "-i",
            "tail",
            "-p",
            "path=/var/log/app/*.log",
            "-o",
            "stdout",
        ])
        .mount_read_only(logs, "/var/log/app")
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let logs = Volume::empty_dir("logs");
    let native = Pod::new("app-native-sidecar")
        .label("app", "logging-demo")
        .container(app(&logs))
        .sidecar(log_shipper(&logs))
        .volume(&logs)
        .build()?;
    let classic = Pod::new("app-classic-sidecar")
        .label("app", "logging-demo")
        .container(app(&logs))
        .classic_sidecar(log_shipper(&logs))
        .volume(&logs)
        .build()?;
    Ok(boxed([native, classic]))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
