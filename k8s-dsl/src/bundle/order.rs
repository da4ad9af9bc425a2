//! The apply order: namespaces, cluster-scoped objects, config, Services, workloads, then
//! budgets, autoscalers and custom resources; within a group by kind, namespace and name.

use super::object::Object;

/// The group an object is applied in.
fn rank(object: &Object) -> u8 {
    match object {
        Object::Namespace(_) => 0,
        Object::PriorityClass(_) | Object::StorageClass(_) | Object::PersistentVolume(_) => 1,
        Object::Custom(custom) if custom.kind == "CustomResourceDefinition" => 1,
        Object::ServiceAccount(_)
        | Object::ConfigMap(_)
        | Object::Secret(_)
        | Object::PersistentVolumeClaim(_)
        // RBAC before the workloads whose pods use it.
        | Object::Role(_)
        | Object::ClusterRole(_)
        | Object::RoleBinding(_)
        | Object::ClusterRoleBinding(_)
        // Quotas and limits before the pods they bound.
        | Object::ResourceQuota(_)
        | Object::LimitRange(_)
        // Policies before the pods they isolate.
        | Object::NetworkPolicy(_)
        | Object::IngressClass(_) => 2,
        Object::Service(_) | Object::Ingress(_) => 3,
        Object::Deployment(_)
        | Object::StatefulSet(_)
        | Object::DaemonSet(_)
        | Object::ReplicaSet(_)
        | Object::Job(_)
        | Object::CronJob(_)
        | Object::Pod(_) => 4,
        Object::PodDisruptionBudget(_) | Object::HorizontalPodAutoscaler(_) | Object::Custom(_) => {
            5
        }
    }
}

/// The sort key: group, kind, namespace, name.
fn key(object: &Object) -> (u8, &str, &str, &str) {
    let meta = object.metadata();
    (
        rank(object),
        object.kind(),
        meta.namespace.as_deref().unwrap_or_default(),
        meta.name.as_deref().unwrap_or_default(),
    )
}

/// Sorts objects into apply order (stable: equal keys keep the order they were added in).
pub(super) fn sort(objects: &mut [Object]) {
    objects.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// Like [`sort`], for references.
pub(super) fn sort_refs(objects: &mut [&Object]) {
    objects.sort_by(|a, b| key(a).cmp(&key(b)));
}
