// `tests/corpus/pods/resources.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/resources.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `resources-demo` (document 1)
        Pod::new("resources-demo")
            .container(
                Container::new("paired")
                    .image("example/app:1.0")
                    .cpu("500m", "2")
                    .request("ephemeral-storage", "2Gi")
                    .memory("1Gi", "2Gi"),
            )
            .container(
                Container::new("requests-only")
                    .image("example/app:1.0")
                    .request("cpu", "100m")
                    .request("memory", "32Mi"),
            )
            .container(
                Container::new("limits-only")
                    .image("example/app:1.0")
                    .limit("memory", "256Mi"),
            )
            .container(
                Container::new("gpu")
                    .image("example/trainer:1.0")
                    .request("example.com/gpu", "1")
                    .limit("cpu", "4")
                    .limit("example.com/gpu", "1"),
            )
            .build()?
            .into(),
    ])
}
