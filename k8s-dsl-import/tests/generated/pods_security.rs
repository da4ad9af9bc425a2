// `tests/corpus/pods/security.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/security.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `secure` (document 1)
        Pod::new("secure")
            .container(
                Container::new("restricted")
                    .image("example/app:1.0")
                    .security_context(
                        SecurityContext::new()
                            .run_as_non_root(true)
                            .read_only_root_filesystem(true)
                            .allow_privilege_escalation(false)
                            .add_capability("NET_BIND_SERVICE")
                            .drop_capability("ALL")
                            .seccomp_profile(SeccompProfileType::RuntimeDefault),
                    ),
            )
            .container(
                Container::new("audited")
                    .image("example/app:1.0")
                    .security_context(
                        SecurityContext::new()
                            .run_as_user(0)
                            .privileged(false)
                            .seccomp_localhost("profiles/audit.json"),
                    ),
            )
            .security_context(
                PodSecurityContext::new()
                    .run_as_user(1000)
                    .run_as_group(3000)
                    .fs_group(2000)
                    .run_as_non_root(true)
                    .fs_group_change_policy(FsGroupChangePolicy::OnRootMismatch)
                    .supplemental_group(4000)
                    .supplemental_group(5000)
                    .seccomp_profile(SeccompProfileType::RuntimeDefault),
            )
            .build()?
            .into(),
    ])
}
