//! `k8s_dsl::cluster` and `k8s-dsl diff|apply` against the real API server (kube-apiserver
//! 1.37.2 and etcd, started by `scripts/apiserver`, which exports `KUBECONFIG`): apply, change,
//! diff, prune, re-apply without writes, conflicts between field managers, Secret values that
//! never reach a diff, prune that leaves other objects alone, a derived custom resource with its
//! CRD, waiting for a rollout, and the command's exit codes.
//!
//! They need that server, so they are `#[ignore]`d in a plain `cargo test`; `scripts/test-all`
//! runs them with `cargo test -p k8s-dsl-cli --test cluster -- --ignored` after starting it, and
//! they fail when there is none. Each test works in namespaces of its own, named with the
//! process id, so a second run against the same server starts clean.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::Command;
use std::time::Duration;

use k8s_dsl::cluster::{self, Action, ApplyOptions, Change, ClusterError, Conflict, Typed};
use k8s_dsl::prelude::*;
use k8s_openapi::api::apps::v1 as apps;
use k8s_openapi::api::core::v1 as core;
use kube::api::{Api, Patch, PatchParams, PostParams};
use kube::{Client, CustomResource, CustomResourceExt};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_k8s-dsl");

async fn client() -> Client {
    assert!(
        std::env::var_os("KUBECONFIG").is_some(),
        "no KUBECONFIG: start the test API server with scripts/apiserver"
    );
    Client::try_default()
        .await
        .expect("a client of the test API server")
}

/// A namespace name of this run.
fn namespace(base: &str) -> String {
    format!("{base}-{}", std::process::id())
}

fn id(kind: &str, namespace: &str, name: &str) -> ObjectId {
    ObjectId {
        kind: kind.into(),
        namespace: Some(namespace.into()),
        name: name.into(),
    }
}

fn config_maps(client: &Client, namespace: &str) -> Api<core::ConfigMap> {
    Api::namespaced(client.clone(), namespace)
}

/// Creates a namespace directly (not through a bundle).
async fn create_namespace(client: &Client, name: &str) {
    let namespaces: Api<core::Namespace> = Api::all(client.clone());
    let namespace = Namespace::new(name).build().unwrap();
    namespaces
        .create(&PostParams::default(), &namespace)
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn apply_change_diff_prune_and_reapply_without_writes() {
    let client = client().await;
    let ns = namespace("cycle");
    let options = ApplyOptions::new(&ns).prune(true);
    let first = Bundle::new()
        .add(Namespace::new(&ns))
        .add(
            ConfigMap::new("settings")
                .namespace(&ns)
                .data("mode", "fast"),
        )
        .add(ConfigMap::new("extra").namespace(&ns).data("a", "b"));

    // Nothing in the cluster yet: every object is created (its namespace too, so the objects
    // in it are shown as the bundle has them).
    let diff = cluster::diff(&client, &first, &options).await.unwrap();
    let verbs: Vec<(&str, String)> = diff
        .changes
        .iter()
        .map(|c| (c.verb(), c.id().to_string()))
        .collect();
    assert_eq!(
        verbs,
        [
            ("create", format!("Namespace/{ns}")),
            ("create", format!("ConfigMap/{ns}/extra")),
            ("create", format!("ConfigMap/{ns}/settings")),
        ]
    );
    assert_eq!(
        diff.changes[2].diff(),
        format!(
            "--- /dev/null\n+++ bundle/ConfigMap/{ns}/settings\n@@ -0,0 +1,9 @@\n+apiVersion: v1\n+data:\n+  mode: fast\n+kind: ConfigMap\n+metadata:\n+  labels:\n+    k8s-dsl.dev/bundle: {ns}\n+  name: settings\n+  namespace: {ns}\n"
        )
    );

    let report = cluster::apply(&client, &first, &options).await.unwrap();
    assert!(
        report.objects.iter().all(|(_, a)| *a == Action::Created),
        "{report}"
    );
    assert_eq!(report.objects.len(), 3);
    let live = config_maps(&client, &ns).get("settings").await.unwrap();
    assert_eq!(live.metadata.labels.unwrap()["k8s-dsl.dev/bundle"], ns);

    // Applied: no changes.
    let diff = cluster::diff(&client, &first, &options).await.unwrap();
    assert!(!diff.has_changes(), "{diff}");
    assert_eq!(diff.to_string(), "");

    // Changed: one value differs, one object is gone from the bundle.
    let second = Bundle::new().add(Namespace::new(&ns)).add(
        ConfigMap::new("settings")
            .namespace(&ns)
            .data("mode", "slow"),
    );
    let diff = cluster::diff(&client, &second, &options).await.unwrap();
    assert_eq!(
        diff.to_string(),
        format!(
            "--- live/ConfigMap/{ns}/settings\n+++ bundle/ConfigMap/{ns}/settings\n@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n-  mode: fast\n+  mode: slow\n kind: ConfigMap\n metadata:\n   labels:\n\
             --- live/ConfigMap/{ns}/extra\n+++ /dev/null\n@@ -1,9 +0,0 @@\n-apiVersion: v1\n-data:\n-  a: b\n-kind: ConfigMap\n-metadata:\n-  labels:\n-    k8s-dsl.dev/bundle: {ns}\n-  name: extra\n-  namespace: {ns}\n"
        )
    );
    assert!(matches!(&diff.changes[1], Change::Update { .. }));
    assert!(matches!(&diff.changes[2], Change::Prune { .. }));

    // A dry run lists what prune would delete, and deletes nothing.
    let dry = cluster::apply(&client, &second, &options.clone().dry_run(true))
        .await
        .unwrap();
    assert_eq!(
        dry.to_string(),
        format!(
            "Namespace/{ns} unchanged (dry run)\nConfigMap/{ns}/settings configured (dry run)\nConfigMap/{ns}/extra pruned (dry run)\n"
        )
    );
    assert!(config_maps(&client, &ns)
        .get_opt("extra")
        .await
        .unwrap()
        .is_some());
    assert_eq!(
        config_maps(&client, &ns)
            .get("settings")
            .await
            .unwrap()
            .data
            .unwrap()["mode"],
        "fast"
    );

    let report = cluster::apply(&client, &second, &options).await.unwrap();
    assert_eq!(
        report.objects,
        [
            (
                ObjectId {
                    kind: "Namespace".into(),
                    namespace: None,
                    name: ns.clone()
                },
                Action::Unchanged
            ),
            (id("ConfigMap", &ns, "settings"), Action::Configured),
            (id("ConfigMap", &ns, "extra"), Action::Pruned),
        ]
    );
    assert!(config_maps(&client, &ns)
        .get_opt("extra")
        .await
        .unwrap()
        .is_none());
    let before = config_maps(&client, &ns).get("settings").await.unwrap();
    assert_eq!(before.data.as_ref().unwrap()["mode"], "slow");

    // Unchanged: applied again, the server writes nothing.
    let report = cluster::apply(&client, &second, &options).await.unwrap();
    assert!(!report.changed(), "{report}");
    let after = config_maps(&client, &ns).get("settings").await.unwrap();
    assert_eq!(
        before.metadata.resource_version,
        after.metadata.resource_version
    );
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn a_conflict_names_the_field_manager_that_owns_the_field() {
    let client = client().await;
    let ns = namespace("conflict");
    create_namespace(&client, &ns).await;
    let bundle = Bundle::new().add(
        ConfigMap::new("settings")
            .namespace(&ns)
            .data("mode", "fast"),
    );
    let options = ApplyOptions::new(&ns);
    cluster::apply(&client, &bundle, &options).await.unwrap();

    // Another manager takes the field over.
    let theirs = json!({
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "settings", "namespace": ns},
        "data": {"mode": "slow"},
    });
    config_maps(&client, &ns)
        .patch(
            "settings",
            &PatchParams::apply("ops-console").force(),
            &Patch::Apply(&theirs),
        )
        .await
        .unwrap();

    let error = cluster::apply(&client, &bundle, &options)
        .await
        .unwrap_err();
    match &error {
        ClusterError::Conflict {
            id: object,
            conflicts,
        } => {
            assert_eq!(object, &id("ConfigMap", &ns, "settings"));
            assert_eq!(
                conflicts,
                &[Conflict {
                    field: ".data.mode".into(),
                    manager: "ops-console".into()
                }]
            );
        }
        other => panic!("not a conflict: {other}"),
    }
    assert!(
        error
            .to_string()
            .contains("owned by field manager `ops-console`"),
        "{error}"
    );
    // The diff sees the same conflict.
    assert!(matches!(
        cluster::diff(&client, &bundle, &options).await,
        Err(ClusterError::Conflict { .. })
    ));

    // Forced: the field is ours again.
    let report = cluster::apply(&client, &bundle, &options.clone().force_conflicts(true))
        .await
        .unwrap();
    assert_eq!(
        report.objects,
        [(id("ConfigMap", &ns, "settings"), Action::Configured)]
    );
    let live = config_maps(&client, &ns).get("settings").await.unwrap();
    assert_eq!(live.data.unwrap()["mode"], "fast");
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn secret_values_never_appear_in_a_diff() {
    let client = client().await;
    let ns = namespace("secrets");
    create_namespace(&client, &ns).await;
    let options = ApplyOptions::new(&ns).prune(true);
    let secret = |value: &str| {
        Secret::new("db")
            .namespace(&ns)
            .string_data("password", value)
    };
    let values = ["hunter2-first", "hunter2-second", "hunter2-third"];
    let encoded = [
        "aHVudGVyMi1maXJzdA==",
        "aHVudGVyMi1zZWNvbmQ=",
        "aHVudGVyMi10aGlyZA==",
    ];
    let no_value = |text: &str| {
        assert!(text.contains("password"), "{text}");
        assert!(text.contains("<hidden value, sha256 "), "{text}");
        for value in values.iter().chain(encoded.iter()) {
            assert!(!text.contains(value), "{value} in\n{text}");
        }
    };

    let first = Bundle::new().add(secret(values[0]));
    let diff = cluster::diff(&client, &first, &options).await.unwrap();
    assert!(matches!(&diff.changes[0], Change::Create { .. }));
    no_value(&diff.to_string());
    cluster::apply(&client, &first, &options).await.unwrap();

    let second = Bundle::new().add(secret(values[1]));
    let diff = cluster::diff(&client, &second, &options).await.unwrap();
    assert!(matches!(&diff.changes[0], Change::Update { .. }), "{diff}");
    no_value(&diff.to_string());
    cluster::apply(&client, &second, &options).await.unwrap();

    // Pruned: the diff to nothing hides the values too.
    let third = Bundle::new().add(
        Secret::new("other")
            .namespace(&ns)
            .string_data("password", values[2]),
    );
    let diff = cluster::diff(&client, &third, &options).await.unwrap();
    assert_eq!(
        diff.changes.iter().map(Change::verb).collect::<Vec<_>>(),
        ["create", "prune"]
    );
    no_value(&diff.to_string());
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn prune_deletes_only_the_bundles_own_objects_in_its_namespaces() {
    let client = client().await;
    let ours = namespace("prune-ours");
    let elsewhere = namespace("prune-elsewhere");
    create_namespace(&client, &ours).await;
    create_namespace(&client, &elsewhere).await;
    let options = ApplyOptions::new(&ours).prune(true);
    let first = Bundle::new()
        .add(ConfigMap::new("keep").namespace(&ours))
        .add(ConfigMap::new("gone").namespace(&ours));
    cluster::apply(&client, &first, &options).await.unwrap();

    // Someone else's objects: one without the label, one with the label of another bundle,
    // and one with this bundle's label and the pruned object's name in a namespace the bundle
    // does not name.
    let create = |namespace: &str, name: &str, owner: Option<&str>| {
        let mut config_map = ConfigMap::new(name).namespace(namespace);
        if let Some(owner) = owner {
            config_map = config_map.label("k8s-dsl.dev/bundle", owner);
        }
        config_map.build().unwrap()
    };
    for (namespace, name, owner) in [
        (ours.as_str(), "stranger", None),
        (ours.as_str(), "neighbour", Some("another-bundle")),
        (elsewhere.as_str(), "gone", Some(ours.as_str())),
    ] {
        config_maps(&client, namespace)
            .create(&PostParams::default(), &create(namespace, name, owner))
            .await
            .unwrap();
    }

    let second = Bundle::new().add(ConfigMap::new("keep").namespace(&ours));
    let report = cluster::apply(&client, &second, &options).await.unwrap();
    assert_eq!(
        report.objects,
        [
            (id("ConfigMap", &ours, "keep"), Action::Unchanged),
            (id("ConfigMap", &ours, "gone"), Action::Pruned),
        ]
    );
    let names = |list: kube::core::ObjectList<core::ConfigMap>| -> Vec<String> {
        let mut names: Vec<String> = list
            .items
            .into_iter()
            .filter_map(|c| c.metadata.name)
            .filter(|n| n != "kube-root-ca.crt")
            .collect();
        names.sort();
        names
    };
    let left = config_maps(&client, &ours)
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(names(left), ["keep", "neighbour", "stranger"]);
    let left = config_maps(&client, &elsewhere)
        .list(&Default::default())
        .await
        .unwrap();
    assert_eq!(names(left), ["gone"]);
}

/// A custom resource of this test, with its CRD from the derive.
#[derive(CustomResource, Serialize, Deserialize, Clone, Debug, PartialEq, JsonSchema)]
#[kube(
    group = "tests.k8s-dsl.dev",
    version = "v1",
    kind = "Backup",
    namespaced
)]
struct BackupSpec {
    schedule: String,
    keep: u32,
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn a_derived_custom_resource_goes_in_after_its_crd() {
    let client = client().await;
    let ns = namespace("typed");
    let mut backup = Backup::new(
        "nightly",
        BackupSpec {
            schedule: "0 3 * * *".into(),
            keep: 7,
        },
    );
    backup.metadata.namespace = Some(ns.clone());
    let bundle = Bundle::new()
        .add(Typed(backup))
        .add(Namespace::new(&ns))
        .add(Backup::crd());
    bundle.check().unwrap();
    let kinds: Vec<&str> = bundle.objects().into_iter().map(|o| o.kind()).collect();
    assert_eq!(kinds, ["Namespace", "CustomResourceDefinition", "Backup"]);

    let options = ApplyOptions::new(&ns);
    let report = cluster::apply(&client, &bundle, &options).await.unwrap();
    let actions: Vec<Action> = report.objects.iter().map(|(_, a)| *a).collect();
    assert_eq!(actions.len(), 3, "{report}");
    assert_eq!(
        report.objects[2],
        (id("Backup", &ns, "nightly"), Action::Created)
    );

    // The typed API reads back what the bundle sent.
    let backups: Api<Backup> = Api::namespaced(client.clone(), &ns);
    let live = backups.get("nightly").await.unwrap();
    assert_eq!(
        live.spec,
        BackupSpec {
            schedule: "0 3 * * *".into(),
            keep: 7
        }
    );
    let diff = cluster::diff(&client, &bundle, &options).await.unwrap();
    assert!(!diff.has_changes(), "{diff}");
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn waiting_for_a_rollout_ends_when_its_status_says_so() {
    // The test server runs no controllers: the Deployment's status is patched here, as the
    // Deployment controller would.
    let client = client().await;
    let ns = namespace("rollout");
    create_namespace(&client, &ns).await;
    let bundle = Bundle::new().add(
        Deployment::new("web").namespace(&ns).replicas(2).template(
            Pod::template()
                .label("app", "web")
                .container(Container::new("web").image("nginx:1.27")),
        ),
    );
    let options = ApplyOptions::new(&ns);
    cluster::apply(&client, &bundle, &options).await.unwrap();

    let error = cluster::wait_for_rollouts(&client, &bundle, &options, Duration::from_secs(1))
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("timed out waiting for Deployment/{ns}/web: the controller has not seen generation 1 yet")
    );

    let deployments: Api<apps::Deployment> = Api::namespaced(client.clone(), &ns);
    let status = |updated: i32| json!({"status": {"observedGeneration": 1, "replicas": 2, "updatedReplicas": updated, "readyReplicas": updated, "availableReplicas": updated}});
    deployments
        .patch_status("web", &PatchParams::default(), &Patch::Merge(status(1)))
        .await
        .unwrap();
    let error = cluster::wait_for_rollouts(&client, &bundle, &options, Duration::from_secs(1))
        .await
        .unwrap_err();
    assert!(
        error.to_string().ends_with("web: 1 of 2 updated"),
        "{error}"
    );

    deployments
        .patch_status("web", &PatchParams::default(), &Patch::Merge(status(2)))
        .await
        .unwrap();
    cluster::wait_for_rollouts(&client, &bundle, &options, Duration::from_secs(1))
        .await
        .unwrap();
    // And as part of an apply.
    let report = cluster::apply(
        &client,
        &bundle,
        &options.clone().wait(Duration::from_secs(1)),
    )
    .await
    .unwrap();
    assert!(!report.changed(), "{report}");
}

/// A run of the command.
fn k8s_dsl(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(BIN).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[tokio::test]
#[ignore = "needs the test API server (scripts/apiserver); scripts/test-all runs it"]
async fn the_command_applies_a_directory_with_the_exit_codes_of_kubectl_diff() {
    let client = client().await;
    let ns = namespace("cli");
    let dir = std::env::temp_dir().join(format!("k8s-dsl-cluster-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |mode: &str| {
        let bundle = Bundle::new()
            .add(Namespace::new(&ns))
            .add(ConfigMap::new("settings").namespace(&ns).data("mode", mode));
        k8s_dsl::output::Directory::new(&dir)
            .write(&bundle)
            .unwrap();
    };
    write("fast");
    let path = dir.to_str().unwrap();

    let (code, stdout, stderr) = k8s_dsl(&["diff", path, "--owner", &ns]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!("+++ bundle/ConfigMap/{ns}/settings")),
        "{stdout}"
    );

    let (code, stdout, stderr) = k8s_dsl(&["apply", path, "--owner", &ns, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("Namespace/{ns} created (dry run)\nConfigMap/{ns}/settings created (dry run)\n")
    );

    let (code, stdout, stderr) = k8s_dsl(&["apply", path, "--owner", &ns, "--prune"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("Namespace/{ns} created\nConfigMap/{ns}/settings created\n")
    );
    let live = config_maps(&client, &ns).get("settings").await.unwrap();
    assert_eq!(live.data.unwrap()["mode"], "fast");

    let (code, stdout, stderr) = k8s_dsl(&["diff", path, "--owner", &ns, "--prune"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");

    write("slow");
    let (code, stdout, _) = k8s_dsl(&["diff", path, "--owner", &ns]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("-  mode: fast\n+  mode: slow\n"),
        "{stdout}"
    );

    // Errors: an input that does not exist, an object the server refuses to take over.
    let (code, _, stderr) = k8s_dsl(&["diff", "/nonexistent/manifests", "--owner", &ns]);
    assert_eq!(code, 2, "{stderr}");
    let theirs = json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": ns}, "data": {"mode": "other"}});
    config_maps(&client, &ns)
        .patch(
            "settings",
            &PatchParams::apply("ops-console").force(),
            &Patch::Apply(&theirs),
        )
        .await
        .unwrap();
    let (code, _, stderr) = k8s_dsl(&["apply", path, "--owner", &ns]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("owned by field manager `ops-console`"),
        "{stderr}"
    );
    let (code, stdout, stderr) = k8s_dsl(&["apply", path, "--owner", &ns, "--force-conflicts"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("Namespace/{ns} unchanged\nConfigMap/{ns}/settings configured\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
