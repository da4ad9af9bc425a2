// `tests/corpus/pods/security.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/security.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `secure` (document 1)
        k8s_dsl::pod! {
            name: "secure",
            containers: [
                {
                    name: "restricted",
                    image: "example/app:1.0",
                    securityContext: {
                        runAsNonRoot: true,
                        allowPrivilegeEscalation: false,
                        readOnlyRootFilesystem: true,
                        capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
                        seccompProfile: { type: RuntimeDefault },
                    },
                },
                {
                    name: "audited",
                    image: "example/app:1.0",
                    securityContext: {
                        runAsUser: 0,
                        privileged: false,
                        seccompProfile: {
                            type: Localhost,
                            localhostProfile: "profiles/audit.json",
                        },
                    },
                },
            ],
            securityContext: {
                runAsNonRoot: true,
                runAsUser: 1000,
                runAsGroup: 3000,
                fsGroup: 2000,
                fsGroupChangePolicy: OnRootMismatch,
                supplementalGroups: [4000, 5000],
                seccompProfile: { type: RuntimeDefault },
            },
        }
        .build()?
        .into(),
    ])
}
