// `tests/corpus/pods/unsupported-fields.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - Pod/unsupported `metadata.finalizers`: kept as JSON
// - Pod/unsupported `metadata.generation`: kept as JSON
// - Pod/unsupported `spec.containers[0].env[0].valueFrom.fieldRef.apiVersion`: kept as JSON
// - Pod/unsupported `spec.containers[0].volumeMounts[0].readOnly`: kept as JSON
// - Pod/unsupported `spec.containers[0].readinessProbe.tcpSocket.host`: kept as JSON
// - Pod/unsupported `spec.containers[0].lifecycle.stopSignal`: kept as JSON
// - Pod/unsupported `spec.containers[0].securityContext.procMount`: kept as JSON
// - Pod/unsupported `spec.containers[0].livenessProbe`: kept as JSON

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/unsupported-fields.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `unsupported` (document 1)
        with_fields(
            Pod::new("unsupported")
                .container(
                    Container::new("app")
                        .image("example/app:1.0")
                        .env_var(EnvVar::field("NODE", "spec.nodeName"))
                        .mount("data", "/data")
                        .readiness_probe(Probe::tcp_socket(8080))
                        .security_context(SecurityContext::new().drop_capability("ALL"))
                        .resize_policy(ResizeResource::Cpu, ResizeRestartPolicy::NotRequired),
                )
                .volume(Volume::empty_dir("data"))
                .os(OsName::Linux)
                .host_alias(HostAlias::new("10.1.2.3", ["foo.local", "bar.local"]))
                .topology_spread(
                    TopologySpread::new(
                        "topology.kubernetes.io/zone",
                        1,
                        WhenUnsatisfiable::DoNotSchedule,
                    )
                    .label("app", "unsupported"),
                )
                .readiness_gate("example.com/ready")
                .build()?,
            vec![
                // `metadata.finalizers`: no builder method
                (
                    "/metadata/finalizers",
                    serde_json::json!(["example.com/cleanup"]),
                ),
                // `metadata.generation`: no builder method
                ("/metadata/generation", serde_json::json!(3)),
                // `spec.containers[0].env[0].valueFrom.fieldRef.apiVersion`: no builder method
                (
                    "/spec/containers/0/env/0/valueFrom/fieldRef/apiVersion",
                    serde_json::json!("v1"),
                ),
                // `spec.containers[0].volumeMounts[0].readOnly`: no builder method
                (
                    "/spec/containers/0/volumeMounts/0/readOnly",
                    serde_json::json!(false),
                ),
                // `spec.containers[0].readinessProbe.tcpSocket.host`: no builder method
                (
                    "/spec/containers/0/readinessProbe/tcpSocket/host",
                    serde_json::json!("127.0.0.1"),
                ),
                // `spec.containers[0].lifecycle.stopSignal`: no builder method
                (
                    "/spec/containers/0/lifecycle/stopSignal",
                    serde_json::json!("SIGTERM"),
                ),
                // `spec.containers[0].securityContext.procMount`: no builder method
                (
                    "/spec/containers/0/securityContext/procMount",
                    serde_json::json!("Default"),
                ),
                // `spec.containers[0].livenessProbe`: no builder method
                (
                    "/spec/containers/0/livenessProbe",
                    serde_json::json!({ "httpGet": { "port": 8080 } }),
                ),
            ],
        )?
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
