// `tests/corpus/kubernetes-docs/sched-clusterrole.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/sched-clusterrole.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ClusterRole `system:kube-scheduler` (document 1)
        ClusterRole::new("system:kube-scheduler")
            .label("kubernetes.io/bootstrapping", "rbac-defaults")
            .annotation("rbac.authorization.kubernetes.io/autoupdate", "true")
            .rule(Rule::in_group("coordination.k8s.io", ["leases"]).verbs([Verb::Create]))
            .rule(
                Rule::in_group("coordination.k8s.io", ["leases"])
                    .resource_names(["kube-scheduler", "my-scheduler"])
                    .verbs([Verb::Get, Verb::Update]),
            )
            .rule(
                Rule::in_group("", ["endpoints"])
                    .resource_names(["kube-scheduler", "my-scheduler"])
                    .verbs([Verb::Delete, Verb::Get, Verb::Patch, Verb::Update]),
            )
            .build()?
            .into(),
    ])
}
