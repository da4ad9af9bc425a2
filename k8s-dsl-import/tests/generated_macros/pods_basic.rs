// `tests/corpus/pods/basic.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/pods/basic.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Pod `basic` (document 1)
        k8s_dsl::pod! {
            name: "basic",
            namespace: "demo",
            labels: { app: "basic", tier: "web" },
            annotations: {
                description: "a pod with: colons, \"quotes\" and a\nnewline",
                team: "platform",
            },
            containers: [ {
                name: "web",
                image: "nginx:1.27",
                imagePullPolicy: IfNotPresent,
                command: ["nginx"],
                args: ["-g", "daemon off;"],
                workingDir: "/usr/share/nginx",
                ports: [
                    { containerPort: 80, name: "http", protocol: TCP },
                    { containerPort: 53, name: "dns", protocol: UDP },
                    { containerPort: 9000 },
                    { containerPort: 8443, protocol: SCTP, hostPort: 8443, hostIP: "127.0.0.1" },
                ],
                readinessProbe: { httpGet: { path: "/", port: "http" } },
                terminationMessagePolicy: FallbackToLogsOnError,
                terminationMessagePath: "/dev/termination-log",
                stdin: true,
                stdinOnce: true,
                tty: true,
            } ],
        }
        .build()?
        .into(),
    ])
}
