//! WORKLOADS 7, the ambassador pattern: the app talks to PostgreSQL on `localhost:5432`; the
//! ambassador (a TCP proxy) forwards that port to the database of the environment, so the app's
//! configuration is the same everywhere. One pod per environment: `dev` and `prod` differ only
//! in the upstream address, given to the ambassador by env.
//!
//! The ambassador is a native sidecar (an init container with `restartPolicy: Always`): it
//! starts before the app and keeps running beside it. Image: `alpine/socat:1.8.0.0`.

use std::error::Error;
use std::process::ExitCode;

use k8s_dsl::prelude::*;
use k8s_dsl_examples::{boxed, run, Manifests};

/// The app and its database ambassador for one environment.
fn app_with_db_ambassador(environment: &str, database: &str) -> Pod {
    Pod::new(format!("app-{environment}"))
        .label("app", "orders")
        .label("env", environment)
        .container(
            Container::new("app")
                .image("ghcr.io/example/orders:2.3.1")
                .env("DATABASE_URL", "postgres://orders@localhost:5432/orders"),
        )
        .ambassador(
            Container::new("db-proxy")
                .image("alpine/socat:1.8.0.0")
                .env("UPSTREAM", database)
                .command([
                    "sh",
                    "-c",
                    "exec socat TCP-LISTEN:5432,fork,reuseaddr TCP:$(UPSTREAM)",
                ])
                .port(ContainerPort::tcp(5432).name("postgres"))
                .readiness_probe(Probe::tcp_socket("postgres")),
        )
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
