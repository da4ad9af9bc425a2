// `tests/corpus/examples/pod_lifecycle_hooks.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_lifecycle_hooks.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `hooks` (document 1)
        k8s_dsl::pod! {
            name: "hooks",
            containers: [ {
                name: "random-generator",
                image: "k8spatterns/random-generator:1.0",
                lifecycle: {
                    postStart: {
                        exec: {
                            command: [
                                "sh",
                                "-c",
                                "sleep 30 && echo \"Wake up!\" > /tmp/postStart_done",
                            ],
                        },
                    },
                    preStop: { httpGet: { path: "/shutdown", port: 8080 } },
                },
            } ],
        }
        .build()?
        .into(),
    ])
}
