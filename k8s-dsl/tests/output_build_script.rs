//! `BuildScript`, for `build.rs`: OUT_DIR, a repository directory, cargo instructions, validation
//! errors as failures, and `K8S_DSL_CHECK`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod output_support;

use std::fs;
use std::path::Path;

use k8s_dsl::output::{BuildEnv, BuildScript, Directory, OutputError, CHECK_ENV};
use k8s_dsl::prelude::*;
use output_support::{app, names, scratch, snapshot};

fn env(root: &Path, check: bool) -> BuildEnv {
    let manifest_dir = root.join("crate");
    fs::create_dir_all(&manifest_dir).unwrap();
    fs::write(manifest_dir.join("build.rs"), "fn main() {}\n").unwrap();
    BuildEnv {
        out_dir: root.join("out"),
        manifest_dir,
        check,
    }
}

fn generate(
    script: &BuildScript,
    bundle: &Bundle,
    env: &BuildEnv,
) -> (Result<std::path::PathBuf, OutputError>, String) {
    let mut instructions = Vec::new();
    let result = script.generate(bundle, env, &mut instructions);
    (result, String::from_utf8(instructions).unwrap())
}

#[test]
fn writes_into_out_dir_and_prints_cargo_instructions() {
    let root = scratch("build-out-dir");
    let env = env(&root, false);
    let script = BuildScript::new().rerun_if_changed("config/prod.toml");
    let (result, instructions) = generate(&script, &app(2, "production"), &env);
    let out = result.unwrap();
    assert_eq!(out, root.join("out/manifests"));
    assert_eq!(
        instructions,
        format!(
            "cargo:rerun-if-changed=build.rs\ncargo:rerun-if-changed=config/prod.toml\ncargo:rerun-if-env-changed={CHECK_ENV}\n"
        )
    );
    assert!(names(&out).contains(&"deployment_shop_web.yaml".to_owned()));
    assert!(names(&out).contains(&"kustomization.yaml".to_owned()));
}

#[test]
fn writes_the_repository_directory_and_checks_it_in_check_mode() {
    let root = scratch("build-repo");
    let script = BuildScript::new().repo_dir("k8s");
    let (result, instructions) = generate(&script, &app(2, "production"), &env(&root, false));
    result.unwrap();
    let repo = root.join("crate/k8s");
    assert!(instructions.contains(&format!("cargo:rerun-if-changed={}\n", repo.display())));
    assert_eq!(snapshot(&repo), snapshot(&root.join("out/manifests")));

    // Check mode, code unchanged: passes.
    let (result, _) = generate(&script, &app(2, "production"), &env(&root, true));
    result.unwrap();

    // Check mode, code changed: fails with the diff, and the repository stays as it was.
    let before = snapshot(&repo);
    let (result, _) = generate(&script, &app(4, "production"), &env(&root, true));
    let error = result.unwrap_err();
    assert!(matches!(error, OutputError::Drift(_)), "{error}");
    assert!(
        error
            .to_string()
            .contains("-  replicas: 2\n+  replicas: 4\n"),
        "{error}"
    );
    assert_eq!(snapshot(&repo), before);
    // OUT_DIR (not part of the repository) has the new manifests the crate includes.
    Directory::new(root.join("out/manifests"))
        .check(&app(4, "production"))
        .unwrap();
}

#[test]
fn validation_errors_fail_with_every_message() {
    let root = scratch("build-invalid");
    let bundle = app(2, "production")
        .add(ConfigMap::new("Bad_Name").data("k", "v"))
        .add(
            Service::new("orphan")
                .selector("app", "nobody")
                .port(ServicePort::tcp(80)),
        );
    let (result, _) = generate(&BuildScript::new(), &bundle, &env(&root, false));
    let error = result.unwrap_err();
    let OutputError::Invalid(errors) = &error else {
        panic!("expected validation errors, got {error}");
    };
    assert!(errors.len() >= 2, "{error}");
    let message = error.to_string();
    assert!(message.contains("ConfigMap/Bad_Name"), "{message}");
    assert!(message.contains("Service/orphan"), "{message}");
    assert!(
        !root.join("out/manifests").exists(),
        "nothing may be written"
    );
}

#[test]
fn warnings_become_cargo_warnings() {
    let root = scratch("build-warnings");
    let bundle = Bundle::new().add(
        Deployment::new("web").template(
            Pod::template()
                .label("app", "web")
                .container(Container::new("web").image("nginx")),
        ),
    );
    let (result, instructions) = generate(&BuildScript::new(), &bundle, &env(&root, false));
    result.unwrap();
    let warnings: Vec<&str> = instructions
        .lines()
        .filter(|line| line.starts_with("cargo:warning="))
        .collect();
    assert!(!warnings.is_empty(), "{instructions}");
    assert!(
        warnings.iter().all(|w| w.contains("Deployment/web: ")),
        "{warnings:?}"
    );
}

/// A Secret with literal values lands in the files in plain text: the build says so, with the
/// way out, on a `cargo:warning=` line per field; the values themselves are never printed.
#[test]
fn literal_secrets_become_cargo_warnings() {
    let root = scratch("build-secret-warnings");
    let value = "hunter2-build-script-never-print";
    let bundle = Bundle::new().add(
        Secret::new("db")
            .namespace("shop")
            .string_data("password", value),
    );
    let (result, instructions) = generate(&BuildScript::new(), &bundle, &env(&root, false));
    let out = result.unwrap();
    assert!(out.join("secret_shop_db.yaml").exists());
    let warnings: Vec<&str> = instructions
        .lines()
        .filter(|line| line.starts_with("cargo:warning="))
        .collect();
    assert_eq!(warnings.len(), 1, "{instructions}");
    let warning = warnings[0];
    assert!(
        warning.starts_with("cargo:warning=Secret/shop/db: stringData: "),
        "{warning}"
    );
    assert!(warning.contains("`password`"), "{warning}");
    assert!(warning.contains("plain text"), "{warning}");
    assert!(warning.contains("string_data_from_env"), "{warning}");
    assert!(!instructions.contains(value), "{instructions}");
}

#[test]
fn a_missing_out_dir_variable_is_a_clear_error() {
    if std::env::var_os("OUT_DIR").is_some() {
        return; // only meaningful outside a build script
    }
    let error = BuildEnv::from_env().unwrap_err();
    assert_eq!(
        error.to_string(),
        "environment variable `OUT_DIR` is not set; run this from a build script (`build.rs`), where cargo sets it"
    );
    // `try_run`, the form of `run` that returns instead of exiting, reports the same.
    let error = BuildScript::new()
        .try_run(&app(2, "production"))
        .unwrap_err();
    assert!(
        matches!(error, OutputError::MissingEnv { name: "OUT_DIR" }),
        "{error}"
    );
}
