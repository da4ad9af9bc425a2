fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            ports: [ { containerPort: 8080, name: "admin" } ],
            lifecycle: { preStop: { httpGet: { path: "/shutdown", port: "admn" } } },
        } ],
    };
}
