//! WORKLOADS 7, the ambassador pattern (dev and prod), with `pod!`.
//!
//! The same objects as `pod_ambassador`, written with the compile-time checked macros; the tests require
//! both to print byte-identical YAML.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl_examples::{boxed, run, Manifests};

/// The app and its database ambassador for one environment.
fn app_with_db_ambassador(environment: &str, database: &str) -> k8s_dsl::pod::Pod {
    k8s_dsl::pod! {
        name: format!("app-{environment}"),
        labels: { app: "orders", env: environment },
        containers: [ {
            name: "app",
            image: "ghcr.io/example/orders:2.3.1",
            env: [ { name: "DATABASE_URL", value: "postgres://orders@localhost:5432/orders" } ],
        } ],
        ambassadors: [ {
            name: "db-proxy",
            image: "alpine/socat:1.8.0.0",
            env: [ { name: "UPSTREAM", value: database } ],
            command: ["sh", "-c", "exec socat TCP-LISTEN:5432,fork,reuseaddr TCP:$(UPSTREAM)"],
            ports: [ { containerPort: 5432, name: "postgres", protocol: TCP } ],
            readinessProbe: { tcpSocket: { port: "postgres" } },
        } ],
    }
}

/// The objects this example prints.
pub fn manifests() -> Result<Manifests, Box<dyn Error>> {
    let dev = app_with_db_ambassador("dev", "postgres.dev.svc.cluster.local:5432").build()?;
    let prod = app_with_db_ambassador("prod", "db.prod.example.com:5432").build()?;
    Ok(boxed([dev, prod]))
}

#[allow(dead_code)] // unused where a test includes this file as a module
fn main() -> ExitCode {
    run(manifests)
}
