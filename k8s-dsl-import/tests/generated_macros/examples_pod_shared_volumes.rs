// `tests/corpus/examples/pod_shared_volumes.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/examples/pod_shared_volumes.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `webserver` (document 1)
        k8s_dsl::pod! {
            name: "webserver",
            labels: { app: "webserver" },
            containers: [
                {
                    name: "web",
                    image: "nginx:1.27",
                    ports: [ { containerPort: 80, name: "http", protocol: TCP } ],
                    volumeMounts: [
                        { name: "htdocs", mountPath: "/usr/share/nginx/html", readOnly: true },
                        { name: "logs", mountPath: "/var/log/nginx" },
                    ],
                    readinessProbe: { httpGet: { path: "/", port: "http" } },
                },
                {
                    name: "content",
                    image: "busybox:1.36",
                    command: [
                        "sh",
                        "-c",
                        "while true; do date > /htdocs/index.html; sleep 10; done",
                    ],
                    volumeMounts: [ { name: "htdocs", mountPath: "/htdocs" } ],
                },
                {
                    name: "logger",
                    image: "busybox:1.36",
                    command: ["sh", "-c", "touch /logs/access.log && tail -f /logs/access.log"],
                    volumeMounts: [ { name: "logs", mountPath: "/logs", readOnly: true } ],
                },
            ],
            volumes: [ { name: "htdocs", emptyDir: {} }, { name: "logs", emptyDir: {} } ],
        }
        .build()?
        .into(),
    ])
}
