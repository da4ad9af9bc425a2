// `tests/corpus/pods/scheduling.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/scheduling.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `scheduled` (document 1)
        Pod::new("scheduled")
            .label("app", "scheduled")
            .container(Container::new("app").image("example/app:1.0"))
            .priority_class_name("high-priority")
            .runtime_class_name("gvisor")
            .scheduler_name("custom-scheduler")
            .node_selector("disktype", "ssd")
            .node_selector("kubernetes.io/os", "linux")
            .toleration(Toleration::equal("dedicated", "batch").effect(TaintEffect::NoSchedule))
            .toleration(
                Toleration::exists("node.kubernetes.io/unreachable")
                    .effect(TaintEffect::NoExecute)
                    .for_duration(Duration::minutes(5)),
            )
            .toleration(Toleration::exists("example.com/special"))
            .toleration(Toleration::everything())
            .affinity(
                Affinity::new()
                    .prefer_node(
                        50,
                        NodeTerm::new().matching(Requirement::does_not_exist("example.com/spot")),
                    )
                    .require_node(
                        NodeTerm::new()
                            .matching(Requirement::is_in(
                                "topology.kubernetes.io/zone",
                                ["eu-west-1a", "eu-west-1b"],
                            ))
                            .matching(Requirement::greater_than("example.com/cores", 4)),
                    )
                    .require_pod(PodTerm::new("topology.kubernetes.io/zone").label("app", "cache"))
                    .prefer_avoid_pod(
                        100,
                        PodTerm::new("kubernetes.io/hostname")
                            .matching(Requirement::is_in("app", ["scheduled"]))
                            .namespace("default")
                            .namespace("batch"),
                    ),
            )
            .build()?
            .into(),
    ])
}
