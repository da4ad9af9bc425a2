//! Every door into a bundle is checked by the same validation pass: a builder, a raw
//! k8s-openapi value, a volume given with `Volume::from_k8s`, a `CustomResource` of a built-in
//! kind, and an object edited after `build()` get the same errors at the same paths.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use k8s_dsl::prelude::*;
use k8s_openapi::api::core::v1 as k8s;
use serde_json::json;

/// The body of the invalid pod: a bad hostname (rule 10), a volume named `Data` (rule 7), a
/// container name that is no DNS label (rule 6), twice (rule 13), the second without an image
/// (rule 14).
fn spec() -> serde_json::Value {
    json!({
        "hostname": "Web_Host",
        "volumes": [{ "name": "Data", "emptyDir": {} }],
        "containers": [
            { "name": "Web_1", "image": "nginx:1.27", "volumeMounts": [{ "name": "Data", "mountPath": "/data" }] },
            { "name": "Web_1" },
        ],
    })
}

/// The errors the pod must get, whichever door it comes through.
fn expected() -> BTreeSet<(String, u16)> {
    [
        ("spec.hostname", 10),
        ("spec.volumes[0].name", 7),
        ("spec.containers[0].name", 6),
        ("spec.containers[1].name", 6),
        ("spec.containers[1].name", 13),
        ("spec.containers[1].image", 14),
    ]
    .into_iter()
    .map(|(path, rule)| (format!("Pod/web: {path}"), rule))
    .collect()
}

/// The (path, rule) pairs of a bundle holding only `object`.
fn errors_of(object: impl IntoObject) -> BTreeSet<(String, u16)> {
    let errors = Bundle::new().add(object).check().unwrap_err();
    errors
        .iter()
        .map(|e| (e.path.as_str().to_owned(), e.rule))
        .collect()
}

fn raw() -> k8s::Pod {
    serde_json::from_value(json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web" }, "spec": spec(),
    }))
    .unwrap()
}

fn builder(volume: impl Into<Volume>) -> Pod {
    Pod::new("web")
        .hostname("Web_Host")
        .volume(volume)
        .container(
            Container::new("Web_1")
                .image("nginx:1.27")
                .mount("Data", "/data"),
        )
        .container(Container::new("Web_1"))
}

#[test]
fn the_builder_door() {
    assert_eq!(errors_of(builder(Volume::empty_dir("Data"))), expected());
}

#[test]
fn the_raw_struct_door() {
    assert_eq!(errors_of(raw()), expected());
    // An `Object` made from it, too.
    assert_eq!(errors_of(Object::Pod(raw())), expected());
}

#[test]
fn the_from_k8s_door() {
    let volume = k8s::Volume {
        name: "Data".into(),
        empty_dir: Some(k8s::EmptyDirVolumeSource::default()),
        ..Default::default()
    };
    assert_eq!(errors_of(builder(Volume::from_k8s(volume))), expected());
}

#[test]
fn the_custom_resource_door() {
    let pod = CustomResource::new("v1", "Pod", "web").field("spec", spec());
    assert_eq!(errors_of(pod.clone()), expected());
    // Built first, then added as an object.
    let object = serde_json::from_value::<serde_json::Value>(json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web" }, "spec": spec(),
    }))
    .unwrap();
    let custom = k8s_dsl::custom::CustomObject {
        api_version: "v1".into(),
        kind: "Pod".into(),
        metadata: serde_json::from_value(object["metadata"].clone()).unwrap(),
        fields: [("spec".to_owned(), object["spec"].clone())].into(),
    };
    assert_eq!(errors_of(custom), expected());
}

#[test]
fn an_object_edited_after_build_is_checked() {
    let mut pod = Pod::new("web")
        .container(Container::new("web").image("nginx:1.27"))
        .build()
        .unwrap();
    let spec = pod.spec.as_mut().unwrap();
    spec.containers.push(spec.containers[0].clone());
    let errors = errors_of(pod);
    assert_eq!(
        errors,
        [("Pod/web: spec.containers[1].name".to_owned(), 13)].into()
    );
}

#[test]
fn unknown_fields_of_a_built_in_kind_are_errors() {
    let pod = CustomResource::new("v1", "Pod", "web").field(
        "spec",
        json!({
            "containers": [{ "name": "web", "image": "nginx:1.27", "imagePullPolcy": "Always" }],
            "restartPolicyy": "Never",
        }),
    );
    let errors = errors_of(pod);
    assert!(
        errors.contains(&("Pod/web: spec.containers[0].imagePullPolcy".to_owned(), 0)),
        "{errors:?}"
    );
    assert!(
        errors.contains(&("Pod/web: spec.restartPolicyy".to_owned(), 0)),
        "{errors:?}"
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn a_custom_resource_of_another_kind_keeps_its_body() {
    let vpa = CustomResource::new("autoscaling.k8s.io/v1", "VerticalPodAutoscaler", "web")
        .spec(json!({ "anything": { "goes": true } }));
    assert!(Bundle::new().add(vpa).check().is_ok());
}

#[test]
fn the_same_report_from_validate_object() {
    let report = k8s_dsl::validate::object(&Object::Pod(raw()));
    let errors: BTreeSet<(String, u16)> = report
        .errors()
        .iter()
        .map(|e| (format!("Pod/web: {}", e.path), e.rule))
        .collect();
    assert_eq!(errors, expected());
}

/// What the API server accepts is no error (issue 14, item 5): a projected token without
/// `serviceAccountName` (rule 45), a placeholder image (rule 14) and a negative grace period
/// (rule 40) are warnings at their paths.
#[test]
fn no_false_rejections() {
    let pod: k8s::Pod = serde_json::from_value(json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web" },
        "spec": {
            "terminationGracePeriodSeconds": -5,
            "volumes": [{ "name": "token", "projected": { "sources": [
                { "serviceAccountToken": { "path": "token", "audience": "vault" } },
            ] } }],
            "containers": [{ "name": "web", "image": "<your-image>" }],
        },
    }))
    .unwrap();
    let warnings = Bundle::new().add(pod).check().unwrap();
    let paths: BTreeSet<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
    for path in [
        "Pod/web: spec.terminationGracePeriodSeconds",
        "Pod/web: spec.volumes[0].projected.sources[0].serviceAccountToken",
        "Pod/web: spec.containers[0].image",
    ] {
        assert!(paths.contains(path), "{path} not in {paths:?}");
    }
}
