use super::*;
use serde_json::json;

fn read(text: &str) -> Read {
    read_str("t.yaml", text, &Limits::default())
}

#[test]
fn yaml_1_1_values_reach_the_typed_object() {
    let read = read(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    stdin: yes\n    volumeMounts: [{name: data, mountPath: /d}]\n  volumes:\n  - name: data\n    secret: {secretName: s, defaultMode: 0400}\n",
    );
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let [doc] = read.documents.as_slice() else {
        panic!("{read:?}")
    };
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    let Some(Object::Pod(pod)) = &doc.object else {
        panic!("{doc:?}")
    };
    let spec = pod.spec.as_ref().unwrap();
    assert_eq!(spec.containers[0].stdin, Some(true));
    let mode = spec.volumes.as_ref().unwrap()[0]
        .secret
        .as_ref()
        .unwrap()
        .default_mode;
    assert_eq!(mode, Some(0o400));
}

#[test]
fn a_yaml_1_1_boolean_is_not_a_string() {
    let read = read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  debug: yes\n");
    let [doc] = read.documents.as_slice() else {
        panic!("{read:?}")
    };
    let [problem] = doc.problems.as_slice() else {
        panic!("{doc:?}")
    };
    assert_eq!((problem.path.as_str(), problem.line), ("data.debug", 5));
    assert!(
        problem.message.contains("invalid type: boolean `true`"),
        "{}",
        problem.message
    );
}

#[test]
fn quantities_may_be_numbers() {
    let read = read("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources: {limits: {cpu: 1, memory: 512}, requests: {cpu: 0.5}}\n");
    let [doc] = read.documents.as_slice() else {
        panic!("{read:?}")
    };
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn merge_keys_anchors_and_duplicates() {
    let read = read("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &l {app: web}\n  annotations:\n    <<: *l\n    team: x\ndata:\n  a: '1'\n  a: '2'\n");
    let [doc] = read.documents.as_slice() else {
        panic!("{read:?}")
    };
    let Some(Object::ConfigMap(map)) = &doc.object else {
        panic!()
    };
    let annotations = map.metadata.annotations.as_ref().unwrap();
    assert_eq!(annotations.get("app").map(String::as_str), Some("web"));
    assert_eq!(annotations.len(), 2);
    let [problem] = doc.problems.as_slice() else {
        panic!("{doc:?}")
    };
    assert_eq!((problem.path.as_str(), problem.line), ("data.a", 11));
}

#[test]
fn lists_and_lines() {
    let read = read("# c\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n  spec: {ports: [{port: 80, name: x, nope: 1}]}\n- {apiVersion: v1, kind: Namespace, metadata: {name: b}}\n---\n");
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let [a, b] = read.documents.as_slice() else {
        panic!("{read:?}")
    };
    assert_eq!((a.index, a.item, a.line), (0, Some(0), 6)); // a comment alone is no document
    assert_eq!((b.index, b.item, b.line), (0, Some(1), 10));
    assert_eq!(a.problems[0].path.as_str(), "spec.ports[0].nope");
    assert_eq!(a.problems[0].line, 9);
    assert_eq!(a.line_of("metadata.name"), 8);
    assert_eq!(a.line_of("spec.ports[0].missing"), 9);
}

#[test]
fn json_is_read_too() {
    let read = read("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Namespace\",\n  \"metadata\": {\"name\": \"a\", \"x\": 1}\n}\n");
    let [doc] = read.documents.as_slice() else {
        panic!("{read:?}")
    };
    assert_eq!(doc.problems[0].path.as_str(), "metadata.x");
    assert_eq!(doc.problems[0].line, 4);
}

#[test]
fn limits_stop_hostile_input() {
    let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    assert_eq!(read(laughs).errors[0].limit, Some(Limit::AliasedNodes));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = read(&deep).errors;
    assert_eq!(errors[0].limit, Some(Limit::Depth), "{errors:?}");
    let many = "---\na: 1\n".repeat(20);
    let few = Limits {
        documents: 10,
        ..Limits::default()
    };
    assert_eq!(
        read_str("m", &many, &few).errors[0].limit,
        Some(Limit::Documents)
    );
    let small = Limits {
        input_bytes: 10,
        ..Limits::default()
    };
    assert_eq!(
        read_str("m", &many, &small).errors[0].limit,
        Some(Limit::InputBytes)
    );
    let doc = Limits {
        document_bytes: 100,
        ..Limits::default()
    };
    let big = format!("a: {}\n", "x".repeat(1000));
    assert_eq!(
        read_str("m", &big, &doc).errors[0].limit,
        Some(Limit::DocumentBytes)
    );
    let nodes = Limits {
        nodes: 10,
        ..Limits::default()
    };
    assert_eq!(
        read_str("m", "[1,2,3,4,5,6,7,8,9,10,11]", &nodes).errors[0].limit,
        Some(Limit::Nodes)
    );
}

#[test]
fn not_objects_are_errors() {
    let read = read("- a\n---\nkind: Pod\n---\napiVersion: v1\nkind: Namespace\nmetadata: web\n");
    let lines: Vec<_> = read.errors.iter().map(|e| (e.document, e.line)).collect();
    assert_eq!(
        lines,
        [(Some(0), Some(1)), (Some(1), Some(3)), (Some(2), Some(5))]
    );
    let syntax = super::read_str("s", "a: [b\n", &Limits::default());
    assert!(
        syntax.errors[0].message.starts_with("not valid YAML"),
        "{:?}",
        syntax.errors
    );
    assert_eq!(json!(null), json!(null));
}

#[test]
fn json_that_yaml_cannot_read_is_read_as_json() {
    let text = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}, \"data\": {\"k\": \"a\u{7f}b\"}}\n{\"apiVersion\": \"v1\",\n \"kind\": \"Namespace\", \"metadata\": {\"name\": \"b\"}}";
    let read = read(text);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    let lines: Vec<_> = read.documents.iter().map(|d| (d.index, d.line)).collect();
    assert_eq!(lines, [(0, 1), (1, 2)]);
}

/// Why the reader is not serde_yaml 0.9 (the workspace's emitter tests use it): it reads YAML
/// 1.2, where `yes` and `0400` are strings (so `defaultMode: 0400` would not even be a
/// number), a manifest would mean something else than it means to kubectl; merge keys stay a
/// key `<<`; and it has no limits to name.
#[test]
fn serde_yaml_reads_another_yaml_than_kubectl() {
    let text = "a: yes\nb: 0400\nbase: &b {x: 1}\nc:\n  <<: *b\n";
    let theirs: serde_json::Value = serde_yaml::from_str(text).unwrap();
    assert_eq!(theirs["a"], json!("yes"));
    assert_eq!(theirs["b"], json!("0400"));
    assert!(theirs["c"].get("<<").is_some());

    let ours = yaml::documents(text, &Limits::default()).ok().unwrap();
    let ours = &ours[0].value;
    assert_eq!(ours["a"], json!(true));
    assert_eq!(ours["b"], json!(256));
    assert_eq!(ours["c"], json!({"x": 1}));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: &l {app: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    env: [{name: A, value: \"1\"}]\n---\n{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"a\", \"labels\": *l}}]}\n";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text, and any edit of a real manifest, is read or refused: never a panic.
        #[test]
        fn reading_never_panics(text in ".{0,300}", at in 0usize..400, cut in 0usize..40, insert in "[\\[\\]{}:*&!|>'\"#\\- \\n\\t,?%@`<]{0,8}") {
            let _ = read_str("any", &text, &Limits::default());
            let mut edited: String = SEED.chars().take(at).collect();
            edited.push_str(&insert);
            edited.extend(SEED.chars().skip(at + cut));
            let read = read_str("edited", &edited, &Limits { nodes: 10_000, aliased_nodes: 1_000, ..Limits::default() });
            for document in &read.documents {
                let _ = document.line_of("spec.containers[0].env[0].name");
            }
        }
    }
}

#[test]
fn every_kind_of_the_bundle_is_read_typed_with_its_misspelt_fields() {
    // The kinds added with the application objects, which used to be read as custom objects.
    let added = [
        ("networking.k8s.io/v1", "Ingress"),
        ("networking.k8s.io/v1", "IngressClass"),
        ("networking.k8s.io/v1", "NetworkPolicy"),
        ("v1", "PersistentVolumeClaim"),
        ("v1", "PersistentVolume"),
        ("storage.k8s.io/v1", "StorageClass"),
        ("v1", "ResourceQuota"),
        ("v1", "LimitRange"),
        ("apps/v1", "ReplicaSet"),
        ("rbac.authorization.k8s.io/v1", "Role"),
        ("rbac.authorization.k8s.io/v1", "ClusterRole"),
        ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
        ("v1", "ServiceAccount"),
        ("v1", "Namespace"),
    ];
    let kinds: Vec<(&str, &str)> = typed_kinds().collect();
    for kind in added {
        assert!(kinds.contains(&kind), "{kind:?} is not typed: {kinds:?}");
    }
    assert_eq!(kinds.len(), 27, "{kinds:?}");
    for (api_version, kind) in kinds {
        let text = format!(
            "apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: x\n  lables: {{a: b}}\n"
        );
        let read = read(&text);
        let [doc] = read.documents.as_slice() else {
            panic!("{kind}: {read:?}")
        };
        let object = doc.object.as_ref().unwrap();
        assert_eq!(object.kind(), kind);
        assert!(
            !matches!(object, Object::Custom(_)),
            "{kind} read as a custom object"
        );
        let [problem] = doc.problems.as_slice() else {
            panic!("{kind}: {:?}", doc.problems)
        };
        assert_eq!(
            (problem.path.as_str(), problem.line),
            ("metadata.lables", 5)
        );
        assert!(
            problem
                .message
                .contains(&format!("{kind} has no such field")),
            "{}",
            problem.message
        );
    }
}
