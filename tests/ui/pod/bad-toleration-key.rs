fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        tolerations: [ { key: "dedicated node", operator: Exists } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
