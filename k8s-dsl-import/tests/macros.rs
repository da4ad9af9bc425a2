//! `--macros`: Pods, Jobs, CronJobs, Deployments and StatefulSets as their macros, other kinds as builder
//! code, and builder code (with every field that forced it named) where a macro has no key.
//! That the macro output compiles and gives back the same objects is `roundtrip.rs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Command;

use k8s_dsl_import::{import, import_str, Generated, Options};

const MACROS: Options = Options { macros: true };

fn with_macros(text: &str) -> Generated {
    import_str("in.yaml", text, &MACROS).unwrap()
}

const POD: &str = "apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Never
  activeDeadlineSeconds: 5400
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
      protocol: TCP
";

#[test]
fn a_pod_becomes_pod_macro_with_durations_and_bare_enum_values() {
    let generated = with_macros(POD);
    let code = &generated.code;
    assert!(code.contains("k8s_dsl::pod! {\n"), "{code}");
    assert!(
        code.contains("            restartPolicy: Never,\n"),
        "{code}"
    );
    assert!(code.contains("activeDeadlineSeconds: 1h30m,"), "{code}");
    assert!(
        code.contains("ports: [ { containerPort: 80, protocol: TCP } ]"),
        "{code}"
    );
    assert!(!code.contains("Pod::new"), "{code}");
    assert!(generated.builder_fallbacks.is_empty());
}

#[test]
fn without_the_option_the_same_pod_is_builder_code() {
    let code = import_str("in.yaml", POD, &Options::default())
        .unwrap()
        .code;
    assert!(code.contains("Pod::new(\"web\")"), "{code}");
    assert!(!code.contains("pod!"), "{code}");
}

#[test]
fn kinds_without_a_macro_are_the_same_builder_code_with_macros() {
    for file in [
        "tests/corpus/workloads/daemonset.yaml",
        "tests/corpus/services/nodeport.yaml",
    ] {
        let file = Path::new(file);
        let builders = import(file, &Options::default()).unwrap();
        let macros = import(file, &MACROS).unwrap();
        assert_eq!(builders, macros);
    }
}

const STATEFUL_SET: &str = "apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  replicas: 2
  selector:
    matchLabels:
      app: cache
  template:
    metadata:
      labels:
        app: cache
    spec:
      containers:
      - name: cache
        image: redis:7
";

#[test]
fn a_stateful_set_is_a_statefulset_macro() {
    let code = with_macros(STATEFUL_SET).code;
    assert!(code.contains("k8s_dsl::statefulset! {"), "{code}");
    assert!(code.contains("serviceName: \"cache\""), "{code}");
    assert!(!code.contains("StatefulSet::new"), "{code}");
}

#[test]
fn a_stateful_set_with_claim_templates_is_builder_code_that_says_why() {
    let code = import(
        Path::new("tests/corpus/examples/statefulset_rg.yaml"),
        &MACROS,
    )
    .unwrap()
    .code;
    assert!(code.contains("StatefulSet::new(\"rg\")"), "{code}");
    assert!(
        code.contains("`statefulset!` has no key for `spec.volumeClaimTemplates`"),
        "{code}"
    );
}

#[test]
fn a_deployment_is_a_deployment_macro_beside_builder_code_for_other_kinds() {
    let code = import(Path::new("tests/corpus/web-app.yaml"), &MACROS)
        .unwrap()
        .code;
    assert!(code.contains("k8s_dsl::deployment! {"), "{code}");
    assert!(code.contains("Service::new(\"web\")"), "{code}");
    assert!(code.contains("PodDisruptionBudget::new(\"web\")"), "{code}");
}

#[test]
fn scheduling_dns_and_container_keys_are_written_as_pod_macro_keys() {
    let text = format!(
        "{POD}    stdin: true\n    tty: true\n  tolerations:\n  - operator: Exists\n  - key: dedicated\n    operator: Equal\n    value: batch\n    effect: NoSchedule\n    tolerationSeconds: 300\n  shareProcessNamespace: true\n  priority: -5\n  dnsConfig:\n    options:\n    - name: ndots\n      value: \"2\"\n  securityContext:\n    supplementalGroups: [3000]\n    fsGroupChangePolicy: OnRootMismatch\n    seccompProfile:\n      type: RuntimeDefault\n"
    );
    let generated = with_macros(&text);
    let code = &generated.code;
    assert!(code.contains("k8s_dsl::pod! {\n"), "{code}");
    for line in [
        "stdin: true,",
        "tty: true,",
        "shareProcessNamespace: true,",
        "priority: -5,",
        "{ operator: Exists },",
        "operator: Equal,",
        "effect: NoSchedule,",
        "tolerationSeconds: 5m,",
        "dnsConfig: { options: [ { name: \"ndots\", value: \"2\" } ] },",
        "supplementalGroups: [3000]",
        "fsGroupChangePolicy: OnRootMismatch",
        "seccompProfile: { type: RuntimeDefault }",
    ] {
        assert!(code.contains(line), "{line} in\n{code}");
    }
    assert!(!code.contains("Pod::new"), "{code}");
    assert!(
        generated.builder_fallbacks.is_empty(),
        "{:?}",
        generated.builder_fallbacks
    );
    assert!(
        generated.unsupported.is_empty(),
        "{:?}",
        generated.unsupported
    );
}

#[test]
fn every_field_without_a_macro_key_is_named_and_the_object_is_builder_code() {
    let text = format!(
        "{POD}  volumes:\n  - name: share\n    iscsi:\n      targetPortal: 10.0.0.1:3260\n      iqn: iqn.2001-04.com.example:storage\n      lun: 0\n  - name: disk\n    csi:\n      driver: disk.example.com\n      nodePublishSecretRef:\n        name: disk-secret\n  - name: bundle\n    projected:\n      sources:\n      - configMap:\n          name: app\n          optional: true\n"
    );
    let generated = with_macros(&text);
    let code = &generated.code;
    assert!(code.contains("Pod::new(\"web\")"), "{code}");
    assert!(!code.contains("k8s_dsl::pod!"), "{code}");
    for path in [
        "spec.volumes[0].iscsi",
        "spec.volumes[1].csi.nodePublishSecretRef",
        "spec.volumes[2].projected.sources[0].configMap.optional",
    ] {
        let line = format!("        // - `pod!` has no key for `{path}`\n");
        assert!(code.contains(&line), "{path} in\n{code}");
        assert!(
            generated.builder_fallbacks.contains(&format!(
                "in.yaml document 1: Pod/web: `pod!` has no key for `{path}`"
            )),
            "{path} in {:?}",
            generated.builder_fallbacks
        );
    }
    assert_eq!(generated.builder_fallbacks.len(), 3);
    // The fallback is not a loss: the CSI volume is builder code, the others are kept whole,
    // nothing as JSON.
    assert!(
        code.contains(".node_publish_secret(\"disk-secret\")"),
        "{code}"
    );
    assert_eq!(generated.unsupported.len(), 2);
    assert!(
        generated
            .unsupported
            .iter()
            .all(|u| u.kept == "kept with `Volume::from_k8s`"),
        "{:?}",
        generated.unsupported
    );
}

#[test]
fn a_toleration_without_operator_is_kept_as_json_not_written_as_equal() {
    // `pod!`, as `Toleration::equal`, would write `operator: Equal`.
    let text = format!("{POD}  tolerations:\n  - key: dedicated\n    value: batch\n");
    let generated = with_macros(&text);
    let code = &generated.code;
    assert!(
        code.contains("with_fields(\n            k8s_dsl::pod! {\n"),
        "{code}"
    );
    assert!(!code.contains("tolerations:"), "{code}");
    assert!(code.contains("\"/spec/tolerations\""), "{code}");
    assert!(generated.builder_fallbacks.is_empty());
}

#[test]
fn consecutive_projected_downward_api_sources_stay_whole_and_builder_code() {
    // The builder and the macro write consecutive `downwardAPI` sources as one.
    let text = format!(
        "{POD}  volumes:\n  - name: info\n    projected:\n      sources:\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n      - downwardAPI:\n          items:\n          - path: name\n            fieldRef:\n              fieldPath: metadata.name\n"
    );
    let generated = with_macros(&text);
    let code = &generated.code;
    assert!(code.contains("Volume::from_k8s("), "{code}");
    assert!(!code.contains("field_item"), "{code}");
    assert_eq!(
        generated.builder_fallbacks,
        ["in.yaml document 1: Pod/web: `pod!` writes consecutive `downwardAPI` sources as one (`spec.volumes[0].projected.sources[1]`)"]
    );
}

#[test]
fn a_projected_volume_and_downward_resources_are_pod_macro_keys() {
    let text = format!(
        "{POD}  serviceAccountName: web\n  volumes:\n  - name: bundle\n    projected:\n      defaultMode: 288\n      sources:\n      - configMap:\n          name: app\n          items:\n          - key: a\n            path: a.yaml\n      - downwardAPI:\n          items:\n          - path: labels\n            fieldRef:\n              fieldPath: metadata.labels\n      - serviceAccountToken:\n          path: token\n          expirationSeconds: 3600\n  - name: limits\n    downwardAPI:\n      items:\n      - path: cpu\n        resourceFieldRef:\n          containerName: web\n          resource: limits.cpu\n"
    );
    let generated = with_macros(&text);
    let code = &generated.code;
    for part in [
        "projected: {",
        "defaultMode: 0o440",
        "{ configMap: { name: \"app\", items: [ { key: \"a\", path: \"a.yaml\" } ] } }",
        "{ serviceAccountToken: { path: \"token\", expirationSeconds: 1h } }",
        "resourceFieldRef: { containerName: \"web\", resource: \"limits.cpu\" }",
    ] {
        assert!(code.contains(part), "{part} in\n{code}");
    }
    assert!(
        generated.builder_fallbacks.is_empty(),
        "{:?}",
        generated.builder_fallbacks
    );
}

#[test]
fn job_policies_and_selectors_are_job_macro_keys() {
    let text = "apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  podReplacementPolicy: Failed
  managedBy: example.com/queue
  podFailurePolicy:
    rules:
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
        status: \"True\"
    - action: FailJob
      onExitCodes:
        operator: In
        values: [42]
  manualSelector: true
  selector:
    matchLabels:
      app: once
  template:
    metadata:
      labels:
        app: once
    spec:
      restartPolicy: Never
      containers:
      - name: run
        image: busybox:1.36
";
    let generated = with_macros(text);
    let code = &generated.code;
    assert!(code.contains("k8s_dsl::job! {"), "{code}");
    for part in [
        "podReplacementPolicy: Failed,",
        "managedBy: \"example.com/queue\",",
        "action: Ignore,",
        "onPodConditions: [ { type: \"DisruptionTarget\", status: True } ],",
        "{ action: FailJob, onExitCodes: { operator: In, values: [42] } },",
        "manualSelector: true,",
        "selector: { matchLabels: { app: \"once\" } },",
    ] {
        assert!(code.contains(part), "{part} in\n{code}");
    }
    assert!(
        generated.builder_fallbacks.is_empty(),
        "{:?}",
        generated.builder_fallbacks
    );
}

#[test]
fn a_pod_failure_rule_without_a_condition_makes_the_job_builder_code() {
    let text = "apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  podFailurePolicy:
    rules:
    - action: Ignore
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: run
        image: busybox:1.36
";
    let generated = with_macros(text);
    assert!(
        generated.code.contains("Job::new(\"once\")"),
        "{}",
        generated.code
    );
    assert!(
        generated.code.contains(
            "// - `job!` takes exactly one of `onExitCodes`, `onPodConditions` at `spec.podFailurePolicy.rules[0]`"
        ),
        "{}",
        generated.code
    );
}

#[test]
fn roles_that_alternate_cannot_be_one_list_a_role_and_stay_builder_code() {
    let text = "apiVersion: v1
kind: Pod
metadata:
  name: mixed
spec:
  initContainers:
  - name: first
    image: busybox:1.36
  - name: shipper
    image: fluent/fluent-bit:3.2
    restartPolicy: Always
  - name: last
    image: busybox:1.36
  containers:
  - name: app
    image: nginx:1.27
";
    let generated = with_macros(text);
    assert!(
        generated.code.contains("Pod::new(\"mixed\")"),
        "{}",
        generated.code
    );
    assert_eq!(generated.builder_fallbacks.len(), 1);
    let why = &generated.builder_fallbacks[0];
    assert!(
        why.contains("the roles in `spec.initContainers` alternate (at `spec.initContainers[2]`)"),
        "{why}"
    );
}

#[test]
fn a_native_sidecar_goes_to_sidecars_without_its_restart_policy() {
    let text = "apiVersion: v1
kind: Pod
metadata:
  name: shipped
spec:
  initContainers:
  - name: shipper
    image: fluent/fluent-bit:3.2
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1.27
";
    let code = with_macros(text).code;
    assert!(
        code.contains("sidecars: [ { name: \"shipper\", image: \"fluent/fluent-bit:3.2\" } ],"),
        "{code}"
    );
    assert!(!code.contains("restartPolicy"), "{code}");
}

#[test]
fn fields_kept_as_json_are_set_on_the_object_the_macro_builds() {
    let text = format!("{POD}  nodeName: node-1\n");
    let generated = with_macros(&text);
    let code = &generated.code;
    assert!(
        code.contains("with_fields(\n            k8s_dsl::pod! {\n"),
        "{code}"
    );
    assert!(
        code.contains("(\"/spec/nodeName\", serde_json::json!(\"node-1\")),"),
        "{code}"
    );
    assert_eq!(generated.unsupported.len(), 1);
    assert!(generated.builder_fallbacks.is_empty());
}

#[test]
fn the_command_prints_macros_and_names_each_fallback_on_stderr() {
    let bin = env!("CARGO_BIN_EXE_k8s-dsl-import");
    let out = Command::new(bin)
        .args(["--macros", "tests/corpus/batch-app.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("k8s_dsl::job! {"), "{stdout}");
    assert!(stdout.contains("k8s_dsl::cronjob! {"), "{stdout}");
    assert!(
        stdout.contains("ConfigMap::new(\"batch-settings\")"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("Pod/debug"), "{stderr}");
    let raw = Command::new(bin)
        .args(["--macros", "tests/corpus/pods/volumes-raw.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&raw.stderr);
    assert!(
        stderr.contains("Pod/volumes-raw: `pod!` has no key for `spec.volumes[2].ephemeral`; the object is written with builders"),
        "{stderr}"
    );
    let help = Command::new(bin).arg("--help").output().unwrap();
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("--macros   write Pods, Jobs and CronJobs")
    );
}

#[test]
fn the_book_chapter_shows_the_real_macro_output_for_its_file() {
    let chapter = std::fs::read_to_string("../book/src/import.md").unwrap();
    let corpus = "../../k8s-dsl-import/tests/corpus/batch-app.yaml";
    let generated = "../../k8s-dsl-import/tests/generated_macros/batch_app.rs";
    assert!(chapter.contains(&format!("```yaml\n{{{{#include {corpus}}}}}\n```")));
    assert!(chapter.contains(&format!("```rust\n{{{{#include {generated}}}}}\n")));
    let code = import(Path::new("tests/corpus/batch-app.yaml"), &MACROS)
        .unwrap()
        .code;
    assert_eq!(
        std::fs::read_to_string("tests/generated_macros/batch_app.rs").unwrap(),
        code
    );
}

#[test]
fn the_committed_macro_output_is_rustfmt_clean() {
    // rustfmt leaves macro bodies as they are: the import lays them out, and rustfmt checks
    // that everything around them is as it would write it.
    let mut files: Vec<_> = std::fs::read_dir("tests/generated_macros")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "mod.rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "{files:?}");
    let check = match Command::new("rustfmt")
        .args(["--edition", "2021", "--check"])
        .args(&files)
        .output()
    {
        Ok(check) => check,
        // In CI a missing rustfmt is a broken setup, not a reason to check nothing.
        Err(e) if in_ci() => {
            panic!("rustfmt cannot be run in CI ({e}): install it (`rustup component add rustfmt`)")
        }
        Err(e) => {
            eprintln!(
                "rustfmt cannot be run ({e}); the macro output is not checked (CI fails here)"
            );
            return;
        }
    };
    assert!(
        check.status.success(),
        "`rustfmt --check` fails on the committed macro output:\n{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Whether the tests run in CI (`CI` set, as CI services and `.ci/run` do), where nothing may
/// be skipped for a missing tool.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

#[test]
fn a_mount_with_sub_path_and_sub_path_expr_makes_the_pod_builder_code() {
    // The macro takes at most one of them (rule 37 is a compile error there).
    let text = format!(
        "{POD}    volumeMounts:\n    - name: logs\n      mountPath: /logs\n      subPath: a\n      subPathExpr: $(POD_NAME)\n  volumes:\n  - name: logs\n    emptyDir: {{}}\n"
    );
    let generated = with_macros(&text);
    assert!(
        generated.code.contains("Pod::new(\"web\")"),
        "{}",
        generated.code
    );
    assert_eq!(
        generated.builder_fallbacks,
        ["in.yaml document 1: Pod/web: `pod!` takes at most one of `subPath`, `subPathExpr` at `spec.containers[0].volumeMounts[0]`"]
    );
}
