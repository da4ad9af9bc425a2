//! The fleet equals the reference output (`data/fleet-n2.yaml`) as data, whichever way it is
//! made and written, and the builders, the macros and the baseline make equal objects.

// Tests may unwrap and index: a panic is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use k8s_dsl::prelude::Object;
use k8s_dsl_fleet::{fleet_baseline, fleet_builders, fleet_macros, write_fleet, Emit, Source};
use serde::Deserialize;

const REFERENCE: &str = include_str!("../data/fleet-n2.yaml");

/// Every document of a YAML stream, as JSON values.
fn documents(yaml: &str) -> Vec<serde_json::Value> {
    serde_yaml::Deserializer::from_str(yaml)
        .map(|document| serde_json::Value::deserialize(document).unwrap())
        .collect()
}

fn fleet(n: usize, source: Source, emit: Emit) -> String {
    String::from_utf8(write_fleet(n, source, emit, Vec::new()).unwrap()).unwrap()
}

#[test]
fn reference_has_a_pod_and_a_cronjob_per_member() {
    let reference = documents(REFERENCE);
    let kinds: Vec<&str> = reference
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["Pod", "CronJob", "Pod", "CronJob"]);
}

#[test]
fn builders_with_k8s_dsl_yaml_equal_the_reference() {
    let yaml = fleet(2, Source::Builders, Emit::Yaml);
    assert_eq!(documents(&yaml), documents(REFERENCE));
}

#[test]
fn macros_with_k8s_dsl_yaml_equal_the_reference() {
    let yaml = fleet(2, Source::Macros, Emit::Yaml);
    assert_eq!(documents(&yaml), documents(REFERENCE));
}

#[test]
fn macros_and_builders_write_byte_identical_yaml() {
    let builders = fleet(2, Source::Builders, Emit::Yaml);
    assert!(builders.contains("fsGroupChangePolicy: Always"));
    assert_eq!(fleet(2, Source::Macros, Emit::Yaml), builders);
}

#[test]
fn sources_parse_and_display_alike() {
    for source in [Source::Builders, Source::Macros, Source::Baseline] {
        assert_eq!(source.to_string().parse::<Source>(), Ok(source));
    }
    assert!("macro".parse::<Source>().unwrap_err().contains("`macros`"));
}

#[test]
fn baseline_with_serde_yaml_equals_the_reference() {
    let yaml = fleet(2, Source::Baseline, Emit::SerdeYaml);
    assert_eq!(documents(&yaml), documents(REFERENCE));
}

#[test]
fn json_list_holds_the_reference_objects() {
    for source in [Source::Builders, Source::Macros, Source::Baseline] {
        let json: serde_json::Value = serde_json::from_str(&fleet(2, source, Emit::Json)).unwrap();
        assert_eq!(json["kind"], "List");
        assert_eq!(json["items"].as_array().unwrap(), &documents(REFERENCE));
    }
    let empty: serde_json::Value =
        serde_json::from_str(&fleet(0, Source::Builders, Emit::Json)).unwrap();
    assert_eq!(empty["items"].as_array().map(Vec::len), Some(0));
}

#[test]
fn builders_macros_and_baseline_make_equal_objects() {
    for i in [0, 1, 17, 99_999] {
        let (pod, cron) = fleet_baseline(i);
        let built = fleet_builders(i).unwrap_or_else(|e| panic!("{e}"));
        let written = fleet_macros(i).unwrap_or_else(|e| panic!("{e}"));
        let expected = [Object::Pod(pod), Object::CronJob(cron)];
        assert_eq!(built, expected, "member {i}");
        assert_eq!(written, expected, "member {i} (macros)");
    }
}

#[test]
fn names_and_app_labels_follow_the_index() {
    let docs = documents(&fleet(3, Source::Builders, Emit::Yaml));
    for (i, pair) in docs.chunks(2).enumerate() {
        assert_eq!(pair[0]["metadata"]["name"], format!("web-{i}"));
        assert_eq!(pair[0]["metadata"]["labels"]["app"], format!("web-{i}"));
        assert_eq!(pair[1]["metadata"]["name"], format!("report-{i}"));
        assert_eq!(pair[1]["metadata"]["labels"]["app"], format!("web-{i}"));
    }
}
