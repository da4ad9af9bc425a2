// `tests/corpus/examples/pod_shared_volumes.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_shared_volumes.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `webserver` (document 1)
        Pod::new("webserver")
            .label("app", "webserver")
            .container(
                Container::new("web")
                    .image("nginx:1.27")
                    .port(ContainerPort::tcp(80).name("http"))
                    .mount_read_only("htdocs", "/usr/share/nginx/html")
                    .mount("logs", "/var/log/nginx")
                    .readiness_probe(Probe::http_get("/", "http")),
            )
            .container(
                Container::new("content")
                    .image("busybox:1.36")
                    .command([
                        "sh",
                        "-c",
                        "while true; do date > /htdocs/index.html; sleep 10; done",
                    ])
                    .mount("htdocs", "/htdocs"),
            )
            .container(
                Container::new("logger")
                    .image("busybox:1.36")
                    .command([
                        "sh",
                        "-c",
                        "touch /logs/access.log && tail -f /logs/access.log",
                    ])
                    .mount_read_only("logs", "/logs"),
            )
            .volume(Volume::empty_dir("htdocs"))
            .volume(Volume::empty_dir("logs"))
            .build()?
            .into(),
    ])
}
