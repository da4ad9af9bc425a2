//! WORKLOADS 6, `webserver`: three containers share two volumes, the seed of the sidecar
//! pattern. `web` (nginx) serves `/htdocs` and writes access logs to `/logs`; `content`
//! (busybox) rewrites `/htdocs` every few seconds; `logger` (busybox) follows the access log.
//! Each volume is declared once and mounted by handle; a container that only reads mounts it
//! read-only.
//!
//! Images (the workload leaves them open): `nginx:1.27`, `busybox:1.36`.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let htdocs = Volume::empty_dir("htdocs");
    let logs = Volume::empty_dir("logs");
    let pod = Pod::new("webserver")
        .label("app", "webserver")
        .container(
            Container::new("web")
                .image("nginx:1.27")
                .port(ContainerPort::tcp(80).name("http"))
                .readiness_probe(Probe::http_get("/", "http"))
                .mount_read_only(&htdocs, "/usr/share/nginx/html")
                .mount(&logs, "/var/log/nginx"),
        )
        .classic_sidecar(
            Container::new("content")
                .image("busybox:1.36")
                .command([
                    "sh",
                    "-c",
                    "while true; do date > /htdocs/index.html; sleep 10; done",
                ])
                .mount(&htdocs, "/htdocs"),
        )
        .classic_sidecar(
            Container::new("logger")
                .image("busybox:1.36")
                .command([
                    "sh",
                    "-c",
                    "touch /logs/access.log && tail -f /logs/access.log",
                ])
                .mount_read_only(&logs, "/logs"),
        )
        .volume(htdocs)
        .volume(logs)
        .build()?;
    Ok(manifests![pod])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
