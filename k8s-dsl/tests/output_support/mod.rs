//! Shared by the `output_*` tests: scratch directories, a small application bundle, and
//! directory snapshots.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use k8s_dsl::prelude::*;

/// An empty directory for one test, under cargo's temporary directory for integration tests.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("k8s-dsl-output")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A small application: a ConfigMap, a Deployment using it, and a Service in front of it.
pub fn app(replicas: i32, mode: &str) -> Bundle {
    Bundle::new()
        .add(
            ConfigMap::new("web-config")
                .namespace("shop")
                .data("mode", mode),
        )
        .add(
            Deployment::new("web")
                .namespace("shop")
                .replicas(replicas)
                .template(
                    Pod::template().label("app", "web").container(
                        Container::new("web")
                            .image("nginx:1.27")
                            .port(ContainerPort::tcp(80).name("http"))
                            .readiness_probe(Probe::http_get("/healthz", "http"))
                            .env_from(EnvFrom::config_map("web-config")),
                    ),
                ),
        )
        .add(
            Service::new("web")
                .namespace("shop")
                .selector("app", "web")
                .port(ServicePort::tcp(80).target("http")),
        )
}

/// Every file of `dir` (not recursing) with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            (
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path()).unwrap(),
            )
        })
        .collect()
}

/// The modification time of every file of `dir`.
pub fn mtimes(dir: &Path) -> BTreeMap<String, SystemTime> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let modified = entry.metadata().unwrap().modified().unwrap();
            (entry.file_name().to_string_lossy().into_owned(), modified)
        })
        .collect()
}

/// The file names of `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_keys().collect()
}
