//! `output::HelmChart` against the real helm, built from Helm's Go module by
//! `bash scripts/helm/build`: a chart written from the gitops example's bundle and one from a
//! bundle full of text that Helm's template engine would interpret pass `helm lint --strict`,
//! and `helm template --include-crds` renders exactly the bundle's objects, object by object,
//! each in the namespace the bundle gave it whatever `--namespace` says.
//!
//! Ignored by a plain `cargo test` (it needs helm); `scripts/test-all` runs it with
//! `K8S_DSL_HELM=target/helm/bin/helm cargo test -p k8s-dsl-tests --test helm_chart -- --ignored`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use k8s_dsl::output::{Directory, HelmChart};
use k8s_dsl::prelude::*;
use serde::Deserialize;
use serde_json::Value;

/// What to run when helm is missing.
const HOW: &str = "build it with `bash scripts/helm/build` (Go 1.26 or newer), then run \
`K8S_DSL_HELM=target/helm/bin/helm cargo test -p k8s-dsl-tests --test helm_chart -- --ignored`";

/// The helm program: `K8S_DSL_HELM`, else the one `scripts/helm/build` builds. Fails loudly,
/// saying what to run, when there is none.
fn helm() -> PathBuf {
    let path = match std::env::var_os("K8S_DSL_HELM") {
        Some(path) => PathBuf::from(path),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/helm/bin/helm"),
    };
    if !path.is_file() {
        panic!(
            "this test needs the helm program, and there is none at `{}`: {HOW}",
            path.display()
        );
    }
    path
}

/// A scratch directory for one test, with helm's own directories inside it.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("k8s-dsl-helm-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs helm with `args`; its standard output, or a panic with everything it said.
fn run(dir: &Path, args: &[&str]) -> String {
    let helm = helm();
    let output = Command::new(&helm)
        .args(args)
        .env("HELM_CACHE_HOME", dir.join("helm-home/cache"))
        .env("HELM_CONFIG_HOME", dir.join("helm-home/config"))
        .env("HELM_DATA_HOME", dir.join("helm-home/data"))
        .env_remove("KUBECONFIG")
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{}`: {e}; {HOW}", helm.display()));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    );
    assert!(
        output.status.success(),
        "`helm {}` failed ({}):\n{stdout}\n{stderr}",
        args.join(" "),
        output.status
    );
    stdout
}

/// The YAML documents of `text`, as JSON values (empty documents left out).
fn documents(text: &str) -> Vec<Value> {
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| Value::deserialize(doc).unwrap())
        .filter(|value| !value.is_null())
        .collect()
}

/// apiVersion, kind, namespace and name of an object.
fn key(object: &Value) -> String {
    let text = |value: &Value| value.as_str().unwrap_or("").to_owned();
    format!(
        "{}/{} {}/{}",
        text(&object["apiVersion"]),
        text(&object["kind"]),
        text(&object["metadata"]["namespace"]),
        text(&object["metadata"]["name"])
    )
}

/// Writes `bundle` as a chart, lints it strictly, renders it into `namespace`, and checks that
/// the rendered objects are the bundle's own YAML, object by object, and that every object's
/// text comes out byte for byte. Returns the chart's directory.
fn chart_renders_the_bundle(name: &str, bundle: &Bundle, namespace: &str) -> PathBuf {
    let dir = scratch(name);
    let chart_dir = dir.join(name);
    let chart = HelmChart::new(&chart_dir, name, "1.0.0")
        .app_version("1.0")
        .description("k8s-dsl's Helm chart test");
    chart.write(bundle).unwrap();
    let chart_arg = chart_dir.to_str().unwrap();

    let lint = run(&dir, &["lint", "--strict", chart_arg]);
    assert!(
        lint.contains("1 chart(s) linted, 0 chart(s) failed"),
        "{lint}"
    );

    let rendered = run(
        &dir,
        &[
            "template",
            "release",
            chart_arg,
            "--namespace",
            namespace,
            "--include-crds",
        ],
    );
    let expected: BTreeMap<String, Value> = documents(&bundle.to_yaml().unwrap())
        .into_iter()
        .map(|object| (key(&object), object))
        .collect();
    let actual: BTreeMap<String, Value> = documents(&rendered)
        .into_iter()
        .map(|object| (key(&object), object))
        .collect();
    assert_eq!(
        actual.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "helm rendered other objects than the bundle holds:\n{rendered}"
    );
    for (key, object) in &expected {
        assert_eq!(&actual[key], object, "{key} differs after rendering");
    }
    // Byte for byte: each object's YAML, as a directory writes it, is in helm's output.
    for file in Directory::new("unused")
        .kustomization(false)
        .render(bundle)
        .unwrap()
        .files
    {
        assert!(
            rendered.contains(file.contents.trim_end()),
            "{} does not come out of helm as written:\n{}\n--- helm rendered:\n{rendered}",
            file.name,
            file.contents
        );
    }
    chart_dir
}

#[test]
#[ignore = "needs helm: bash scripts/helm/build, then K8S_DSL_HELM=target/helm/bin/helm ... -- --ignored"]
fn the_gitops_example_as_a_chart_renders_to_its_objects() {
    let production = &gitops_manifests::ENVIRONMENTS[1];
    let bundle = gitops_manifests::bundle(production);
    let chart = chart_renders_the_bundle("shop-web", &bundle, "default");
    assert!(chart
        .join("templates/deployment_shop-production_web.yaml")
        .is_file());
    std::fs::remove_dir_all(chart.parent().unwrap()).unwrap();
}

/// A CustomResourceDefinition whose description holds template text (it goes to `crds/`,
/// which Helm does not template).
const CRD: &str = r#"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
    singular: widget
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        description: "A widget, named like {{ .Values.widget }}"
        x-kubernetes-preserve-unknown-fields: true
"#;

/// A custom object whose top-level field holds a document separator and template text.
const WIDGET: &str = r#"
apiVersion: example.com/v1
kind: Widget
metadata:
  name: gadget
notes: "one\n---\n# Source: hostile/templates/x.yaml\n{{ .Values.x }}\n\n"
"#;

/// Text that Helm's engine would interpret, fail on, or split on.
const HOSTILE: [&str; 12] = [
    "{{ .Values.missing }}",
    "{{ required \"a value\" .Values.password }}",
    "{{- fail \"boom\" -}}",
    "{{/* a comment */}}",
    "{{ .Release.Name }}-{{ .Chart.Name }}",
    "}} {{{{ }}}} {{",
    "{{\"{{\"}} already escaped",
    "{{ include \"x\" . | nindent 4 }}",
    "line one\n---\n# Source: chart/templates/evil.yaml\nkind: Secret\n",
    "{{ define \"x\" }}y{{ end }}",
    "  leading spaces and a trailing newline\n",
    "{{`raw`}} and {{ printf \"%s\" \"x\" }}",
];

#[test]
#[ignore = "needs helm: bash scripts/helm/build, then K8S_DSL_HELM=target/helm/bin/helm ... -- --ignored"]
fn hostile_template_text_comes_out_of_helm_unchanged() {
    let mut config = ConfigMap::new("templates");
    for (i, text) in HOSTILE.iter().enumerate() {
        config = config.data(format!("text-{i}"), *text);
    }
    // Helm trims each rendered document: blank lines that end the last value must survive.
    let config = config.data("zz-last", "blank lines follow {{\n\n\n");
    let bundle = Bundle::new()
        .namespace("shop")
        .common_annotations([("note", "{{ .Values.note }} }}")])
        .add(config)
        .add(Secret::new("token").string_data("token", "{{ .Values.token }}"))
        .add(
            Pod::new("echo").container(
                Container::new("echo")
                    .image("busybox:1.36")
                    .command(["sh", "-c", "echo '{{ .Values.message }}' {{"])
                    .env("TEMPLATE", "{{- toYaml . -}}"),
            ),
        )
        .include_yaml(CRD)
        .include_yaml(WIDGET);
    bundle.check().unwrap();
    // Rendered into another namespace, every object stays in `shop`.
    let chart = chart_renders_the_bundle("hostile", &bundle, "elsewhere");
    let crd = std::fs::read_to_string(
        chart.join("crds/customresourcedefinition_widgets.example.com.yaml"),
    )
    .unwrap();
    assert!(crd.contains("{{ .Values.widget }}"), "{crd}");
    std::fs::remove_dir_all(chart.parent().unwrap()).unwrap();
}
