fn main() {
    let _pod = k8s_dsl::pod! {
        name: "Web",
        lables: { app: "web" },
        restartPolicy: Newver,
        volumes: [ { name: "logs", emptyDir: {} } ],
        initContainers: [ {
            name: "init",
            image: "busybox:1.36",
            livenessProbe: { exec: { command: ["true"] } },
        } ],
        containers: [
            {
                name: "app",
                image: "nginx:1.27",
                ports: [ { containerPort: 70000, name: "http_alt" } ],
                readinessProbe: { httpGet: { path: "/", port: "http" }, preiodSeconds: 5s, initialDelaySeconds: 10 },
                volumeMounts: [ { name: "log", mountPath: "/logs" } ],
                resources: { requests: { memory: "1GB" } },
            },
            { name: "app", image: "nginx:1.27", env: [ { name: "1X", value: "y" } ] },
            { name: "sidecar" },
        ],
    };
}
