// `tests/corpus/kubernetes-docs/priority-quota-list.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/priority-quota-list.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ResourceQuota `pods-high` (document 1 items[0])
        ResourceQuota::new("pods-high")
            .hard("cpu", "1000")
            .hard("memory", "200Gi")
            .hard("pods", "10")
            .priority_classes(["high"])
            .build()?
            .into(),
        // ResourceQuota `pods-medium` (document 1 items[1])
        ResourceQuota::new("pods-medium")
            .hard("cpu", "10")
            .hard("memory", "20Gi")
            .hard("pods", "10")
            .priority_classes(["medium"])
            .build()?
            .into(),
        // ResourceQuota `pods-low` (document 1 items[2])
        ResourceQuota::new("pods-low")
            .hard("cpu", "5")
            .hard("memory", "10Gi")
            .hard("pods", "10")
            .priority_classes(["low"])
            .build()?
            .into(),
    ])
}
