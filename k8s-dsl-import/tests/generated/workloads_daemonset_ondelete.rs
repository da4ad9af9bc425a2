// `tests/corpus/workloads/daemonset-ondelete.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/daemonset-ondelete.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // DaemonSet `log-agent` (document 1)
        DaemonSet::new("log-agent")
            .update_strategy(DaemonSetStrategy::OnDelete)
            .template(
                Pod::template()
                    .label("app", "log-agent")
                    .label("component", "logging")
                    .container(
                        Container::new("agent")
                            .image("fluent/fluent-bit:3.2")
                            .request("cpu", "50m")
                            .memory("64Mi", "128Mi"),
                    )
                    .priority_class_name("system-node-critical"),
            )
            .build()?
            .into(),
    ])
}
