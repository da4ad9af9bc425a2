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
