fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        tolerations: [ { key: "dedicated", operator: Exists, value: "gpu", effect: NoSchedule } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
