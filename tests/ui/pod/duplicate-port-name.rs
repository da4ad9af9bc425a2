fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            ports: [ { containerPort: 80, name: "http" }, { containerPort: 8080, name: "http" } ],
        } ],
    };
}
