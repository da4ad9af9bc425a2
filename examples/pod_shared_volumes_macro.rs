//! WORKLOADS 6, `webserver` (shared volumes), with `pod!`.
//!
//! The same objects as `pod_shared_volumes`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{manifests, run, Manifests};

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let pod = k8s_dsl::pod! {
        name: "webserver",
        labels: { app: "webserver" },
        containers: [ {
            name: "web",
            image: "nginx:1.27",
            ports: [ { containerPort: 80, name: "http", protocol: TCP } ],
            readinessProbe: { httpGet: { path: "/", port: "http" } },
            volumeMounts: [
                { name: "htdocs", mountPath: "/usr/share/nginx/html", readOnly: true },
                { name: "logs", mountPath: "/var/log/nginx" },
            ],
        } ],
        classicSidecars: [
            {
                name: "content",
                image: "busybox:1.36",
                command: ["sh", "-c", "while true; do date > /htdocs/index.html; sleep 10; done"],
                volumeMounts: [ { name: "htdocs", mountPath: "/htdocs" } ],
            },
            {
                name: "logger",
                image: "busybox:1.36",
                command: ["sh", "-c", "touch /logs/access.log && tail -f /logs/access.log"],
                volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ],
            },
        ],
        volumes: [ { name: "htdocs", emptyDir: {} }, { name: "logs", emptyDir: {} } ],
    };
    Ok(manifests![pod.build()?])
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
