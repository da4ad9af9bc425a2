//! The drift check: it passes on a fresh directory, and otherwise fails with a unified diff
//! naming each stale, missing or extra file, writing nothing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod output_support;

use k8s_dsl::output::{assert_up_to_date, Directory, FileState, OutputError, OWNED_FILE};
use k8s_dsl::prelude::*;
use output_support::{app, scratch, snapshot};

#[test]
fn check_passes_on_the_files_just_written() {
    let dir = scratch("drift-pass");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    Directory::new(&dir).check(&app(2, "production")).unwrap();
    assert_up_to_date(dir.as_path(), &app(2, "production"));
}

#[test]
fn check_fails_with_a_diff_naming_stale_missing_and_extra_files() {
    let dir = scratch("drift-fail");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    let before = snapshot(&dir);

    // Three replicas (stale), a new ConfigMap (missing), and the
    // Service gone (extra).
    let changed = Bundle::new()
        .add(
            ConfigMap::new("web-config")
                .namespace("shop")
                .data("mode", "production"),
        )
        .add(
            ConfigMap::new("feature-flags")
                .namespace("shop")
                .data("beta", "on"),
        )
        .add(
            Deployment::new("web")
                .namespace("shop")
                .replicas(3)
                .template(
                    Pod::template().label("app", "web").container(
                        Container::new("web")
                            .image("nginx:1.27")
                            .port(ContainerPort::tcp(80).name("http"))
                            .readiness_probe(Probe::http_get("/healthz", "http"))
                            .env_from(EnvFrom::config_map("web-config")),
                    ),
                ),
        );
    let error = Directory::new(&dir).check(&changed).unwrap_err();
    assert_eq!(snapshot(&dir), before, "the check wrote something");

    let OutputError::Drift(drift) = &error else {
        panic!("expected drift, got {error}");
    };
    let states: Vec<(String, FileState)> = drift
        .changes
        .iter()
        .map(|c| {
            (
                c.path.file_name().unwrap().to_string_lossy().into_owned(),
                c.state,
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            (OWNED_FILE.to_owned(), FileState::Stale),
            (
                "configmap_shop_feature-flags.yaml".to_owned(),
                FileState::Missing
            ),
            ("deployment_shop_web.yaml".to_owned(), FileState::Stale),
            ("kustomization.yaml".to_owned(), FileState::Stale),
            ("service_shop_web.yaml".to_owned(), FileState::Extra),
        ]
    );

    let message = error.to_string();
    let deployment = dir.join("deployment_shop_web.yaml").display().to_string();
    assert!(
        message.starts_with(&format!(
            "the manifests in `{}` are out of date (3 stale, 1 missing, 1 extra)",
            dir.display()
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!("  stale: {deployment}\n")),
        "{message}"
    );
    // The stale file: a hunk with -/+ lines under headers naming the file.
    assert!(
        message.contains(&format!(
            "--- {deployment}\n+++ {deployment}\t(generated)\n@@ "
        )),
        "{message}"
    );
    assert!(
        message.contains("\n-  replicas: 2\n+  replicas: 3\n"),
        "{message}"
    );
    // The missing file: all + lines from /dev/null.
    let missing = dir
        .join("configmap_shop_feature-flags.yaml")
        .display()
        .to_string();
    assert!(
        message.contains(&format!(
            "--- /dev/null\n+++ {missing}\t(generated)\n@@ -0,0 +1,"
        )),
        "{message}"
    );
    assert!(message.contains("\n+  beta: \"on\"\n"), "{message}");
    // The extra file: all - lines to /dev/null.
    let extra = dir.join("service_shop_web.yaml").display().to_string();
    assert!(
        message.contains(&format!("--- {extra}\n+++ /dev/null\n@@ -1,")),
        "{message}"
    );
    assert!(message.contains("\n-kind: Service\n"), "{message}");
    // The kustomization lists the new file and drops the old one.
    assert!(
        message.contains("\n+- configmap_shop_feature-flags.yaml\n"),
        "{message}"
    );
    assert!(
        message.contains("\n-- service_shop_web.yaml\n"),
        "{message}"
    );
}

#[test]
fn a_hand_edited_file_is_stale() {
    let dir = scratch("drift-hand-edit");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    let path = dir.join("configmap_shop_web-config.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("production", "debug");
    std::fs::write(&path, text).unwrap();
    let OutputError::Drift(drift) = Directory::new(&dir)
        .check(&app(2, "production"))
        .unwrap_err()
    else {
        panic!("expected drift");
    };
    assert_eq!(drift.changes.len(), 1);
    assert_eq!(drift.changes[0].path, path);
    assert!(
        drift
            .diff()
            .contains("-  mode: debug\n+  mode: production\n"),
        "{}",
        drift.diff()
    );
}

#[test]
fn a_missing_directory_is_all_missing_and_stays_missing() {
    let dir = scratch("drift-missing").join("not-yet");
    let OutputError::Drift(drift) = Directory::new(&dir)
        .check(&app(2, "production"))
        .unwrap_err()
    else {
        panic!("expected drift");
    };
    assert_eq!(drift.changes.len(), 5); // 3 objects, the kustomization, the ownership record
    assert!(drift.changes.iter().all(|c| c.state == FileState::Missing));
    assert!(!dir.exists(), "the check created the directory");
}

#[test]
fn foreign_files_are_not_drift() {
    let dir = scratch("drift-foreign");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    std::fs::write(dir.join("README.md"), "notes\n").unwrap();
    Directory::new(&dir).check(&app(2, "production")).unwrap();
}

#[test]
#[should_panic(expected = "-  replicas: 2\n+  replicas: 5\n")]
fn assert_up_to_date_fails_with_the_diff() {
    let dir = scratch("drift-assert");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    assert_up_to_date(dir.as_path(), &app(5, "production"));
}

#[test]
fn an_invalid_bundle_is_reported_not_compared() {
    let dir = scratch("drift-invalid");
    let bundle = Bundle::new().add(ConfigMap::new("Bad_Name").data("k", "v"));
    let error = Directory::new(&dir).check(&bundle).unwrap_err();
    let OutputError::Invalid(errors) = &error else {
        panic!("expected validation errors, got {error}");
    };
    assert!(!errors.is_empty());
    assert!(error.to_string().contains("ConfigMap/Bad_Name"), "{error}");
}
