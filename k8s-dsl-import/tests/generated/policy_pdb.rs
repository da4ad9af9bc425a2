// `tests/corpus/policy/pdb.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/policy/pdb.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // PodDisruptionBudget `web-pdb` (document 1)
        PodDisruptionBudget::new("web-pdb")
            .selector(Selector::new().label("app", "web"))
            .min_available(2)
            .build()?
            .into(),
        // PodDisruptionBudget `zk-pdb` (document 2)
        PodDisruptionBudget::new("zk-pdb")
            .namespace("data")
            .selector(Selector::new().key_in("app", ["zk", "zookeeper"]))
            .max_unavailable("25%")
            .unhealthy_pod_eviction_policy(UnhealthyPodEvictionPolicy::AlwaysAllow)
            .build()?
            .into(),
    ])
}
