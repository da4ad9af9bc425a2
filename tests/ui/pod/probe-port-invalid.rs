// A probe's port, by number or by name, is rule 25 (`validateHTTPGetAction`,
// `ValidatePortNumOrName`), as `build()` reports it; a container's own ports are rules 20 and 21.
fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            ports: [ { containerPort: 8080, name: "http" } ],
            livenessProbe: { httpGet: { path: "/healthz", port: 0 } },
            readinessProbe: { tcpSocket: { port: "Http" } },
            startupProbe: { grpc: { port: 70000 } },
        } ],
    };
}
