fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            env: [ { name: "CPU", valueFrom: { resourceFieldRef: { resource: "limits.cpu", divisor: "1Mi" } } } ],
        } ],
    };
}
