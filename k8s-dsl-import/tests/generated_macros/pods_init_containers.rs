// `tests/corpus/pods/init-containers.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/init-containers.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `myapp-pod` (document 1)
        k8s_dsl::pod! {
            name: "myapp-pod",
            labels: { app: "myapp" },
            initContainers: [
                {
                    name: "init-myservice",
                    image: "busybox:1.28",
                    command: [
                        "sh",
                        "-c",
                        "until nslookup myservice; do echo waiting for myservice; sleep 2; done",
                    ],
                },
                {
                    name: "init-mydb",
                    image: "busybox:1.28",
                    command: [
                        "sh",
                        "-c",
                        "until nslookup mydb; do echo waiting for mydb; sleep 2; done",
                    ],
                },
            ],
            containers: [ {
                name: "myapp-container",
                image: "busybox:1.28",
                command: ["sh", "-c", "echo The app is running! && sleep 3600"],
            } ],
        }
        .build()?
        .into(),
    ])
}
