// `tests/corpus/workloads/generated-names.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/generated-names.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Job without a name (document 1)
        // Builder code, not a macro:
        // - `job!` has no key for `spec.template.spec.volumes[0].ephemeral`
        // - `job!` has no key for `metadata.generateName`
        Job::generated("migrate-")
            .restart_policy(JobRestartPolicy::Never)
            .template(
                Pod::template()
                    .container(
                        Container::new("migrate")
                            .image("app:1.4")
                            .mount("scratch", "/scratch"),
                    )
                    .volume(
                        Volume::ephemeral("scratch", AccessMode::ReadWriteOnce, "10Gi")
                            .storage_class("fast")
                            .label("app", "migrate"),
                    ),
            )
            .build()?
            .into(),
        // Pod without a name (document 2)
        // Builder code, not a macro:
        // - `pod!` has no key for `spec.containers[0].resizePolicy`
        // - `pod!` has no key for `spec.securityContext.sysctls`
        // - `pod!` has no key for `metadata.generateName`
        Pod::generated("debug-")
            .container(
                Container::new("shell")
                    .image("busybox:1.36")
                    .command(["sleep", "3600"])
                    .resize_policy(ResizeResource::Cpu, ResizeRestartPolicy::NotRequired)
                    .resize_policy(
                        ResizeResource::Memory,
                        ResizeRestartPolicy::RestartContainer,
                    ),
            )
            .security_context(
                PodSecurityContext::new().sysctl("net.ipv4.ip_local_port_range", "1024 65000"),
            )
            .build()?
            .into(),
    ])
}
