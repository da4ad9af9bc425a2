// `tests/corpus/kubernetes-docs/quota-mem-cpu.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/kubernetes-docs/quota-mem-cpu.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // ResourceQuota `mem-cpu-demo` (document 1)
        ResourceQuota::new("mem-cpu-demo")
            .hard("limits.cpu", "2")
            .hard("limits.memory", "2Gi")
            .hard("requests.cpu", "1")
            .hard("requests.memory", "1Gi")
            .build()?
            .into(),
    ])
}
