fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        volumes: [ { name: "bundle", projected: { sources: [ { configMap: { name: "app" } }, {} ] } } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
