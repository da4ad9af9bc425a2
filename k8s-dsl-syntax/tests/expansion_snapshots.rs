//! Expansion snapshots: each macro's expansion of a few bodies, printed with `prettyplease`,
//! compared with the committed file `tests/expansions/NAME.expanded.rs`, so a change to the
//! generated code is reviewed like a change to YAML. `K8S_DSL_UPDATE_SNAPSHOTS=1 cargo test -p
//! k8s-dsl-syntax --test expansion_snapshots` rewrites the files (never when `CI` is set);
//! review the diff like code.

use std::path::PathBuf;

use proc_macro2::TokenStream;

/// A snapshot: its file name, the macro, and the body.
struct Case {
    name: &'static str,
    expand: fn(TokenStream) -> TokenStream,
    body: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "pod_minimal",
        expand: k8s_dsl_syntax::pod,
        body: r#"name: "web", containers: [ { name: "app", image: "nginx:1.27" } ]"#,
    },
    Case {
        name: "pod_probes_enums_expressions",
        expand: k8s_dsl_syntax::pod,
        body: r#"
            name: "simple-webapp",
            namespace: "shop",
            labels: { name: "simple-webapp", "app.kubernetes.io/part-of": "shop" },
            annotations: extra_annotations,
            restartPolicy: Never,
            containers: [ {
                name: "simple-webapp",
                image: format!("simple-webapp:{version}"),
                imagePullPolicy: IfNotPresent,
                ports: [ { containerPort: 8080, name: "http", protocol: TCP } ],
                resources: { requests: { cpu: "250m", memory: "64Mi" }, limits: { cpu: 1 } },
                env: [ { name: "MODE", value: "prod" } ],
                readinessProbe: {
                    httpGet: { path: "/api/ready", port: "http" },
                    initialDelaySeconds: 10s,
                    periodSeconds: 5s,
                    failureThreshold: 8,
                },
            } ],
        "#,
    },
    Case {
        name: "pod_errors",
        expand: k8s_dsl_syntax::pod,
        body: r#"name: "Web_1", lables: {}, containers: [ { name: "app" } ]"#,
    },
    Case {
        name: "job_math_add",
        expand: k8s_dsl_syntax::job,
        body: r#"
            name: "math-add-job",
            completions: 3,
            parallelism: 3,
            template: {
                restartPolicy: Never,
                containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
            },
        "#,
    },
    Case {
        name: "cronjob_reporting",
        expand: k8s_dsl_syntax::cronjob,
        body: r#"
            name: "reporting-cron-job",
            schedule: "*/1 * * * *",
            jobTemplate: {
                completions: 3,
                parallelism: 3,
                template: {
                    restartPolicy: Never,
                    containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
                },
            },
        "#,
    },
    Case {
        name: "deployment_rolling_update_selector",
        expand: k8s_dsl_syntax::deployment,
        body: r#"
            name: "web",
            labels: { app: "web" },
            replicas: 3,
            minReadySeconds: 10s,
            strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } },
            selector: { matchLabels: { app: "web" } },
            template: {
                labels: { app: "web", tier: "front" },
                containers: [ { name: "web", image: "nginx:1.27", ports: [ { containerPort: 80 } ] } ],
            },
        "#,
    },
    Case {
        name: "deployment_recreate_computed",
        expand: k8s_dsl_syntax::deployment,
        body: r#"
            name: name,
            strategy: { type: Recreate },
            paused: paused,
            template: {
                labels: labels,
                restartPolicy: Always,
                containers: [ { name: "web", image: image } ],
            },
        "#,
    },
    Case {
        name: "deployment_errors",
        expand: k8s_dsl_syntax::deployment,
        body: r#"
            name: "web",
            selector: { matchLabels: { app: "api" } },
            strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } },
            template: { labels: { app: "web" }, restartPolicy: Never, containers: [ { name: "web", image: "nginx" } ] },
        "#,
    },
    Case {
        name: "statefulset_service_name_selector",
        expand: k8s_dsl_syntax::statefulset,
        body: r#"
            name: "rg",
            namespace: "shop",
            serviceName: "random-generator",
            replicas: 2,
            minReadySeconds: 10s,
            revisionHistoryLimit: 3,
            selector: { matchLabels: { app: "random-generator" } },
            template: {
                labels: { app: "random-generator", tier: "backend" },
                containers: [ {
                    name: "random-generator",
                    image: "k8spatterns/random-generator:1.0",
                    ports: [ { containerPort: 8080, name: "http" } ],
                    volumeMounts: [ { name: "logs", mountPath: "/logs" } ],
                } ],
            },
        "#,
    },
    Case {
        name: "statefulset_errors",
        expand: k8s_dsl_syntax::statefulset,
        body: r#"
            name: "rg",
            servceName: "random-generator",
            selector: { matchLabels: { app: "api" } },
            template: {
                labels: { app: "random-generator" },
                restartPolicy: Never,
                containers: [ { name: "app", image: "nginx:1.27", imagePullPolicy: Sometimes } ],
            },
        "#,
    },
];

/// The expansion of `case`, as a Rust file `prettyplease` prints (the expression is the body
/// of a function, so the file parses).
fn printed(case: &Case) -> Result<String, String> {
    let body: TokenStream = case
        .body
        .parse()
        .map_err(|e| format!("{}: cannot tokenize: {e}", case.name))?;
    let expansion = (case.expand)(body);
    let file = format!("fn expansion() {{ let _ = {expansion}; }}");
    let file = syn::parse_file(&file).map_err(|e| format!("{}: not Rust: {e}", case.name))?;
    let body = case.body.trim();
    Ok(format!(
        "// The expansion of this body, written by `tests/expansion_snapshots.rs`:\n// {}\n\n{}",
        body.lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n// "),
        prettyplease::unparse(&file)
    ))
}

#[test]
fn every_expansion_equals_its_snapshot() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expansions");
    let update = std::env::var_os("K8S_DSL_UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
        && std::env::var_os("CI").is_none();
    let mut stale = Vec::new();
    for case in CASES {
        let printed = printed(case).unwrap();
        let path = dir.join(format!("{}.expanded.rs", case.name));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != printed {
            if update {
                std::fs::write(&path, &printed).unwrap();
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "expansions differ from their snapshots: {stale:#?}\nrun `K8S_DSL_UPDATE_SNAPSHOTS=1 cargo test -p k8s-dsl-syntax --test expansion_snapshots` and review the diff"
    );
}

#[test]
fn every_snapshot_file_has_its_case() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expansions");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let name = file.trim_end_matches(".expanded.rs");
        assert!(
            CASES.iter().any(|c| c.name == name),
            "{file} is no case of tests/expansion_snapshots.rs: remove it"
        );
    }
}

#[test]
fn each_macro_has_a_snapshot() {
    for (name, _) in k8s_dsl_syntax::MACROS {
        let prefix = format!("{name}_");
        assert!(
            CASES.iter().any(|c| c.name.starts_with(&prefix)),
            "`{name}!` has no expansion snapshot"
        );
    }
}
