//! `k8s-dsl check`, run as the real binary: every example's output and the importer's corpus
//! check without errors, each invalid manifest of `tests/invalid/` gives exactly its rule at its
//! path (`tests/invalid-pending/` holds those whose rule the validation pass does not check yet), the Kubernetes documentation's examples check as the API server would take them, and
//! hostile input ends quickly with the error that names its limit.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_k8s-dsl");

/// A run of the command: its exit code, standard output and standard error.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", self.stdout, self.stderr))
    }
}

/// Runs `k8s-dsl ARGS` with `stdin`; a run that takes a minute is a hang, killed and failed.
fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes); // the command may stop reading early: fine
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = out.read_to_string(&mut text);
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = err.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`k8s-dsl {}` did not finish within a minute",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    }
}

fn check(path: &Path) -> Run {
    run(&["check", "--output", "json", &path.to_string_lossy()], b"")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn here(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
}

/// The `.yaml` files below `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The errors of a JSON result, as `(rule, path)`.
fn errors(json: &Value) -> Vec<(Option<u64>, String)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["rule"].as_u64(),
                d["path"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_example_output_checks_without_errors() {
    let files = yaml_files(&workspace().join("tests/snapshots"));
    assert!(files.len() >= 20, "the examples' snapshots: {files:?}");
    for file in files {
        let result = check(&file);
        let json = result.json();
        assert_eq!(errors(&json), [], "{}: {}", file.display(), result.stdout);
        assert_eq!(result.code, 0, "{}", file.display());
        assert!(json["objects"].as_u64() > Some(0), "{}", file.display());
    }
}

/// The importer's corpus holds one manifest the API server refuses on purpose: a Deployment
/// with a misspelt field, to show the importer keeps what it does not know.
const IMPORTER_UNKNOWN_FIELD: (&str, &str) = (
    "custom/unknown-fields.yaml",
    "spec.template.spec.containers[0].imagePullPolcy",
);

#[test]
fn the_importer_corpus_checks_without_errors() {
    let corpus = workspace().join("k8s-dsl-import/tests/corpus");
    let files = yaml_files(&corpus);
    assert!(files.len() >= 20, "{files:?}");
    for file in files {
        let result = check(&file);
        let errors = errors(&result.json());
        if file.ends_with(IMPORTER_UNKNOWN_FIELD.0) {
            assert_eq!(errors, [(None, IMPORTER_UNKNOWN_FIELD.1.to_owned())]);
            assert_eq!(result.code, 1);
        } else {
            assert_eq!(errors, [], "{}: {}", file.display(), result.stdout);
            assert_eq!(result.code, 0, "{}", file.display());
        }
    }
}

/// A manifest of each kind added with the application objects, with one misspelt field.
const MISSPELT: &[(&str, &str, &str)] = &[
    (
        "networking.k8s.io/v1",
        "Ingress",
        "spec: {ingressClassNam: nginx}",
    ),
    (
        "networking.k8s.io/v1",
        "IngressClass",
        "spec: {controler: example.com/ingress}",
    ),
    (
        "networking.k8s.io/v1",
        "NetworkPolicy",
        "spec: {podSelectr: {}}",
    ),
    (
        "v1",
        "PersistentVolumeClaim",
        "spec: {acessModes: [ReadWriteOnce]}",
    ),
    ("v1", "PersistentVolume", "spec: {storageClass: manual}"),
    (
        "storage.k8s.io/v1",
        "StorageClass",
        "provisoner: example.com/disk",
    ),
    ("v1", "ResourceQuota", "spec: {hrd: {pods: \"2\"}}"),
    ("v1", "LimitRange", "spec: {limit: []}"),
    ("apps/v1", "ReplicaSet", "spec: {replica: 2}"),
    ("rbac.authorization.k8s.io/v1", "Role", "rule: []"),
    (
        "rbac.authorization.k8s.io/v1",
        "ClusterRole",
        "aggregationRules: {}",
    ),
    ("rbac.authorization.k8s.io/v1", "RoleBinding", "subject: []"),
    (
        "rbac.authorization.k8s.io/v1",
        "ClusterRoleBinding",
        "roleref: {}",
    ),
    ("v1", "ServiceAccount", "automountToken: false"),
    ("v1", "Namespace", "spec: {finaliser: [kubernetes]}"),
];

#[test]
fn each_added_kind_is_read_typed_and_its_misspelt_field_is_reported() {
    for (api_version, kind, field) in MISSPELT {
        let manifest = format!(
            "apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: x\n  namespace: default\n{field}\n"
        );
        let result = run(&["check", "--output", "json", "-"], manifest.as_bytes());
        let json = result.json();
        let key = field.split(':').next().unwrap_or_default();
        let inner = field
            .split_once('{')
            .and_then(|(_, rest)| rest.split(':').next())
            .filter(|_| key == "spec");
        let path = match inner {
            Some(inner) => format!("spec.{inner}"),
            None => key.to_owned(),
        };
        let found = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["path"] == path.as_str())
            .unwrap_or_else(|| panic!("{kind}: no diagnostic at {path}: {}", result.stdout));
        // Read typed: the reader reports the field, with its line, as the API server's
        // strict field validation does (a custom object would be checked as JSON instead).
        assert_eq!(found["severity"], "error", "{kind}: {found}");
        assert_eq!(found["rule"], Value::Null, "{kind}: {found}");
        assert!(
            found["message"]
                .as_str()
                .is_some_and(|m| m.contains(&format!("{kind} has no such field"))),
            "{kind}: {found}"
        );
        assert_eq!(found["line"], 6, "{kind}: {found}");
        assert_eq!(result.code, 1, "{kind}");
    }
}

/// `# expect: rule N at PATH` of an invalid manifest.
fn expected(text: &str) -> (u64, String) {
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("# expect: rule "))
        .expect("a `# expect: rule N at PATH` line");
    let (rule, path) = line.split_once(" at ").expect("`N at PATH`");
    (rule.parse().expect("a rule number"), path.to_owned())
}

#[test]
fn each_invalid_manifest_reports_exactly_its_rule_at_its_path() {
    let files = yaml_files(&here("invalid"));
    assert!(
        files.len() >= 40,
        "at least 40 invalid manifests, found {}",
        files.len()
    );
    let mut wrong = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("read");
        let (rule, path) = expected(&text);
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(
            name.starts_with(&format!("rule-{rule:02}-")),
            "{name} is named after its rule {rule}"
        );
        let result = check(&file);
        let found = errors(&result.json());
        if found != [(Some(rule), path.clone())] || result.code != 1 {
            wrong.push(format!(
                "{name}: expected rule {rule} at {path}, found {found:?} (exit {})",
                result.code
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_kubernetes_documentation_examples_check_as_the_api_server_takes_them() {
    let files = yaml_files(&here("k8s-docs"));
    assert!(
        files.len() >= 50,
        "at least 50 examples, found {}",
        files.len()
    );
    let mut wrong = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("read");
        assert!(text.starts_with("# Source: kubernetes/website content/en/examples/"));
        assert!(text
            .lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("# Commit: ")));
        let mut refused: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# Refused: "))
            .map(str::to_owned)
            .collect();
        refused.sort();
        let result = check(&file);
        let mut found: Vec<String> = errors(&result.json()).into_iter().map(|(_, p)| p).collect();
        found.sort();
        if found != refused || result.code != i32::from(!refused.is_empty()) {
            wrong.push(format!("{}: {}", file.display(), result.stdout));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn hostile(input: &[u8]) -> Run {
    run(&["check", "-"], input)
}

#[test]
fn deep_nesting_stops_at_the_depth_limit() {
    let flow = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let result = hostile(flow.as_bytes());
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result.stdout.contains("nested deeper than"),
        "{}",
        result.stdout
    );

    let mut block = String::new();
    for depth in 0..150 {
        block.push_str(&"  ".repeat(depth));
        block.push_str("a:\n");
    }
    let result = hostile(block.as_bytes());
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result
            .stdout
            .contains("deeper than the limit of 100 levels"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_billion_laughs_stops_at_the_alias_limit() {
    let mut text = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        text.push_str(&format!("x{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
    }
    let result = hostile(text.as_bytes());
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result
            .stdout
            .contains("aliases expand to more than the limit"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_huge_input_stops_at_the_size_limit() {
    let line = "# padding padding padding padding padding padding padding padding padding\n";
    let huge = line.repeat((65 << 20) / line.len());
    let result = hostile(huge.as_bytes());
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result
            .stdout
            .contains("larger than the limit of 67108864 bytes"),
        "{}",
        result.stdout
    );
}

#[test]
fn too_many_documents_stop_at_the_document_limit() {
    let many = "---\n{}\n".repeat(100_001);
    let result = hostile(many.as_bytes());
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result
            .stdout
            .contains("more than the limit of 100000 documents"),
        "{}",
        result.stdout
    );
}

#[test]
fn binary_garbage_is_no_manifest() {
    // A fixed pseudo-random sequence (a linear congruential generator).
    let mut state: u32 = 12345;
    let garbage: Vec<u8> = (0..100_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect();
    let result = hostile(&garbage);
    assert_eq!(result.code, 2, "{}", result.stdout);
    assert!(
        result.stdout.contains("not UTF-8 text"),
        "{}",
        result.stdout
    );

    let result = hostile(b"apiVersion: v1\nkind: Pod\n\0\0\0");
    assert_eq!(result.code, 2);
    assert!(result.stdout.contains("NUL byte"), "{}", result.stdout);

    let result = hostile(&[0xff, 0xfe, b'a', 0, b':', 0]);
    assert_eq!(result.code, 2);
    assert!(result.stdout.contains("UTF-16"), "{}", result.stdout);
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = "\u{feff}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
    let result = run(&["check", "--output", "json", "-"], text.as_bytes());
    assert_eq!(result.code, 0, "{}", result.stdout);
    assert_eq!(result.json()["objects"], 1);
}

#[test]
fn text_that_is_no_yaml_cannot_be_read() {
    let result = hostile(b"apiVersion: v1\nkind: [Pod\n");
    assert_eq!(result.code, 2);
    assert!(result.stdout.starts_with("-:"), "{}", result.stdout);
    assert!(
        result.stdout.contains("not valid YAML"),
        "{}",
        result.stdout
    );
}

const POD_WITH_BAD_NAME: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: Web
    image: nginx:1.27
";

#[test]
fn text_output_is_one_line_per_problem_then_a_summary() {
    let result = run(&["check", "-"], POD_WITH_BAD_NAME.as_bytes());
    assert_eq!(result.code, 1);
    let lines: Vec<&str> = result.stdout.lines().collect();
    let [problem, summary] = lines.as_slice() else {
        panic!("{}", result.stdout)
    };
    assert!(
        problem.starts_with("-:8: Pod/web: spec.containers[0].name: container name `Web`"),
        "{problem}"
    );
    assert!(problem.ends_with(" (rule 6)"), "{problem}");
    assert_eq!(*summary, "1 objects, 1 errors, 0 warnings");
}

#[test]
fn json_output_follows_the_contract() {
    let result = run(
        &["check", "--output", "json", "-"],
        POD_WITH_BAD_NAME.as_bytes(),
    );
    assert_eq!(result.code, 1);
    let keys: Vec<&str> = result
        .stdout
        .trim_start_matches('{')
        .split(',')
        .take(3)
        .map(|k| k.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(keys, ["\"objects\"", "\"errors\"", "\"warnings\""]);
    let json = result.json();
    assert_eq!(
        (
            json["objects"].as_u64(),
            json["errors"].as_u64(),
            json["warnings"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    let diagnostic = &json["diagnostics"][0];
    let fields: Vec<&String> = diagnostic.as_object().expect("an object").keys().collect();
    let mut expected = [
        "file",
        "line",
        "document",
        "kind",
        "name",
        "namespace",
        "path",
        "message",
        "rule",
        "severity",
    ];
    expected.sort_unstable();
    let mut fields: Vec<&str> = fields.iter().map(|s| s.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(fields, expected);
    assert_eq!(diagnostic["file"], "-");
    assert_eq!(diagnostic["line"], 8);
    assert_eq!(diagnostic["document"], 0);
    assert_eq!(diagnostic["kind"], "Pod");
    assert_eq!(diagnostic["name"], "web");
    assert_eq!(diagnostic["namespace"], "shop");
    assert_eq!(diagnostic["path"], "spec.containers[0].name");
    assert_eq!(diagnostic["rule"], 6);
    assert_eq!(diagnostic["severity"], "error");
}

const POD_WITH_MISSING_CONFIG_MAP: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
  volumes:
  - name: settings
    configMap:
      name: settings
";

#[test]
fn a_reference_to_an_object_no_input_holds_is_a_warning_and_an_error_when_strict() {
    let result = run(&["check", "-"], POD_WITH_MISSING_CONFIG_MAP.as_bytes());
    assert_eq!(result.code, 0, "{}", result.stdout);
    assert!(
        result.stdout.starts_with("-:12: warning: Pod/web: spec.volumes[0].configMap.name: ConfigMap `settings` is not among the inputs"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.ends_with("1 objects, 0 errors, 1 warnings\n"),
        "{}",
        result.stdout
    );

    let strict = run(
        &["check", "--strict", "--output", "json", "-"],
        POD_WITH_MISSING_CONFIG_MAP.as_bytes(),
    );
    assert_eq!(strict.code, 1);
    assert_eq!(
        errors(&strict.json()),
        [(None, "spec.volumes[0].configMap.name".to_owned())]
    );

    // With the ConfigMap among the inputs, nothing is missing.
    let config = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\n";
    let both = format!("{config}{POD_WITH_MISSING_CONFIG_MAP}");
    let result = run(&["check", "--strict", "-"], both.as_bytes());
    assert_eq!(result.code, 0, "{}", result.stdout);
}

#[test]
fn a_warning_fails_only_under_strict() {
    let untagged = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
    let result = run(&["check", "-"], untagged.as_bytes());
    assert_eq!(result.code, 0, "{}", result.stdout);
    assert!(
        result
            .stdout
            .contains(": warning: Pod/web: spec.containers[0].image: "),
        "{}",
        result.stdout
    );
    assert_eq!(
        run(&["check", "--strict", "-"], untagged.as_bytes()).code,
        1
    );
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("k8s-dsl-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create the directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn directories_are_searched_once_each_file_read_once() {
    let dir = TempDir::new("dirs");
    let root = &dir.0;
    fs::create_dir_all(root.join("apps/web")).expect("mkdir");
    fs::write(
        root.join("apps/web/namespace.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
    )
    .expect("write");
    fs::write(root.join("apps/config.json"), r#"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "shop"}}"#).expect("write");
    fs::write(root.join("apps/notes.txt"), "not a manifest").expect("write");
    #[cfg(unix)]
    {
        // A loop: the directory reached again through a symlink is searched once.
        std::os::unix::fs::symlink(root.join("apps"), root.join("apps/web/again"))
            .expect("symlink");
    }
    let apps = root.join("apps").to_string_lossy().into_owned();
    let namespace = root
        .join("apps/web/namespace.yaml")
        .to_string_lossy()
        .into_owned();
    let result = run(&["check", "--output", "json", &apps, &namespace], b"");
    assert_eq!(result.code, 0, "{}", result.stdout);
    assert_eq!(result.json()["objects"], 2, "{}", result.stdout);

    // A file given by name is read whatever its extension; a directory without manifests is an error.
    let notes = root.join("apps/notes.txt").to_string_lossy().into_owned();
    assert_eq!(run(&["check", &notes], b"").code, 2);
    fs::create_dir_all(root.join("empty")).expect("mkdir");
    let empty = root.join("empty").to_string_lossy().into_owned();
    let result = run(&["check", &empty], b"");
    assert_eq!(result.code, 2);
    assert!(
        result.stdout.contains("no `.yaml`, `.yml` or `.json` file"),
        "{}",
        result.stdout
    );
}

#[test]
fn bad_arguments_and_missing_files_exit_2() {
    assert_eq!(run(&["check"], b"").code, 2);
    assert_eq!(run(&[], b"").code, 2);
    let result = run(&["check", "/no/such/manifest.yaml"], b"");
    assert_eq!(result.code, 2);
    assert!(
        result
            .stdout
            .starts_with("/no/such/manifest.yaml: cannot read it: "),
        "{}",
        result.stdout
    );
    let result = run(&["check", "--kubernetes-version", "1.30", "-"], b"");
    assert_eq!(result.code, 2);
    assert!(
        result
            .stderr
            .contains("the supported versions are 1.33 to 1.37"),
        "{}",
        result.stderr
    );
    assert_eq!(run(&["check", "--output", "yaml", "-"], b"").code, 2);
}

#[test]
fn every_supported_kubernetes_version_is_accepted() {
    for version in ["1.33", "1.34", "1.35", "1.36", "1.37", "v1.37"] {
        let result = run(
            &["check", "--kubernetes-version", version, "-"],
            POD_WITH_BAD_NAME.as_bytes(),
        );
        assert_eq!(result.code, 1, "{version}: {}", result.stderr);
    }
}

#[test]
fn help_documents_every_option() {
    let result = run(&["check", "--help"], b"");
    assert_eq!(result.code, 0);
    for option in [
        "--output",
        "--strict",
        "--kubernetes-version",
        "PATH",
        "Exit status",
    ] {
        assert!(
            result.stdout.contains(option),
            "{option} in {}",
            result.stdout
        );
    }
}

#[test]
fn a_removed_api_version_is_an_error_at_api_version() {
    let old = "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\n";
    let result = run(&["check", "--output", "json", "-"], old.as_bytes());
    assert_eq!(result.code, 1);
    assert_eq!(errors(&result.json()), [(None, "apiVersion".to_owned())]);
    assert!(
        result.stdout.contains("not served since Kubernetes 1.16"),
        "{}",
        result.stdout
    );
}

#[test]
fn an_invalid_object_is_still_among_the_inputs() {
    // The ConfigMap and the Deployment have errors of their own; the Deployment's reference to
    // the ConfigMap and the Service's selector of its pods are no further problem.
    let text = "\
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {-bad: x}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: Web, image: \"nginx:1.27\", envFrom: [{configMapRef: {name: settings}}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
";
    let result = run(
        &["check", "--strict", "--output", "json", "-"],
        text.as_bytes(),
    );
    let json = result.json();
    assert_eq!(
        errors(&json),
        [
            (Some(8), "metadata.labels".to_owned()),
            (Some(6), "spec.template.spec.containers[0].name".to_owned())
        ],
        "{}",
        result.stdout
    );
    assert_eq!(json["warnings"], 0, "{}", result.stdout);
}

#[test]
fn the_same_object_twice_is_an_error_at_the_second() {
    let ns = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
    let text = format!("{ns}---\n{ns}");
    let result = run(&["check", "--output", "json", "-"], text.as_bytes());
    assert_eq!(result.code, 1);
    let json = result.json();
    assert_eq!(errors(&json), [(None, "metadata.name".to_owned())]);
    assert_eq!(
        (
            json["diagnostics"][0]["document"].as_u64(),
            json["diagnostics"][0]["line"].as_u64()
        ),
        (Some(1), Some(9))
    );
}
