// `tests/corpus/pods/macro-edges.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Pod/toleration-without-operator `spec.affinity`: kept as JSON
// - Pod/toleration-without-operator `spec.tolerations`: kept as JSON
// - Pod/projected-edges `spec.volumes[0]`: kept with `Volume::from_k8s`
// - Pod/projected-edges `spec.volumes[1]`: kept with `Volume::from_k8s`
// - Pod/projected-edges `spec.volumes[2]`: kept with `Volume::from_k8s`

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/macro-edges.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `toleration-without-operator` (document 1)
        with_fields(
            Pod::new("toleration-without-operator")
                .container(Container::new("app").image("busybox:1.36"))
                .priority(-10)
                .build()?,
            vec![
                // `spec.affinity`: no builder method
                (
                    "/spec/affinity",
                    serde_json::json!({
                        "nodeAffinity": {
                            "requiredDuringSchedulingIgnoredDuringExecution": {
                                "nodeSelectorTerms": [
                                    {
                                        "matchFields": [
                                            {
                                                "key": "metadata.name",
                                                "operator": "In",
                                                "values": ["node-1"],
                                            },
                                        ],
                                    },
                                ],
                            },
                        },
                    }),
                ),
                // `spec.tolerations`: no builder method
                (
                    "/spec/tolerations",
                    serde_json::json!([{ "effect": "NoSchedule", "key": "dedicated", "value": "batch" }]),
                ),
            ],
        )?
        .into(),
        // Pod `projected-edges` (document 2)
        Pod::new("projected-edges")
            .container(Container::new("app")
                .image("busybox:1.36")
                .mount("labels", "/etc/labels")
                .mount("optional-config", "/etc/config")
                .mount("no-items", "/etc/secret"))
            .volume(Volume::from_k8s(serde_json::from_value(serde_json::json!({
                    "name": "labels",
                    "projected": {
                        "sources": [
                            {
                                "downwardAPI": {
                                    "items": [
                                        {
                                            "fieldRef": { "fieldPath": "metadata.labels" },
                                            "path": "labels",
                                        },
                                    ],
                                },
                            },
                            {
                                "downwardAPI": {
                                    "items": [
                                        {
                                            "fieldRef": { "fieldPath": "metadata.annotations" },
                                            "path": "annotations",
                                        },
                                    ],
                                },
                            },
                        ],
                    },
                }))?))
            .volume(Volume::from_k8s(serde_json::from_value(serde_json::json!({
                    "name": "optional-config",
                    "projected": {
                        "sources": [{ "configMap": { "name": "app-config", "optional": true } }],
                    },
                }))?))
            .volume(Volume::from_k8s(serde_json::from_value(serde_json::json!({
                    "name": "no-items",
                    "projected": { "sources": [{ "secret": { "items": [], "name": "app-secret" } }] },
                }))?))
            .build()?
            .into(),
        // Job `managed` (document 3)
        Job::new("managed")
            .restart_policy(JobRestartPolicy::Never)
            .suspend(true)
            .managed_by("example.com/queue")
            .template(Pod::template().container(Container::new("main").image("busybox:1.36")))
            .build()?
            .into(),
    ])
}

/// Sets fields that have no builder method on a built object, at their JSON pointers.
fn with_fields<T>(
    object: T,
    fields: Vec<(&str, serde_json::Value)>,
) -> Result<T, Box<dyn std::error::Error>>
where
    T: k8s_openapi::serde::Serialize + k8s_openapi::serde::de::DeserializeOwned,
{
    let mut value = serde_json::to_value(object)?;
    for (pointer, field) in fields {
        let mut slot = &mut value;
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            if slot.is_null() {
                *slot = serde_json::Value::Object(serde_json::Map::new());
            }
            slot = match slot {
                serde_json::Value::Object(map) => {
                    map.entry(token).or_insert(serde_json::Value::Null)
                }
                serde_json::Value::Array(items) => {
                    match token.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                        Some(item) => item,
                        None => return Err(format!("no list item for `{pointer}`").into()),
                    }
                }
                _ => return Err(format!("no place for `{pointer}`").into()),
            };
        }
        *slot = field;
    }
    Ok(serde_json::from_value(value)?)
}
