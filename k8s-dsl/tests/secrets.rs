//! Secret values never appear in `Debug`, `Display` or error messages; a Secret with literal
//! values gets a warning when it goes into a bundle and when it is written into files
//! (`Directory`; `BuildScript` prints it, see `output_build_script.rs`); values can be read
//! from the environment at generation time instead.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use k8s_dsl::output::Directory;
use k8s_dsl::prelude::*;
use k8s_openapi::api::core::v1 as core;

/// A value that must never be printed.
const VALUE: &str = "hunter2-Zq9-never-print-me";

#[track_caller]
fn assert_hidden(what: &str, text: &str) {
    assert!(
        !text.contains(VALUE),
        "{what} shows the secret value: {text}"
    );
    // Nor its base64 form (`data` is base64 in YAML and JSON).
    let base64 =
        serde_json::to_string(&k8s_openapi::ByteString(VALUE.as_bytes().to_vec())).unwrap();
    assert!(
        !text.contains(base64.trim_matches('"')),
        "{what} shows the secret value in base64: {text}"
    );
}

fn literal_secret(name: &str) -> Secret {
    Secret::new(name)
        .data("token", VALUE.as_bytes().to_vec())
        .string_data("password", VALUE)
}

#[test]
fn secret_builder_debug_hides_values() {
    let secret = literal_secret("db")
        .type_(SecretType::Opaque)
        .immutable(true);
    let debug = format!("{secret:?} {secret:#?}");
    assert_hidden("Secret builder Debug", &debug);
    assert!(
        debug.contains("password") && debug.contains("token"),
        "{debug}"
    );
}

#[test]
fn built_secret_in_an_object_hides_values() {
    let built = literal_secret("db").build().unwrap();
    let object = Object::from(built.clone());
    assert_hidden("Object Debug", &format!("{object:?} {object:#?}"));
    let bundle = Bundle::new().add(built).add(literal_secret("db-2"));
    assert_hidden("Bundle Debug", &format!("{bundle:?}"));
    for object in bundle.objects() {
        assert_hidden("bundle object Debug", &format!("{object:?}"));
    }
}

#[test]
fn errors_of_invalid_secrets_hide_values() {
    let secret = Secret::new("Not_A_Name")
        .string_data("bad key", VALUE)
        .data("also bad/", VALUE.as_bytes().to_vec())
        .string_data("ok", VALUE)
        .type_(SecretType::Tls);
    let errors = secret.clone().build().unwrap_err();
    assert!(errors.has("stringData[bad key]", 34), "{errors}");
    assert!(errors.has("data[also bad/]", 34), "{errors}");
    assert!(errors.has("data[tls.crt]", 0), "{errors}");
    assert_hidden("Errors Display", &errors.to_string());
    assert_hidden("Errors Debug", &format!("{errors:?}"));
    for error in &errors {
        assert_hidden("Error Display", &error.to_string());
    }
    for warning in &errors.warnings {
        assert_hidden("Warning Display", &warning.to_string());
    }

    // The same Secret in a bundle: the bundle's report hides the values too.
    let bundle = Bundle::new().add(secret);
    let errors = bundle.check().unwrap_err();
    assert_hidden("bundle Errors Display", &errors.to_string());
    assert_hidden("bundle Errors Debug", &format!("{errors:?}"));
    let Err(error) = bundle.to_yaml() else {
        panic!("an invalid bundle was written")
    };
    assert_hidden("BundleError Display", &error.to_string());
    assert_hidden("BundleError Debug", &format!("{error:?}"));
}

#[test]
fn oversized_secret_error_hides_values() {
    let big = format!("{VALUE}{}", "x".repeat(1024 * 1024));
    let errors = Secret::new("big")
        .string_data("blob", big)
        .build()
        .unwrap_err();
    assert!(errors.has("data", 0), "{errors}");
    assert_hidden("Errors Display", &format!("{errors} {errors:?}"));
}

#[test]
fn env_values_taken_from_secrets_are_references_only() {
    let container = Container::new("app")
        .image("nginx:1.27")
        .env_var(EnvVar::secret_key("PASSWORD", "db", "password"))
        .env_from(EnvFrom::secret("db"));
    let pod = Pod::new("app").container(container.clone());
    assert_hidden("Container Debug", &format!("{container:?}"));
    let bundle = Bundle::new().add(literal_secret("db")).add(pod);
    let warnings = bundle.check().unwrap();
    let text = format!("{warnings:?} {bundle:?}");
    assert_hidden("bundle with a pod using the secret", &text);
    // The pod's YAML names the Secret and key, never the value.
    let yaml = bundle.to_yaml().unwrap();
    let pod_yaml = &yaml[yaml.find("kind: Pod").unwrap()..];
    assert!(pod_yaml.contains("secretKeyRef"), "{pod_yaml}");
    assert_hidden("pod YAML", pod_yaml);
}

#[test]
fn literal_secret_values_warn_when_bundled() {
    let bundle = Bundle::new().add(literal_secret("db"));
    let warnings = bundle.check().unwrap();
    let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
    assert!(paths.contains(&"Secret/db: data"), "{paths:?}");
    assert!(paths.contains(&"Secret/db: stringData"), "{paths:?}");
    let warning = warnings
        .iter()
        .find(|w| w.path.as_str() == "Secret/db: stringData")
        .unwrap();
    assert!(warning.message.contains("`password`"), "{warning}");
    assert!(warning.message.contains("plain text"), "{warning}");
    assert!(
        warning.message.contains("string_data_from_env"),
        "{warning}"
    );
    for warning in &warnings {
        assert_hidden("Warning", &warning.to_string());
    }

    // A built Secret added as it is gets the same warning.
    let built: core::Secret = literal_secret("built").build().unwrap();
    let warnings = Bundle::new().add(built).check().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.path.as_str() == "Secret/built: stringData"),
        "{warnings:?}"
    );

    // So does one added as an `Object` (as objects read back from YAML are).
    let object = Object::from(literal_secret("object").build().unwrap());
    let warnings = Bundle::new().add(object).check().unwrap();
    let paths: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["Secret/object: data", "Secret/object: stringData"]);

    // A Secret without values (the keys come from elsewhere) gets none.
    let warnings = Bundle::new().add(Secret::new("empty")).check().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
}

/// The warning reaches whoever writes the files: `Directory::render`, `write` and `check` return
/// it, on every run (the file holds the values as long as the Secret has literals).
#[test]
fn literal_secret_values_warn_when_written_to_files() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("k8s-dsl-secrets-files");
    let _ = std::fs::remove_dir_all(&dir);
    let bundle = Bundle::new()
        .add(literal_secret("db"))
        .add(ConfigMap::new("settings").data("mode", "production"));
    let expected = ["Secret/db: data", "Secret/db: stringData"];
    let paths = |warnings: &[Warning]| -> Vec<String> {
        for warning in warnings {
            assert_hidden("Warning", &warning.to_string());
            assert!(
                warning.message.contains("string_data_from_env"),
                "{warning}"
            );
        }
        warnings
            .iter()
            .map(|w| w.path.as_str().to_owned())
            .collect()
    };

    let rendered = Directory::new(&dir).render(&bundle).unwrap();
    assert_eq!(paths(&rendered.warnings), expected);
    let written = Directory::new(&dir).write(&bundle).unwrap();
    assert_eq!(paths(&written.warnings), expected);
    assert!(written.written.contains(&dir.join("secret_db.yaml")));
    // Unchanged on a second run, and still in plain text: the warning comes again.
    let again = Directory::new(&dir).write(&bundle).unwrap();
    assert!(again.written.is_empty(), "{again:?}");
    assert_eq!(paths(&again.warnings), expected);
    assert_eq!(
        paths(&Directory::new(&dir).check(&bundle).unwrap()),
        expected
    );

    // Values from the environment and objects without secrets: no warning.
    let var = "K8S_DSL_TEST_SECRET_FILES";
    std::env::set_var(var, VALUE);
    let from_env = Bundle::new()
        .add(Secret::new("db").string_data_from_env("password", var))
        .add(ConfigMap::new("settings").data("mode", "production"));
    std::env::remove_var(var);
    let written = Directory::new(&dir).write(&from_env).unwrap();
    assert!(written.warnings.is_empty(), "{:?}", written.warnings);
    assert!(written.written.contains(&dir.join("secret_db.yaml")));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn string_data_from_env_reads_the_variable_at_build_time() {
    let var = "K8S_DSL_TEST_SECRET_FROM_ENV";
    std::env::set_var(var, VALUE);
    let secret = Secret::new("db").string_data_from_env("password", var);
    assert_hidden("Secret builder Debug", &format!("{secret:?}"));
    assert!(format!("{secret:?}").contains(var));
    let (built, warnings) = secret.clone().build_with_warnings().unwrap();
    assert_eq!(built.string_data.unwrap()["password"], VALUE);
    assert!(
        warnings.is_empty(),
        "values from the environment are not literals: {warnings:?}"
    );
    let warnings = Bundle::new().add(secret).check().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    std::env::remove_var(var);
}

#[test]
fn string_data_from_env_names_an_unset_variable() {
    let var = "K8S_DSL_TEST_SECRET_NEVER_SET";
    std::env::remove_var(var);
    let errors = Secret::new("db")
        .string_data_from_env("password", var)
        .build()
        .unwrap_err();
    assert!(errors.has("stringData[password]", 0), "{errors}");
    let error = &errors.errors[0];
    assert!(error.message.contains(var), "{error}");
    assert!(error.fix.contains(var), "{error}");
}

#[cfg(unix)]
#[test]
fn string_data_from_env_rejects_non_utf8_without_showing_it() {
    use std::os::unix::ffi::OsStrExt;
    let var = "K8S_DSL_TEST_SECRET_NOT_UTF8";
    let mut bytes = VALUE.as_bytes().to_vec();
    bytes.push(0xff);
    std::env::set_var(var, std::ffi::OsStr::from_bytes(&bytes));
    let errors = Secret::new("db")
        .string_data_from_env("password", var)
        .build()
        .unwrap_err();
    assert!(errors.has("stringData[password]", 0), "{errors}");
    assert!(errors.to_string().contains("UTF-8"), "{errors}");
    assert_hidden("Errors", &format!("{errors} {errors:?}"));
    std::env::remove_var(var);
}

#[test]
fn string_data_from_env_keys_are_checked() {
    let var = "K8S_DSL_TEST_SECRET_KEYS";
    std::env::set_var(var, VALUE);
    let errors = Secret::new("db")
        .string_data_from_env("bad key", var)
        .string_data_from_env("both", var)
        .string_data("both", "literal")
        .build()
        .unwrap_err();
    assert!(errors.has("stringData[bad key]", 34), "{errors}");
    assert!(errors.has("stringData[both]", 0), "{errors}");
    assert_hidden("Errors", &format!("{errors} {errors:?}"));
    std::env::remove_var(var);
}
