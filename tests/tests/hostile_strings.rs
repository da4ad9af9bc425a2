//! The emitter against hostile strings, read back by a YAML 1.2 reader (serde_yaml) here and by
//! PyYAML (YAML 1.1) and ruamel.yaml (YAML 1.2) in the test command (`scripts/validate.py`).

use k8s_dsl_tests::{hostile_pod, hostile_strings};

#[test]
fn there_are_at_least_100_hostile_strings() {
    assert!(
        hostile_strings().len() >= 100,
        "{}",
        hostile_strings().len()
    );
}

#[test]
fn every_hostile_string_survives_a_yaml_1_2_reader() {
    let pod = hostile_pod();
    let yaml = k8s_dsl::emit::to_yaml(&pod).unwrap();
    let back: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    let expected = serde_json::to_value(&pod).unwrap();
    assert_eq!(back, expected);
}

/// U+0085, U+2028 and U+2029: line breaks to a YAML reader, ordinary characters to JSON.
const YAML_LINE_BREAKS: [char; 3] = ['\u{85}', '\u{2028}', '\u{2029}'];

#[test]
fn the_yaml_line_breaks_are_among_the_hostile_strings() {
    let strings = hostile_strings();
    for c in YAML_LINE_BREAKS {
        assert!(strings.contains(&c.to_string()), "{c:?} alone");
        assert!(
            strings.iter().filter(|s| s.contains(c)).count() >= 3,
            "{c:?} inside strings"
        );
    }
}

#[test]
fn yaml_output_holds_no_raw_yaml_line_break() {
    let yaml = k8s_dsl::emit::to_yaml(&hostile_pod()).unwrap();
    for c in YAML_LINE_BREAKS {
        assert!(!yaml.contains(c), "raw {c:?} in the YAML");
    }
}

#[test]
fn every_hostile_string_survives_json_read_by_a_yaml_reader() {
    // kustomize, Argo CD, PyYAML and ruamel.yaml read JSON manifests as YAML, which takes
    // U+0085, U+2028 and U+2029 for line breaks: the JSON must escape them.
    let pod = hostile_pod();
    let json = k8s_dsl::emit::to_json(&pod).unwrap();
    for c in YAML_LINE_BREAKS {
        assert!(!json.contains(c), "raw {c:?} in the JSON");
    }
    let expected = serde_json::to_value(&pod).unwrap();
    let as_json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(as_json, expected);
    let as_yaml: serde_json::Value = serde_yaml::from_str(&json).unwrap();
    assert_eq!(as_yaml, expected);
}

#[test]
fn serde_yaml_would_not_survive_a_yaml_1_1_reader() {
    // Why the project writes its own YAML: serde_yaml 0.9 writes YAML 1.1 booleans plain.
    let text = serde_yaml::to_string(&vec!["yes", "on", "y"]).unwrap();
    assert!(text.contains("- on") || text.contains("- y"), "{text}");
    let ours = k8s_dsl::emit::to_yaml(&vec!["yes", "on", "y"]).unwrap();
    assert_eq!(ours, "- \"yes\"\n- \"on\"\n- \"y\"\n");
}

#[test]
fn output_is_deterministic() {
    let first = k8s_dsl::emit::to_yaml(&hostile_pod()).unwrap();
    let second = k8s_dsl::emit::to_yaml(&hostile_pod()).unwrap();
    assert_eq!(first, second);
}
