// `tests/corpus/kubernetes-docs/konnectivity-rbac.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/konnectivity-rbac.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ClusterRoleBinding `system:konnectivity-server` (document 1)
        ClusterRoleBinding::new("system:konnectivity-server")
            .label("addonmanager.kubernetes.io/mode", "Reconcile")
            .label("kubernetes.io/cluster-service", "true")
            .cluster_role("system:auth-delegator")
            .subject(Subject::user("system:konnectivity-server"))
            .build()?
            .into(),
        // ServiceAccount `konnectivity-agent` (document 2)
        ServiceAccount::new("konnectivity-agent")
            .namespace("kube-system")
            .label("addonmanager.kubernetes.io/mode", "Reconcile")
            .label("kubernetes.io/cluster-service", "true")
            .build()?
            .into(),
    ])
}
