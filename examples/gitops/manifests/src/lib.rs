//! The manifests of a small web shop front end, one [`Bundle`] per environment: a ConfigMap
//! with its settings, a Deployment that reads them, and a Service in front of it.
//!
//! This crate only *defines* the objects; the `gitops-deploy` crate generates the files from
//! its `build.rs`. Keeping the definitions in a library lets tests, build scripts and tools
//! (a kube-rs operator, a CLI) share them.

use k8s_dsl::bundle::Environments;
use k8s_dsl::prelude::*;

/// One environment the application runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Environment {
    /// The environment's name, also its namespace (`shop-staging`) suffix and directory name.
    pub name: &'static str,
    /// How many pods serve traffic.
    pub replicas: i32,
    /// The application's log level.
    pub log_level: &'static str,
}

/// Every environment, in promotion order.
pub const ENVIRONMENTS: [Environment; 2] = [
    Environment {
        name: "staging",
        replicas: 1,
        log_level: "debug",
    },
    Environment {
        name: "production",
        replicas: 3,
        log_level: "info",
    },
];

/// The image every environment runs.
pub const IMAGE: &str = "nginx:1.27";

/// The objects of `env`, checked together by the bundle. The namespace (`shop-<name>`) and
/// the `app: web` label are set once, on the bundle: it puts them on every object and on the
/// selectors and pod template that must carry them.
pub fn bundle(env: &Environment) -> Bundle {
    Bundle::new()
        .namespace(format!("shop-{}", env.name))
        .common_labels([("app", "web")])
        .add(
            ConfigMap::new("web-config")
                .data("LOG_LEVEL", env.log_level)
                .data("ENVIRONMENT", env.name),
        )
        .add(
            Deployment::new("web").replicas(env.replicas).template(
                Pod::template().label("app", "web").container(
                    Container::new("web")
                        .image(IMAGE)
                        .port(ContainerPort::tcp(80).name("http"))
                        .env_from(EnvFrom::config_map("web-config"))
                        .readiness_probe(Probe::http_get("/", "http"))
                        .liveness_probe(Probe::tcp_socket("http")),
                ),
            ),
        )
        .add(
            Service::new("web")
                .selector("app", "web")
                .port(ServicePort::tcp(80).name("http").target("http")),
        )
}

/// Every environment's bundle, derived from the one definition [`bundle`], in promotion
/// order: written to `k8s/<name>/` by `gitops-deploy`'s `build.rs`.
pub fn environments() -> Environments {
    Environments::derive(ENVIRONMENTS.iter().map(|env| (env.name, env)), |_, env| {
        bundle(env)
    })
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    #[test]
    fn every_environment_is_valid_without_warnings() {
        for env in &ENVIRONMENTS {
            let warnings = bundle(env)
                .check()
                .unwrap_or_else(|errors| panic!("{}: {errors}", env.name));
            assert!(warnings.is_empty(), "{}: {warnings:?}", env.name);
            assert_eq!(bundle(env).objects().len(), 3);
        }
    }

    #[test]
    fn the_committed_manifests_of_every_environment_are_current() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../deploy/k8s");
        let drift = environments().drift(root).unwrap();
        assert!(drift.is_empty(), "{drift:?}");
        let names: Vec<&str> = ENVIRONMENTS.iter().map(|env| env.name).collect();
        assert_eq!(environments().names().collect::<Vec<_>>(), names);
    }
}
