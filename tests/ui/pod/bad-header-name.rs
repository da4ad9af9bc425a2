fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            ports: [ { containerPort: 8080, name: "http" } ],
            readinessProbe: {
                httpGet: { path: "/ready", port: "http", httpHeaders: [ { name: "X Probe", value: "1" } ] },
            },
        } ],
    };
}
