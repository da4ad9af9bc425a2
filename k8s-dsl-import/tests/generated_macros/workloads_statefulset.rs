// `tests/corpus/workloads/statefulset.yaml`, imported by `k8s-dsl-import`.
//
// Fields without a builder method, kept as they are:
// - StatefulSet/postgres `spec.volumeClaimTemplates[1].spec.volumeMode`: kept as JSON
// - StatefulSet/postgres `spec.volumeClaimTemplates[1].metadata.labels`: kept as JSON

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/statefulset.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // StatefulSet `postgres` (document 1)
        // Builder code, not a macro:
        // - `statefulset!` has no key for `spec.podManagementPolicy`
        // - `statefulset!` has no key for `spec.updateStrategy`
        // - `statefulset!` has no key for `spec.volumeClaimTemplates`
        with_fields(
            StatefulSet::new("postgres")
                .service_name("postgres")
                .replicas(3)
                .pod_management_policy(PodManagementPolicy::Parallel)
                .update_strategy(StatefulSetStrategy::partitioned(1))
                .min_ready(Duration::seconds(30))
                .revision_history_limit(10)
                .volume_claim(
                    VolumeClaimTemplate::new("data")
                        .access_mode(AccessMode::ReadWriteOnce)
                        .storage("50Gi")
                        .storage_class("fast-ssd"),
                )
                .volume_claim(
                    VolumeClaimTemplate::new("wal")
                        .access_mode(AccessMode::ReadWriteOnce)
                        .access_mode(AccessMode::ReadWriteOncePod)
                        .storage("10Gi"),
                )
                .template(
                    Pod::template()
                        .label("app", "postgres")
                        .container(
                            Container::new("postgres")
                                .image("postgres:16.4")
                                .port(ContainerPort::new(5432).name("postgres"))
                                .mount("data", "/var/lib/postgresql/data")
                                .mount("wal", "/var/lib/postgresql/wal")
                                .readiness_probe(Probe::exec(["pg_isready", "-U", "postgres"])),
                        )
                        .termination_grace_period(Duration::minutes(2)),
                )
                .build()?,
            vec![
                // `spec.volumeClaimTemplates[1].spec.volumeMode`: no builder method
                (
                    "/spec/volumeClaimTemplates/1/spec/volumeMode",
                    serde_json::json!("Filesystem"),
                ),
                // `spec.volumeClaimTemplates[1].metadata.labels`: no builder method
                (
                    "/spec/volumeClaimTemplates/1/metadata/labels",
                    serde_json::json!({ "purpose": "wal" }),
                ),
            ],
        )?
        .into(),
        // StatefulSet `zookeeper` (document 2)
        // Builder code, not a macro:
        // - `statefulset!` has no key for `spec.updateStrategy`
        StatefulSet::new("zookeeper")
            .service_name("zk")
            .update_strategy(StatefulSetStrategy::OnDelete)
            .template(
                Pod::template()
                    .label("app", "zk")
                    .container(Container::new("zk").image("zookeeper:3.9")),
            )
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
