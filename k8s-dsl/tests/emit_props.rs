//! Property tests of the YAML emitter (`k8s_dsl::emit`): arbitrary trees of maps, lists,
//! hostile strings, integers, booleans and finite floats are written by `to_yaml` and read back
//! by serde_yaml as the equal `serde_json::Value`, and `to_json` round-trips too; every string
//! the emitter writes plain is one that no YAML 1.1 or 1.2 resolver claims.
//!
//! The checks are the fuzz target's (`fuzz/checks/emit.rs`). With `K8S_DSL_EMIT_SAMPLE_DIR`
//! set, `write_emit_sample_for_pyyaml` also writes a large sample as NAME.yaml + NAME.json for
//! `scripts/validate.py` (PyYAML, ruamel.yaml, kubernetes-validate).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[allow(dead_code)]
#[path = "../../fuzz/checks/mod.rs"]
mod checks;

use checks::emit::{check_plain, check_value, HOSTILE};
use checks::reference;
use k8s_dsl::emit::{to_json_list, yaml::plain_is_safe, YamlWriter};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{json, Map, Number, Value};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn hostile_fragment() -> impl Strategy<Value = String> {
    prop::sample::select(HOSTILE).prop_map(str::to_string)
}

/// Strings biased towards what YAML readers misread: keywords, numbers, dates, indicators,
/// whitespace, control and line-break characters, unicode; now and then over 1024 characters
/// (the limit of an implicit YAML key).
fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => hostile_fragment(),
        4 => prop::collection::vec(hostile_fragment(), 1..4).prop_map(|parts| parts.concat()),
        2 => "[a-zA-Z0-9 :#&*!|>'\"%@`,\\[\\]{}?=~<+._/-]{0,12}",
        1 => ".{0,20}",
        1 => "[\\x00-\\x1f\\x7f-\\u{a0}\\u{2028}\\u{2029}\\u{feff}\\u{fffe}\\u{ffff}a ]{0,6}",
        1 => (hostile_fragment(), 1030..1100usize)
            .prop_map(|(part, len)| {
                let unit = if part.is_empty() { "k".to_string() } else { part };
                unit.repeat(len / unit.len() + 1)
            }),
    ]
    .boxed()
}

fn finite_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        prop::sample::select(vec![
            0.0,
            -0.0,
            0.5,
            1.0,
            -1.5,
            1e300,
            1e-300,
            f64::MAX,
            f64::MIN_POSITIVE
        ]),
    ]
}

fn leaf() -> BoxedStrategy<Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => finite_float().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        6 => hostile_string().prop_map(Value::String),
    ]
    .boxed()
}

/// Map keys: hostile strings, now and then longer than the 1024 characters of an implicit
/// YAML key (the emitter writes those as explicit keys, `? key`; see also
/// `map_keys_over_1024_characters_read_back_equal`).
fn key_string() -> BoxedStrategy<String> {
    hostile_string()
}

/// Trees up to 4 levels deep.
fn tree() -> BoxedStrategy<Value> {
    leaf()
        .prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(key_string(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
        .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn emitted_yaml_and_json_read_back_equal(value in tree()) {
        check_value(&value).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn hostile_maps_read_back_equal(
        map in prop::collection::btree_map(key_string(), hostile_string(), 0..12),
    ) {
        let value = Value::Object(map.into_iter().map(|(k, v)| (k, Value::String(v))).collect());
        check_value(&value).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn plain_is_safe_strings_read_back_as_themselves(s in prop_oneof![
        hostile_string(),
        "[a-zA-Z0-9/_][a-zA-Z0-9 _./:=+@%,()$!&*;?-]{0,16}",
    ]) {
        check_plain(&s).map_err(TestCaseError::fail)?;
    }
}

/// Keys longer than an implicit key may be (1024 characters) must still read back: Kubernetes
/// keys are shorter, but custom resources and ConfigMap-like maps built from data are not.
#[test]
fn map_keys_over_1024_characters_read_back_equal() {
    for key in [
        "k".repeat(1025),
        "yes ".repeat(300),
        "é".repeat(1100),
        "\u{85}".repeat(200),
    ] {
        let mut map = Map::new();
        map.insert(key.clone(), json!({ "inner": [key.clone()] }));
        map.insert("short".to_string(), json!(1));
        check_value(&Value::Object(map)).unwrap();
    }
}

/// The classic traps are all quoted, and ordinary words are not (a `plain_is_safe` that
/// always says no would pass the properties above).
#[test]
fn plain_is_safe_quotes_the_traps_and_nothing_ordinary() {
    for trap in [
        "",
        "yes",
        "No",
        "ON",
        "y",
        "~",
        "null",
        "<<",
        "=",
        "12:30",
        "0x1F",
        "0o17",
        "1e3",
        "1_000",
        ".inf",
        "-.5",
        "2001-12-14",
        "- a",
        "a: b",
        "a #b",
        "#",
        "a:",
        " a",
        "a ",
        "@x",
        "`x",
        "%x",
        "!x",
        "&x",
        "*x",
        "|",
        ">",
        "'",
        "\"",
        "[",
        "{",
        "?",
        "a\nb",
        "é",
    ] {
        assert!(!plain_is_safe(trap), "{trap:?} written plain");
    }
    for word in [
        "nginx",
        "web-1",
        "app.kubernetes.io/name",
        "a b",
        "http://x:80/y",
        "v1",
    ] {
        assert!(plain_is_safe(word), "{word:?} quoted");
        check_plain(word).unwrap();
    }
}

/// The YAML 1.1 resolvers of the check are not vacuous.
#[test]
fn yaml11_resolvers_claim_the_traps() {
    for trap in [
        "yes",
        "Off",
        "y",
        "12:30",
        "190:20:30.15",
        "0x1F",
        "0b101",
        "1e3",
        "1.",
        "~",
        "2001-12-14",
    ] {
        assert!(checks::yaml11::implicit_type(trap).is_some(), "{trap:?}");
    }
    assert_eq!(checks::yaml11::implicit_type("nginx"), None);
}

/// A deterministic stream of values from `strategy`.
fn sample<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, runner: &mut TestRunner) -> T {
    strategy.new_tree(runner).unwrap().current()
}

/// Writes `objects` as NAME.yaml (a multi-document stream) and NAME.json (a v1 List).
fn write_pair(dir: &std::path::Path, name: &str, objects: &[Value]) {
    let mut writer = YamlWriter::new(Vec::new());
    for object in objects {
        writer.write(object).unwrap();
    }
    std::fs::write(dir.join(format!("{name}.yaml")), writer.finish().unwrap()).unwrap();
    std::fs::write(
        dir.join(format!("{name}.json")),
        to_json_list(objects).unwrap(),
    )
    .unwrap();
}

/// Writes a large sample of hostile documents for the YAML 1.1 check of `scripts/validate.py`,
/// only when `K8S_DSL_EMIT_SAMPLE_DIR` names a directory (it is created and emptied of
/// `emit-*` files first):
///
/// - `emit-trees-NN`: 2000 arbitrary trees, each the `spec` of a custom resource
///   `sample.k8s-dsl.dev/v1` `HostileSample` (pass `--custom sample.k8s-dsl.dev/v1:HostileSample`);
/// - `emit-configmaps`: 200 ConfigMaps, valid Kubernetes objects, whose data values, annotation
///   values and label values are hostile strings, and whose keys are hostile but valid keys.
#[test]
fn write_emit_sample_for_pyyaml() {
    let Some(dir) = std::env::var_os("K8S_DSL_EMIT_SAMPLE_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("emit-"))
        {
            std::fs::remove_file(path).unwrap();
        }
    }
    let mut runner = TestRunner::deterministic();
    let trees = tree();
    for file in 0..20 {
        let objects: Vec<Value> = (0..100)
            .map(|i| {
                let spec = sample(&trees, &mut runner);
                check_value(&spec).unwrap();
                json!({
                    "apiVersion": "sample.k8s-dsl.dev/v1",
                    "kind": "HostileSample",
                    "metadata": { "name": format!("tree-{file}-{i}") },
                    "spec": { "tree": spec },
                })
            })
            .collect();
        write_pair(&dir, &format!("emit-trees-{file:02}"), &objects);
    }
    let strings = hostile_string();
    let keys: Vec<&str> = HOSTILE
        .iter()
        .copied()
        .filter(|k| reference::config_map_key(k) && reference::annotation_key(k))
        .collect();
    assert!(keys.len() >= 10, "{keys:?}");
    let label_values: Vec<&str> = HOSTILE
        .iter()
        .copied()
        .filter(|v| reference::label_value(v))
        .collect();
    let config_maps: Vec<Value> = (0..200)
        .map(|i| {
            let mut data = Map::new();
            let mut annotations = Map::new();
            let mut labels = Map::new();
            for (n, key) in keys.iter().enumerate() {
                if (i + n) % 3 == 0 {
                    data.insert(
                        (*key).to_string(),
                        Value::String(sample(&strings, &mut runner)),
                    );
                    annotations.insert(
                        format!("example.com/{key}"),
                        Value::String(sample(&strings, &mut runner)),
                    );
                }
            }
            data.insert(
                format!("k-{i}"),
                Value::String(sample(&strings, &mut runner)),
            );
            annotations.insert(
                (*keys[i % keys.len()]).to_string(),
                Value::String(sample(&strings, &mut runner)),
            );
            labels.insert(
                "value".to_string(),
                Value::String(label_values[i % label_values.len()].to_string()),
            );
            json!({
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": {
                    "name": format!("hostile-{i}"),
                    "labels": labels,
                    "annotations": annotations,
                },
                "data": data,
            })
        })
        .collect();
    for object in &config_maps {
        check_value(object).unwrap();
    }
    write_pair(&dir, "emit-configmaps", &config_maps);
}
