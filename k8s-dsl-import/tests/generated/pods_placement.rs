// `tests/corpus/pods/placement.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/placement.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `placed` (document 1)
        Pod::new("placed")
            .label("app", "placed")
            .container(
                Container::new("app")
                    .image("app:1.4")
                    .env_var(
                        EnvVar::container_resource("MEM", "app", "limits.memory").divisor("1Mi"),
                    )
                    .request("cpu", "500m")
                    .limit("memory", "512Mi")
                    .mount_read_only("shared", "/srv")
                    .mount_read_only("secrets", "/mnt/secrets")
                    .mount_read_only("model", "/models")
                    .mount_read_only("info", "/etc/info"),
            )
            .volume(Volume::nfs("shared", "nfs.example.com", "/exports").read_only())
            .volume(
                Volume::csi("secrets", "secrets-store.csi.k8s.io")
                    .read_only()
                    .fs_type("ext4")
                    .attribute("secretProviderClass", "db"),
            )
            .volume(
                Volume::image("model", "quay.io/example/model:v1")
                    .pull_policy(ImagePullPolicy::IfNotPresent),
            )
            .volume(Volume::projected("info").resource_item("mem", "app", "limits.memory"))
            .host_pid(false)
            .host_ipc(false)
            .os(OsName::Linux)
            .host_alias(HostAlias::new("10.0.0.5", ["db.internal", "db"]))
            .topology_spread(
                TopologySpread::new(
                    "topology.kubernetes.io/zone",
                    1,
                    WhenUnsatisfiable::DoNotSchedule,
                )
                .label("app", "placed")
                .min_domains(2)
                .node_affinity_policy(NodeInclusionPolicy::Honor)
                .node_taints_policy(NodeInclusionPolicy::Ignore),
            )
            .topology_spread(
                TopologySpread::new(
                    "kubernetes.io/hostname",
                    2,
                    WhenUnsatisfiable::ScheduleAnyway,
                )
                .label("app", "placed")
                .match_label_key("pod-template-hash"),
            )
            .scheduling_gate("example.com/quota")
            .readiness_gate("example.com/lb-ready")
            .request("cpu", "1")
            .limit("memory", "1Gi")
            .build()?
            .into(),
    ])
}
