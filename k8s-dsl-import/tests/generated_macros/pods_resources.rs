// `tests/corpus/pods/resources.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/resources.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `resources-demo` (document 1)
        k8s_dsl::pod! {
            name: "resources-demo",
            containers: [
                {
                    name: "paired",
                    image: "example/app:1.0",
                    resources: {
                        requests: { cpu: "500m", "ephemeral-storage": "2Gi", memory: "1Gi" },
                        limits: { cpu: "2", memory: "2Gi" },
                    },
                },
                {
                    name: "requests-only",
                    image: "example/app:1.0",
                    resources: { requests: { cpu: "100m", memory: "32Mi" } },
                },
                {
                    name: "limits-only",
                    image: "example/app:1.0",
                    resources: { limits: { memory: "256Mi" } },
                },
                {
                    name: "gpu",
                    image: "example/trainer:1.0",
                    resources: {
                        requests: { "example.com/gpu": "1" },
                        limits: { cpu: "4", "example.com/gpu": "1" },
                    },
                },
            ],
        }
        .build()?
        .into(),
    ])
}
