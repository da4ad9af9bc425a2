// `tests/corpus/examples/pod_sidecar.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_sidecar.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `app-native-sidecar` (document 1)
        Pod::new("app-native-sidecar")
            .label("app", "logging-demo")
            .sidecar(
                Container::new("log-shipper")
                    .image("fluent/fluent-bit:3.2")
                    .args([
                        "-i",
                        "tail",
                        "-p",
                        "path=/var/log/app/*.log",
                        "-o",
                        "stdout",
                    ])
                    .mount_read_only("logs", "/var/log/app"),
            )
            .container(
                Container::new("app")
                    .image("busybox:1.36")
                    .command([
                        "sh",
                        "-c",
                        "while true; do date >> /var/log/app/app.log; sleep 5; done",
                    ])
                    .mount("logs", "/var/log/app"),
            )
            .volume(Volume::empty_dir("logs"))
            .build()?
            .into(),
        // Pod `app-classic-sidecar` (document 2)
        Pod::new("app-classic-sidecar")
            .label("app", "logging-demo")
            .container(
                Container::new("app")
                    .image("busybox:1.36")
                    .command([
                        "sh",
                        "-c",
                        "while true; do date >> /var/log/app/app.log; sleep 5; done",
                    ])
                    .mount("logs", "/var/log/app"),
            )
            .container(
                Container::new("log-shipper")
                    .image("fluent/fluent-bit:3.2")
                    .args([
                        "-i",
                        "tail",
                        "-p",
                        "path=/var/log/app/*.log",
                        "-o",
                        "stdout",
                    ])
                    .mount_read_only("logs", "/var/log/app"),
            )
            .volume(Volume::empty_dir("logs"))
            .build()?
            .into(),
    ])
}
